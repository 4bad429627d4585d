// The operator kit (ops/, docs/operators.md) against a real node: every metric the alert rules and
// the Grafana dashboard use is one pactum-node exports, the rules and panels are well formed, and
// the systemd unit passes `systemd-analyze verify` with the node binary in its place.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  REPO_ROOT, NODE_BIN, startDevChain, waitFor, freePort,
} from './lib/node.mjs';
import { submit } from './lib/tx.mjs';

const ALERTS = parseYaml(readFileSync(join(REPO_ROOT, 'ops/prometheus/alerts.yml'), 'utf8'));
const PROMETHEUS = parseYaml(readFileSync(join(REPO_ROOT, 'ops/prometheus/prometheus.yml'), 'utf8'));
const DASHBOARD = JSON.parse(readFileSync(join(REPO_ROOT, 'ops/grafana/pactum-node.json'), 'utf8'));
const UNIT_FILE = join(REPO_ROOT, 'ops/systemd/pactum-node.service');
const FOLLOWER_DROP_IN = join(REPO_ROOT, 'ops/systemd/pactum-node.service.d/follower.conf');

// Series Prometheus makes itself, not the node.
const PROMETHEUS_OWN = new Set(['up']);

/** The metric names in a PromQL expression (the node's own are all `substrate_…`). */
function metricsOf(expr) {
  const names = new Set();
  for (const [name] of expr.matchAll(/\b(?:substrate_[a-z0-9_]+|up)\b/g)) names.add(name);
  return names;
}

/** The series names of a Prometheus text exposition. */
function exported(text) {
  const names = new Set();
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]/.exec(line);
    if (match) names.add(match[1]);
  }
  return names;
}

