// Certificates and events through pactum-gateway, as a certificate registry and a CRM use them:
// an issuer issues a certificate, anyone verifies it by hash with the issuer's organisation and
// key, it is found by its block and by its transaction, its holder lists it, the issuer revokes
// it; the holder's backend follows its events as a page, as Server-Sent Events (resuming after
// the last one it saw) and through a webhook that fails once and is retried, signed with HMAC.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createHmac, randomBytes } from 'node:crypto';
import { u8aToHex } from '@polkadot/util';
import { startDevChain, waitFor } from './lib/node.mjs';
import { submit } from './lib/tx.mjs';
import {
  startGateway, request, clientToken, operatorClient, settled, postJson, openEventStream,
} from './lib/gateway.mjs';

let chain;
let gateway;
let issuer; // Charlie's backend: an Issuer with the organisation code KZ-TEL
let holder; // Bob's backend: reads its events
let bystander; // Alice's backend: neither issuer nor holder
let alice;
let bob;
let charlie;
let receiver; // the webhook receiver on 127.0.0.1

const digest = () => `0x${randomBytes(32).toString('hex')}`;
const read = (token, path) => request(`${gateway.url}${path}`, { token });

async function write(token, path, key, body) {
  const accepted = await postJson(`${gateway.url}${path}`, token, key, body);
  assert.equal(accepted.status, 202, JSON.stringify(accepted.body));
  return settled(gateway, token, accepted.body);
}

/** Answers `lookup` once the chain index has reached the block (it follows finality). */
const indexed = (path, token) => waitFor(async () => {
  const reply = await read(token, path);
  return reply.status === 200 && reply.body.certificates.length > 0 && reply.body;
}, 60_000, `${path} to be indexed`);

