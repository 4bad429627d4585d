// pactum-gateway as a backend meets it: a real gateway process beside a real dev node on
// 127.0.0.1, driven by plain HTTP. Its OAuth matrix is tested in process (gateway/tests); here:
// readiness against the node (its typed client matches the running runtime), the admin CLI,
// OAuth over the wire, problem details, the node going away and coming back, and a clean stop.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode, waitFor } from './lib/node.mjs';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { startGateway, request, clientToken, GATEWAY_BIN } from './lib/gateway.mjs';

let node;
let gateway;

async function rpc(method, params = []) {
  const url = node.wsUrl.replace('ws://', 'http://');
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 1, jsonrpc: '2.0', method, params }),
  });
  return (await response.json()).result;
}

before(async () => {
  node = await startDevNode();
  gateway = await startGateway(node.wsUrl);
});

after(async () => {
  await gateway?.stop();
  await node?.stop();
});

test('the gateway becomes ready against the node, and its typed client matches the runtime', async () => {
  // 200 carries the report, 503 carries it as the problem's `checks`.
  const ready = await waitFor(async () => {
    const reply = await request(`${gateway.url}/readyz`);
    const report = reply.status === 200 ? reply.body : reply.body.checks;
    return report?.chain.reachable && report.chain.finalized_number >= 1 && { reply, report };
  }, 120_000, 'the gateway to see a finalized block');
  const { chain } = ready.report;
  assert.equal(chain.codegen_valid, true,
    'gateway/metadata/pactum.scale is older than the runtime: run scripts/gen-metadata.sh');
  assert.equal(ready.reply.status, 200);
  assert.equal(ready.report.database, true);
  assert.equal(chain.genesis_hash, await rpc('chain_getBlockHash', [0]));
  assert.equal(chain.spec_version, (await rpc('state_getRuntimeVersion')).specVersion);
});

test('a person signs in at the sign-in page with PKCE, as the portal will, and their token acts for their account', async () => {
  const redirect = 'http://127.0.0.1:5173/callback';
  const portal = gateway.admin('api-client', 'create', '--name', 'client portal', '--scopes', 'documents:read events:read',
    '--redirect-uri', redirect);
  assert.equal(portal.grant_types, 'authorization_code refresh_token');
  const bob = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
  const person = gateway.adminWithInput('a long passphrase\n', 'user', 'create', '--username', 'bob', '--account', bob, '--password-file', '-');
  assert.equal(person.chain_account, bob);

  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const params = new URLSearchParams({
    response_type: 'code', client_id: portal.client_id, redirect_uri: redirect, state: 'xyz',
    code_challenge: challenge, code_challenge_method: 'S256',
  });
  const page = await fetch(`${gateway.url}/oauth/authorize?${params}`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<form method="post" action="\/oauth\/authorize">/);
  const signIn = (password) => fetch(`${gateway.url}/oauth/authorize`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...Object.fromEntries(params), username: 'bob', password }).toString(),
  });
  assert.equal((await signIn('a wrong passphrase')).status, 401);
  const signedIn = await signIn('a long passphrase');
  assert.equal(signedIn.status, 303);
  const back = new URL(signedIn.headers.get('location'));
  assert.equal(`${back.origin}${back.pathname}`, redirect);
  assert.equal(back.searchParams.get('state'), 'xyz');

  const exchange = (code_verifier) => request(`${gateway.url}/oauth/token`, {
    form: { grant_type: 'authorization_code', client_id: portal.client_id, code: back.searchParams.get('code'), redirect_uri: redirect, code_verifier },
  });
  const tokens = await exchange(verifier);
  assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
  assert.ok(tokens.body.refresh_token);
  const me = await request(`${gateway.url}/v1/whoami`, { token: tokens.body.access_token });
  assert.equal(me.body.subject, `user:${person.id}`);
  assert.equal((await request(`${gateway.url}/v1/events`, { token: tokens.body.access_token })).status, 200);
  assert.equal((await exchange(verifier)).body.error, 'invalid_grant', 'a code works once');
});

test('an API client made with the admin CLI gets a token over HTTP and is known by it', async () => {
  const client = gateway.admin('api-client', 'create', '--name', 'crm', '--scopes', 'documents:read tokens:read');
  const metadata = await request(`${gateway.url}/.well-known/oauth-authorization-server`);
  assert.equal(metadata.status, 200);
  assert.equal(metadata.body.issuer, gateway.url);
  assert.equal(metadata.body.token_endpoint, `${gateway.url}/oauth/token`);

  const granted = await clientToken(gateway, client, 'documents:read');
  assert.equal(granted.scope, 'documents:read');
  const me = await request(`${gateway.url}/v1/whoami`, { token: granted.access_token });
  assert.equal(me.status, 200);
  assert.equal(me.body.client_id, client.client_id);
  assert.deepEqual(me.body.scopes, ['documents:read']);

  const listed = gateway.admin('api-client', 'list');
  assert.ok(listed.some((c) => c.client_id === client.client_id && c.name === 'crm' && c.retired_at === null));
});

