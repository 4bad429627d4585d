// A real browser for the portal's tests: Debian's Chromium, headless, driven by Playwright
// (playwright-core: the library alone, it downloads no browser of its own). Every page a test
// visits is saved as a screenshot under PACTUM_ARTIFACTS_DIR (default
// ~/.cache/pactum/artifacts/portal), one folder per test file, emptied when the file starts.
import { mkdirSync, existsSync, rmSync } from 'node:fs';
import { join, basename } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.PACTUM_CHROMIUM
  ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path))
  ?? '/usr/bin/chromium';

export const ARTIFACTS_DIR = process.env.PACTUM_ARTIFACTS_DIR
  ?? join(process.env.HOME, '.cache/pactum/artifacts/portal');

/**
 * Starts headless Chromium. `shoot(page, name)` saves a full-page screenshot as
 * `<artifacts>/<file>/<nn>-<name>.png`; `close()` ends the browser.
 */
export async function startBrowser(testFile) {
  const dir = join(ARTIFACTS_DIR, basename(testFile, '.test.mjs'));
  rmSync(dir, { recursive: true, force: true }); // this run's screenshots only
  mkdirSync(dir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // root in a container has no user namespaces for Chromium's sandbox
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
  let shots = 0;
  return {
    browser,
    dir,
    /** A new browser context (its own storage: another person) with a desktop or phone viewport. */
    async context({ phone = false, locale = 'en-GB' } = {}) {
      return browser.newContext(phone
        ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale }
        : { viewport: { width: 1280, height: 900 }, locale });
    },
    async shoot(page, name) {
      shots += 1;
      const file = join(dir, `${String(shots).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    close: () => browser.close(),
  };
}
