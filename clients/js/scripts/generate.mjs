// Generates what @pactum/client ships, from the repository's sources of truth:
//
//   generated/types-bundle.json  the polkadot.js types bundle (the custom JSON-RPC methods and
//                                their types, keyed by the spec name `pactum`), from
//                                node/rpc-definitions.json
//   generated/types.json         the types alone, for polkadot.js apps' Settings → Developer
//   .papi/descriptors/dist/      PAPI's descriptors, from gateway/metadata/pactum.scale (the
//                                runtime's metadata, which scripts/gen-metadata.sh writes); not
//                                checked in
//
//   node scripts/generate.mjs          write them (npm's postinstall runs this)
//   node scripts/generate.mjs --check  exit 1 if the checked-in JSON files are not what the
//                                      sources give (the tests run this)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPO = join(PACKAGE, '..', '..');
const SPEC_NAME = 'pactum';

/** The files the JSON sources give: name → contents. */
export function generatedFiles() {
  const definitions = JSON.parse(readFileSync(join(REPO, 'node/rpc-definitions.json'), 'utf8'));
  const bundle = {
    spec: {
      [SPEC_NAME]: {
        rpc: definitions.rpc,
        types: [{ minmax: [0, null], types: definitions.types }],
      },
    },
  };
  return {
    'generated/types-bundle.json': `${JSON.stringify(bundle, null, 2)}\n`,
    'generated/types.json': `${JSON.stringify(definitions.types, null, 2)}\n`,
  };
}

function main() {
  const check = process.argv.includes('--check');
  const stale = [];
  for (const [name, contents] of Object.entries(generatedFiles())) {
    const file = join(PACKAGE, name);
    if (check) {
      let current = null;
      try { current = readFileSync(file, 'utf8'); } catch { /* missing */ }
      if (current !== contents) stale.push(name);
    } else {
      writeFileSync(file, contents);
    }
  }
  if (check) {
    if (stale.length > 0) {
      console.error(`stale: ${stale.join(', ')} (run \`npm run generate\` in clients/js and commit them)`);
      process.exit(1);
    }
    return;
  }
  // PAPI's code generator, from the metadata file .papi/polkadot-api.json names, into
  // .papi/descriptors (not checked in); it skips the work when the metadata did not change.
  execFileSync('npx', ['--no-install', 'papi', 'generate'], { cwd: PACKAGE, stdio: 'inherit' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
