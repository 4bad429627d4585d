// Writes through pactum-gateway: a backend creates documents over HTTP with an Idempotency-Key,
// the gateway signs them for its operator account (Alice on the dev chain), and the submission
// reaches `finalized` with the new document's id, which the chain (read with @polkadot/api) has.
// Refusals change nothing; a gateway killed with SIGKILL during a burst loses no accepted request
// and applies none twice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startDevChain, waitFor } from './lib/node.mjs';
import { submit } from './lib/tx.mjs';
import { startGateway, request, clientToken, operatorClient, settled, postJson } from './lib/gateway.mjs';

let chain;
let gateway;
let token;
let alice;
let bob;

const digest = () => `0x${randomBytes(32).toString('hex')}`;
const documentBody = (hash = digest()) => ({
  hash,
  uri: `https://files.operator.example/${hash.slice(2, 10)}`,
  parties: [alice.address, bob.address],
  signers: [alice.address, bob.address],
});

before(async () => {
  chain = await startDevChain();
  [alice, bob] = chain.keys('Alice', 'Bob');
  gateway = await startGateway(chain.node.wsUrl);
  await gateway.ready();
  const { client } = await operatorClient(gateway, '//Alice', 'documents:write submissions:read');
  ({ access_token: token } = await clientToken(gateway, client));
});

after(async () => {
  await gateway?.stop();
  await chain?.stop();
});

test('a document created over HTTP is finalized on chain with its id', async () => {
  const body = documentBody();
  const accepted = await postJson(`${gateway.url}/v1/documents`, token, 'create-1', body);
  assert.equal(accepted.status, 202, JSON.stringify(accepted.body));
  assert.equal(accepted.body.status, 'accepted');
  assert.equal(accepted.body.kind, 'documents.create');
  assert.equal(accepted.body.signer, alice.address);
  assert.equal(accepted.headers.get('location'), accepted.body.status_url);

  const done = await settled(gateway, token, accepted.body);
  assert.equal(done.status, 'finalized', JSON.stringify(done));
  assert.equal(done.attempts, 1);
  assert.ok(done.block_number >= 1);
  const id = done.result.document;
  assert.equal(typeof id, 'number');
  assert.ok(done.result.events.some((e) => e.pallet === 'Documents' && e.name === 'Created'));

  // The chain agrees: the document, its hash, its parties, in the block the gateway named.
  const stored = (await chain.api.query.documents.documents(id)).unwrap().toJSON();
  assert.equal(stored.creator, alice.address);
  const blockHash = await chain.api.rpc.chain.getBlockHash(done.block_number);
  assert.equal(blockHash.toHex(), done.block_hash);
  const block = await chain.api.rpc.chain.getBlock(blockHash);
  assert.equal(block.block.extrinsics[done.extrinsic_index].hash.toHex(), done.tx_hash);
});

test('the same Idempotency-Key answers the same submission; another body under it is a 422', async () => {
  const body = documentBody();
  const first = await postJson(`${gateway.url}/v1/documents`, token, 'create-twice', body);
  assert.equal(first.status, 202);
  const again = await postJson(`${gateway.url}/v1/documents`, token, 'create-twice', body);
  assert.equal(again.status, 202);
  assert.equal(again.body.id, first.body.id);
  assert.equal(again.headers.get('idempotent-replayed'), 'true');

  const other = await postJson(`${gateway.url}/v1/documents`, token, 'create-twice', documentBody());
  assert.equal(other.status, 422);
  assert.equal(other.type, 'application/problem+json');

  const done = await settled(gateway, token, first.body);
  assert.equal(done.status, 'finalized');
  assert.equal(done.attempts, 1);
});

test('bad requests are 400 problems and store nothing', async () => {
  const before = (await chain.api.query.documents.nextDocumentId()).toNumber();
  const cases = [
    ['no key', null, documentBody()],
    ['not JSON', 'bad-1', '{"hash":'],
    ['short hash', 'bad-2', { ...documentBody(), hash: '0x1234' }],
    ['unknown field', 'bad-3', { ...documentBody(), colour: 'blue' }],
    ['bad address', 'bad-4', { ...documentBody(), parties: [alice.address, 'not-an-address'] }],
    ['signer not a party', 'bad-5', { ...documentBody(), parties: [alice.address], signers: [bob.address] }],
    ['operator not a party', 'bad-6', { ...documentBody(), parties: [bob.address], signers: [bob.address] }],
  ];
  for (const [what, key, body] of cases) {
    const reply = await postJson(`${gateway.url}/v1/documents`, token, key, body);
    assert.equal(reply.status, 400, `${what}: ${JSON.stringify(reply.body)}`);
    assert.equal(reply.type, 'application/problem+json', what);
    assert.ok(reply.body.detail, `${what} says why`);
  }
  // A key refused with a bad body stays free for a good one.
  const good = await postJson(`${gateway.url}/v1/documents`, token, 'bad-2', documentBody());
  assert.equal(good.status, 202);
  assert.equal((await settled(gateway, token, good.body)).status, 'finalized');
  assert.equal((await chain.api.query.documents.nextDocumentId()).toNumber(), before + 1);
});

