// The four-validator local network (scripts/local-net.sh): finality advances, survives the loss
// of one validator (3 of 4 is above GRANDPA's two-thirds), the restarted validator catches up,
// and a validator restored from its backup (scripts/node-backup.sh) rejoins and its votes count.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  REPO_ROOT, connect, waitFor, finalizedNumber, freePortRange, localNet, rawSpec,
} from './lib/node.mjs';

// Dave's account (//Dave), the fourth validator.
const DAVE = '5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy';

function nodeBackup(...args) {
  return execFileSync('bash', [join(REPO_ROOT, 'scripts/node-backup.sh'), ...args], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('local network of four validators', () => {
  const env = {};
  let rpcBase;
  let alice;

  before(async () => {
    env.PACTUM_NET_DIR = mkdtempSync(join(tmpdir(), 'pactum-net-'));
    // The local chain with 2-second slots, like the other tests' dev chain, from its raw spec.
    env.PACTUM_CHAIN = rawSpec('local-fast');
    env.PACTUM_NET_P2P_BASE = String(await freePortRange(4));
    rpcBase = await freePortRange(4);
    env.PACTUM_NET_RPC_BASE = String(rpcBase);
    // Even if the test process dies, the network goes down with it.
    process.on('exit', () => { try { localNet(env, 'stop'); } catch { /* already down */ } });
    localNet(env, 'start');
    alice = await connect(`ws://127.0.0.1:${rpcBase}`);
  });

  after(async () => {
    await alice?.disconnect();
    localNet(env, 'stop');
  });

  it('connects all validators and finalizes blocks', async () => {
    await waitFor(async () => (await alice.rpc.system.health()).peers.toNumber() === 3, 120_000, 'alice to see 3 peers');
    const authorities = await alice.query.session.validators();
    assert.equal(authorities.length, 4);
    await waitFor(async () => (await finalizedNumber(alice)) >= 3, 180_000, 'block 3 to be finalized');
  });

  it('keeps finalizing with one validator stopped', async () => {
    localNet(env, 'stop', 'dave');
    const atStop = await finalizedNumber(alice);
    const reached = await waitFor(async () => {
      const n = await finalizedNumber(alice);
      return n >= atStop + 3 ? n : 0;
    }, 180_000, 'finality to advance by 3 blocks without dave');
    assert.ok(reached >= atStop + 3);
    assert.match(localNet(env, 'status'), /dave\s+stopped/);
  });

  it('brings the restarted validator up to the finalized head', async () => {
    localNet(env, 'start', 'dave');
    const target = await finalizedNumber(alice);
    const dave = await connect(`ws://127.0.0.1:${rpcBase + 3}`);
    try {
      const caughtUp = await waitFor(async () => {
        const n = await finalizedNumber(dave);
        return n >= target ? n : 0;
      }, 180_000, `dave to finalize block ${target}`);
      assert.ok(caughtUp >= target);
      // And the network still finalizes with all four.
      const now = await finalizedNumber(alice);
      await waitFor(async () => (await finalizedNumber(dave)) >= now + 2, 120_000, 'finality after the restart');
    } finally {
      await dave.disconnect();
    }
  });

  it('restores a validator from its backup: it rejoins, and finality needs its votes', async () => {
    const base = join(env.PACTUM_NET_DIR, 'dave');
    const archive = join(env.PACTUM_NET_DIR, 'dave-backup.tar.zst');
    // A running node's database is not copied.
    assert.throws(() => nodeBackup('backup', base, archive), /in use: stop the node first/);
    assert.equal(existsSync(archive), false);

    localNet(env, 'stop', 'dave');
    nodeBackup('backup', base, archive);
    assert.match(nodeBackup('verify', archive), /checksum and archive good/);
    rmSync(base, { recursive: true });
    nodeBackup('restore', archive, base);
    // The session keys came back with the keystore (BABE's and GRANDPA's: a file each), and the
    // node starts from what the base path holds (local-net.sh gives no development keys).
    const [keystore] = readdirSync(join(base, 'chains')).map((chainDir) => join(base, 'chains', chainDir, 'keystore'));
    assert.equal(readdirSync(keystore).length, 2, 'two session keys in the restored keystore');
    localNet(env, 'start', 'dave');
    const dave = await connect(`ws://127.0.0.1:${rpcBase + 3}`);
    try {
      assert.ok((await alice.query.session.validators()).map(String).includes(DAVE));
      const keys = (await alice.query.session.nextKeys(DAVE)).unwrap().toHex();
      assert.equal((await dave.rpc.author.hasSessionKeys(keys)).isTrue, true, 'the keys on chain are in the restored keystore');
      const target = await finalizedNumber(alice);
      await waitFor(async () => (await finalizedNumber(dave)) >= target, 180_000, `dave to finalize block ${target}`);

      // With charlie down, alice, bob and dave are exactly GRANDPA's threshold (3 of 4).
      localNet(env, 'stop', 'charlie');
      let mark = await finalizedNumber(alice);
      await waitFor(async () => (await finalizedNumber(alice)) >= mark + 3, 180_000,
        'finality to advance by 3 blocks with charlie stopped and dave restored');
      // Without dave too, blocks go on but finality stops (votes already cast may finish a
      // block or two)...
      localNet(env, 'stop', 'dave');
      mark = await finalizedNumber(alice);
      const best = async () => (await alice.rpc.chain.getHeader()).number.toNumber();
      const bestAtStop = await best();
      await waitFor(async () => (await best()) >= bestAtStop + 6, 120_000, '6 more blocks without dave');
      assert.ok((await finalizedNumber(alice)) <= mark + 2, 'finality stalls without dave');
      // ... and comes back with him: the restored validator's votes are the ones that count.
      localNet(env, 'start', 'dave');
      mark = await finalizedNumber(alice);
      await waitFor(async () => (await finalizedNumber(alice)) >= mark + 3, 180_000,
        'finality to resume once dave is back');
    } finally {
      await dave.disconnect();
    }
  });
});
