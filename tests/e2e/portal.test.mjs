// The client portal in a real browser (Debian's Chromium, headless, through Playwright) against a
// real node and gateway: a client signs in through the gateway's sign-in page (PKCE), sees only
// its own contracts (another's contract is a refusal page), downloads a contract's file and sees
// it checked against the chain's hash in the browser, each signature's transaction linked to the
// explorer; clients sign with a key of their own (kept encrypted in the browser, or a wallet
// extension) or, signed in lately, with the one the gateway keeps; the operator's staff sign
// contracts in bulk, create one, register a client, propose an amendment and a termination whose
// reasons' words are checked against their hashes in the browser; anyone checks certificates by hash and by
// file, a revoked one marked revoked; the pages carry a strict CSP, work by keyboard, in Russian,
// on a phone; a session ends by itself after a while without activity. Every page visited is saved
// as a screenshot (lib/browser.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { hexToU8a, u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { blake2AsHex, mnemonicGenerate, mnemonicToMiniSecret } from '@polkadot/util-crypto';
import { REPO_ROOT, startDevChain, waitFor } from './lib/node.mjs';
import { submit } from './lib/tx.mjs';
import { startGateway, request, clientToken, operatorClient, settled, postJson } from './lib/gateway.mjs';
import { startBrowser } from './lib/browser.mjs';

const PORTAL_DIST = process.env.PACTUM_PORTAL_DIST ?? join(REPO_ROOT, 'portal', 'dist');
const PASSWORD = 'correct horse battery staple';

let chain;
let gateway;
let browser;
let alice;
let bob;
let charlie;
let dana; // a client with her own key, registered by Alice: { pair, words }
let erlan; // a client whose key the gateway holds (custody: gateway): his account
let operator; // Alice's CRM: creates and signs contracts
let issuer; // Charlie's backend: issues certificates as KZ-TEL
const contracts = {};
const certificates = {};
const EXPLORER = 'https://explorer.example/extrinsic'; // where the portal links a transaction

async function write(token, path, key, body) {
  const accepted = await postJson(`${gateway.url}${path}`, token, key, body);
  assert.equal(accepted.status, 202, JSON.stringify(accepted.body));
  const done = await settled(gateway, token, accepted.body.submission ?? accepted.body);
  assert.equal(done.status, 'finalized', JSON.stringify(done));
  return done.result;
}

