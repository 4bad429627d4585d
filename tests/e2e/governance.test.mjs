// Governance of a production chain: a node started from the production preset, with a freshly
// generated consortium (one validator, a council of three, no sudo key), is upgraded to the next
// runtime (spec_version + 1) by a council motion through `enactment` — the authorization is
// dispatched as root only after the genesis delay — and keeps finalizing under the new runtime.
// One member alone, or an account outside the council, cannot schedule anything.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { TARGET_DIR, startNode, connect, waitFor, finalizedNumber } from './lib/node.mjs';
import { productionSpec, insertValidatorKeys } from './lib/production-spec.mjs';
import { submit, findEvent } from './lib/tx.mjs';
import { blockEvents, waitForEvent } from './lib/events.mjs';

/** Blocks between a council's `enactment.schedule` and the call's dispatch as root (genesis). */
const DELAY = 3;
/** The same runtime reporting `spec_version` + 1 (runtime/next; scripts/lib.sh names it). */
const NEXT_RUNTIME = process.env.PACTUM_NEXT_RUNTIME
  ?? join(TARGET_DIR, 'release/wbuild/pactum-runtime/pactum_runtime_next.compact.compressed.wasm');
/** The weight a motion's close may dispatch, unless the proposal declares more. */
const CLOSE_WEIGHT = { refTime: 10_000_000_000n, proofSize: 1_000_000n };
/** The chain's slot: two seconds, as the other tests' `dev-fast` chain. */
const BLOCK_MS = 2_000;

const max = (a, b) => (a > b ? a : b);
const logTail = (file) => readFileSync(file, 'utf8').split('\n').slice(-40).join('\n');

