// Attestations through pactum-gateway, as a relying party's backend reads them: Dave, an ISP made
// an attester by Alice (the dev registry's admin), registers a schema and issues Eve an account
// attestation; she accepts it and Dave revokes it, all signed on chain with their own keys. The
// gateway finds the attestation by the transaction that issued it and by its block (naming the
// block, the extrinsic and the event, with the attestation as it is now), by its subject, issuer
// and schema a page at a time, and by id; Eve's backend sees its events; every refusal is a
// problem.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { blake2AsHex } from '@polkadot/util-crypto';
import { startDevChain, waitFor, finalizedNumber } from './lib/node.mjs';
import { submit } from './lib/tx.mjs';
import { startGateway, request, clientToken, operatorClient } from './lib/gateway.mjs';

/** The attestations pallet's role. */
const ATTESTER = 11;
const AUTHENTICATION = 1;
const ASSERTION = 2;
const KEY_AGREEMENT = 4;

let chain;
let gateway;
let reader; // a relying party's backend: attestations:read
let holder; // Eve's backend: attestations:read events:read, acting for Eve
let bystander; // Alice's backend: events:read only
let alice;
let dave;
let eve;
let schema;
let attestation;
let issued; // where the issue was recorded: { number, hash, index, txHash }
let accepted;
let revoked;
let registration; // Eve's registration: a transaction that recorded no attestation event

const claims = blake2AsHex('claims');
const digest = () => `0x${randomBytes(32).toString('hex')}`;
const read = (token, path) => request(`${gateway.url}${path}`, { token });

/** A DID whose account key signs (authenticates, asserts) beside an encryption key. */
const didOf = (who, seed) => chain.api.tx.attestations.createDid([
  [{ Sr25519: who.publicKey }, AUTHENTICATION | ASSERTION],
  [{ X25519: new Uint8Array(32).fill(seed) }, KEY_AGREEMENT],
], []);

/**
 * Where the event `section.method` of a submitted extrinsic was recorded: its block's number and
 * hash, the extrinsic's index and hash, and the event.
 */
async function recorded(result, method, section = 'attestations') {
  const record = result.records.find(({ event }) => event.section === section && event.method === method);
  assert.ok(record, `a ${section}.${method} event`);
  const index = record.phase.asApplyExtrinsic.toNumber();
  const { block } = await chain.api.rpc.chain.getBlock(result.blockHash);
  return {
    number: block.header.number.toNumber(),
    hash: result.blockHash.toHex(),
    index,
    txHash: block.extrinsics[index].hash.toHex(),
    event: record.event,
  };
}

before(async () => {
  chain = await startDevChain();
  [alice, dave, eve] = chain.keys('Alice', 'Dave', 'Eve');
  // The index starts at the finalized head: everything below happens after it.
  gateway = await startGateway(chain.node.wsUrl, {
    PACTUM_GATEWAY_INDEX_FROM_BLOCK: String(await finalizedNumber(chain.api)),
  });
  await gateway.ready();
  const reading = gateway.admin('api-client', 'create', '--name', 'verifier', '--scopes', 'attestations:read');
  ({ access_token: reader } = await clientToken(gateway, reading));
  const holding = await operatorClient(gateway, '//Eve', 'attestations:read events:read', 'eve');
  ({ access_token: holder } = await clientToken(gateway, holding.client));
  const other = await operatorClient(gateway, '//Alice', 'events:read', 'alice');
  ({ access_token: bystander } = await clientToken(gateway, other.client));

  const { api } = chain;
  const [eveRegistered] = await Promise.all([
    submit(api, api.tx.registry.register(), eve),
    submit(api, api.tx.registry.grantRole(dave.address, ATTESTER), alice),
  ]);
  registration = await recorded(eveRegistered, 'ExtrinsicSuccess', 'system');
  await Promise.all([submit(api, didOf(dave, 3), dave), submit(api, didOf(eve, 5), eve)]);
  const schemaRegistered = await submit(api, api.tx.attestations.registerSchema('isp-account', 'Account', [['customer-id', 'Text', true]]), dave);
  schema = (await recorded(schemaRegistered, 'SchemaRegistered')).event.data.schema.toNumber();
  issued = await recorded(await submit(api, api.tx.attestations.issue({ Account: eve.address }, schema, claims, null), dave), 'Issued');
  attestation = issued.event.data.attestation.toNumber();
  accepted = await recorded(await submit(api, api.tx.attestations.accept(attestation), eve), 'Accepted');
  revoked = await recorded(await submit(api, api.tx.attestations.revoke(attestation, 'AffiliationChanged'), dave), 'Revoked');

  // The gateway reads at the finalized head and indexes finalized blocks: wait for both to have
  // the revocation.
  await waitFor(async () => {
    const reply = await read(reader, `/v1/attestations?transaction=${revoked.txHash}`);
    return reply.status === 200 && reply.body.attestations[0]?.attestation?.status?.revoked;
  }, 60_000, 'the revocation to be indexed and final');
});

