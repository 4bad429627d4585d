// The operator's contract flow through pactum-gateway, as the first customer's CRM runs it:
// create a contract, the operator signs, the client signs with its own key (the signing payload
// from the gateway, the signature relayed, the operator paying), the contract is active; bulk
// signing of many contracts at once, all or nothing; and each party sees only its own contracts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, createHash } from 'node:crypto';
import { u8aToHex, hexToU8a } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { startDevChain } from './lib/node.mjs';
import { startGateway, request, clientToken, operatorClient, settled, postJson } from './lib/gateway.mjs';

let chain;
let gateway;
let operator; // Alice's CRM: writes and reads
let charlie; // another party's client: reads only its own
let alice;
let bob;

const digest = () => `0x${randomBytes(32).toString('hex')}`;

/** Submits and waits for the outcome. */
async function write(token, path, key, body) {
  const accepted = await postJson(`${gateway.url}${path}`, token, key, body);
  assert.equal(accepted.status, 202, JSON.stringify(accepted.body));
  return settled(gateway, token, accepted.body);
}

async function createDocument(key, signers = [alice.address, bob.address]) {
  const hash = digest();
  const done = await write(operator, '/v1/documents', key, {
    hash, uri: `https://files.operator.example/${key}`, parties: [alice.address, bob.address], signers,
  });
  assert.equal(done.status, 'finalized', JSON.stringify(done));
  return { id: done.result.document, hash };
}

const read = (token, path) => request(`${gateway.url}${path}`, { token });

before(async () => {
  chain = await startDevChain();
  [alice, bob] = chain.keys('Alice', 'Bob');
  gateway = await startGateway(chain.node.wsUrl, { PACTUM_GATEWAY_FILE_LIMIT_BYTES: '300000' });
  await gateway.ready();
  const scopes = 'documents:read documents:write submissions:read';
  const { client } = await operatorClient(gateway, '//Alice', scopes);
  ({ access_token: operator } = await clientToken(gateway, client));
  const other = await operatorClient(gateway, '//Charlie', scopes, 'charlie');
  ({ access_token: charlie } = await clientToken(gateway, other.client));
});

after(async () => {
  await gateway?.stop();
  await chain?.stop();
});

test('a contract is signed by the operator, then by the client with its own key, and is active', async () => {
  const { id, hash } = await createDocument('contract-1');
  const pending = await read(operator, `/v1/documents/${id}`);
  assert.equal(pending.status, 200, JSON.stringify(pending.body));
  const { document } = pending.body;
  assert.equal(document.id, id);
  assert.deepEqual(document.parties, [alice.address, bob.address]);
  assert.notEqual(document.status, 'Active');
  const version = document.openVersion ?? document.open_version;
  assert.equal(typeof version, 'number', JSON.stringify(document));
  assert.equal(document.versions[0].hash.digest, hash);
  assert.ok(pending.body.at.block_number >= 1);

  // The operator signs (its own signature, through the gateway's key).
  const own = await write(operator, '/v1/documents/signatures', 'sign-1', { items: [{ document: id, version, hash }] });
  assert.equal(own.status, 'finalized', JSON.stringify(own));
  assert.deepEqual(own.result.signed, [id]);
  assert.deepEqual(own.result.activated, []);

  // The client signs the payload the gateway gives, with its own key; the operator relays it.
  const payload = await read(operator, `/v1/documents/${id}/signing-payload?version=${version}&hash=${hash}`);
  assert.equal(payload.status, 200, JSON.stringify(payload.body));
  const signature = u8aToHex(bob.sign(hexToU8a(payload.body.payload)));
  const relayed = await write(operator, '/v1/documents/signatures', 'sign-2', {
    items: [{ document: id, version, hash, relayed: { signer: bob.address, signature } }],
  });
  assert.equal(relayed.status, 'finalized', JSON.stringify(relayed));
  assert.deepEqual(relayed.result.activated, [id]);

  const active = await read(operator, `/v1/documents/${id}`);
  assert.equal(active.body.document.status, 'Active', JSON.stringify(active.body.document));
  const signers = active.body.document.versions[0].signatures.map((s) => s.signer);
  assert.deepEqual(signers.sort(), [alice.address, bob.address].sort());
});

/** Signs `version` (with `hash`) of `id` by Alice through the gateway and by Bob with his own key, in one call. */
async function signByBoth(key, id, version, hash) {
  const payload = await read(operator, `/v1/documents/${id}/signing-payload?version=${version}&hash=${hash}`);
  const signature = u8aToHex(bob.sign(hexToU8a(payload.body.payload)));
  return write(operator, '/v1/documents/signatures', key, {
    items: [
      { document: id, version, hash },
      { document: id, version, hash, relayed: { signer: bob.address, signature } },
    ],
  });
}