async function upload(token, bytes) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'application/pdf' }), 'contract.pdf');
  const response = await fetch(`${gateway.url}/v1/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  assert.equal(response.status, 201);
  return response.json();
}

before(async () => {
  chain = await startDevChain();
  [alice, bob, charlie] = chain.keys('Alice', 'Bob', 'Charlie');
  await submit(chain.api, chain.api.tx.registry.assignOrgCode(charlie.address, 'KZ-TEL'), alice);
  gateway = await startGateway(chain.node.wsUrl, { PACTUM_GATEWAY_PORTAL_DIR: PORTAL_DIST });
  await gateway.ready();
  // The portal's public client, registered for its callback page, then given to the portal.
  const portal = gateway.admin('api-client', 'create', '--name', 'portal',
    '--scopes', 'documents:read documents:write documents:sign clients:read clients:write submissions:read events:read',
    '--redirect-uri', `${gateway.url}/portal/callback`);
  // A custodial key signs only within 8 s of signing in here (5 minutes by default).
  await gateway.reconfigure({
    PACTUM_GATEWAY_PORTAL_CLIENT_ID: portal.client_id,
    PACTUM_GATEWAY_CUSTODIAL_SIGNING_MAX_AGE_SECS: '8',
    PACTUM_GATEWAY_PORTAL_EXPLORER_URL: `${EXPLORER}/{block_number}-{index}`,
  });
  await gateway.ready();
  // Bob is a client (a person's default scopes); ops is the operator's staff, acting for Alice.
  gateway.adminWithInput(`${PASSWORD}\n`, 'user', 'create', '--username', 'bob', '--account', bob.address, '--password-file', '-');
  gateway.adminWithInput(`${PASSWORD}\n`, 'user', 'create', '--username', 'ops', '--account', alice.address, '--password-file', '-',
    '--scopes', 'documents:read documents:write clients:write submissions:read events:read');

  ({ access_token: operator } = await clientToken(gateway,
    (await operatorClient(gateway, '//Alice', 'documents:read documents:write clients:write submissions:read events:read')).client));
  ({ access_token: issuer } = await clientToken(gateway,
    (await operatorClient(gateway, '//Charlie', 'certificates:issue submissions:read', 'charlie')).client));

  // The chain state the pages show, written in parallel (the gateway orders each signer's
  // transactions): Bob's contract with Alice, its file on the gateway, signed by Alice so far; one
  // between Alice and Charlie, none of Bob's business; Dana's two (a client whose key is hers
  // alone, registered by Alice), signed by Alice; two more of Alice's with Charlie that the
  // operator's staff sign together; and two certificates of KZ-TEL held by Bob, one revoked.
  contracts.file = randomBytes(50_000);
  const stored = await upload(operator, contracts.file);
  contracts.hash = stored.hash;
  const words = mnemonicGenerate(12);
  dana = { words, pair: new Keyring({ type: 'sr25519' }).addFromUri(words) };
  const newContract = (key, parties, file = stored) => write(operator, '/v1/documents', key, {
    hash: file.hash, uri: file.uri, hash_algorithm: file.hash_algorithm, parties, signers: parties,
  }).then((result) => result.document);
  const randomFile = (name) => ({ hash: `0x${randomBytes(32).toString('hex')}`, uri: `https://files.example/${name}`, hash_algorithm: 'blake2_256' });
  const signByAlice = (key, documents) => write(operator, '/v1/documents/signatures', key, {
    items: documents.map((document) => ({ document, version: 0, hash: stored.hash, hash_algorithm: stored.hash_algorithm })),
  });
  await Promise.all([
    (async () => {
      contracts.bob = await newContract('portal-bob', [alice.address, bob.address]);
      await signByAlice('portal-bob-alice', [contracts.bob]);
      // The page reads who signed in which transaction from the gateway's event index, which
      // follows finality: wait until it has Alice's signature.
      await waitFor(async () => {
        const page = await request(`${gateway.url}/v1/events?types=document.signed&limit=500`, { token: operator });
        return page.body.events?.some((e) => e.data.document === contracts.bob);
      }, 60_000, "Alice's signature in the event index");
    })(),
    (async () => {
      contracts.other = await newContract('portal-charlie', [alice.address, charlie.address], randomFile('other'));
    })(),
    (async () => {
      await write(operator, '/v1/clients', 'portal-dana', {
        data: { name: 'Dana Nurlanovna' }, custody: 'self', account: dana.pair.address,
      });
      gateway.adminWithInput(`${PASSWORD}\n`, 'user', 'create', '--username', 'dana', '--account', dana.pair.address, '--password-file', '-');
      // the second she signs with a wallet extension
      [contracts.dana, contracts.danaWallet] = await Promise.all(['portal-dana-contract', 'portal-dana-contract-2']
        .map((key) => newContract(key, [alice.address, dana.pair.address])));
      await signByAlice('portal-dana-alice', [contracts.dana, contracts.danaWallet]);
    })(),
    (async () => {
      const registered = await postJson(`${gateway.url}/v1/clients`, operator, 'portal-erlan', { data: { name: 'Erlan Abenov' } });
      assert.equal(registered.status, 202, JSON.stringify(registered.body));
      erlan = registered.body.client.account;
      assert.equal((await settled(gateway, operator, registered.body.submission)).status, 'finalized');
      gateway.adminWithInput(`${PASSWORD}\n`, 'user', 'create', '--username', 'erlan', '--account', erlan, '--password-file', '-');
      contracts.erlan = await newContract('portal-erlan-contract', [alice.address, erlan]);
      await signByAlice('portal-erlan-alice', [contracts.erlan]);
    })(),
    (async () => {
      contracts.bulk = await Promise.all([1, 2].map((n) => newContract(`portal-bulk-${n}`, [alice.address, charlie.address], randomFile(`bulk-${n}`))));
    })(),
    (async () => {
      // each certificate the BLAKE2b-256 of its file
      for (const name of ['valid', 'revoked']) {
        const file = Buffer.from(`KZ-TEL licence ${name} ${randomBytes(8).toString('hex')}`);
        certificates[name] = { file, hash: blake2AsHex(file, 256) };
      }
      await Promise.all(['valid', 'revoked'].map((name) => write(issuer, '/v1/certificates', `cert-${name}`,
        { holder: bob.address, hash: certificates[name].hash, cert_type: 'telecom-licence' })));
      await write(issuer, `/v1/certificates/${certificates.revoked.hash}/revocation`, 'cert-revoke', {
        reason_hash: `0x${randomBytes(32).toString('hex')}`,
      });
    })(),
  ]);

  browser = await startBrowser(import.meta.filename);
});