after(async () => {
  await gateway?.stop();
  await chain?.stop();
});

const revokedStatus = () => ({ revoked: { at: revoked.number, by: dave.address, reason: 'AffiliationChanged' } });

test('an attestation is found by the transaction that issued it and by its block, as it is now', async () => {
  const byTx = await read(reader, `/v1/attestations?transaction=${issued.txHash}`);
  assert.equal(byTx.status, 200, JSON.stringify(byTx.body));
  assert.deepEqual(byTx.body.transaction, {
    tx_hash: issued.txHash,
    block_number: issued.number,
    block_hash: issued.hash,
    extrinsic_index: issued.index,
    call: 'Attestations.issue',
    signer: dave.address,
    success: true,
    error: null,
  });
  assert.equal(byTx.body.attestations.length, 1);
  const [{ event, attestation: now }] = byTx.body.attestations;
  assert.equal(event.type, 'attestation.issued');
  assert.equal(event.block_number, issued.number);
  assert.equal(event.block_hash, issued.hash);
  assert.equal(event.extrinsic_index, issued.index);
  assert.deepEqual(event.data, {
    attestation, schema, issuer: dave.address, subject: { account: eve.address },
    claim_hash: claims, expires_at: null, pending: true,
  });
  // The view is the attestation now: accepted, then revoked.
  assert.equal(now.id, attestation);
  assert.equal(now.issuer, dave.address);
  assert.deepEqual(now.subject, { account: eve.address });
  assert.equal(now.claimHash, claims);
  assert.equal(now.issuedAt, issued.number);
  assert.deepEqual(now.status, revokedStatus());

  // The holder's acceptance, by its transaction.
  const byAcceptance = await read(reader, `/v1/attestations?transaction=${accepted.txHash}`);
  assert.equal(byAcceptance.status, 200, JSON.stringify(byAcceptance.body));
  assert.equal(byAcceptance.body.transaction.call, 'Attestations.accept');
  assert.equal(byAcceptance.body.transaction.signer, eve.address);
  assert.deepEqual(byAcceptance.body.attestations.map((a) => [a.event.type, a.event.data]),
    [['attestation.accepted', { attestation }]]);

  // By block: the block that issued it, and the one that revoked it.
  const byBlock = await read(reader, `/v1/attestations?block=${issued.number}`);
  assert.equal(byBlock.status, 200, JSON.stringify(byBlock.body));
  assert.deepEqual(byBlock.body.block, { block_number: issued.number, block_hash: issued.hash });
  const inBlock = byBlock.body.attestations.find((a) => a.event.type === 'attestation.issued' && a.event.data.attestation === attestation);
  assert.ok(inBlock, JSON.stringify(byBlock.body));
  assert.equal(inBlock.event.extrinsic_index, issued.index);
  assert.deepEqual(inBlock.attestation.status, revokedStatus());
  const byRevocation = await read(reader, `/v1/attestations?block=${revoked.number}`);
  assert.equal(byRevocation.body.block.block_hash, revoked.hash);
  const revocation = byRevocation.body.attestations.find((a) => a.event.type === 'attestation.revoked');
  assert.deepEqual(revocation.event.data, { attestation, by: dave.address, reason: 'AffiliationChanged' });
  assert.equal(revocation.event.extrinsic_index, revoked.index);
});

