// pactum-gateway under load (a benchmark, not a test): `bash scripts/throughput.sh gateway`.
// Env: READ_SECONDS (default 20), CONCURRENCY (32), CREATIONS (300), KEEP_LOG (a file to copy the
// gateway's log to).
//
// It starts a dev node and the gateway on 127.0.0.1 (both on this machine's cores, with the load
// generator), then prints:
//   - authenticated document reads (`GET /v1/documents/{id}` with a bearer token, CONCURRENCY
//     requests in flight for READ_SECONDS): reads/s, p50/p90/p99 latency, errors;
//   - document creations end to end (`POST /v1/documents` of CREATIONS requests at once, until
//     every submission is finalized): creations/s and the latency to finality;
//   - the gateway's memory (resident now, and its peak).
// Every process it starts, it stops.
import { readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { Keyring } from '@polkadot/keyring';
import { startDevNode, sleep, waitFor } from './lib/node.mjs';
import { startGateway, request, clientToken, operatorClient, postJson } from './lib/gateway.mjs';

const READ_SECONDS = Number(process.env.READ_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32);
const CREATIONS = Number(process.env.CREATIONS ?? 300);
const log = (...args) => console.log('[bench-gateway]', ...args);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(status.match(new RegExp(`${field}:\\s+(\\d+) kB`))?.[1] ?? 0);
  return { rssMiB: (kib('VmRSS') / 1024).toFixed(1), peakMiB: (kib('VmHWM') / 1024).toFixed(1) };
}

async function main() {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const [alice, bob] = ['//Alice', '//Bob'].map((uri) => keyring.addFromUri(uri));
  const node = await startDevNode([], { chain: 'dev' });
  let gateway;
  try {
    gateway = await startGateway(node.wsUrl);
    const { client } = await operatorClient(gateway, '//Alice',
      'documents:read documents:write submissions:read');
    // One token for the whole run (10 minutes).
    const { access_token: token } = await clientToken(gateway, client);
    const body = () => {
      const hash = `0x${randomBytes(32).toString('hex')}`;
      return { hash, uri: `https://files.example/${hash.slice(2, 12)}`, parties: [alice.address, bob.address], signers: [alice.address, bob.address] };
    };

    // Timing starts on a chain that is producing and finalizing blocks, with the gateway ready.
    await waitFor(async () => {
      const reply = await request(`${gateway.url}/readyz`);
      return reply.status === 200 && reply.body.chain.finalized_number >= 2;
    }, 120_000, 'the gateway ready on a finalizing chain');

    // --- creations, end to end ---------------------------------------------------------------
    log(`creating ${CREATIONS} documents through the gateway`);
    const started = Date.now();
    const accepted = await Promise.all([...Array(CREATIONS).keys()].map((i) =>
      postJson(`${gateway.url}/v1/documents`, token, `bench-${i}`, body())));
    const intakeMs = Date.now() - started;
    if (accepted.some((r) => r.status !== 202)) throw new Error('a creation was not accepted');
    const finishedAt = new Map();
    while (finishedAt.size < CREATIONS) {
      for (const { body: s } of accepted) {
        if (finishedAt.has(s.id)) continue;
        const reply = await request(`${gateway.url}${s.status_url}`, { token });
        if (reply.body.status === 'finalized') finishedAt.set(s.id, { at: Date.now(), doc: reply.body.result.document });
        if (reply.body.status === 'failed') throw new Error(`creation failed: ${reply.body.error}`);
      }
      if (finishedAt.size < CREATIONS) await sleep(500);
    }
    const latencies = [...finishedAt.values()].map((f) => f.at - started).sort((a, b) => a - b);
    const totalS = (latencies[latencies.length - 1]) / 1000;
    log(`creations: ${CREATIONS} accepted in ${intakeMs} ms (${(CREATIONS / (intakeMs / 1000)).toFixed(0)}/s at intake); ` +
      `all finalized in ${totalS.toFixed(1)} s = ${(CREATIONS / totalS).toFixed(1)} creations/s end to end; ` +
      `latency to finality p50 ${(percentile(latencies, 0.5) / 1000).toFixed(1)} s, p99 ${(percentile(latencies, 0.99) / 1000).toFixed(1)} s`);
    const ids = [...finishedAt.values()].map((f) => f.doc);

    // --- reads -------------------------------------------------------------------------------
    log(`reading: ${CONCURRENCY} in flight for ${READ_SECONDS} s`);
    const times = [];
    let errors = 0;
    const deadline = Date.now() + READ_SECONDS * 1000;
    const worker = async (w) => {
      for (let i = w; Date.now() < deadline; i += CONCURRENCY) {
        const t0 = performance.now();
        const reply = await fetch(`${gateway.url}/v1/documents/${ids[i % ids.length]}`, { headers: { authorization: `Bearer ${token}` } });
        await reply.arrayBuffer();
        times.push(performance.now() - t0);
        if (reply.status !== 200) errors += 1;
      }
    };
    await Promise.all([...Array(CONCURRENCY).keys()].map(worker));
    times.sort((a, b) => a - b);
    log(`reads: ${times.length} in ${READ_SECONDS} s = ${(times.length / READ_SECONDS).toFixed(0)} reads/s, ` +
      `p50 ${percentile(times, 0.5).toFixed(1)} ms, p90 ${percentile(times, 0.9).toFixed(1)} ms, ` +
      `p99 ${percentile(times, 0.99).toFixed(1)} ms, errors ${errors}`);
    const mem = memory(gateway.pid());
    log(`gateway memory: resident ${mem.rssMiB} MiB, peak ${mem.peakMiB} MiB`);
  } finally {
    if (process.env.KEEP_LOG && gateway) writeFileSync(process.env.KEEP_LOG, gateway.log());
    await gateway?.stop();
    await node.stop();
  }
}

main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
