// A development node: a signed transfer is finalized with the right balances and fee, and
// @polkadot/api decodes the whole metadata and the chain's state.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { stringCamelCase } from '@polkadot/util';
import { startDevChain, waitFor, finalizedNumber, TEST_CHAIN } from './lib/node.mjs';

const UNIT = 10n ** 12n;

describe('pactum-node --dev', () => {
  let chain;
  let api;

  before(async () => {
    // The chain `scripts/run.sh` starts, not the tests' faster one.
    chain = await startDevChain({ chain: 'dev' });
    ({ api } = chain);
  });

  after(async () => {
    await chain?.stop();
  });

  it('announces the native token in its chain properties', async () => {
    const properties = await api.rpc.system.properties();
    assert.deepEqual(properties.tokenSymbol.unwrap().map(String), ['PACT']);
    assert.deepEqual(properties.tokenDecimals.unwrap().map((d) => d.toNumber()), [12]);
    assert.equal(properties.ss58Format.unwrap().toNumber(), 42);
    assert.equal((await api.rpc.system.chain()).toString(), 'Pactum Development');
  });

  it('runs 6-second slots', async () => {
    assert.equal((await api.call.babeApi.configuration()).slotDuration.toNumber(), 6_000);
    assert.equal(api.consts.babe.expectedBlockTime.toNumber(), 6_000);
    assert.equal(api.consts.timestamp.minimumPeriod.toNumber(), 3_000);
  });

  it('produces and finalizes blocks', async () => {
    const finalized = await waitFor(async () => {
      const n = await finalizedNumber(api);
      return n >= 2 ? n : 0;
    }, 90_000, 'block 2 to be finalized');
    assert.ok(finalized >= 2);
  });

  it('finalizes a signed transfer, moving the amount and charging the fee', async () => {
    const [alice, dest] = chain.keys('Alice', `pactum-e2e-${Date.now()}`);
    const amount = 10n * UNIT;

    const { blockHash, events } = await new Promise((resolve, reject) => {
      api.tx.balances.transferKeepAlive(dest.address, amount)
        .signAndSend(alice, ({ status, events, dispatchError }) => {
          if (dispatchError) reject(new Error(`dispatch failed: ${dispatchError.toString()}`));
          if (status.isFinalized) resolve({ blockHash: status.asFinalized, events });
          if (status.isInvalid || status.isDropped || status.isUsurped) {
            reject(new Error(`transaction ${status.type}`));
          }
        })
        .catch(reject);
    });

    const find = (section, method) => events.find(({ event }) => event.section === section && event.method === method)?.event;
    const transfer = find('balances', 'Transfer');
    assert.ok(transfer, 'Transfer event');
    assert.equal(transfer.data.from.toString(), alice.address);
    assert.equal(transfer.data.to.toString(), dest.address);
    assert.equal(transfer.data.amount.toBigInt(), amount);
    const feePaid = find('transactionPayment', 'TransactionFeePaid');
    assert.ok(feePaid, 'TransactionFeePaid event');
    assert.equal(feePaid.data.who.toString(), alice.address);
    const fee = feePaid.data.actualFee.toBigInt();
    assert.ok(fee > 0n, 'a fee is charged');
    assert.equal(feePaid.data.tip.toBigInt(), 0n);
    assert.ok(find('system', 'ExtrinsicSuccess'), 'ExtrinsicSuccess event');

    // Balances before (parent block) and after (the finalized block that included it).
    const header = await api.rpc.chain.getHeader(blockHash);
    const beforeApi = await api.at(header.parentHash);
    const afterApi = await api.at(blockHash);
    const free = async (at, who) => (await at.query.system.account(who)).data.free.toBigInt();
    assert.equal(await free(beforeApi, dest.address), 0n);
    assert.equal(await free(afterApi, dest.address), amount);
    assert.equal(await free(afterApi, alice.address), (await free(beforeApi, alice.address)) - amount - fee);

    assert.ok((await finalizedNumber(api)) >= header.number.toNumber());
  });

  it('decodes the whole metadata: every type, constant, storage item and error', async () => {
    const { registry } = api;
    // The metadata the client decorated itself with (the newest version the runtime offers).
    const metadata = api.runtimeMetadata;
    assert.ok(metadata.version >= 15, `metadata v${metadata.version}`);
    assert.ok((await api.rpc.state.getMetadata()).version >= 14);

    // Every type of the portable registry can be constructed.
    const types = metadata.asLatest.lookup.types;
    assert.ok(types.length > 100);
    for (const { id } of types) {
      assert.doesNotThrow(() => registry.createType(registry.createLookupType(id)), `type ${id}`);
    }

    const pallets = metadata.asLatest.pallets;
    const names = pallets.map((p) => p.name.toString());
    for (const expected of ['System', 'Babe', 'Grandpa', 'ValidatorSet', 'Session', 'Balances',
      'TransactionPayment', 'Sudo', 'Council', 'CouncilMembership', 'Utility', 'Multisig', 'Proxy',
      'Scheduler', 'NodeAuthorization']) {
      assert.ok(names.includes(expected), `pallet ${expected}`);
    }

    for (const pallet of pallets) {
      const section = stringCamelCase(pallet.name);
      // Constants decode to their values.
      for (const constant of pallet.constants) {
        const name = stringCamelCase(constant.name);
        assert.ok(api.consts[section][name] !== undefined, `${section}.${name}`);
      }
      // Storage decodes from the live chain: values, and the first entries of maps.
      if (pallet.storage.isSome) {
        for (const item of pallet.storage.unwrap().items) {
          const name = stringCamelCase(item.name);
          const query = api.query[section][name];
          if (item.type.isPlain) await query();
          else await query.entriesPaged({ pageSize: 5, args: [] });
        }
      }
      // Every error of the pallet resolves to its name.
      if (pallet.errors.isSome) {
        const variants = registry.lookup.getSiType(pallet.errors.unwrap().type).def.asVariant.variants;
        for (const variant of variants) {
          const found = registry.findMetaError({ index: pallet.index, error: variant.index });
          assert.equal(found.method, variant.name.toString());
        }
      }
    }

    // Every call has a constructor.
    for (const section of Object.keys(api.tx)) {
      for (const method of Object.keys(api.tx[section])) {
        assert.ok(api.tx[section][method].meta, `${section}.${method}`);
      }
    }
  });
});

describe(`pactum-node --dev --chain ${TEST_CHAIN}, the chain the other tests run on`, () => {
  let chain;

  before(async () => {
    chain = await startDevChain();
  });

  after(async () => {
    await chain?.stop();
  });

  it('runs 2-second slots: each block in the slot of its timestamp, finalized', async () => {
    const { api } = chain;
    assert.equal((await api.call.babeApi.configuration()).slotDuration.toNumber(), 2_000);
    assert.equal(api.consts.babe.expectedBlockTime.toNumber(), 2_000);
    await waitFor(async () => (await finalizedNumber(api)) >= 3, 60_000, 'block 3 to be finalized');
    // BABE's rule, which the runtime enforces: a block's slot is its timestamp / slot duration.
    for (const n of [2, 3]) {
      const at = await api.at(await api.rpc.chain.getBlockHash(n));
      const [slot, now] = [await at.query.babe.currentSlot(), await at.query.timestamp.now()];
      assert.equal(slot.toNumber(), Math.floor(now.toNumber() / 2_000), `block ${n}`);
    }
  });
});