test('refused requests are problem details and change nothing', async () => {
  const client = gateway.admin('api-client', 'create', '--name', 'probe', '--scopes', 'tokens:read');

  const wrongSecret = await request(`${gateway.url}/oauth/token`, {
    basic: { id: client.client_id, secret: 'not-the-secret' },
    form: { grant_type: 'client_credentials' },
  });
  assert.equal(wrongSecret.status, 401);
  assert.equal(wrongSecret.body.error, 'invalid_client');
  assert.match(wrongSecret.headers.get('www-authenticate'), /^Basic/);

  const tooWide = await request(`${gateway.url}/oauth/token`, {
    basic: { id: client.client_id, secret: client.client_secret },
    form: { grant_type: 'client_credentials', scope: 'documents:write' },
  });
  assert.equal(tooWide.status, 400);
  assert.equal(tooWide.body.error, 'invalid_scope');

  const anonymous = await request(`${gateway.url}/v1/whoami`);
  assert.equal(anonymous.status, 401);
  assert.equal(anonymous.type, 'application/problem+json');
  assert.equal(anonymous.body.status, 401);
  assert.match(anonymous.headers.get('www-authenticate'), /^Bearer/);

  const missing = await request(`${gateway.url}/v1/no-such-thing`, { headers: { 'x-request-id': 'e2e-42' } });
  assert.equal(missing.status, 404);
  assert.equal(missing.type, 'application/problem+json');
  assert.equal(missing.headers.get('x-request-id'), 'e2e-42');
  assert.ok(!JSON.stringify(missing.body).includes('panicked'));
});

test('a revoked access token and a retired client are refused', async () => {
  const client = gateway.admin('api-client', 'create', '--name', 'retiring', '--scopes', 'tokens:read');
  const { access_token: token } = await clientToken(gateway, client);
  assert.equal((await request(`${gateway.url}/v1/whoami`, { token })).status, 200);

  const revoked = await request(`${gateway.url}/oauth/revoke`, {
    basic: { id: client.client_id, secret: client.client_secret },
    form: { token, token_type_hint: 'access_token' },
  });
  assert.equal(revoked.status, 200);
  const after = await request(`${gateway.url}/v1/whoami`, { token });
  assert.equal(after.status, 401);
  assert.equal(after.type, 'application/problem+json');

  gateway.admin('api-client', 'retire', client.client_id);
  const refused = await request(`${gateway.url}/oauth/token`, {
    basic: { id: client.client_id, secret: client.client_secret },
    form: { grant_type: 'client_credentials' },
  });
  assert.equal(refused.status, 401);
  assert.equal(refused.body.error, 'invalid_client');
});

test('a second gateway on the same database refuses to start', () => {
  const second = spawnSync(GATEWAY_BIN, ['serve'], {
    env: { ...gateway.env, PACTUM_GATEWAY_LISTEN: '127.0.0.1:0' }, encoding: 'utf8', timeout: 30_000,
  });
  assert.notEqual(second.status, 0);
  assert.match(second.stderr, /another pactum-gateway serves this database/);
});

test('the OpenAPI 3.1 document and its docs page are served', async () => {
  const spec = await request(`${gateway.url}/openapi.json`);
  assert.equal(spec.status, 200);
  assert.equal(spec.body.openapi, '3.1.0');
  for (const path of ['/oauth/token', '/oauth/revoke', '/readyz', '/v1/whoami']) {
    assert.ok(spec.body.paths[path], `${path} is documented`);
  }
  const docs = await request(`${gateway.url}/docs`);
  assert.equal(docs.status, 200);
  assert.match(docs.type, /text\/html/);
});

test('readiness follows the node: 503 while it is gone, ready again once it is back', async () => {
  // A node of its own, so the other tests keep theirs.
  const own = await startDevNode();
  const watcher = await startGateway(own.wsUrl);
  let again;
  try {
    await waitFor(async () => (await request(`${watcher.url}/readyz`)).status === 200, 60_000, 'ready');
    await own.stop();
    const down = await waitFor(async () => {
      const reply = await request(`${watcher.url}/readyz`);
      return reply.status === 503 && reply;
    }, 30_000, 'not ready without its node');
    assert.equal(down.type, 'application/problem+json');
    assert.equal(down.body.checks.chain.reachable, false);
    assert.equal(down.body.checks.database, true);
    // Liveness does not depend on the node.
    assert.equal((await request(`${watcher.url}/healthz`)).status, 200);

    const port = Number(new URL(own.wsUrl).port);
    again = await startDevNode([], { rpcPort: port });
    const back = await waitFor(async () => {
      const reply = await request(`${watcher.url}/readyz`);
      return reply.status === 200 && reply;
    }, 60_000, 'ready again once the node is back');
    assert.equal(back.body.chain.codegen_valid, true);
  } finally {
    const stopped = await watcher.stop();
    assert.equal(stopped.code, 0, 'SIGTERM ends the gateway cleanly');
    await own.stop();
    await again?.stop();
  }
});