after(async () => {
  await browser?.close();
  await gateway?.stop();
  await chain?.stop();
});

/**
 * Waits for `locator` to show a write final on chain; if it does not, the test fails with a
 * screenshot of where the page stopped and the end of the gateway's log.
 */
async function settledInPage(page, locator, name) {
  await locator.waitFor({ timeout: 90_000 }).catch(async (error) => {
    await browser.shoot(page, name);
    throw new Error(`${error.message}\ngateway log:\n${gateway.log().slice(-4000)}`);
  });
}

/** Signs in at the gateway's page (the browser is on it) and waits to be back in the portal. */
async function signInAtGateway(page, shoot, username = 'bob') {
  await page.waitForURL(/\/oauth\/authorize/);
  if (shoot) await browser.shoot(page, 'gateway-sign-in');
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/portal\/(?!callback)/);
}

test('a client signs in, sees only its own contracts, and checks a file against the chain in the browser', async () => {
  const context = await browser.context();
  const page = await context.newPage();
  try {
    await page.goto(`${gateway.url}/`);
    await page.waitForURL(`${gateway.url}/portal/`);
    await page.getByRole('heading', { name: 'Your contracts, signed on chain' }).waitFor();
    await browser.shoot(page, 'home');

    await page.getByRole('button', { name: 'Sign in to see your contracts' }).click();
    await signInAtGateway(page, true);
    await page.waitForURL(`${gateway.url}/portal/contracts`);
    await page.locator(`tr[data-document="${contracts.bob}"]`).waitFor();
    await browser.shoot(page, 'contracts');
    assert.equal(await page.locator(`tr[data-document="${contracts.other}"]`).count(), 0, "another's contract is not listed");
    const nav = page.getByRole('navigation');
    assert.equal(await nav.getByRole('link', { name: 'New contract' }).count(), 0, 'a client sees no staff pages');
    assert.equal(await nav.getByRole('link', { name: 'Signing key' }).count(), 0, 'Bob is no client of this gateway with a key of his own');
    const row = page.locator(`tr[data-document="${contracts.bob}"]`);
    assert.match(await row.innerText(), /Awaiting signatures/);
    assert.match(await row.innerText(), /awaiting your signature/);
    assert.match(await row.innerText(), /1 of 2/);

    await row.getByRole('link', { name: `Contract ${contracts.bob}` }).click();
    await page.waitForURL(`${gateway.url}/portal/contracts/${contracts.bob}`);
    const version = page.locator('section.version[data-version="0"]');
    await version.waitFor();
    const alicesSignature = version.locator(`li[data-signer="${alice.address}"]`);
    assert.match(await alicesSignature.innerText(), /signed in block \d+/);
    // from the event index, linked to the explorer the gateway names
    const extrinsic = alicesSignature.getByRole('link', { name: /^transaction \d+-\d+$/ });
    await extrinsic.waitFor();
    const [, block, index] = /^transaction (\d+)-(\d+)$/.exec(await extrinsic.innerText());
    assert.equal(await extrinsic.getAttribute('href'), `${EXPLORER}/${block}-${index}`);
    // and when: the block's timestamp, within the test's minutes
    const signedAt = Date.parse(await alicesSignature.locator('time[data-signed-at]').getAttribute('datetime'));
    assert.ok(Math.abs(Date.now() - signedAt) < 15 * 60_000, `signed at ${new Date(signedAt).toISOString()}`);
    assert.match(await version.locator('li.waiting').innerText(), /Waiting for the signature of/);
    assert.equal(await version.locator('li.waiting [data-account]').getAttribute('data-account'), bob.address);
    await browser.shoot(page, 'contract');

    await version.getByRole('button', { name: 'Download and check the file' }).click();
    await page.locator('[data-file-check="match"]').waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Save the file' }).click();
    const saved = await download;
    const bytes = await (await import('node:fs/promises')).readFile(await saved.path());
    assert.deepEqual(bytes, contracts.file, 'the file saved is the one on the gateway');
    await browser.shoot(page, 'contract-file-checked');

    // A staff page by its address (in the app: a reload would end the session): refused.
    await page.evaluate(() => {
      window.history.pushState(null, '', '/portal/operator/pending');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.getByText('This page is for the operator’s staff.').waitFor();

    // Another's contract by its address: the page reloads (the session is in memory only), so
    // Bob signs in again and comes back to it, to a refusal.
    await page.goto(`${gateway.url}/portal/contracts/${contracts.other}`);
    await page.getByText('Sign in to see this page.').waitFor();
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await signInAtGateway(page, false);
    await page.waitForURL(`${gateway.url}/portal/contracts/${contracts.other}`);
    await page.getByText('This contract does not exist, or it is not yours to see.').waitFor();
    await browser.shoot(page, 'contract-refused');
  } finally {
    await context.close();
  }
});

test('a client imports her own key, kept encrypted, and signs a pending version in the browser; it becomes active', async () => {
  const context = await browser.context();
  const page = await context.newPage();
  const passphrase = 'a passphrase only Dana knows';
  try {
    await page.goto(`${gateway.url}/portal/`);
    await page.getByRole('button', { name: 'Sign in to see your contracts' }).click();
    await signInAtGateway(page, false, 'dana');
    await page.getByRole('navigation').getByRole('link', { name: 'Signing key' }).click();
    await page.getByRole('heading', { name: 'Your signing key' }).waitFor();
    await page.getByText('No key is stored in this browser.').waitFor();
    await browser.shoot(page, 'key-none');

    // Imported from her words, with a passphrase: stored only encrypted.
    const form = page.locator('form[aria-labelledby="import-words"]');
    await form.getByLabel('Secret words (12 or 24) or secret seed').fill(dana.words);
    await form.getByLabel(/A passphrase to encrypt the key/).fill(passphrase);
    await form.getByLabel('The passphrase again').fill(passphrase);
    await form.getByRole('button', { name: 'Import' }).click();
    const stored = page.locator(`li[data-key="${dana.pair.address}"]`);
    await stored.getByText('the key of your account').waitFor({ timeout: 30_000 });
    await browser.shoot(page, 'key-imported');
    const storage = await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage));
    assert.ok(!storage.includes(dana.words.split(' ').slice(0, 3).join(' ')), 'no words in browser storage');
    assert.ok(!storage.includes(u8aToHex(mnemonicToMiniSecret(dana.words)).slice(2)), 'no seed in browser storage');
    const [key] = JSON.parse(await page.evaluate(() => localStorage.getItem('pactum.keys')));
    assert.deepEqual(key.json.encoding.type, ['scrypt', 'xsalsa20-poly1305']);
    assert.equal(key.json.address, dana.pair.address);

    await page.getByRole('navigation').getByRole('link', { name: 'My contracts' }).click();
    await page.locator(`tr[data-document="${contracts.dana}"]`).getByRole('link').click();
    const version = page.locator('section.version[data-version="0"]');
    await version.waitFor();
    await version.getByRole('button', { name: 'Sign version 0' }).click();
    const dialog = page.getByRole('dialog', { name: `Sign version 0 of contract ${contracts.dana}` });
    await dialog.waitFor();
    assert.equal(await dialog.locator('[data-sign-hash]').innerText(), contracts.hash, 'the dialog shows what is signed');
    const sign = dialog.getByRole('button', { name: 'Sign', exact: true });
    assert.equal(await sign.isDisabled(), true, 'no signature without the explicit confirmation');
    await dialog.getByLabel('Passphrase of your key').fill('not the passphrase');
    await dialog.getByLabel(`I have read version 0 of contract ${contracts.dana} and sign it with my key.`).check();
    await browser.shoot(page, 'sign-dialog');
    await sign.click();
    await dialog.getByText('This passphrase does not open your key.').waitFor({ timeout: 30_000 });
    await browser.shoot(page, 'sign-wrong-passphrase');

    const free = (await chain.api.query.system.account(dana.pair.address)).data.free.toBigInt();
    await dialog.getByLabel('Passphrase of your key').fill(passphrase);
    await sign.click();
    await settledInPage(page, dialog.locator('[data-sign-state="finalized"]'), 'sign-not-final');
    await browser.shoot(page, 'sign-finalized');
    await dialog.getByRole('button', { name: 'Close' }).click();
    // The page follows the chain: the contract is active, Dana's signature relayed by Alice.
    await page.getByRole('heading', { name: /Active/ }).waitFor({ timeout: 60_000 });
    const signature = version.locator(`li[data-signer="${dana.pair.address}"]`);
    assert.match(await signature.innerText(), /signed in block \d+/);
    assert.match(await signature.innerText(), /relayed by/);
    assert.equal(await version.getByRole('button', { name: 'Sign version 0' }).count(), 0);
    await browser.shoot(page, 'contract-active');

    const onChain = (await request(`${gateway.url}/v1/documents/${contracts.dana}`, { token: operator })).body.document;
    assert.equal(onChain.status, 'Active');
    assert.equal((await chain.api.query.system.account(dana.pair.address)).data.free.toBigInt(), free, 'Dana paid nothing');
  } finally {
    await context.close();
  }
});

