// Clients through pactum-gateway, as the first customer's CRM registers them: the operator (Alice,
// a ClientRegistrar in the dev genesis) registers a client whose key the gateway makes and holds,
// and one that keeps its own key; the client data stays sealed in the gateway while its salted
// hash goes on chain, each change a new version in the history; the custodial client's person
// signs in (PKCE) and signs a contract through the gateway with the operator paying; only the
// operator and the client itself see the client.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, createHash } from 'node:crypto';
import { hexToU8a, u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { startDevChain, waitFor } from './lib/node.mjs';
import {
  startGateway, request, clientToken, operatorClient, settled, postJson, personTokens, signIn,
} from './lib/gateway.mjs';

const REDIRECT = 'http://127.0.0.1:5173/callback';
let chain;
let gateway;
let operator; // Alice's CRM
let stranger; // Charlie's backend: may read clients, registered none
let alice;
let custodial; // the client the gateway holds the key of

const read = (token, path) => request(`${gateway.url}${path}`, { token });
const finalizedHead = async () => (await chain.api.rpc.chain.getHeader(await chain.api.rpc.chain.getFinalizedHead())).number.toNumber();

async function write(token, path, key, body, method = 'POST') {
  const accepted = await postJson(`${gateway.url}${path}`, token, key, body, method);
  assert.equal(accepted.status, 202, JSON.stringify(accepted.body));
  const submission = await settled(gateway, token, accepted.body.submission ?? accepted.body);
  return { accepted, submission };
}

/** What the chain records: SHA-256 of the salt's bytes and the data as hashed (`data_canonical`). */
const dataHash = ({ salt, data, data_canonical: canonical }) => {
  assert.deepEqual(JSON.parse(canonical), data);
  return `0x${createHash('sha256').update(Buffer.concat([Buffer.from(salt, 'hex'), Buffer.from(canonical)])).digest('hex')}`;
};

before(async () => {
  chain = await startDevChain();
  [alice] = chain.keys('Alice');
  gateway = await startGateway(chain.node.wsUrl);
  await gateway.ready();
  const scopes = 'clients:read clients:write documents:read documents:write submissions:read';
  const { client } = await operatorClient(gateway, '//Alice', scopes);
  ({ access_token: operator } = await clientToken(gateway, client));
  const other = await operatorClient(gateway, '//Charlie', 'clients:read clients:write', 'charlie');
  ({ access_token: stranger } = await clientToken(gateway, other.client));
});

after(async () => {
  await gateway?.stop();
  await chain?.stop();
});

test('the operator registers a client: data sealed off chain, its hash on chain, the operator pays', async () => {
  const data = { name: 'Aigerim Seitkali', msisdn: '+77010000001', tariff: { plan: 'Business 5G', since: '2026-12-01' } };
  const deposit = chain.api.consts.registry.registrationDeposit.toBigInt();
  const reservedBefore = (await chain.api.query.system.account(alice.address)).data.reserved.toBigInt();
  const { accepted, submission } = await write(operator, '/v1/clients', 'client-1', { data });
  assert.equal(submission.status, 'finalized', JSON.stringify(submission));
  const { client } = accepted.body;
  custodial = client.account;
  assert.equal(accepted.headers.get('location'), `/v1/clients/${custodial}`);
  assert.equal(client.registrar, alice.address);
  assert.equal(client.custody, 'gateway');
  assert.equal(client.version, 1);
  assert.deepEqual(client.data, data);
  assert.equal(client.data_hash, dataHash(client));
  assert.equal(submission.result.client, custodial);

  // The chain: a participant holding nothing, its record naming the registrar and the hash.
  const target = submission.block_number;
  await waitFor(async () => (await finalizedHead()) >= target, 60_000, 'finality');
  const participant = await chain.provider.send('registry_participant', [custodial]);
  assert.equal(participant.kind, 'Unverified');
  assert.equal(participant.deposit, '0');
  assert.equal(participant.client.registrar, alice.address);
  assert.equal(participant.client.dataHash, client.data_hash);
  const reservedAfter = (await chain.api.query.system.account(alice.address)).data.reserved.toBigInt();
  assert.equal(reservedAfter - reservedBefore, deposit, 'the operator holds the deposit');
  const onChain = JSON.stringify(await chain.api.query.registry.clients(custodial));
  assert.ok(!onChain.includes('Aigerim'), 'no client data on chain');

  const got = await read(operator, `/v1/clients/${custodial}`);
  assert.equal(got.status, 200, JSON.stringify(got.body));
  assert.deepEqual(got.body.client.data, data);
  assert.equal(got.body.chain.client.dataHash, client.data_hash);

  // The same request under the same key is the same client; another request under it is refused.
  const again = await postJson(`${gateway.url}/v1/clients`, operator, 'client-1', { data });
  assert.equal(again.status, 202);
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  assert.equal(again.body.client.account, custodial);
  assert.equal(again.body.submission.id, submission.id);
  const reused = await postJson(`${gateway.url}/v1/clients`, operator, 'client-1', { data: { name: 'someone else' } });
  assert.equal(reused.status, 422, JSON.stringify(reused.body));
});

test('bad requests are 400 problems, other callers get 403 or 404, and nothing is stored', async () => {
  const listed = async () => (await read(operator, '/v1/clients')).body.clients.length;
  const before = await listed();
  const refused = async (body, status = 400, token = operator) => {
    const reply = await postJson(`${gateway.url}/v1/clients`, token, `bad-${randomBytes(4).toString('hex')}`, body);
    assert.equal(reply.status, status, JSON.stringify(reply.body));
    assert.equal(reply.type, 'application/problem+json');
    return reply.body;
  };
  await refused({ data: 'not an object' });
  await refused({ data: {}, custody: 'self' });
  await refused({ data: {}, custody: 'self', account: 'not-an-address' });
  await refused({ data: {}, account: alice.address });
  await refused({ data: { notes: 'x'.repeat(70_000) } });
  await refused({ data: {}, colour: 'blue' });
  const noKey = await postJson(`${gateway.url}/v1/clients`, operator, null, { data: {} });
  assert.equal(noKey.status, 400);
  const readOnly = gateway.admin('api-client', 'create', '--name', 'reader', '--scopes', 'clients:read', '--act-as', 'operator');
  await refused({ data: {} }, 403, (await clientToken(gateway, readOnly)).access_token);
  assert.equal(await listed(), before);

  // Charlie's backend registered no one: it sees no client of Alice's, and cannot change one.
  assert.equal((await read(stranger, `/v1/clients/${custodial}`)).status, 404);
  assert.equal((await read(stranger, `/v1/clients/${custodial}/history`)).status, 404);
  assert.deepEqual((await read(stranger, '/v1/clients')).body.clients, []);
  const changed = await postJson(`${gateway.url}/v1/clients/${custodial}/data`, stranger, 'x-1', { data: {} }, 'PUT');
  assert.equal(changed.status, 404, JSON.stringify(changed.body));
});

test('each change of the data is a new version, recorded on chain, kept as history', async () => {
  const data = { name: 'Aigerim Seitkali', msisdn: '+77010000002', tariff: { plan: 'Business 5G', since: '2026-12-01' } };
  const { accepted, submission } = await write(operator, `/v1/clients/${custodial}/data`, 'client-1-v2', { data }, 'PUT');
  assert.equal(submission.status, 'finalized', JSON.stringify(submission));
  assert.equal(accepted.body.client.version, 2);
  await waitFor(async () => (await finalizedHead()) >= submission.block_number, 60_000, 'finality');
  const got = await read(operator, `/v1/clients/${custodial}`);
  assert.equal(got.body.client.version, 2);
  assert.equal(got.body.chain.client.dataHash, accepted.body.client.data_hash);
  assert.equal(got.body.chain.client.updatedAt, submission.block_number);

  const history = await read(operator, `/v1/clients/${custodial}/history`);
  assert.equal(history.status, 200);
  const { versions } = history.body;
  assert.deepEqual(versions.map((v) => v.version), [1, 2]);
  assert.equal(versions[0].data.msisdn, '+77010000001');
  assert.equal(versions[1].data.msisdn, '+77010000002');
  for (const v of versions) {
    assert.equal(v.data_hash, dataHash(v));
    assert.equal(v.submission.status, 'finalized');
    assert.ok(v.submission.block_number > 0 && v.submission.tx_hash.startsWith('0x'));
  }
  // Each version's hash is in the event of the block its submission names.
  const hash = await chain.api.rpc.chain.getBlockHash(versions[1].submission.block_number);
  const events = await (await chain.api.at(hash)).query.system.events();
  const updated = events.find(({ event }) => event.section === 'registry' && event.method === 'ClientDataUpdated');
  assert.equal(updated.event.data.dataHash.toHex(), versions[1].data_hash);
});

test('a client with its own key is registered by its account', async () => {
  const [own] = chain.keys('Client-Own-Key');
  const { accepted, submission } = await write(operator, '/v1/clients', 'client-2', {
    data: { name: 'Kazakh Rail LLP', bin: '990140000123' }, custody: 'self', account: own.address,
  });
  assert.equal(submission.status, 'finalized', JSON.stringify(submission));
  assert.equal(accepted.body.client.account, own.address);
  assert.equal(accepted.body.client.custody, 'self');
  const listed = (await read(operator, '/v1/clients')).body.clients.map((c) => c.account);
  assert.deepEqual(listed.sort(), [custodial, own.address].sort());
  const twice = await postJson(`${gateway.url}/v1/clients`, operator, 'client-2b', {
    data: {}, custody: 'self', account: own.address,
  });
  assert.equal(twice.status, 409, JSON.stringify(twice.body));
});

test('the custodial client signs in and signs a contract through the gateway; the operator pays', async () => {
  const portal = gateway.admin('api-client', 'create', '--name', 'client portal',
    '--scopes', 'clients:read documents:read documents:sign submissions:read', '--redirect-uri', REDIRECT);
  const person = await personTokens(gateway, portal, REDIRECT, { username: 'aigerim', account: custodial });
  const token = person.access_token;

  // The client sees its own record and history, and no one else's.
  const own = await read(token, `/v1/clients/${custodial}`);
  assert.equal(own.status, 200, JSON.stringify(own.body));
  assert.equal(own.body.client.data.name, 'Aigerim Seitkali');
  const ownHistory = await read(token, `/v1/clients/${custodial}/history`);
  assert.equal(ownHistory.status, 200);
  assert.deepEqual(ownHistory.body.versions.map((v) => v.changed_by), [null, null], 'who changed it is the operator\'s to know');
  const operatorsView = await read(operator, `/v1/clients/${custodial}/history`);
  assert.ok(operatorsView.body.versions.every((v) => typeof v.changed_by === 'string'));
  const [ownKey] = chain.keys('Client-Own-Key');
  assert.equal((await read(token, `/v1/clients/${ownKey.address}`)).status, 404);

  // The operator creates the contract and signs it; the client signs without a key of its own.
  const hash = `0x${randomBytes(32).toString('hex')}`;
  const created = await write(operator, '/v1/documents', 'contract-c1', {
    hash, uri: 'https://files.operator.example/contract-c1', parties: [alice.address, custodial], signers: [alice.address, custodial],
  });
  assert.equal(created.submission.status, 'finalized', JSON.stringify(created.submission));
  const id = created.submission.result.document;
  await waitFor(async () => (await finalizedHead()) >= created.submission.block_number, 60_000, 'finality');
  const document = (await read(operator, `/v1/documents/${id}`)).body.document;
  const version = document.openVersion ?? document.open_version;
  const mine = await write(operator, '/v1/documents/signatures', 'sign-c1', { items: [{ document: id, version, hash }] });
  assert.equal(mine.submission.status, 'finalized', JSON.stringify(mine.submission));

  const free = (await chain.api.query.system.account(custodial)).data.free.toBigInt();
  const signed = await write(token, '/v1/documents/signatures', 'client-sign-c1', { items: [{ document: id, version, hash }] });
  assert.equal(signed.submission.status, 'finalized', JSON.stringify(signed.submission));
  assert.equal(signed.submission.signer, alice.address, 'the registrar submits');
  assert.deepEqual(signed.submission.result.activated, [id]);
  assert.equal((await chain.api.query.system.account(custodial)).data.free.toBigInt(), free, 'the client paid nothing');
  // A custodial client's items carry no signature of their own.
  const relayed = await postJson(`${gateway.url}/v1/documents/signatures`, token, 'client-sign-bad', {
    items: [{ document: id, version, hash, relayed: { signer: custodial, signature: `0x${'00'.repeat(64)}` } }],
  });
  assert.equal(relayed.status, 400, JSON.stringify(relayed.body));

  // The gateway signs with the client's key only for a person who signed in lately.
  const later = `0x${randomBytes(32).toString('hex')}`;
  const second = (await write(operator, '/v1/documents', 'contract-c2', {
    hash: later, uri: 'https://files.operator.example/contract-c2', parties: [alice.address, custodial], signers: [alice.address, custodial],
  })).submission.result.document;
  await write(operator, '/v1/documents/signatures', 'sign-c2', { items: [{ document: second, version: 0, hash: later }] });
  await gateway.reconfigure({ PACTUM_GATEWAY_CUSTODIAL_SIGNING_MAX_AGE_SECS: '2' });
  await gateway.ready();
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const stale = await postJson(`${gateway.url}/v1/documents/signatures`, token, 'client-sign-c2', { items: [{ document: second, version: 0, hash: later }] });
  assert.equal(stale.status, 401, JSON.stringify(stale.body));
  assert.match(stale.headers.get('www-authenticate'), /error="insufficient_user_authentication".*max_age=2/);
  assert.equal(stale.body.max_age, 2);
  const fresh = (await signIn(gateway, portal, REDIRECT, { username: 'aigerim' })).access_token;
  const signedAgain = await write(fresh, '/v1/documents/signatures', 'client-sign-c2', { items: [{ document: second, version: 0, hash: later }] });
  assert.equal(signedAgain.submission.status, 'finalized', JSON.stringify(signedAgain.submission));
  assert.deepEqual(signedAgain.submission.result.activated, [second]);
  await gateway.reconfigure({ PACTUM_GATEWAY_CUSTODIAL_SIGNING_MAX_AGE_SECS: '300' });
  await gateway.ready();
});

test('a client with its own key signs as the portal does: its signature relayed, checked first, the operator pays', async () => {
  // A client of its own (the one above leaves the registry in the next test: no contract may
  // name it).
  const [own, bob] = chain.keys('Client-Signs-Own', 'Bob');
  const registered = await write(operator, '/v1/clients', 'client-3', { data: { name: 'Astana Logistics' }, custody: 'self', account: own.address });
  assert.equal(registered.submission.status, 'finalized', JSON.stringify(registered.submission));
  // The portal's client: a person may read and sign, not write.
  const portal = gateway.admin('api-client', 'create', '--name', 'own-key portal',
    '--scopes', 'documents:read documents:sign submissions:read', '--redirect-uri', REDIRECT);
  const token = (await personTokens(gateway, portal, REDIRECT, { username: 'kazakh-rail', account: own.address })).access_token;
  const me = (await read(token, '/v1/whoami')).body;
  assert.equal(me.custody, 'self', JSON.stringify(me));

  const hash = `0x${randomBytes(32).toString('hex')}`;
  const created = await write(operator, '/v1/documents', 'contract-own-1', {
    hash, uri: 'https://files.operator.example/contract-own-1', parties: [alice.address, own.address], signers: [alice.address, own.address],
  });
  const id = created.submission.result.document;
  await write(operator, '/v1/documents/signatures', 'sign-own-1', { items: [{ document: id, version: 0, hash }] });
  await waitFor(async () => (await finalizedHead()) >= created.submission.block_number, 60_000, 'finality');
  const payload = (await read(token, `/v1/documents/${id}/signing-payload?version=0&hash=${hash}`)).body.payload;
  const item = (signer, signature, scheme = 'sr25519') => ({ items: [{ document: id, version: 0, hash, relayed: { signer, scheme, signature } }] });
  const sign = (key, body) => postJson(`${gateway.url}/v1/documents/signatures`, token, key, body);

  // Refused before anything is stored or paid: no signature, another's, a wrong one, ECDSA, a
  // valid signature of a text that is not the version's.
  const registrarFree = async () => (await chain.api.query.system.account(alice.address)).data.free.toBigInt();
  const registrarBefore = await registrarFree();
  const otherHash = `0x${randomBytes(32).toString('hex')}`;
  const otherPayload = (await read(token, `/v1/documents/${id}/signing-payload?version=0&hash=${otherHash}`)).body.payload;
  const otherText = await sign('own-bad-5', { items: [{ document: id, version: 0, hash: otherHash, relayed: { signer: own.address, scheme: 'sr25519', signature: u8aToHex(own.sign(hexToU8a(otherPayload))) } }] });
  assert.equal(otherText.status, 409, JSON.stringify(otherText.body));
  assert.match(otherText.body.detail, /the hash is not the text of version 0/);
  const bare = await sign('own-bad-1', { items: [{ document: id, version: 0, hash }] });
  assert.equal(bare.status, 400, JSON.stringify(bare.body));
  assert.match(bare.body.detail, /signs with its own key/);
  const others = await sign('own-bad-2', item(bob.address, u8aToHex(bob.sign(hexToU8a(payload)))));
  assert.equal(others.status, 400);
  assert.match(others.body.detail, /relayed.signer must be the client/);
  const wrong = await sign('own-bad-3', item(own.address, u8aToHex(own.sign(new Uint8Array([1, 2, 3])))));
  assert.equal(wrong.status, 400);
  assert.match(wrong.body.detail, /does not verify/);
  const ecdsa = await sign('own-bad-4', item(own.address, `0x${'11'.repeat(65)}`, 'ecdsa'));
  assert.equal(ecdsa.status, 400);
  assert.match(ecdsa.body.detail, /sr25519 or ed25519/);
  // documents:sign signs only for a client of this gateway: Bob's person is none.
  const bobsToken = (await personTokens(gateway, portal, REDIRECT, { username: 'bob-not-a-client', account: bob.address })).access_token;
  const notClient = await postJson(`${gateway.url}/v1/documents/signatures`, bobsToken, 'bob-sign', item(bob.address, u8aToHex(bob.sign(hexToU8a(payload)))));
  assert.equal(notClient.status, 403, JSON.stringify(notClient.body));
  assert.equal(notClient.body.required_scope, 'documents:write');
  // documents:sign creates nothing.
  const create = await postJson(`${gateway.url}/v1/documents`, token, 'own-create', { hash, uri: 'https://x.example/', parties: [own.address], signers: [own.address] });
  assert.equal(create.status, 403);
  assert.equal(create.body.required_scope, 'documents:write');

  assert.equal(await registrarFree(), registrarBefore, 'the registrar paid for none of them');
  const free = (await chain.api.query.system.account(own.address)).data.free.toBigInt();
  // A wallet's signature (wrapped in <Bytes>) is accepted as the chain accepts it.
  const signature = u8aToHex(own.sign(u8aWrapBytes(hexToU8a(payload))));
  const accepted = await sign('own-sign-1', item(own.address, signature));
  assert.equal(accepted.status, 202, JSON.stringify(accepted.body));
  const submission = await settled(gateway, token, accepted.body);
  assert.equal(submission.status, 'finalized', JSON.stringify(submission));
  assert.equal(submission.signer, alice.address, 'the registrar submits');
  assert.deepEqual(submission.result.activated, [id]);
  assert.equal((await chain.api.query.system.account(own.address)).data.free.toBigInt(), free, 'the client paid nothing');
  const replay = await sign('own-sign-1', item(own.address, signature));
  assert.equal(replay.status, 202);
  assert.equal(replay.body.id, accepted.body.id);
  // The same signature again, under another key: signed already, so refused before the chain.
  const again = await sign('own-sign-2', item(own.address, signature));
  assert.equal(again.status, 409, JSON.stringify(again.body));
  assert.match(again.body.detail, /not open for signatures|signed version 0 of document \d+ already/);
});

test('the operator takes a client out of the registry and gets the deposit back; the data stays, and it can come back', async () => {
  const [own] = chain.keys('Client-Own-Key');
  const deposit = chain.api.consts.registry.registrationDeposit.toBigInt();
  const reserved = async () => (await chain.api.query.system.account(alice.address)).data.reserved.toBigInt();
  const before = await reserved();
  const byStranger = await postJson(`${gateway.url}/v1/clients/${own.address}`, stranger, 'exit-0', null, 'DELETE');
  assert.equal(byStranger.status, 404, JSON.stringify(byStranger.body));

  const { accepted, submission } = await write(operator, `/v1/clients/${own.address}`, 'exit-1', null, 'DELETE');
  assert.equal(accepted.body.kind, 'clients.deregister');
  assert.equal(submission.status, 'finalized', JSON.stringify(submission));
  await waitFor(async () => (await finalizedHead()) >= submission.block_number, 60_000, 'finality');
  assert.equal(await chain.provider.send('registry_participant', [own.address]), null);
  assert.equal(before - (await reserved()), deposit, 'the deposit went back to the operator');

  const got = await read(operator, `/v1/clients/${own.address}`);
  assert.equal(got.status, 200, JSON.stringify(got.body));
  assert.equal(got.body.chain.client, null);
  assert.equal(got.body.client.data.name, 'Kazakh Rail LLP');
  // Once more: the chain refuses, with the registry's error.
  const again = await write(operator, `/v1/clients/${own.address}`, 'exit-2', null, 'DELETE');
  assert.equal(again.submission.status, 'failed');
  assert.equal(again.submission.error, 'Registry.NotClient');

  // Registered again by the same operator: the same client, its history going on.
  const back = await write(operator, '/v1/clients', 'client-2-again', {
    data: { name: 'Kazakh Rail LLP', bin: '990140000123', returned: true }, custody: 'self', account: own.address,
  });
  assert.equal(back.submission.status, 'finalized', JSON.stringify(back.submission));
  assert.equal(back.accepted.body.client.version, 2);
  const history = await read(operator, `/v1/clients/${own.address}/history`);
  assert.deepEqual(history.body.versions.map((v) => v.version), [1, 2]);
  assert.equal(history.body.versions[1].data.returned, true);
});