describe('runtime upgrade by the council of a production chain', () => {
  let dir;
  let spec;
  let node;
  let api;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pactum-governance-'));
    spec = await productionSpec(dir, { patch: { enactment: { delay: DELAY } }, slotMs: BLOCK_MS });
    const basePath = join(dir, 'node');
    insertValidatorKeys(spec, basePath);
    node = await startNode(['--chain', spec.rawFile, '--validator', '--node-key', spec.nodeKey], basePath);
    try {
      api = await connect(node.wsUrl);
    } catch (error) {
      throw new Error(`${error.message}\n--- end of the node's log ---\n${logTail(node.logFile)}`);
    }
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs the generated consortium without sudo, and finalizes', async () => {
    assert.equal((await api.rpc.system.chainType()).toString(), 'Live');
    assert.ok((await api.query.sudo.key()).isNone, 'no sudo key');
    assert.deepEqual((await api.query.session.validators()).map(String), [spec.validator.pair.address]);
    assert.deepEqual((await api.query.council.members()).map(String).sort(),
      spec.council.map((pair) => pair.address).sort());
    assert.ok(api.tx.enactment?.schedule, 'the runtime has the enactment pallet');
    assert.equal((await api.query.enactment.delay()).toNumber(), DELAY);
    await waitFor(async () => (await finalizedNumber(api)) >= 1, 90_000, 'block 1 to be finalized');
  });

  it('refuses a schedule by one council member or by an account outside the council', { timeout: 90_000 }, async () => {
    const [member] = spec.council;
    // The validator's account is endowed but not a council member.
    const outsider = spec.validator.pair;
    const remark = () => api.tx.system.remark('0x70616374756d');
    const proposal = api.tx.enactment.schedule(remark());

    const [alone] = await Promise.all([
      // A 1-of-3 motion is executed at once, with the origin of one member of three.
      submit(api, api.tx.council.propose(1, proposal, proposal.method.encodedLength), member),
      assert.rejects(submit(api, api.tx.enactment.schedule(remark()), outsider), /BadOrigin/),
    ]);
    const executed = findEvent(alone.events, 'council', 'Executed');
    assert.ok(executed, 'council.Executed');
    const { result } = executed.data;
    assert.ok(result.isErr && result.asErr.isBadOrigin, `one member's motion: ${result}`);
    assert.equal(findEvent(await blockEvents(api, alone.blockHash), 'enactment', 'Scheduled'), undefined);
    assert.equal((await api.query.enactment.pending.entries()).length, 0, 'nothing pending');
  });

  it('upgrades the runtime by a motion of two thirds of the council, after the delay, and keeps finalizing', { timeout: 240_000 }, async () => {
    assert.ok(existsSync(NEXT_RUNTIME), `the next runtime (spec_version + 1) is not built: no ${NEXT_RUNTIME} `
      + '(scripts/test.sh e2e builds it: cargo build --release -p pactum-runtime-next)');
    const code = readFileSync(NEXT_RUNTIME);
    const codeHash = blake2AsHex(code, 256);
    const oldVersion = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
    const [first, second] = spec.council;

    // The motion: schedule the authorization of the new code, to be dispatched as root.
    const authorize = api.tx.system.authorizeUpgrade(codeHash);
    const proposal = api.tx.enactment.schedule(authorize);
    const length = proposal.method.encodedLength;
    const proposed = await submit(api, api.tx.council.propose(2, proposal, length), first);
    const { proposalIndex, proposalHash } = findEvent(proposed.events, 'council', 'Proposed').data;
    assert.equal(proposalHash.toHex(), proposal.method.hash.toHex());
    // Two of three vote for it (proposing is no vote).
    await Promise.all([first, second].map((member) =>
      submit(api, api.tx.council.vote(proposalHash, proposalIndex, true), member)));

    const { weight } = await proposal.paymentInfo(first);
    const bound = {
      refTime: max(weight.refTime.toBigInt(), CLOSE_WEIGHT.refTime),
      proofSize: max(weight.proofSize.toBigInt(), CLOSE_WEIGHT.proofSize),
    };
    const closed = await submit(api, api.tx.council.close(proposalHash, proposalIndex, bound, length), first);
    const executed = findEvent(closed.events, 'council', 'Executed');
    assert.ok(executed, 'council.Executed');
    assert.ok(executed.data.result.isOk, `the motion's result: ${executed.data.result}`);
    const scheduled = findEvent(closed.events, 'enactment', 'Scheduled');
    assert.ok(scheduled, 'enactment.Scheduled');
    const callHash = scheduled.data.callHash.toHex();
    assert.equal(callHash, authorize.method.hash.toHex());
    const closedAt = (await api.rpc.chain.getHeader(closed.blockHash)).number.toNumber();
    // By position: `data.at` would be the array method (`data.hash` the codec's own hash).
    const at = scheduled.data[1].toNumber();
    assert.equal(at, closedAt + DELAY);

    // Scheduled, not yet authorized.
    const atClose = await api.at(closed.blockHash);
    assert.ok((await atClose.query.enactment.pending(callHash)).isSome, 'the call is pending');
    assert.ok((await atClose.query.system.authorizedUpgrade()).isNone, 'nothing authorized when scheduled');

    // At the block, the call is dispatched as root; not before.
    const enacted = await waitForEvent(api, closedAt + 1, 'enactment', 'Enacted',
      (DELAY + 20) * BLOCK_MS, (event) => event.data.callHash.toHex() === callHash);
    assert.ok(enacted.event.data.result.isOk, `authorizeUpgrade as root: ${enacted.event.data.result}`);
    assert.ok(enacted.number >= at, `enacted in #${enacted.number}, before #${at}`);
    const { parentHash } = await api.rpc.chain.getHeader(enacted.hash);
    assert.ok((await (await api.at(parentHash)).query.system.authorizedUpgrade()).isNone,
      'nothing authorized before the enactment block');
    const atEnacted = await api.at(enacted.hash);
    const authorized = await atEnacted.query.system.authorizedUpgrade();
    assert.ok(authorized.isSome, 'the upgrade is authorized');
    assert.equal(authorized.unwrap().codeHash.toHex(), codeHash);
    assert.ok(authorized.unwrap().checkVersion.isTrue, 'with the version check');
    assert.ok((await atEnacted.query.enactment.pending(callHash)).isNone, 'no longer pending');

    // Anyone may supply the authorized code; a member does.
    // As hex: a Uint8Array would be read as already SCALE-encoded (length-prefixed) bytes.
    const applied = await submit(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)), first);
    const upgrade = await api.rpc.chain.getHeader(applied.blockHash);
    const upgradedAt = upgrade.number.toNumber();
    const versionAt = async (hash) => (await api.rpc.state.getRuntimeVersion(hash)).specVersion.toNumber();
    assert.equal(await versionAt(upgrade.parentHash), oldVersion);
    assert.equal(await versionAt(applied.blockHash), oldVersion + 1);
    await waitFor(async () => (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber() === oldVersion + 1,
      60_000, `the best block to run spec_version ${oldVersion + 1}`);
    // The connection that lived through the upgrade decodes the upgrade block's events with
    // mixed-up type ids (polkadot.js re-registers the metadata, identical but for
    // `spec_version`, as the version changes): a fresh connection reads them.
    const fresh = await connect(node.wsUrl);
    const events = await blockEvents(fresh, applied.blockHash).finally(() => fresh.disconnect());
    const rejected = findEvent(events, 'system', 'RejectedInvalidAuthorizedUpgrade');
    assert.equal(rejected, undefined, `the new code is refused: ${rejected?.data.error}`);
    const updated = findEvent(events, 'system', 'CodeUpdated');
    assert.ok(updated, 'system.CodeUpdated');
    assert.equal(updated.data[0].toHex(), codeHash);

    // Finality goes on: the upgrade's block and three blocks after it, built by the new runtime,
    // are finalized.
    await waitFor(async () => (await finalizedNumber(api)) >= upgradedAt + 3, 120_000,
      `block #${upgradedAt + 3} (upgrade in #${upgradedAt}) to be finalized`);
    assert.equal((await api.rpc.chain.getBlockHash(upgradedAt)).toHex(), applied.blockHash.toHex(),
      'the upgrade block is final');
    const firstNew = await api.at(await api.rpc.chain.getBlockHash(upgradedAt + 1));
    const last = await firstNew.query.system.lastRuntimeUpgrade();
    assert.equal(last.unwrap().specVersion.toNumber(), oldVersion + 1, 'the new runtime ran its upgrade hooks');
    assert.equal(await versionAt(await api.rpc.chain.getFinalizedHead()), oldVersion + 1);
  });
});