test('a client signs with a polkadot.js-compatible wallet extension instead', async () => {
  const context = await browser.context();
  // A wallet as extensions inject themselves (window.injectedWeb3, the interface polkadot{.js},
  // Talisman and SubWallet implement), holding Dana's key in this test process: it signs the
  // bytes wrapped in <Bytes>, as they do.
  await context.exposeFunction('testWalletSign', (data) => u8aToHex(dana.pair.sign(u8aWrapBytes(hexToU8a(data)))));
  await context.addInitScript(({ address }) => {
    const accounts = [{ address, name: 'Dana (wallet)', type: 'sr25519' }];
    window.injectedWeb3 = {
      'test-wallet': {
        version: '1.0.0',
        enable: async () => ({
          accounts: { get: async () => accounts, subscribe: (cb) => { cb(accounts); return () => {}; } },
          signer: {
            signRaw: async ({ data }) => ({ id: 1, signature: await window.testWalletSign(data) }),
          },
        }),
      },
    };
  }, { address: dana.pair.address });
  const page = await context.newPage();
  try {
    await page.goto(`${gateway.url}/portal/`);
    await page.getByRole('button', { name: 'Sign in to see your contracts' }).click();
    await signInAtGateway(page, false, 'dana');
    await page.locator(`tr[data-document="${contracts.danaWallet}"]`).getByRole('link').click();
    const version = page.locator('section.version[data-version="0"]');
    await version.getByRole('button', { name: 'Sign version 0' }).click();
    const dialog = page.getByRole('dialog', { name: `Sign version 0 of contract ${contracts.danaWallet}` });
    // No key in this browser: the wallet is the way to sign.
    await dialog.getByLabel('your browser extension').waitFor();
    assert.equal(await dialog.getByLabel('the key stored in this browser').count(), 0);
    await dialog.getByLabel(/I have read version 0/).check();
    await browser.shoot(page, 'sign-dialog-wallet');
    await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
    await dialog.locator('[data-sign-state="finalized"]').waitFor({ timeout: 90_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('heading', { name: /Active/ }).waitFor({ timeout: 60_000 });
    await browser.shoot(page, 'contract-active-wallet');
  } finally {
    await context.close();
  }
});

test('a client whose key the gateway holds signs after signing in again', async () => {
  const context = await browser.context();
  const page = await context.newPage();
  try {
    await page.goto(`${gateway.url}/portal/`);
    await page.getByRole('button', { name: 'Sign in to see your contracts' }).click();
    await signInAtGateway(page, false, 'erlan');
    const signedInAt = Date.now();
    await page.locator(`tr[data-document="${contracts.erlan}"]`).getByRole('link').click();
    const version = page.locator('section.version[data-version="0"]');
    await version.getByRole('button', { name: 'Sign version 0' }).click();
    let dialog = page.getByRole('dialog', { name: `Sign version 0 of contract ${contracts.erlan}` });
    await dialog.getByText('Your operator holds your key').waitFor();
    assert.equal(await dialog.getByLabel('Passphrase of your key').count(), 0, 'no key of his own to open');
    await dialog.getByLabel(/I have read version 0/).check();
    // Longer than the gateway's 8 s since he signed in: he is sent to sign in again.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, signedInAt + 9_000 - Date.now())));
    await browser.shoot(page, 'custodial-sign-dialog');
    await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
    await signInAtGateway(page, false, 'erlan');
    await page.waitForURL(`${gateway.url}/portal/contracts/${contracts.erlan}`);
    // Back on the contract, the dialog opens by itself and asks for the confirmation again.
    dialog = page.getByRole('dialog', { name: `Sign version 0 of contract ${contracts.erlan}` });
    await dialog.getByText('You signed in again: confirm once more to sign.').waitFor();
    const sign = dialog.getByRole('button', { name: 'Sign', exact: true });
    assert.equal(await sign.isDisabled(), true);
    await dialog.getByLabel(/I have read version 0/).check();
    await browser.shoot(page, 'custodial-signed-in-again');
    await sign.click();
    await settledInPage(page, dialog.locator('[data-sign-state="finalized"]'), 'custodial-not-final');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('heading', { name: /Active/ }).waitFor({ timeout: 60_000 });
    assert.match(await version.locator(`li[data-signer="${erlan}"]`).innerText(), /relayed by/);
    await browser.shoot(page, 'custodial-contract-active');
  } finally {
    await context.close();
  }
});

test("the operator's staff sign a selection of contracts at once, create one from its file, register a client, propose an amendment and a termination", async () => {
  const context = await browser.context();
  const page = await context.newPage();
  try {
    await page.goto(`${gateway.url}/portal/`);
    await page.getByRole('button', { name: 'Sign in to see your contracts' }).click();
    await signInAtGateway(page, false, 'ops');
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Awaiting our signature' }).click();
    for (const id of [...contracts.bulk, contracts.other]) await page.locator(`tr[data-pending="${id}"]`).waitFor();
    assert.equal(await page.locator(`tr[data-pending="${contracts.bob}"]`).count(), 0, 'signed by the operator already');
    const signSelected = page.getByRole('button', { name: /^Sign the selected/ });
    assert.equal(await signSelected.isDisabled(), true);
    for (const id of contracts.bulk) await page.getByLabel(`Select contract ${id}`, { exact: true }).check();
    await browser.shoot(page, 'operator-pending');
    await page.getByRole('button', { name: 'Sign the selected (2)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign 2 contracts' });
    for (const id of contracts.bulk) await dialog.locator(`li[data-bulk-item="${id}"]`).waitFor();
    await dialog.getByLabel('I have checked these 2 contracts and sign them for the operator.').check();
    await browser.shoot(page, 'operator-bulk-dialog');
    await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
    await settledInPage(page, dialog.getByText(/^Signed: 2 contracts, in block \d+, final\.$/), 'bulk-not-final');
    await browser.shoot(page, 'operator-bulk-signed');
    await dialog.getByRole('button', { name: 'Close' }).click();
    // The list as the chain has it now: the two signed, the third still waiting.
    await page.locator(`tr[data-pending="${contracts.bulk[0]}"]`).waitFor({ state: 'detached' });
    assert.equal(await page.locator(`tr[data-pending="${contracts.bulk[1]}"]`).count(), 0);
    assert.equal(await page.locator(`tr[data-pending="${contracts.other}"]`).count(), 1);
    for (const id of contracts.bulk) {
      const doc = (await request(`${gateway.url}/v1/documents/${id}`, { token: operator })).body.document;
      assert.deepEqual(doc.versions[0].signatures.map((s) => s.signer), [alice.address], `contract ${id} signed by the operator`);
    }

    // A new contract with Charlie from its file: its hash on chain, the file checked against it.
    await nav.getByRole('link', { name: 'New contract' }).click();
    const file = randomBytes(20_000);
    await page.getByLabel('The contract’s file').setInputFiles({ name: 'roaming-annex.pdf', mimeType: 'application/pdf', buffer: file });
    await page.getByLabel(/The other parties’ accounts/).fill(charlie.address);
    await page.getByRole('button', { name: 'Upload and create' }).click();
    const created = page.getByRole('link', { name: /^Contract \d+ is on chain\.$/ });
    await created.waitFor({ timeout: 90_000 });
    await browser.shoot(page, 'operator-contract-created');
    await created.click();
    const version = page.locator('section.version[data-version="0"]');
    await version.waitFor();
    assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Awaiting signatures/);
    await version.getByRole('button', { name: 'Download and check the file' }).click();
    await page.locator('[data-file-check="match"]').waitFor();
    await browser.shoot(page, 'operator-contract-page');

    // A new client, whose key the gateway makes and keeps: its data sealed, its hash on chain.
    await nav.getByRole('link', { name: 'New client' }).click();
    await page.getByLabel('Name (a person or an organisation)').fill('Aliya Nurtas');
    await page.getByLabel('Identifier (IIN or BIN)').fill('900101300123');
    await page.getByRole('button', { name: 'Register' }).click();
    const registered = page.locator('[data-registered-client]');
    await settledInPage(page, registered, 'client-not-final');
    const account = await registered.getAttribute('data-registered-client');
    assert.equal((await chain.api.query.registry.clients(account)).isSome, true, 'a client on chain');
    await browser.shoot(page, 'operator-client-registered');

    // An amendment to Dana's contract (active since she signed it): a new text, a reason whose
    // hash goes on chain, the text in force unchanged until both sign again.
    await nav.getByRole('link', { name: 'My contracts' }).click();
    await page.locator(`tr[data-document="${contracts.dana}"]`).getByRole('link').click();
    await page.getByRole('button', { name: 'Propose an amendment' }).click();
    const reason = 'Roaming rates for 2027, annex 3';
    await page.getByLabel('The new text’s file').setInputFiles({ name: 'annex-3.pdf', mimeType: 'application/pdf', buffer: randomBytes(10_000) });
    await page.getByLabel(/^Why/).fill(reason);
    await page.getByRole('button', { name: 'Upload and propose' }).click();
    await settledInPage(page, page.getByText(/^Proposed in block \d+/), 'amendment-not-final');
    const amendment = page.locator('section.version[data-version="1"]');
    await amendment.getByText('Open for signatures').waitFor();
    await amendment.getByRole('heading', { name: 'Version 1: Amendment' }).waitFor();
    assert.equal(await amendment.locator('[data-reason-hash]').innerText(), blake2AsHex(reason, 256), 'the reason\'s hash on chain');
    // its words, kept by the gateway, checked against that hash in the browser
    assert.match(await amendment.locator('[data-reason="match"]').innerText(), new RegExp(reason));
    assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Active/, 'the text in force stays');
    await browser.shoot(page, 'operator-amendment-proposed');

    // The end of Dana's other contract (active since she signed it with her wallet): a version
    // that keeps the text and, once both sign it, ends the contract.
    await nav.getByRole('link', { name: 'My contracts' }).click();
    await page.locator(`tr[data-document="${contracts.danaWallet}"]`).getByRole('link').click();
    await page.getByRole('button', { name: 'Propose to end the contract' }).click();
    const ending = 'The subscriber moves abroad';
    await page.getByLabel(/^Why/).fill(ending);
    await page.getByRole('button', { name: 'Propose the termination' }).click();
    await settledInPage(page, page.getByText(/^Proposed in block \d+: once every required signer signs the termination/), 'termination-not-final');
    const termination = page.locator('section.version[data-version="1"]');
    await termination.getByRole('heading', { name: 'Version 1: Termination' }).waitFor();
    await termination.getByText('Open for signatures').waitFor();
    assert.match(await termination.locator('[data-reason="match"]').innerText(), new RegExp(ending));
    assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Active/, 'in force until both sign');
    await browser.shoot(page, 'operator-termination-proposed');
  } finally {
    await context.close();
  }
});