test('attestations are listed by subject, issuer and schema a page at a time, and read by id', async () => {
  const about = await read(reader, `/v1/attestations?subject=${eve.address}`);
  assert.equal(about.status, 200, JSON.stringify(about.body));
  assert.ok(about.body.at.block_number >= revoked.number);
  assert.deepEqual(about.body.attestations.map((a) => a.id), [attestation]);
  assert.deepEqual(about.body.attestations[0].status, revokedStatus());
  const device = await read(reader, `/v1/attestations?subject=${digest()}`);
  assert.equal(device.status, 200, JSON.stringify(device.body));
  assert.deepEqual(device.body.attestations, []);

  const byIssuer = await read(reader, `/v1/attestations?issuer=${dave.address}&limit=1`);
  assert.equal(byIssuer.status, 200, JSON.stringify(byIssuer.body));
  assert.deepEqual(byIssuer.body.attestations.map((a) => a.id), [attestation]);
  const next = await read(reader, `/v1/attestations?issuer=${dave.address}&after=${attestation}`);
  assert.deepEqual(next.body.attestations, [], 'nothing after the last');
  const ofSchema = await read(reader, `/v1/attestations?schema=${schema}`);
  assert.equal(ofSchema.status, 200, JSON.stringify(ofSchema.body));
  assert.deepEqual(ofSchema.body.attestations.map((a) => [a.id, a.schema]), [[attestation, schema]]);

  const one = await read(reader, `/v1/attestations/${attestation}`);
  assert.equal(one.status, 200, JSON.stringify(one.body));
  assert.ok(one.body.at.block_hash.startsWith('0x'));
  assert.equal(one.body.attestation.id, attestation);
  assert.equal(one.body.attestation.schema, schema);
  assert.deepEqual(one.body.attestation.subject, { account: eve.address });
  assert.deepEqual(one.body.attestation.status, revokedStatus());
  assert.equal(one.body.attestation.version, 1);
});

test("the holder's backend sees the attestation's events; a bystander does not", async () => {
  const types = 'attestation.issued,attestation.accepted,attestation.revoked';
  const page = await read(holder, `/v1/events?types=${types}&limit=500`);
  assert.equal(page.status, 200, JSON.stringify(page.body));
  const mine = page.body.events.filter((e) => e.data.attestation === attestation);
  assert.deepEqual(mine.map((e) => [e.type, e.block_number]), [
    ['attestation.issued', issued.number],
    ['attestation.accepted', accepted.number],
    ['attestation.revoked', revoked.number],
  ]);
  const others = await read(bystander, '/v1/events?limit=500');
  assert.equal(others.status, 200);
  assert.ok(!others.body.events.some((e) => e.type.startsWith('attestation.')));
});

test('bad attestation requests are refused with problems', async () => {
  const problem = (reply, status) => {
    assert.equal(reply.status, status, JSON.stringify(reply.body));
    assert.match(reply.type, /application\/problem\+json/);
  };
  problem(await read(reader, '/v1/attestations/999999'), 404);
  problem(await read(reader, '/v1/attestations?block=999999999'), 404);
  problem(await read(reader, `/v1/attestations?transaction=${digest()}`), 404);
  // An indexed transaction that recorded no attestation event: the holder's registration.
  problem(await read(reader, `/v1/attestations?transaction=${registration.txHash}`), 404);
  problem(await read(reader, `/v1/attestations?subject=${eve.address}&issuer=${dave.address}`), 400);
  problem(await read(reader, `/v1/attestations?schema=${schema}&block=${issued.number}`), 400);
  problem(await read(reader, '/v1/attestations'), 400);
  problem(await read(reader, '/v1/attestations?subject=eve'), 400);
  problem(await read(reader, '/v1/attestations?subject=0x1234'), 400);
  problem(await read(reader, `/v1/attestations?schema=${schema}&limit=0`), 400);
  problem(await read(reader, '/v1/attestations?transaction=0xzz'), 400);
  problem(await read(reader, '/v1/attestations/abc'), 400);
  problem(await request(`${gateway.url}/v1/attestations/${attestation}`), 401);
  const forbidden = await read(bystander, `/v1/attestations/${attestation}`);
  problem(forbidden, 403);
  assert.equal(forbidden.body.required_scope, 'attestations:read');
  problem(await read(bystander, `/v1/attestations?subject=${eve.address}`), 403);
});
