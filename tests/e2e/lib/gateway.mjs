// Starting and stopping a real pactum-gateway on 127.0.0.1 beside a node, and talking to it with
// plain HTTP (fetch), as a backend does.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, openSync, closeSync, readFileSync } from 'node:fs';
import { randomBytes, createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from './node.mjs';

export const GATEWAY_BIN = process.env.PACTUM_GATEWAY
  ?? join(process.env.HOME, '.cache/pactum/target-gateway/release/pactum-gateway');

const children = new Set();
// Whatever happens to the test process, no gateway outlives it.
process.on('exit', () => { for (const child of children) child.kill('SIGKILL'); });

/**
 * Starts `pactum-gateway serve` against the node at `nodeUrl`, with a new master key and a
 * temporary SQLite database. `admin(...args)` runs an admin command against the same database and
 * returns its parsed JSON output; `kill()` and `restart()` crash it and start it again on the same
 * database; `stop()` ends it (SIGTERM) and removes its data.
 */
export async function startGateway(nodeUrl, env = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'pactum-gateway-e2e-'));
  const port = await freePort();
  const config = {
    ...process.env,
    PACTUM_GATEWAY_LISTEN: `127.0.0.1:${port}`,
    PACTUM_GATEWAY_DATA_DIR: dataDir,
    PACTUM_GATEWAY_NODE_URL: nodeUrl,
    PACTUM_GATEWAY_MASTER_KEY_FILE: join(dataDir, 'master.key'),
    PACTUM_GATEWAY_CHAIN_PROBE_INTERVAL_SECS: '1',
    PACTUM_GATEWAY_LOG_FORMAT: 'json',
    ...env,
  };
  // stderr (the admin commands' log lines) is kept out of the test report; a failure's message has it.
  const run = (...args) => execFileSync(GATEWAY_BIN, args, { env: config, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  run('admin', 'master-key', 'generate', '--out', config.PACTUM_GATEWAY_MASTER_KEY_FILE);
  run('migrate');

  const logFile = join(dataDir, 'gateway.log');
  let child;
  let exited;
  const launch = async () => {
    const logFd = openSync(logFile, 'a');
    child = spawn(GATEWAY_BIN, ['serve'], { env: config, stdio: ['ignore', logFd, logFd] });
    closeSync(logFd);
    children.add(child);
    exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    try {
      await waitFor(async () => (await fetch(`${gateway.url}/healthz`).catch(() => null))?.ok, 30_000,
        'the gateway to answer /healthz');
    } catch (error) {
      const log = gateway.log();
      await gateway.stop();
      throw new Error(`${error.message}; its log:\n${log.slice(-3000)}`);
    }
  };
  const gateway = {
    url: `http://127.0.0.1:${port}`,
    logFile,
    /** The gateway's configuration (environment). */
    env: config,
    /** The running process's id. */
    pid: () => child.pid,
    admin: (...args) => JSON.parse(run('admin', ...args)),
    /** Runs an admin command with `input` on its standard input. */
    adminWithInput: (input, ...args) => JSON.parse(execFileSync(GATEWAY_BIN, ['admin', ...args], {
      env: config, encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'],
    })),
    log: () => readFileSync(logFile, 'utf8'),
    /** SIGKILL: no shutdown of any kind (a crash). */
    async kill() {
      child.kill('SIGKILL');
      await exited;
      children.delete(child);
    },
    /** Waits until /readyz answers 200 (database reachable, node probed); its last report otherwise. */
    async ready(timeoutMs = 120_000) {
      let last;
      try {
        await waitFor(async () => {
          last = await request(`${gateway.url}/readyz`);
          return last.status === 200;
        }, timeoutMs, 'the gateway to be ready');
      } catch (error) {
        throw new Error(`${error.message}: ${JSON.stringify(last?.body)}`);
      }
    },
    /** Starts the gateway again on the same database and port. */
    restart: () => launch(),
    /** Stops it (SIGTERM), sets `env` in its configuration and starts it again on the same data. */
    async reconfigure(env) {
      child.kill('SIGTERM');
      await exited;
      children.delete(child);
      Object.assign(config, env);
      await launch();
    },
    async stop() {
      let result = { code: child.exitCode, signal: child.signalCode };
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        result = await exited;
        clearTimeout(timer);
      }
      children.delete(child);
      rmSync(dataDir, { recursive: true, force: true });
      return result;
    },
  };
  await launch();
  return gateway;
}

/** An HTTP answer: status, headers and the body parsed as JSON when it is JSON. */
export async function request(url, { method = 'GET', token, form, basic, headers = {} } = {}) {
  const init = { method, headers: { ...headers } };
  if (token) init.headers.authorization = `Bearer ${token}`;
  if (basic) {
    init.headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(basic.id)}:${encodeURIComponent(basic.secret)}`).toString('base64')}`;
  }
  if (form) {
    init.method = method === 'GET' ? 'POST' : method;
    init.headers['content-type'] = 'application/x-www-form-urlencoded';
    init.body = new URLSearchParams(form).toString();
  }
  const response = await fetch(url, init);
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    headers: response.headers,
    type,
    body: type.includes('json') && text ? JSON.parse(text) : text,
  };
}