test('anyone checks a certificate by hash or by its file; a revoked one is marked revoked', async () => {
  const context = await browser.context({ phone: true });
  const page = await context.newPage();
  try {
    await page.goto(`${gateway.url}/portal/certificates`);
    await page.getByLabel('Certificate hash (0x followed by 64 hexadecimal digits)').fill(certificates.valid.hash);
    await page.getByRole('button', { name: 'Check' }).click();
    await page.waitForURL(`${gateway.url}/portal/certificates/${certificates.valid.hash}`);
    const valid = page.locator('article[data-certificate="Valid"]');
    await valid.waitFor();
    const text = await valid.innerText();
    assert.match(text, /KZ-TEL/);
    assert.match(text, /telecom-licence/);
    assert.ok(text.includes(bob.address), 'the holder');
    assert.ok(text.includes(charlie.address), 'the issuer');
    assert.match(text, /Issued in block\s+\d+/);
    await page.getByRole('img', { name: `${gateway.url}/portal/certificates/${certificates.valid.hash}` }).waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      'nothing is wider than the phone');
    await browser.shoot(page, 'certificate-valid-phone');

    // By file: hashed in the browser, the file sent nowhere.
    await page.goto(`${gateway.url}/portal/certificates`);
    await page.setInputFiles('#cert-file', { name: 'licence.txt', mimeType: 'text/plain', buffer: certificates.revoked.file });
    await page.waitForURL(`${gateway.url}/portal/certificates/${certificates.revoked.hash}`);
    const revoked = page.locator('article[data-certificate="Revoked"]');
    await revoked.waitFor();
    assert.match(await revoked.innerText(), /Revoked in block \d+ by/);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      'nothing is wider than the phone');
    await browser.shoot(page, 'certificate-revoked-phone');

    await page.goto(`${gateway.url}/portal/certificates/0x${'ab'.repeat(32)}`);
    await page.locator('[data-certificate="unknown"]').waitFor();
    await page.getByLabel('Certificate hash (0x followed by 64 hexadecimal digits)').fill('not a hash');
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByText('A hash is 0x followed by 64 hexadecimal digits.').waitFor();
    await browser.shoot(page, 'certificate-unknown-and-bad-input');
  } finally {
    await context.close();
  }
});