test('an amendment is signed again by both; a termination ends the contract', async () => {
  const { id, hash } = await createDocument('amended-1');
  assert.deepEqual((await signByBoth('amended-1-v0', id, 0, hash)).result.activated, [id]);

  const newHash = digest();
  // The reason's words are kept for the parties (their BLAKE2b-256 goes on chain); words that
  // are not what the hash sent is of are refused.
  const reason = 'Новые тарифы роуминга с 2027 года';
  const mismatch = await postJson(`${gateway.url}/v1/documents/${id}/amendments`, operator, 'amend-1', {
    hash: newHash, uri: 'https://files.operator.example/amended-1-v1', reason, reason_hash: digest(),
  });
  assert.equal(mismatch.status, 400);
  assert.match(mismatch.body.detail, /reason_hash is not the blake2-256 of reason/);
  const amended = await write(operator, `/v1/documents/${id}/amendments`, 'amend-1', {
    hash: newHash, uri: 'https://files.operator.example/amended-1-v1', reason,
  });
  assert.equal(amended.status, 'finalized', JSON.stringify(amended));
  assert.equal(amended.result.document, id);
  assert.equal(amended.result.version, 1);
  const pending = (await read(operator, `/v1/documents/${id}`)).body.document;
  assert.equal(pending.status, 'Active', 'the text in force stays until the amendment is signed');
  assert.equal(pending.openVersion ?? pending.open_version, 1);
  assert.equal(pending.versions[1].hash.digest, newHash);
  assert.equal(pending.versions[1].reason, blake2AsHex(reason, 256));
  assert.equal(pending.versions[1].reasonText, reason);
  assert.equal(pending.versions[0].reasonText, undefined);
  // Charlie, no party, does not see them (nor the document).
  assert.equal((await read(charlie, `/v1/documents/${id}`)).status, 404);

  const both = await signByBoth('amended-1-v1', id, 1, newHash);
  assert.equal(both.status, 'finalized', JSON.stringify(both));
  assert.deepEqual(both.result.activated, [id]);
  const current = (await read(operator, `/v1/documents/${id}`)).body.document;
  assert.equal(current.activeVersion ?? current.active_version, 1);

  // A termination whose reason only has its hash sent shows no words.
  const ending = await write(operator, `/v1/documents/${id}/terminations`, 'terminate-1', { reason_hash: digest() });
  assert.equal(ending.status, 'finalized', JSON.stringify(ending));
  assert.equal(ending.result.document, id);
  assert.equal(ending.result.version, 2);
  const termination = (await read(operator, `/v1/documents/${id}`)).body.document.versions[2];
  assert.equal(termination.reasonText, undefined);
  await signByBoth('terminate-1-v2', id, 2, termination.hash.digest);
  assert.equal((await read(operator, `/v1/documents/${id}`)).body.document.status, 'Terminated');

  // Proposals are checked before they are stored.
  const bad = await postJson(`${gateway.url}/v1/documents/${id}/amendments`, operator, 'amend-bad', {
    hash: newHash, uri: 'x', reason_hash: '0x12',
  });
  assert.equal(bad.status, 400);
  // What only the chain knows (the document is no longer active) fails the submission by name.
  const late = await write(operator, `/v1/documents/${id}/terminations`, 'terminate-2', { reason_hash: digest() });
  assert.equal(late.status, 'failed');
  assert.match(late.error, /^Documents\./);
});

test('a signature by the wrong key fails by name, one of the wrong text is refused; neither signs', async () => {
  const { id, hash } = await createDocument('contract-2');
  const version = 0;
  const payload = await read(operator, `/v1/documents/${id}/signing-payload?version=${version}&hash=${hash}`);
  // Alice's key claiming to be Bob.
  const forged = u8aToHex(alice.sign(hexToU8a(payload.body.payload)));
  const refused = await write(operator, '/v1/documents/signatures', 'forged-1', {
    items: [{ document: id, version, hash, relayed: { signer: bob.address, signature: forged } }],
  });
  assert.equal(refused.status, 'failed');
  assert.match(refused.error, /^Documents\./);

  // Of the wrong text: refused before it is stored (the finalized document has another hash).
  const wrongText = await postJson(`${gateway.url}/v1/documents/signatures`, operator, 'wrong-hash-1', {
    items: [{ document: id, version, hash: digest() }],
  });
  assert.equal(wrongText.status, 409);
  assert.match(wrongText.body.detail, /the hash is not the text of version 0/);
  const after = await read(operator, `/v1/documents/${id}`);
  assert.deepEqual(after.body.document.versions[0].signatures, []);
});