/** A client-credentials access token for an API client created with `admin api-client create`. */
export async function clientToken(gateway, client, scope) {
  const reply = await request(`${gateway.url}/oauth/token`, {
    basic: { id: client.client_id, secret: client.client_secret },
    form: { grant_type: 'client_credentials', ...(scope ? { scope } : {}) },
  });
  if (reply.status !== 200) throw new Error(`token: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** A signer holding `secretUri` (e.g. `//Alice`) and an API client with `scopes` acting for it. */
export async function operatorClient(gateway, secretUri, scopes, label = 'operator') {
  const signer = gateway.adminWithInput(secretUri, 'signer', 'add', '--label', label, '--secret-file', '-');
  const client = gateway.admin('api-client', 'create', '--name', `${label}-crm`, '--scopes', scopes, '--act-as', label);
  return { signer, client };
}

/** Polls a submission until it is `finalized` or `failed`. */
export async function settled(gateway, token, submission, timeoutMs = 90_000) {
  return waitFor(async () => {
    const reply = await request(`${gateway.url}${submission.status_url}`, { token });
    if (reply.status !== 200) throw new Error(`status: ${reply.status} ${JSON.stringify(reply.body)}`);
    return ['finalized', 'failed'].includes(reply.body.status) && reply.body;
  }, timeoutMs, `submission ${submission.id} to settle`);
}

/** POSTs (or `method`s) JSON with an Idempotency-Key (omitted when `key` is null). */
export async function postJson(url, token, key, body, method = 'POST') {
  const headers = { 'content-type': 'application/json' };
  if (key !== null) headers['idempotency-key'] = key;
  const response = await fetch(url, { method, headers: { ...headers, authorization: `Bearer ${token}` }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, type: response.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : null };
}

/**
 * Opens `GET /v1/events/stream` as a Server-Sent Events client: `next(timeoutMs)` resolves with
 * the next event `{ id, event, data }` (data parsed), `close()` ends the connection.
 */
export async function openEventStream(gateway, token, { query = '', lastEventId } = {}) {
  const abort = new AbortController();
  const headers = { authorization: `Bearer ${token}`, accept: 'text/event-stream' };
  if (lastEventId !== undefined) headers['last-event-id'] = String(lastEventId);
  const response = await fetch(`${gateway.url}/v1/events/stream${query}`, { headers, signal: abort.signal });
  if (response.status !== 200) throw new Error(`stream: ${response.status} ${await response.text()}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const read = async () => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = {};
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue; // keep-alive comment
          const at = line.indexOf(':');
          if (at > 0) fields[line.slice(0, at)] = line.slice(at + 1).replace(/^ /, '');
        }
        if (fields.data !== undefined) return { id: fields.id, event: fields.event, data: JSON.parse(fields.data) };
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('the event stream ended');
      buffer += decoder.decode(value, { stream: true });
    }
  };
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    next(timeoutMs = 60_000) {
      let timer;
      return Promise.race([
        read().finally(() => clearTimeout(timer)),
        new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('no event in time')), timeoutMs); }),
      ]);
    },
    close: () => abort.abort(),
  };
}

/**
 * A person's tokens, as the portal gets them: `admin user create` for `account`, then the
 * authorization-code grant with PKCE through the sign-in page of the public client `portal`
 * (made with `--redirect-uri redirect`).
 */
export async function personTokens(gateway, portal, redirect, { username, account, password = 'a long passphrase' }) {
  gateway.adminWithInput(`${password}\n`, 'user', 'create', '--username', username, '--account', account, '--password-file', '-');
  return signIn(gateway, portal, redirect, { username, password });
}

/** A person's tokens from signing in again (PKCE, as the portal does). */
export async function signIn(gateway, portal, redirect, { username, password = 'a long passphrase' }) {
  const verifier = randomBytes(32).toString('base64url');
  const params = new URLSearchParams({
    response_type: 'code', client_id: portal.client_id, redirect_uri: redirect, state: 'state',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
  });
  const signedIn = await fetch(`${gateway.url}/oauth/authorize`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...Object.fromEntries(params), username, password }).toString(),
  });
  if (signedIn.status !== 303) throw new Error(`sign-in: ${signedIn.status} ${await signedIn.text()}`);
  const code = new URL(signedIn.headers.get('location')).searchParams.get('code');
  const tokens = await request(`${gateway.url}/oauth/token`, {
    form: { grant_type: 'authorization_code', client_id: portal.client_id, code, redirect_uri: redirect, code_verifier: verifier },
  });
  if (tokens.status !== 200) throw new Error(`token: ${tokens.status} ${JSON.stringify(tokens.body)}`);
  return tokens.body;
}