test('the portal is served with a strict policy, works by keyboard and in Russian', async () => {
  const home = await fetch(`${gateway.url}/portal/`);
  assert.equal(home.status, 200);
  const csp = home.headers.get('content-security-policy');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(home.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(home.headers.get('cache-control'), 'no-cache');
  assert.equal((await fetch(`${gateway.url}/portal/assets/missing.js`)).status, 404);
  const config = await request(`${gateway.url}/portal/config.json`);
  assert.equal(config.body.issuer, gateway.url);
  assert.equal(typeof config.body.client_id, 'string');

  const context = await browser.context({ locale: 'ru-RU' });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  try {
    await page.goto(`${gateway.url}/portal/`);
    // The browser's language picks Russian.
    await page.getByRole('heading', { name: 'Ваши договоры, подписанные в блокчейне' }).waitFor();
    // The first Tab reaches the skip link, which moves the focus to the content.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Перейти к содержанию');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'content');
    await browser.shoot(page, 'home-russian');
    // The language can be switched, and the choice is kept.
    await page.getByLabel('Язык').selectOption('kk');
    await page.getByRole('heading', { name: 'Блокчейнде қол қойылған шарттарыңыз' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Блокчейнде қол қойылған шарттарыңыз' }).waitFor();
    await browser.shoot(page, 'home-kazakh');
    assert.deepEqual(errors, [], 'no errors in the console (a CSP violation would be one)');
  } finally {
    await context.close();
  }
});

test('a session ends by itself after a while without activity', async () => {
  await gateway.reconfigure({ PACTUM_GATEWAY_PORTAL_SESSION_IDLE_SECS: '6' });
  await gateway.ready();
  const context = await browser.context();
  const page = await context.newPage();
  try {
    await page.goto(`${gateway.url}/portal/`);
    await page.getByRole('button', { name: 'Sign in to see your contracts' }).click();
    await signInAtGateway(page, false);
    await page.locator(`tr[data-document="${contracts.bob}"]`).waitFor();
    // Nothing happens for 6 s: the session ends, and the person is told why.
    await page.getByText('Your session ended after 6 seconds without activity.', { exact: false }).waitFor({ timeout: 30_000 });
    assert.equal(await page.getByRole('link', { name: 'My contracts' }).count(), 0, 'signed out');
    await browser.shoot(page, 'session-ended');
  } finally {
    await context.close();
  }
});
