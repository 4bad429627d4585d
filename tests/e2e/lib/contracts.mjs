// ink! contracts on a dev chain through @polkadot/api-contract: loading a bundle built by
// scripts/build-contracts.sh, deploying it, dry runs, submitting messages with the gas their dry
// run needed, and decoding the contract's events.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blake2AsHex } from '@polkadot/util-crypto';
import { hexToU8a, stringPascalCase } from '@polkadot/util';
import { Abi, CodePromise, ContractPromise } from '@polkadot/api-contract';
import { submit, findEvent } from './tx.mjs';

export const BUNDLES = process.env.PACTUM_CONTRACTS_DIR
  ?? join(process.env.HOME, '.cache/pactum/target-ink/bundles');

/** The `.contract` bundle `name` and its Abi; checks the bundle's code hash. */
export function loadBundle(api, name) {
  const bundle = JSON.parse(readFileSync(join(BUNDLES, `${name}.contract`), 'utf8'));
  const abi = new Abi(bundle, api.registry.getChainProperties());
  assert.equal(blake2AsHex(hexToU8a(bundle.source.wasm)), bundle.source.hash);
  return { bundle, abi };
}

/** Half a block's weight: the gas limit of every dry run. */
export function dryRunGas(api) {
  const { maxBlock } = api.consts.system.blockWeights;
  return api.registry.createType('WeightV2', {
    refTime: maxBlock.refTime.toBigInt() / 2n, proofSize: maxBlock.proofSize.toBigInt() / 2n,
  });
}

/**
 * Instantiates `bundle` by `signer` with constructor `name(...args)`, endowed with `value`, after
 * a dry run; yields `{ contract, outcome }`. A constructor that returns `Err` fails the test
 * with its error.
 */
export async function deploy(api, { bundle, abi }, signer, { args = [], value = 0n, salt = '0x01', name = 'new' } = {}) {
  const gas = dryRunGas(api);
  const data = abi.findConstructor(name).toU8a(args);
  const dry = await api.call.contractsApi.instantiate(
    signer.address, value, gas, null, { Upload: bundle.source.wasm }, data, salt);
  assert.ok(dry.result.isOk, `${name} trapped: ${dry.result.toString()}`);
  const returned = abi.findConstructor(name).returnType
    ? api.registry.createType('Raw', dry.result.asOk.result.data) : null;
  assert.ok(!dry.result.asOk.result.flags.isRevert, `${name} reverted: ${returned?.toHex()}`);
  const code = new CodePromise(api, abi, bundle.source.wasm);
  const outcome = await submit(api, code.tx[name]({
    gasLimit: dry.gasRequired, storageDepositLimit: null, salt, value,
  }, ...args), signer);
  const instantiated = findEvent(outcome.events, 'contracts', 'Instantiated');
  assert.ok(instantiated, 'Instantiated event');
  return { contract: new ContractPromise(api, abi, instantiated.data.contract), outcome };
}

/**
 * An ink! enum as its variant's name: polkadot.js gives a bare name for enums whose variants
 * carry nothing, `{ variantName: value }` otherwise.
 */
export const variant = (value) =>
  (value !== null && typeof value === 'object') ? stringPascalCase(Object.keys(value)[0]) : value;

/** Dry runs, transactions and events of one deployed contract. */
export function contractClient(api, contract) {
  const gas = dryRunGas(api);
  const { abi } = contract;

  /** A message's dry run: `{ gasRequired, value }`, `value` the decoded return value. */
  async function query(signer, message, args = [], value = 0n) {
    const { gasRequired, result, output } = await contract.query[message](
      signer.address, { gasLimit: gas, storageDepositLimit: null, value }, ...args);
    assert.ok(result.isOk, `${message} trapped: ${result.toString()}`);
    const { ok, err } = output.toJSON();
    assert.equal(err, undefined, `${message}: ink! LangError ${JSON.stringify(err)}`);
    return { gasRequired, value: ok };
  }

  /** The name of the contract's error a message would end with, or undefined. */
  async function refusal(signer, message, args = []) {
    const { value } = await query(signer, message, args);
    return value !== null && typeof value === 'object' && 'err' in value ? variant(value.err) : undefined;
  }

  function events(records) {
    return records
      .filter(({ event }) => api.events.contracts.ContractEmitted.is(event))
      .map((record) => {
        const decoded = abi.decodeEvent(record);
        const name = decoded.event.identifier.split('::').pop();
        const fields = Object.fromEntries(
          decoded.event.args.map((arg, i) => [arg.name, decoded.args[i].toJSON()]));
        return { name, fields };
      });
  }

  /** Dry-runs, then submits a message with the gas the dry run needed; decodes its events. */
  async function exec(signer, message, args = [], value = 0n) {
    const dry = await query(signer, message, args, value);
    const refused = dry.value !== null && typeof dry.value === 'object' && 'err' in dry.value;
    assert.ok(!refused, `${message} would be refused: ${JSON.stringify(dry.value?.err)}`);
    const tx = contract.tx[message]({ gasLimit: dry.gasRequired, storageDepositLimit: null, value }, ...args);
    const outcome = await submit(api, tx, signer);
    outcome.contractEvents = events(outcome.records);
    return outcome;
  }

  /**
   * `exec`, but as part of `api.tx.utility.batchAll([...before, message])`: what `before` does
   * (a transfer the message checks, say) is not there in a dry run of the message alone, so the
   * message gets the dry runs' whole limit.
   */
  async function execAfter(signer, before, message, args = []) {
    const tx = contract.tx[message]({ gasLimit: gas, storageDepositLimit: null }, ...args);
    const outcome = await submit(api, api.tx.utility.batchAll([...before, tx]), signer);
    outcome.contractEvents = events(outcome.records);
    return outcome;
  }

  return { query, refusal, exec, execAfter, events, address: contract.address.toString() };
}