/** An HTTP server that records deliveries and answers each with the next status of `statuses`. */
function startReceiver(statuses) {
  const deliveries = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      deliveries.push({ headers: req.headers, body });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}/hooks/pactum`,
    deliveries,
    close: () => new Promise((done) => server.close(done)),
  })));
}

before(async () => {
  chain = await startDevChain();
  [alice, bob, charlie] = chain.keys('Alice', 'Bob', 'Charlie');
  await submit(chain.api, chain.api.tx.registry.assignOrgCode(charlie.address, 'KZ-TEL'), alice);
  // The webhook receiver listens on loopback, which a gateway refuses to call by default.
  gateway = await startGateway(chain.node.wsUrl, { PACTUM_GATEWAY_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
  await gateway.ready();
  const issuing = await operatorClient(gateway, '//Charlie',
    'certificates:issue certificates:read submissions:read events:read', 'charlie');
  ({ access_token: issuer } = await clientToken(gateway, issuing.client));
  const holding = await operatorClient(gateway, '//Bob',
    'certificates:read certificates:issue submissions:read events:read webhooks:manage', 'bob');
  ({ access_token: holder } = await clientToken(gateway, holding.client));
  const other = await operatorClient(gateway, '//Alice', 'events:read certificates:read', 'alice');
  ({ access_token: bystander } = await clientToken(gateway, other.client));
  receiver = await startReceiver([500]);
});

after(async () => {
  await receiver?.close();
  await gateway?.stop();
  await chain?.stop();
});

test('a certificate is issued, verified by anyone, found by block, transaction and holder, and revoked', async () => {
  const hash = digest();
  const issued = await write(issuer, '/v1/certificates', 'cert-1', { holder: bob.address, hash, cert_type: 'telecom-licence' });
  assert.equal(issued.status, 'finalized', JSON.stringify(issued));
  assert.equal(issued.result.certificate, hash);

  // Anyone verifies it, without a token, with the issuer's organisation and public key.
  const verified = await request(`${gateway.url}/v1/certificates/${hash}`);
  assert.equal(verified.status, 200, JSON.stringify(verified.body));
  assert.equal(verified.body.certificate.status, 'Valid');
  assert.equal(verified.body.certificate.holder, bob.address);
  assert.equal(verified.body.certificate.orgCode, 'KZ-TEL');
  assert.equal(verified.body.issuer.account, charlie.address);
  assert.equal(verified.body.issuer.public_key, u8aToHex(charlie.publicKey));
  assert.equal(verified.body.issuer.org_code, 'KZ-TEL');
  const keys = await request(`${gateway.url}/v1/participants/${charlie.address}/public-key`);
  assert.deepEqual(keys.body, verified.body.issuer);

  // By the block it was issued in, and by the transaction that issued it.
  const byBlock = await indexed(`/v1/certificates?block=${issued.block_number}`, holder);
  assert.equal(byBlock.block.block_hash, issued.block_hash);
  const inBlock = byBlock.certificates.find((c) => c.event.data.hash === hash);
  assert.equal(inBlock.event.type, 'certificate.issued');
  assert.equal(inBlock.event.data.org_code, 'KZ-TEL');
  assert.equal(inBlock.certificate.status, 'Valid');
  const byTx = await read(holder, `/v1/certificates?transaction=${issued.tx_hash}`);
  assert.equal(byTx.status, 200, JSON.stringify(byTx.body));
  assert.equal(byTx.body.transaction.call, 'Documents.issue_certificate');
  assert.equal(byTx.body.transaction.signer, charlie.address);
  assert.equal(byTx.body.transaction.block_number, issued.block_number);
  assert.equal(byTx.body.transaction.success, true);
  assert.deepEqual(byTx.body.certificates.map((c) => c.event.data.hash), [hash]);

  // The holder's list.
  const held = await read(holder, `/v1/certificates?holder=${bob.address}`);
  assert.ok(held.body.certificates.some((c) => c.hash === hash && c.certType === 'telecom-licence'));

  // The issuing organisation revokes it; the reason's hash is on chain.
  const reason = digest();
  const revoked = await write(issuer, `/v1/certificates/${hash}/revocation`, 'revoke-1', { reason_hash: reason });
  assert.equal(revoked.status, 'finalized', JSON.stringify(revoked));
  const now = await request(`${gateway.url}/v1/certificates/${hash}`);
  assert.equal(now.body.certificate.status, 'Revoked');
  const byRevocation = await indexed(`/v1/certificates?transaction=${revoked.tx_hash}`, holder);
  assert.equal(byRevocation.certificates[0].event.type, 'certificate.revoked');
  assert.equal(byRevocation.certificates[0].event.data.reason_hash, reason);
  assert.equal(byRevocation.certificates[0].certificate.status, 'Revoked');

  // Only the chain knows who may issue and revoke: the refusal names the pallet error.
  const notIssuer = await write(holder, '/v1/certificates', 'cert-by-bob', { holder: bob.address, hash: digest(), cert_type: 'diploma' });
  assert.equal(notIssuer.status, 'failed');
  assert.equal(notIssuer.error, 'Documents.NotIssuer');
  const again = await write(issuer, `/v1/certificates/${hash}/revocation`, 'revoke-2', { reason_hash: reason });
  assert.equal(again.error, 'Documents.AlreadyRevoked');
});

test('bad certificate requests are refused with problems, and nothing is submitted', async () => {
  const problem = (reply, status) => {
    assert.equal(reply.status, status, JSON.stringify(reply.body));
    assert.match(reply.type, /application\/problem\+json/);
  };
  problem(await request(`${gateway.url}/v1/certificates/0x1234`), 400);
  problem(await request(`${gateway.url}/v1/certificates/${digest()}`), 404);
  problem(await request(`${gateway.url}/v1/participants/not-an-address/public-key`), 400);
  const unregistered = chain.keys('Ferdie')[0].address;
  problem(await request(`${gateway.url}/v1/participants/${unregistered}/public-key`), 404);
  problem(await read(holder, `/v1/certificates?holder=${bob.address}&block=1`), 400);
  problem(await read(holder, '/v1/certificates'), 400);
  problem(await read(holder, '/v1/certificates?transaction=0xzz'), 400);
  problem(await read(holder, `/v1/certificates?transaction=${digest()}`), 404);
  problem(await read(holder, '/v1/certificates?block=999999999'), 404);
  problem(await request(`${gateway.url}/v1/certificates?holder=${bob.address}`), 401);
  problem(await postJson(`${gateway.url}/v1/certificates`, bystander, 'no-scope', { holder: bob.address, hash: digest(), cert_type: 'x' }), 403);
  for (const [key, body] of [
    ['bad-holder', { holder: 'bob', hash: digest(), cert_type: 'diploma' }],
    ['bad-hash', { holder: bob.address, hash: '0x12', cert_type: 'diploma' }],
    ['bad-type', { holder: bob.address, hash: digest(), cert_type: 'диплом' }],
    ['long-type', { holder: bob.address, hash: digest(), cert_type: 'x'.repeat(65) }],
    ['unknown-field', { holder: bob.address, hash: digest(), cert_type: 'diploma', extra: 1 }],
  ]) {
    problem(await postJson(`${gateway.url}/v1/certificates`, issuer, key, body), 400);
  }
  problem(await postJson(`${gateway.url}/v1/certificates/${digest()}/revocation`, issuer, 'bad-reason', { reason_hash: 'no' }), 400);
});

test('the holder follows its events as a page, as Server-Sent Events, and by a signed webhook retried after a failure', async () => {
  const created = await request(`${gateway.url}/v1/webhooks`, {
    method: 'POST', token: holder, headers: { 'content-type': 'application/json' },
  });
  assert.equal(created.status, 400, 'a webhook needs a JSON body');
  const hookReply = await postJson(`${gateway.url}/v1/webhooks`, holder, null, {
    url: receiver.url, event_types: ['certificate.issued'],
  });
  assert.equal(hookReply.status, 201, JSON.stringify(hookReply.body));
  const hook = hookReply.body;
  assert.match(hook.secret, /^whsec_/);
  assert.equal((await read(holder, `/v1/webhooks/${hook.id}`)).body.secret, undefined, 'the secret is shown once');
  for (const bad of [{ url: 'ftp://127.0.0.1/x' }, { url: 'not a url' }, { url: receiver.url, event_types: ['nope'] }]) {
    assert.equal((await postJson(`${gateway.url}/v1/webhooks`, holder, null, bad)).status, 400);
  }
  assert.equal((await postJson(`${gateway.url}/v1/webhooks`, issuer, null, { url: receiver.url })).status, 403);

  const stream = await openEventStream(gateway, holder, { query: '?types=certificate.issued' });
  assert.match(stream.type, /text\/event-stream/);
  const hash = digest();
  const issued = await write(issuer, '/v1/certificates', 'cert-stream', { holder: bob.address, hash, cert_type: 'diploma' });
  assert.equal(issued.status, 'finalized', JSON.stringify(issued));

  // Server-Sent Events: the new certificate, live.
  const live = await stream.next();
  stream.close();
  assert.equal(live.event, 'certificate.issued');
  assert.equal(live.data.data.hash, hash);
  assert.equal(live.data.block_number, issued.block_number);
  assert.equal(live.id, String(live.data.id));

  // The page: the holder and the issuer see it; a bystander does not.
  const page = await read(holder, '/v1/events?types=certificate.issued');
  assert.ok(page.body.events.some((e) => e.id === live.data.id));
  const issuerPage = await read(issuer, `/v1/events?after=${live.data.id - 1}`);
  assert.equal(issuerPage.body.events[0].id, live.data.id);
  const others = await read(bystander, '/v1/events?limit=500');
  assert.ok(!others.body.events.some((e) => e.id === live.data.id));
  assert.equal((await read(holder, '/v1/events?types=nope')).status, 400);

  // Resuming after the event before it replays it.
  const resumed = await openEventStream(gateway, holder, { lastEventId: live.data.id - 1, query: '?types=certificate.issued' });
  assert.equal((await resumed.next()).data.id, live.data.id);
  resumed.close();

  // The webhook: the first delivery got a 500, the retry succeeded; the same event both times,
  // signed with the secret over "<t>.<body>".
  await waitFor(() => receiver.deliveries.length >= 2, 30_000, 'the webhook to be retried');
  const [first, second] = receiver.deliveries;
  assert.equal(first.body, second.body);
  assert.equal(second.headers['pactum-event-id'], String(live.data.id));
  assert.equal(second.headers['pactum-event-type'], 'certificate.issued');
  const [, t, v1] = second.headers['pactum-signature'].match(/^t=(\d+),v1=([0-9a-f]{64})$/);
  assert.equal(createHmac('sha256', hook.secret).update(`${t}.${second.body}`).digest('hex'), v1);
  assert.equal(JSON.parse(second.body).data.hash, hash);
  const state = await waitFor(async () => {
    const reply = await read(holder, `/v1/webhooks/${hook.id}`);
    return reply.body.cursor >= live.data.id && reply.body;
  }, 10_000, 'the webhook cursor to move');
  assert.equal(state.failures, 0);

  // Replay from before the event: delivered again (at least once), then the webhook is deleted.
  const replay = await request(`${gateway.url}/v1/webhooks/${hook.id}`, {
    method: 'PATCH', token: holder, headers: { 'content-type': 'application/json' },
  });
  assert.equal(replay.status, 400);
  const rewound = await fetch(`${gateway.url}/v1/webhooks/${hook.id}`, {
    method: 'PATCH', headers: { authorization: `Bearer ${holder}`, 'content-type': 'application/json' },
    body: JSON.stringify({ cursor: live.data.id - 1 }),
  });
  assert.equal(rewound.status, 200);
  await waitFor(() => receiver.deliveries.length >= 3, 30_000, 'the replay');
  assert.equal(receiver.deliveries[2].body, second.body);
  const deleted = await request(`${gateway.url}/v1/webhooks/${hook.id}`, { method: 'DELETE', token: holder });
  assert.equal(deleted.status, 204);
  assert.equal((await read(holder, `/v1/webhooks/${hook.id}`)).status, 404);
  assert.deepEqual((await read(holder, '/v1/webhooks')).body, []);
});
