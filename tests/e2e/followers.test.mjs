// Followers and light clients (docs/operators.md, "Followers"). A validator takes connections only
// from the nodes governance authorised (node-authorization's well-known nodes: its offchain
// worker puts the node in reserved-only mode), so a light client cannot reach it. A follower is a
// full node that validates nothing, authorised by governance like a validator, that serves RPC
// and light clients: refused by the validator until governance adds it, then in sync, and a
// smoldot light client whose only boot node is the follower reaches the chain's finality through
// it and reads verified state.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WsProvider } from '@polkadot/api';
import { base58Decode } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { toHex } from '@pactum/client/documents';
import { connectLight } from '@pactum/client/light';
import {
  TEST_CHAIN, finalizedNumber, nodeCli, rawSpec, sleep, startDevChain, startNode, waitFor,
} from './lib/node.mjs';
import { submit } from './lib/tx.mjs';

// Alice's node in the development genesis is the one with node key 0x00…01 (its peer id is a
// well-known node); the follower's key is 0x00…05, known to nobody.
const nodeKey = (n) => n.toString(16).padStart(64, '0');

describe('a follower node and a light client', () => {
  let keys;
  let chain;
  let follower;
  let followerRpc;
  let followerId;
  let bootnode;
  let light;

  const health = () => followerRpc.send('system_health', []);
  const followerBest = async () => Number((await followerRpc.send('chain_getHeader', [])).number);

  const stopFollower = async () => {
    await followerRpc?.disconnect();
    await follower?.stop();
    followerRpc = undefined;
    follower = undefined;
  };
  // The follower's role: a full node (no --validator, so no offchain worker restricting its own
  // peers), booting from the validators.
  const startFollower = async () => {
    await stopFollower();
    follower = await startNode([
      '--chain', rawSpec(TEST_CHAIN), '--name', 'Follower', '--node-key', nodeKey(5),
      '--bootnodes', bootnode, '--offchain-worker', 'never',
    ]);
    followerRpc = new WsProvider(follower.wsUrl);
    await followerRpc.isReady;
  };

  before(async () => {
    keys = mkdtempSync(join(tmpdir(), 'pactum-follower-'));
    const peerId = (n) => {
      const file = join(keys, `node-key-${n}`);
      writeFileSync(file, nodeKey(n));
      return nodeCli(['key', 'inspect-node-key', '--file', file]).trim();
    };
    chain = await startDevChain({ args: ['--node-key', nodeKey(1)] });
    // The validator's offchain worker restricts it to the well-known nodes from its first block on.
    await waitFor(async () => (await chain.api.rpc.chain.getHeader()).number.toNumber() >= 2, 60_000, 'block 2');
    bootnode = `/ip4/127.0.0.1/tcp/${chain.node.p2pPort}/p2p/${peerId(1)}`;
    followerId = peerId(5);
  });

  after(async () => {
    await light?.destroy();
    await stopFollower();
    await chain?.stop();
    if (keys) rmSync(keys, { recursive: true, force: true });
  });

  it('is refused by the validator while governance has not authorised it', async () => {
    await startFollower();
    // Long enough for connection attempts to the boot node and a few blocks on the validator.
    await sleep(8_000);
    assert.deepEqual(await health().then((h) => [h.peers, h.isSyncing]), [0, false],
      'an unauthorised node has no peer');
    assert.equal(await followerBest(), 0, 'and no block');
    // Refused block requests back the validator off in the follower's sync for minutes: an
    // operator starts a follower once governance has added it (docs/operators.md).
    await stopFollower();
  });

  it('follows the chain once governance adds it to the well-known nodes', async () => {
    const { api } = chain;
    const [alice, bob] = chain.keys('Alice', 'Bob');
    // Governance (sudo on the development chain; the council's motion on a production one)
    // adds the follower's peer id to the well-known nodes, owned by its operator.
    await submit(api, api.tx.sudo.sudo(
      api.tx.nodeAuthorization.addWellKnownNode(u8aToHex(base58Decode(followerId)), bob.address)), alice);
    await startFollower();
    const target = (await api.rpc.chain.getHeader()).number.toNumber();
    await waitFor(async () => (await followerBest()) >= target, 60_000, `the follower at block ${target}`);
    assert.ok((await health()).peers >= 1);
  });

  it('serves a smoldot light client that reaches finality through it and reads verified state', async () => {
    const spec = JSON.parse(readFileSync(rawSpec(TEST_CHAIN), 'utf8'));
    spec.bootNodes = [`/ip4/127.0.0.1/tcp/${follower.p2pPort}/p2p/${followerId}`];
    light = connectLight(JSON.stringify(spec), { maxLogLevel: 2 });
    const target = await finalizedNumber(chain.api);
    assert.ok(target >= 1, 'the validator finalizes');
    // Each look bounded, so that the deadline holds even if the light client never answers.
    const look = () => Promise.race([light.client.getFinalizedBlock(), sleep(5_000).then(() => null)]);
    const block = await waitFor(async () => {
      const finalized = await look();
      return finalized && finalized.number >= target ? finalized : null;
    }, 120_000, `the light client's finality at block ${target}`);
    const hash = await chain.api.rpc.chain.getBlockHash(block.number);
    assert.equal(block.hash, hash.toHex(), 'the light client finalized the validator\'s block');

    // State read through the light client (proved against the finalized header) is the chain's.
    const [alice] = chain.keys('Alice');
    const [viaLight, viaRpc] = await Promise.all([
      light.api.query.System.Account.getValue(alice.address, { at: block.hash }),
      chain.api.at(block.hash).then((at) => at.query.system.account(alice.address)),
    ]);
    assert.equal(viaLight.data.free, viaRpc.data.free.toBigInt());
    const wellKnown = await light.api.query.NodeAuthorization.WellKnownNodes.getValue({ at: block.hash });
    assert.ok(wellKnown.map((id) => toHex(id)).includes(u8aToHex(base58Decode(followerId))),
      'the follower is a well-known node');
  });
});
