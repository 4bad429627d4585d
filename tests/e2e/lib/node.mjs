// Starting and stopping real pactum-node processes on 127.0.0.1, and connecting to them.
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import {
  mkdtempSync, mkdirSync, rmSync, openSync, closeSync, readFileSync, readdirSync, renameSync, statSync, existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const TARGET_DIR = process.env.CARGO_TARGET_DIR ?? join(process.env.HOME, '.cache/pactum/target');
export const NODE_BIN = process.env.PACTUM_NODE ?? join(TARGET_DIR, 'release/pactum-node');
// An auditor's client-side tool (pallets/audit/client), built with the workspace.
export const TICKET_BIN = join(dirname(NODE_BIN), 'pactum-audit-ticket');
// The custom JSON-RPC methods and their types, as the repo declares them (lib/definitions.mjs
// checks the node's answers against them) and as @pactum/client ships them to polkadot.js
// clients: its types bundle, generated from that file, is what the tests connect with.
export const RPC_DEFINITIONS = JSON.parse(readFileSync(join(REPO_ROOT, 'node/rpc-definitions.json'), 'utf8'));
const TYPES_BUNDLE = createRequire(import.meta.url)('@pactum/client/types-bundle.json');

const children = new Set();
// Whatever happens to the test process, no node outlives it.
process.on('exit', () => { for (const child of children) child.kill('SIGKILL'); });

/** A TCP port on 127.0.0.1 that is free right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** `count` consecutive free ports on 127.0.0.1; returns the first. */
export async function freePortRange(count) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20000 + Math.floor(Math.random() * 30000);
    const ok = await Promise.all([...Array(count).keys()].map((i) => isFree(base + i)));
    if (ok.every(Boolean)) return base;
  }
  throw new Error(`no ${count} consecutive free ports found`);
}

function isFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * The chain the tests run on: the development chain with 2-second slots (`--chain dev-fast`), so
 * that what the runtime counts in blocks passes three times faster than on `--dev`'s 6-second
 * chain. Everything else is `--dev`'s: the same genesis preset, Alice authoring and finalizing.
 */
export const TEST_CHAIN = 'dev-fast';

/**
 * Starts `pactum-node --dev` on the chain `options.chain` (default `TEST_CHAIN`; `'dev'` runs the
 * 6-second chain `scripts/run.sh` starts, which the throughput tools measure), with `extraArgs`,
 * on a temporary database; `stop()` ends it and removes it. The chain comes from its raw spec
 * (`rawSpec`), so that the node does not build the genesis from the runtime's preset first.
 */
export function startDevNode(extraArgs = [], options = {}) {
  return startNode(['--dev', '--chain', rawSpec(options.chain ?? TEST_CHAIN), ...extraArgs], undefined, options);
}

