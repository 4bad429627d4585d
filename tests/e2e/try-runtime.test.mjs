// try-runtime on a live development chain: the chain's state, after a few transactions, passes
// this tree's runtime upgrade checks (migrations, the whole state decoded, every pallet's
// try_state) read live and from a snapshot file, and a block with a signed extrinsic executes
// again on its parent's state with the same state root.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { sha256AsU8a } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { startDevChain, waitFor, finalizedNumber, NODE_BIN } from './lib/node.mjs';
import { submit } from './lib/tx.mjs';

// Built by scripts/test.sh (e2e) and scripts/try-runtime.sh beside the node.
const TRY_RUNTIME_BIN = join(dirname(NODE_BIN), 'pactum-try-runtime');
const run = promisify(execFile);

/** Runs pactum-try-runtime; resolves with its output, rejects with it on a non-zero exit. */
async function tryRuntime(...args) {
  const { stdout } = await run(TRY_RUNTIME_BIN, args, {
    timeout: 300_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, RUST_LOG: 'warn' },
  });
  return stdout;
}

describe('try-runtime on pactum-node --dev', () => {
  let chain;
  let api;
  let dir;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pactum-try-runtime-'));
    chain = await startDevChain();
    ({ api } = chain);
  });

  after(async () => {
    await chain?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('passes the upgrade checks live and from a snapshot, and re-executes a block', async () => {
    const [alice, bob] = chain.keys('Alice', 'Bob');
    const hash = { algorithm: 'Sha2_256', digest: u8aToHex(sha256AsU8a('try-runtime e2e')) };
    const created = await submit(api, api.tx.documents.create(
      null, hash, '0x6c696e6b', [alice.address, bob.address], [alice.address, bob.address], null,
    ), alice);
    await submit(api, api.tx.balances.transferKeepAlive(bob.address, 10n ** 12n), alice);
    const block = (await api.rpc.chain.getHeader(created.blockHash)).number.toNumber();
    await waitFor(async () => (await finalizedNumber(api)) > block + 1, 60_000, 'finality');

    const snapshot = join(dir, 'state.snap');
    const saved = await tryRuntime('snapshot', '--uri', chain.node.wsUrl, '--out', snapshot);
    assert.match(saved, /state after block #\d+ \(0x[0-9a-f]{64}\): \d+ pairs/);
    assert.ok(statSync(snapshot).size > 100_000, 'the snapshot holds the runtime code and the state');

    for (const source of [['--uri', chain.node.wsUrl], ['--snapshot', snapshot]]) {
      const checked = await tryRuntime('on-runtime-upgrade', ...source);
      assert.match(checked, /on-runtime-upgrade: passed/);
    }

    const executed = await tryRuntime(
      'execute-block', '--uri', chain.node.wsUrl, '--at', created.blockHash.toHex());
    assert.match(executed, new RegExp(`execute-block: block #${block} \\(\\d+ extrinsics\\) passed`));
  });

  it('refuses a file that is not a snapshot, with the reason', async () => {
    await assert.rejects(
      tryRuntime('on-runtime-upgrade', '--snapshot', join(dir, 'missing.snap')),
      (error) => error.code === 1 && /cannot read .*missing\.snap/.test(error.stderr),
    );
  });
});
