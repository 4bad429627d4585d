// Where a process spends its CPU time, by function: `perf record` samples it while a load runs.
// A node started with WASMTIME_PROFILING_STRATEGY=perfmap in its environment writes
// /tmp/perf-<pid>.map, which names the functions of its Wasm runtime for `perf report`.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const recorders = new Set();
process.on('exit', () => { for (const perf of recorders) perf.kill('SIGKILL'); });

/**
 * Samples `pid` (`frequency` times a second, every thread) until `report(limit)`, which stops the
 * sampling and returns the `limit` functions with the most samples of their own, as lines
 * `share  module  function`, and the number of samples.
 */
export function startProfile(pid, frequency = 499) {
  const dir = mkdtempSync(join(tmpdir(), 'pactum-profile-'));
  const data = join(dir, 'perf.data');
  const perf = spawn('perf', ['record', '-q', '-F', String(frequency), '-p', String(pid), '-o', data],
    { stdio: 'ignore' });
  recorders.add(perf);
  const exited = new Promise((resolve) => perf.once('exit', resolve));
  return {
    async report(limit = 25) {
      perf.kill('SIGINT');
      await exited;
      recorders.delete(perf);
      try {
        const report = execFileSync('perf', ['report', '-i', data, '--stdio', '--no-children',
          '--sort', 'dso,symbol', '--percent-limit', '0.5'],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 }).split('\n');
        const samples = /^# Samples: (\S+)/.exec(report.find((line) => line.startsWith('# Samples:')) ?? '');
        const top = report.filter((line) => line.trim() && !line.startsWith('#'))
          .map((line) => line.trim().replace(/\s+-\s+-\s*$/, '').replace(/\s+\[\.\]\s+/, '  ').replace(/\s{3,}/g, '  '));
        return { samples: samples?.[1], top: top.slice(0, limit) };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
