// @pactum/client (clients/js) against a real node: its generated parts are current (the types
// bundle against node/rpc-definitions.json, PAPI's descriptors against the metadata the node
// serves), it knows every custom JSON-RPC method the node has, and a client that uses only it —
// PAPI's typed API and the package's helpers — reads state, asks a runtime API, and has a
// document signed by one party directly and by another through a relay.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import jsonrpc from '@polkadot/types/interfaces/jsonrpc';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { sha256AsU8a } from '@polkadot/util-crypto';
import {
  CompatibilityLevel, connect, contentHash, getPolkadotSigner, signingPayload, relayedSignature,
  typesBundle, toHex, withMetadataHash, withPactumMetadataHash,
} from '@pactum/client';
import { generatedFiles } from '../../clients/js/scripts/generate.mjs';
import { REPO_ROOT, startDevChain } from './lib/node.mjs';

const UNIT = 10n ** 12n;

describe('@pactum/client', () => {
  let chain;
  let papi;
  let alice;
  let bob;
  let charlie;
  const signer = (pair) => getPolkadotSigner(pair.publicKey, 'Sr25519', (payload) => pair.sign(payload));

  before(async () => {
    // The 6-second chain, the one scripts/gen-metadata.sh reads: a storage-backed constant
    // (`Timestamp.MinimumPeriod`, which the test chains shorten) is part of the metadata.
    chain = await startDevChain({ chain: 'dev' });
    [alice, bob, charlie] = chain.keys('Alice', 'Bob', 'Charlie');
    papi = connect(chain.node.wsUrl, { websocketClass: WebSocket });
  });

  after(async () => {
    papi?.client.destroy();
    await chain?.stop();
  });

  it('ships a types bundle generated from node/rpc-definitions.json', () => {
    const generated = generatedFiles();
    for (const [name, contents] of Object.entries(generated)) {
      assert.equal(readFileSync(join(REPO_ROOT, 'clients/js', name), 'utf8'), contents,
        `clients/js/${name} is stale: run \`npm run generate\` in clients/js`);
    }
    assert.deepEqual(typesBundle, JSON.parse(generated['generated/types-bundle.json']));
  });

  it('was generated from the metadata the node serves (PAPI descriptors, the gateway client)', async () => {
    const answer = await chain.provider.send('state_call', ['Metadata_metadata_at_version', '0x10000000']);
    const metadata = chain.api.registry.createType('Option<Bytes>', hexToU8a(answer));
    assert.ok(metadata.isSome, 'the runtime serves metadata V16');
    const served = metadata.unwrap().toU8a(true);
    const shipped = readFileSync(join(REPO_ROOT, 'gateway/metadata/pactum.scale'));
    assert.ok(Buffer.compare(Buffer.from(served), shipped) === 0,
      'gateway/metadata/pactum.scale (PAPI\'s descriptors and the gateway are generated from it) is not '
      + 'the metadata of this runtime: run scripts/gen-metadata.sh');
    // And PAPI agrees: its descriptors are identical to what the runtime it is connected to has.
    const { compat } = await papi.api.getStaticApis();
    assert.equal(compat.query.System.Account.isCompatible(CompatibilityLevel.Identical), true);
    assert.equal(compat.apis.DocumentsApi.signing_payload.isCompatible(CompatibilityLevel.Identical), true);
  });

  it('knows every custom JSON-RPC method the node has', async () => {
    const { methods } = await chain.provider.send('rpc_methods', []);
    // The sections polkadot.js knows (`chain`, `state`, `author`, `sync_state`…): a method of
    // one of them is Substrate's, whatever its name.
    const prefix = (name) => name.split('_')[0];
    const known = new Set(['subscribe', 'unsubscribe', 'account', ...Object.values(jsonrpc).flatMap((section) =>
      Object.values(section).flatMap((m) => [m.endpoint ?? `${m.section}_${m.method}`, ...(m.alias ?? [])].map(prefix)))]);
    const bundled = new Set(Object.entries(typesBundle.spec.pactum.rpc)
      .flatMap(([section, ms]) => Object.keys(ms).map((method) => `${section}_${method}`)));
    // Methods of the new JSON-RPC spec (`chainHead_v1_*`, …) are generic; everything else the
    // node serves must be a known Substrate method or one the bundle declares.
    const custom = methods.filter((m) => !/_v\d+_|_unstable_/.test(m) && !known.has(prefix(m)));
    const missing = custom.filter((m) => !bundled.has(m));
    assert.deepEqual(missing, [], 'custom methods missing from @pactum/client\'s types bundle');
    assert.ok(custom.length >= 10, `the node's custom methods: ${custom.join(', ')}`);
    const stale = [...bundled].filter((m) => !methods.includes(m));
    assert.deepEqual(stale, [], 'methods in the bundle the node does not have');
  });

  it('reads state, calls a runtime API and submits a transfer through PAPI\'s typed API', async () => {
    const { api } = papi;
    const before = await api.query.System.Account.getValue(bob.address);
    const quote = await api.apis.TokensApi.quote_transfer(1_000, alice.address, bob.address, UNIT);
    assert.equal(typeof quote, 'object');
    const result = await api.tx.Balances.transfer_keep_alive({
      dest: { type: 'Id', value: bob.address }, value: UNIT,
    }).signAndSubmit(signer(alice));
    assert.equal(result.ok, true, JSON.stringify(result.dispatchError));
    assert.ok(result.events.some((e) => e.type === 'Balances' && e.value.type === 'Transfer'));
    const after = await api.query.System.Account.getValue(bob.address, { at: result.block.hash });
    assert.equal(after.data.free - before.data.free, UNIT);
  });

  it('takes transactions signed with the metadata hash (CheckMetadataHash mode 1), refuses a wrong hash', async () => {
    const { api } = papi;
    const transfer = () => api.tx.Balances.transfer_keep_alive({
      dest: { type: 'Id', value: charlie.address }, value: UNIT,
    });
    // PACT with other decimals is other metadata: the hash signed is not the runtime's. (Were the
    // hash not checked, mode 1 ignored, this one would pass too.)
    await assert.rejects(
      transfer().signAndSubmit(withMetadataHash({ tokenSymbol: 'PACT', decimals: 10 }, signer(alice))),
      (e) => {
        assert.equal(e.name, 'InvalidTxError', e.message);
        assert.deepEqual(e.error, { type: 'Invalid', value: { type: 'BadProof', value: undefined } });
        return true;
      });
    const signed = await transfer().signAndSubmit(withPactumMetadataHash(signer(alice)));
    assert.equal(signed.ok, true, JSON.stringify(signed.dispatchError));
    assert.ok(signed.events.some((e) => e.type === 'Balances' && e.value.type === 'Transfer'));
  });

  it('builds the documents signing payload the runtime builds, and relays a party\'s signature', async () => {
    const { api } = papi;
    const hash = { algorithm: 'Sha2_256', digest: u8aToHex(sha256AsU8a('roaming agreement (PAPI)')) };
    const papiHash = contentHash(hash);
    const id = await api.query.Documents.NextDocumentId.getValue();
    const created = await api.tx.Documents.create({
      parent: undefined, hash: papiHash, uri: new TextEncoder().encode('enc://papi'),
      parties: [alice.address, bob.address], signers: [alice.address, bob.address], valid_until: undefined,
    }).signAndSubmit(signer(alice));
    assert.equal(created.ok, true, JSON.stringify(created.dispatchError));

    const genesisHash = await api.query.System.BlockHash.getValue(0);
    const payload = signingPayload({ genesisHash, document: id, version: 0, hash });
    const fromRuntime = await api.apis.DocumentsApi.signing_payload(id, 0, papiHash);
    assert.equal(toHex(payload), toHex(fromRuntime), 'the package\'s payload is the runtime\'s');

    const signed = await api.tx.Documents.sign({ document: id, version: 0, hash: papiHash })
      .signAndSubmit(signer(alice));
    assert.equal(signed.ok, true, JSON.stringify(signed.dispatchError));

    // Bob's signature of other bytes, relayed by Charlie: refused as a bad signature.
    const forged = relayedSignature({ signer: bob.address, signature: bob.sign(new Uint8Array(payload.length)) });
    const refused = await api.tx.Documents.sign_relayed({
      document: id, version: 0, hash: papiHash, ...forged,
    }).signAndSubmit(signer(charlie));
    assert.equal(refused.ok, false);
    assert.deepEqual(refused.dispatchError,
      { type: 'Module', value: { type: 'Documents', value: { type: 'BadSignature', value: undefined } } });

    // Bob's signature of the payload, relayed by Charlie: the document is active.
    const relayed = await api.tx.Documents.sign_relayed({
      document: id, version: 0, hash: papiHash,
      ...relayedSignature({ signer: bob.address, signature: bob.sign(payload) }),
    }).signAndSubmit(signer(charlie));
    assert.equal(relayed.ok, true, JSON.stringify(relayed.dispatchError));
    assert.ok(relayed.events.some((e) => e.type === 'Documents' && e.value.type === 'Activated'));
  });
});