test('the operator bulk-signs many contracts in one call, all or nothing', async () => {
  const docs = [];
  // The third also needs Bob, whose own signature the operator relays in the same call.
  for (let i = 0; i < 4; i++) docs.push(await createDocument(`bulk-${i}`, i === 2 ? [alice.address, bob.address] : [alice.address]));
  const items = docs.map(({ id, hash }) => ({ document: id, version: 0, hash }));
  const payload = (await read(operator, `/v1/documents/${docs[2].id}/signing-payload?version=0&hash=${docs[2].hash}`)).body.payload;
  const relayed = (pair) => ({ ...items[2], relayed: { signer: bob.address, signature: u8aToHex(pair.sign(hexToU8a(payload))) } });

  // What the finalized documents already refuse is a 409 naming the item; nothing is stored, so
  // the operator pays nothing and the key stays free.
  const wrongHash = await postJson(`${gateway.url}/v1/documents/signatures`, operator, 'bulk-sign-1', {
    items: [...items.slice(0, 2), { ...items[2], hash: digest() }, items[3]],
  });
  assert.equal(wrongHash.status, 409, JSON.stringify(wrongHash.body));
  assert.match(wrongHash.body.detail, /^items\[2\]: the hash is not the text of version 0/);
  const twice = await postJson(`${gateway.url}/v1/documents/signatures`, operator, 'bulk-sign-1', { items: [items[0], items[1], items[0]] });
  assert.equal(twice.status, 409);
  assert.match(twice.body.detail, /^items\[2\]: .* signs version 0 of document \d+ twice/);
  const notSigner = await postJson(`${gateway.url}/v1/documents/signatures`, operator, 'bulk-sign-1', {
    items: [{ ...items[0], relayed: { signer: bob.address, signature: `0x${'00'.repeat(64)}` } }],
  });
  assert.equal(notSigner.status, 409);
  assert.match(notSigner.body.detail, /is not a required signer/);

  // What only the chain checks (Bob's signature, forged here) refuses the whole call, naming it.
  const bad = await write(operator, '/v1/documents/signatures', 'bulk-sign-1', { items: [...items.slice(0, 2), relayed(alice), items[3]] });
  assert.equal(bad.status, 'failed');
  assert.match(bad.error, /^Documents\.BulkItemFailed \(item 2,/);
  for (const { id } of docs) {
    assert.notEqual((await read(operator, `/v1/documents/${id}`)).body.document.status, 'Active');
  }

  const all = [...items, relayed(bob)];
  const good = await write(operator, '/v1/documents/signatures', 'bulk-good', { items: all });
  assert.equal(good.status, 'finalized', JSON.stringify(good));
  assert.deepEqual(good.result.activated.sort(), docs.map((d) => d.id).sort());
  for (const { id } of docs) {
    assert.equal((await read(operator, `/v1/documents/${id}`)).body.document.status, 'Active');
  }
  // The same request again answers its submission; under a new key it is refused before it costs.
  const replayed = await postJson(`${gateway.url}/v1/documents/signatures`, operator, 'bulk-good', { items: all });
  assert.equal(replayed.status, 202);
  assert.equal(replayed.body.id, good.id);
  const again = await postJson(`${gateway.url}/v1/documents/signatures`, operator, 'bulk-again', { items: [items[0]] });
  assert.equal(again.status, 409);
  assert.match(again.body.detail, /^items\[0\]: version 0 of document \d+ is not open for signatures/);
});

test('each party sees its own contracts only', async () => {
  const { id } = await createDocument('private-1');
  const listed = await read(operator, '/v1/documents?limit=100');
  assert.equal(listed.status, 200);
  assert.ok(listed.body.documents.some((d) => d.id === id));

  // Charlie is no party: the contract does not exist for him, and his list is empty.
  const hidden = await read(charlie, `/v1/documents/${id}`);
  assert.equal(hidden.status, 404);
  assert.equal(hidden.type, 'application/problem+json');
  const payload = await read(charlie, `/v1/documents/${id}/signing-payload?version=0&hash=${digest()}`);
  assert.equal(payload.status, 404);
  assert.deepEqual((await read(charlie, '/v1/documents')).body.documents, []);

  const badPage = await read(operator, '/v1/documents?limit=0');
  assert.equal(badPage.status, 400);
  const badHash = await read(operator, `/v1/documents/${id}/signing-payload?version=0&hash=0x12`);
  assert.equal(badHash.status, 400);
  const tooMany = await postJson(`${gateway.url}/v1/documents/signatures`, operator, 'too-many', {
    items: [...Array(101).keys()].map(() => ({ document: id, version: 0, hash: digest() })),
  });
  assert.equal(tooMany.status, 400);
});

/** Uploads `bytes` as the multipart part `file`. */
async function upload(token, bytes, type = 'application/pdf') {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), 'contract.pdf');
  const response = await fetch(`${gateway.url}/v1/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
}

test('a contract file is uploaded, put on chain by its hash and link, and downloaded by its parties only, with every request logged', async () => {
  const bytes = randomBytes(200_000);
  const stored = await upload(operator, bytes);
  assert.equal(stored.status, 201, JSON.stringify(stored.body));
  assert.equal(stored.body.hash_algorithm, 'sha2_256');
  assert.equal(stored.body.hash, `0x${createHash('sha256').update(bytes).digest('hex')}`);
  assert.equal(stored.body.size, bytes.length);
  assert.equal(stored.body.uri, `${gateway.url}/v1/files/${stored.body.hash}`);
  assert.deepEqual((await upload(operator, bytes)).body, stored.body, 'the same bytes are one file');

  // Before a document carries it, nobody gets it.
  assert.equal((await read(operator, `/v1/files/${stored.body.hash}`)).status, 404);

  const { hash, uri, hash_algorithm } = stored.body;
  const created = await write(operator, '/v1/documents', 'with-file-1', {
    hash, uri, hash_algorithm, parties: [alice.address, bob.address], signers: [alice.address, bob.address],
  });
  assert.equal(created.status, 'finalized', JSON.stringify(created));
  const id = created.result.document;
  const onChain = (await read(operator, `/v1/documents/${id}`)).body.document.versions[0];
  assert.equal(onChain.hash.digest, hash);

  const response = await fetch(`${gateway.url}/v1/files/${hash}`, { headers: { authorization: `Bearer ${operator}` } });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/pdf');
  assert.deepEqual(Buffer.from(await response.arrayBuffer()), bytes);

  // Charlie is no party; copying the digest into a document of his own opens nothing either.
  const denied = await read(charlie, `/v1/files/${hash}`);
  assert.equal(denied.status, 403);
  assert.equal(denied.type, 'application/problem+json');
  const copied = await write(charlie, '/v1/documents', 'copied-digest', {
    hash, uri: 'https://elsewhere.example/x', hash_algorithm, parties: [chain.keys('Charlie')[0].address],
    signers: [chain.keys('Charlie')[0].address],
  });
  assert.equal(copied.status, 'finalized', JSON.stringify(copied));
  assert.equal((await read(charlie, `/v1/files/${hash}`)).status, 403);

  // The parties read who asked, and what they got.
  const log = await read(operator, `/v1/documents/${id}/access-log`);
  assert.equal(log.status, 200, JSON.stringify(log.body));
  const charlieAddress = chain.keys('Charlie')[0].address;
  assert.deepEqual(log.body.entries.map((e) => [e.account, e.outcome, e.version]), [
    [alice.address, 'served', 0], [charlieAddress, 'denied', 0], [charlieAddress, 'denied', 0],
  ]);
  assert.equal((await read(charlie, `/v1/documents/${id}/access-log`)).status, 404);

  // A party grants Charlie (an auditor) access through the gateway: he gets the file until the
  // grant is revoked.
  const granted = await write(operator, `/v1/documents/${id}/access-grants`, 'grant-charlie', { viewer: charlieAddress });
  assert.equal(granted.status, 'finalized', JSON.stringify(granted));
  assert.equal(granted.result.viewer, charlieAddress);
  assert.equal((await read(charlie, `/v1/files/${hash}`)).status, 200);
  const revoke = await fetch(`${gateway.url}/v1/documents/${id}/access-grants/${charlieAddress}`, {
    method: 'DELETE', headers: { authorization: `Bearer ${operator}`, 'idempotency-key': 'revoke-charlie' },
  });
  assert.equal(revoke.status, 202);
  const revoked = await settled(gateway, operator, await revoke.json());
  assert.equal(revoked.status, 'finalized', JSON.stringify(revoked));
  assert.equal((await read(charlie, `/v1/files/${hash}`)).status, 403);
  const own = await postJson(`${gateway.url}/v1/documents/${id}/access-grants`, operator, 'grant-self', { viewer: alice.address });
  assert.equal(own.status, 400, 'a party needs no grant');

  // Bad uploads.
  const notMultipart = await postJson(`${gateway.url}/v1/files`, operator, null, { file: 'x' });
  assert.equal(notMultipart.status, 400);
  const noFile = new FormData();
  noFile.append('other', 'x');
  const missing = await fetch(`${gateway.url}/v1/files`, { method: 'POST', headers: { authorization: `Bearer ${operator}` }, body: noFile });
  assert.equal(missing.status, 400);
  assert.equal((await read(operator, '/v1/files/0x12')).status, 400);
  const tooLarge = await upload(operator, randomBytes(300_001));
  assert.equal(tooLarge.status, 413);
  assert.equal(tooLarge.type, 'application/problem+json');
});