describe('operator kit', () => {
  let chain;
  let metricsUrl;

  before(async () => {
    const port = await freePort();
    metricsUrl = `http://127.0.0.1:${port}/metrics`;
    // The 6-second chain the rules' thresholds are written for.
    chain = await startDevChain({ chain: 'dev', prometheusPort: port });
  });

  after(async () => {
    await chain?.stop();
  });

  it('exports every metric the alert rules and the dashboard use', async () => {
    const { api } = chain;
    // A transaction through the pool and a finalized block: the pool's, the proposer's and
    // GRANDPA's series exist from then on.
    const [alice, bob] = chain.keys('Alice', 'Bob');
    await submit(api, api.tx.balances.transferKeepAlive(bob.address, 10n ** 12n), alice);
    // The node refreshes its block heights in the metrics every few seconds: read them until
    // they show block 2 finalized.
    const value = (text, name, labels = '') =>
      Number(new RegExp(`^${name}\\{[^}]*${labels}[^}]*\\} (\\S+)$`, 'm').exec(text)?.[1]);
    const text = await waitFor(async () => {
      const scraped = await (await fetch(metricsUrl)).text();
      return value(scraped, 'substrate_block_height', 'status="finalized"') >= 2 && scraped;
    }, 120_000, 'the metrics to show block 2 finalized');
    const names = exported(text);

    const used = new Map(); // metric -> where
    for (const group of ALERTS.groups) {
      for (const rule of group.rules) {
        for (const name of metricsOf(rule.expr)) used.set(name, `alert ${rule.alert}`);
      }
    }
    for (const panel of DASHBOARD.panels) {
      for (const target of panel.targets) {
        for (const name of metricsOf(target.expr)) used.set(name, `panel "${panel.title}"`);
      }
    }
    for (const variable of DASHBOARD.templating.list) {
      if (variable.definition) for (const name of metricsOf(variable.definition)) used.set(name, `variable ${variable.name}`);
    }
    assert.ok(used.size >= 8, `the kit names ${used.size} metrics`);
    const missing = [...used].filter(([name]) => !PROMETHEUS_OWN.has(name))
      // a histogram is exported as name_bucket, name_sum, name_count
      .filter(([name]) => !names.has(name) && !names.has(`${name}_bucket`))
      .map(([name, where]) => `${name} (${where})`);
    assert.deepEqual(missing, [], 'metrics the node does not export');

    // The healthy node is inside the thresholds of the alerts that compare levels.
    const best = value(text, 'substrate_block_height', 'status="best"');
    const finalized = value(text, 'substrate_block_height', 'status="finalized"');
    assert.ok(best >= finalized, `best ${best}, finalized ${finalized}`);
    assert.ok(best - finalized <= 20, `finality lag ${best - finalized}`);
    assert.equal(value(text, 'substrate_sync_peers'), 0, 'a lone dev node has no peers');
    assert.ok(value(text, 'substrate_ready_transactions_number') <= 2000);
  });

  it('has alert rules that are complete and name the scrape job', () => {
    assert.deepEqual(PROMETHEUS.rule_files, ['alerts.yml']);
    const job = PROMETHEUS.scrape_configs[0].job_name;
    const documented = readFileSync(join(REPO_ROOT, 'docs/operators.md'), 'utf8');
    const seen = new Set();
    for (const rule of ALERTS.groups.flatMap((group) => group.rules)) {
      assert.match(rule.alert, /^Pactum[A-Za-z]+$/);
      assert.ok(!seen.has(rule.alert), `${rule.alert} twice`);
      seen.add(rule.alert);
      assert.ok(['warning', 'critical'].includes(rule.labels?.severity), `${rule.alert} severity`);
      assert.ok(rule.annotations?.summary, `${rule.alert} summary`);
      if (rule.for !== undefined) assert.match(rule.for, /^\d+[smh]$/, `${rule.alert} for`);
      assert.ok(rule.expr.includes(`job="${job}"`), `${rule.alert} selects job ${job}`);
      assert.ok(documented.includes(rule.alert), `${rule.alert} in docs/operators.md`);
    }
    assert.ok(seen.size >= 10);
  });

  it('has a dashboard whose panels read the data source variable', () => {
    const ids = DASHBOARD.panels.map((panel) => panel.id);
    assert.equal(new Set(ids).size, ids.length, 'panel ids are unique');
    for (const panel of DASHBOARD.panels) {
      assert.equal(panel.datasource.uid, '${datasource}', panel.title);
      assert.ok(panel.targets.length > 0, panel.title);
      for (const target of panel.targets) assert.match(target.expr, /instance=~"\$instance"/, panel.title);
    }
  });

  it('has a systemd unit, and a follower drop-in, that systemd-analyze accepts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pactum-unit-'));
    try {
      const unit = readFileSync(UNIT_FILE, 'utf8');
      assert.match(unit, /^ExecStart=\/usr\/local\/bin\/pactum-node /m);
      assert.match(unit, /^User=pactum$/m);
      assert.match(unit, /^NoNewPrivileges=true$/m);
      const file = join(dir, 'pactum-node.service');
      writeFileSync(file, unit.replace('/usr/local/bin/pactum-node', NODE_BIN));
      // Fails (non-zero exit) on an unknown setting, a bad value or a missing binary.
      execFileSync('systemd-analyze', ['verify', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      // With the drop-in beside it, as /etc/systemd/system/pactum-node.service.d/ holds it: a
      // setting systemd does not know in a drop-in is only warned about, naming the file.
      mkdirSync(join(dir, 'pactum-node.service.d'));
      writeFileSync(join(dir, 'pactum-node.service.d/follower.conf'),
        readFileSync(FOLLOWER_DROP_IN, 'utf8').replace('/usr/local/bin/pactum-node', NODE_BIN));
      const checked = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' });
      assert.equal(checked.status, 0, checked.stderr);
      assert.doesNotMatch(checked.stderr + checked.stdout, /follower\.conf/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // A unit's last command line (a drop-in empties ExecStart first), as the node's arguments.
  const execStart = (file) => {
    const lines = [...readFileSync(file, 'utf8').matchAll(/^ExecStart=(.*?)(?=^\S|(?![\s\S]))/msg)]
      .map((m) => m[1].replace(/\\\n/g, ' ').trim()).filter(Boolean);
    return lines.at(-1).split(/\s+/).slice(1).map((arg) => arg.replace('%H', 'host'));
  };

  it('starts the node with every flag the unit and the follower drop-in give it', () => {
    // The command lines, parsed by the node itself (`--help` after the flags stops before
    // running): a flag the node does not know fails here, not on an operator's machine.
    for (const file of [UNIT_FILE, FOLLOWER_DROP_IN]) {
      const out = execFileSync(NODE_BIN, [...execStart(file), '--help'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      assert.match(out, /Usage: pactum-node/, file);
    }
    const follower = execStart(FOLLOWER_DROP_IN);
    assert.ok(execStart(UNIT_FILE).includes('--validator'));
    assert.ok(!follower.includes('--validator'), 'a follower validates nothing');
    // Off anyway without --validator; said explicitly, so that no later flag turns it on:
    // node-authorization's offchain worker would close the follower to light clients.
    assert.equal(follower[follower.indexOf('--offchain-worker') + 1], 'never');
    assert.ok(!follower.includes('--rpc-external'), 'RPC on 127.0.0.1, behind the TLS proxy');
    assert.ok(follower.includes('--rpc-rate-limit'));
  });
});