/** Runs `pactum-node args`; its standard output goes to `outFile` if given, else is returned. */
export function nodeCli(args, outFile) {
  const fd = outFile === undefined ? 'pipe' : openSync(outFile, 'w');
  try {
    return execFileSync(NODE_BIN, args, { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
  } catch (error) {
    const why = String(error.stderr || error.message);
    throw new Error(`pactum-node ${args.slice(0, 2).join(' ')} failed: ${why.slice(0, 2_000)}`);
  } finally {
    if (fd !== 'pipe') closeSync(fd);
  }
}

/**
 * The raw chain spec of the node's chain `chain` (`build-spec --raw`), written once per node
 * binary to the temporary directory and reused by every later node: building a genesis runs the
 * runtime's genesis builder, whose Wasm the node compiles first (about 12 s of CPU per node).
 */
export function rawSpec(chain) {
  const { mtimeMs, size } = statSync(NODE_BIN);
  const dir = join(tmpdir(), 'pactum-e2e-specs');
  const name = `${chain}-${Math.floor(mtimeMs)}-${size}.json`;
  const file = join(dir, name);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const partial = `${file}.${process.pid}`;
  nodeCli(['build-spec', '--chain', chain, '--raw', '--disable-default-bootnode'], partial);
  // Atomic: a test process starting a node at the same time reads the whole file or none.
  renameSync(partial, file);
  // Specs of binaries since rebuilt go.
  const ofChain = new RegExp(`^${chain}-\\d+-\\d+\\.json$`);
  for (const other of readdirSync(dir)) {
    if (ofChain.test(other) && other !== name) rmSync(join(dir, other), { force: true });
  }
  return file;
}

/**
 * Starts `pactum-node` with `args` (the chain and role) on 127.0.0.1, on free RPC and p2p ports,
 * with its database in `basePath` (a new temporary directory unless given, for example one whose
 * keystore is already filled); `stop()` ends it and removes `basePath`. `options.rpcPort` asks for
 * that RPC port instead (a node started again where its clients expect it);
 * `options.prometheusPort` serves the node's metrics there (127.0.0.1), which are off otherwise.
 */
export async function startNode(args, basePath = mkdtempSync(join(tmpdir(), 'pactum-e2e-')), options = {}) {
  const rpcPort = options.rpcPort ?? await freePort();
  const p2pPort = await freePort();
  mkdirSync(basePath, { recursive: true });
  const logFile = join(basePath, 'node.log');
  const logFd = openSync(logFile, 'w');
  const child = spawn(NODE_BIN, [
    ...args, '--base-path', basePath,
    '--rpc-port', String(rpcPort),
    '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`,
    '--no-mdns', '--no-telemetry',
    ...(options.prometheusPort ? ['--prometheus-port', String(options.prometheusPort)] : ['--no-prometheus']),
  ], { stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  children.add(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    wsUrl: `ws://127.0.0.1:${rpcPort}`,
    p2pPort,
    logFile,
    pid: child.pid,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      }
      children.delete(child);
      rmSync(basePath, { recursive: true, force: true });
    },
  };
}

/**
 * A dev node (`options` as for `startDevNode`, `options.args` its extra arguments) and two connections to it: `api` (polkadot.js) and
 * `provider`, a plain JSON-RPC connection as a backend uses for the chain's own
 * `<pallet>_<method>` calls. `keys(...names)` gives the dev accounts' key pairs; `stop()` closes
 * both connections and stops the node.
 */
export async function startDevChain(options = {}) {
  await cryptoWaitReady();
  const node = await startDevNode(options.args ?? [], options);
  const chain = { node };
  chain.stop = async () => {
    await chain.provider?.disconnect();
    await chain.api?.disconnect();
    await node.stop();
  };
  try {
    chain.api = await connect(node.wsUrl);
    chain.provider = new WsProvider(node.wsUrl);
    await chain.provider.isReady;
  } catch (error) {
    await chain.stop();
    throw error;
  }
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  chain.keys = (...names) => names.map((name) => keyring.addFromUri(`//${name}`));
  return chain;
}

/** Connects to a node, retrying while it starts (up to `timeoutMs`). */
export async function connect(wsUrl, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const provider = new WsProvider(wsUrl, false);
    try {
      await provider.connect();
      await waitFor(() => provider.isConnected, 3_000, 'websocket open');
      return await ApiPromise.create({
        provider, throwOnConnect: true, noInitWarn: true, typesBundle: TYPES_BUNDLE,
      });
    } catch (error) {
      await provider.disconnect().catch(() => {});
      if (Date.now() > deadline) throw new Error(`no RPC at ${wsUrl}: ${error.message}`);
      await sleep(1_000);
    }
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` (sync or async) until it returns a truthy value, which it returns. */
export async function waitFor(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(500);
  }
}

/** The number of the node's finalized head. */
export async function finalizedNumber(api) {
  const hash = await api.rpc.chain.getFinalizedHead();
  const header = await api.rpc.chain.getHeader(hash);
  return header.number.toNumber();
}

/** Runs scripts/local-net.sh with `args` in `env`. */
export function localNet(env, ...args) {
  return execFileSync('bash', [join(REPO_ROOT, 'scripts/local-net.sh'), ...args], {
    env: { ...process.env, PACTUM_NODE: NODE_BIN, ...env },
    encoding: 'utf8',
  });
}