test('a refusal by the pallet fails the submission with the error name', async () => {
  // Eve is not registered: the pallet refuses her as a party.
  const [eve] = chain.keys('Eve');
  const body = { ...documentBody(), parties: [alice.address, eve.address], signers: [alice.address] };
  const accepted = await postJson(`${gateway.url}/v1/documents`, token, 'refused-1', body);
  assert.equal(accepted.status, 202);
  const done = await settled(gateway, token, accepted.body);
  assert.equal(done.status, 'failed');
  assert.equal(done.error, 'Documents.PartyNotParticipant');
  assert.ok(done.block_number >= 1, 'failed in a finalized block');
});

test('writes need documents:write and a client acting for a signer; submissions are per client', async () => {
  const reader = gateway.admin('api-client', 'create', '--name', 'reader', '--scopes', 'submissions:read');
  const { access_token: readerToken } = await clientToken(gateway, reader);
  const noScope = await postJson(`${gateway.url}/v1/documents`, readerToken, 'x-1', documentBody());
  assert.equal(noScope.status, 403);

  const unbound = gateway.admin('api-client', 'create', '--name', 'unbound', '--scopes', 'documents:write');
  const { access_token: unboundToken } = await clientToken(gateway, unbound);
  const noAccount = await postJson(`${gateway.url}/v1/documents`, unboundToken, 'x-2', documentBody());
  assert.equal(noAccount.status, 403);
  assert.match(noAccount.body.detail, /acts for no chain account/);

  const mine = await postJson(`${gateway.url}/v1/documents`, token, 'mine-1', documentBody());
  const theirs = await request(`${gateway.url}${mine.body.status_url}`, { token: readerToken });
  assert.equal(theirs.status, 404, 'another client does not see it');
  assert.equal((await settled(gateway, token, mine.body)).status, 'finalized');
});

test('a transaction the signer sent outside the gateway, not yet final, does not hold its next one back', async () => {
  // Alice's own remark is in a block while the finalized state still has her old nonce: the
  // gateway signs with the best block's next nonce, so its transaction is not refused as outdated
  // (which would keep it waiting for its era, two minutes on this chain).
  await submit(chain.api, chain.api.tx.system.remark('0x01'), alice);
  const accepted = await postJson(`${gateway.url}/v1/documents`, token, 'after-outside-1', documentBody());
  assert.equal(accepted.status, 202);
  const done = await settled(gateway, token, accepted.body, 40_000);
  assert.equal(done.status, 'finalized', JSON.stringify(done));
  assert.equal(done.attempts, 1);
});

test('a gateway killed during a burst loses no accepted request and applies none twice', async () => {
  const count = 24;
  const firstId = (await chain.api.query.documents.nextDocumentId()).toNumber();
  const bodies = [...Array(count).keys()].map(() => documentBody());
  const send = (i) => postJson(`${gateway.url}/v1/documents`, token, `burst-${i}`, bodies[i])
    .catch((error) => ({ status: 0, error }));
  // Half before the crash, the other half racing it.
  const early = await Promise.all([...Array(count / 2).keys()].map(send));
  assert.ok(early.every((r) => r.status === 202));
  // Crash once some are signed and broadcast (their bytes and nonces stored), others not yet.
  await waitFor(async () => {
    const states = await Promise.all(early.map((r) => request(`${gateway.url}${r.body.status_url}`, { token })));
    return states.some((s) => s.body.status === 'broadcast');
  }, 30_000, 'a broadcast attempt');
  const racing = [...Array(count / 2).keys()].map((i) => send(count / 2 + i));
  await gateway.kill();
  await Promise.all(racing);

  await gateway.restart();
  // The backend retries everything with the same keys, as it must when it saw no answer.
  const retried = [];
  for (let i = 0; i < count; i++) {
    const reply = await send(i);
    assert.equal(reply.status, 202, `retry ${i}: ${JSON.stringify(reply.body)}`);
    retried.push(reply.body);
  }
  const outcomes = await Promise.all(retried.map((s) => settled(gateway, token, s, 180_000)));
  for (const done of outcomes) assert.equal(done.status, 'finalized', JSON.stringify(done));

  // Exactly one document per request: one id each, all different, and no other document made.
  const ids = outcomes.map((d) => d.result.document);
  assert.equal(new Set(ids).size, count);
  assert.equal((await chain.api.query.documents.nextDocumentId()).toNumber(), firstId + count);
  for (const id of ids) assert.ok(id >= firstId && id < firstId + count);
});
