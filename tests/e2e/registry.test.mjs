// The participant registry on a development node: a participant registers, the dev KYC admin
// verifies it, and backends read it back through the `registry_*` JSON-RPC and the runtime API.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { blake2AsHex } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { startDevChain } from './lib/node.mjs';
import { checkedRpc } from './lib/definitions.mjs';
import { submit, findEvent } from './lib/tx.mjs';

describe('registry on pactum-node --dev', () => {
  let chain;
  let api;
  let alice;
  let eve;
  let ferdie;
  // A plain JSON-RPC connection, as a backend would use for the `registry_*` methods.
  let provider;
  // Every answer is checked against node/rpc-definitions.json (see lib/definitions.mjs).
  const rpc = checkedRpc(() => provider, 'registry');
  const participant = (who) => rpc('participant', [who]);
  const roles = (who) => rpc('roles', [who]);

  before(async () => {
    chain = await startDevChain();
    ({ api, provider } = chain);
    [alice, eve, ferdie] = chain.keys('Alice', 'Eve', 'Ferdie');
  });

  after(async () => {
    await chain?.stop();
  });

  it('starts with the dev accounts as admins', async () => {
    const held = await roles(alice.address);
    for (const role of ['SuperAdmin', 'KycAdmin', 'SecurityAdmin']) assert.ok(held.includes(role), role);
    assert.equal(await participant(eve.address), null);
  });

  it('registers, verifies and reads back a participant', async () => {
    const deposit = api.consts.registry.registrationDeposit.toBigInt();
    const registered = await submit(api, api.tx.registry.register(), eve);
    const event = findEvent(registered.events, 'registry', 'Registered');
    assert.equal(event.data.who.toString(), eve.address);
    assert.equal(event.data.deposit.toBigInt(), deposit);
    const reserved = (await api.query.system.account(eve.address)).data.reserved.toBigInt();
    assert.equal(reserved, deposit, 'the deposit is held');

    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    const evidence = blake2AsHex('passport scan of Eve, kept off chain');
    const company = blake2AsHex('company register extract');
    const key = u8aToHex(new Uint8Array(32).fill(7));
    const admin = await submit(api, api.tx.utility.batchAll([
      api.tx.registry.verifyKyc(eve.address, 2, evidence, now + 1_000),
      api.tx.registry.setCorporate(eve.address, company),
      // Roles go on chain as numbers (each pallet declares its own): 7 is the documents
      // pallet's Issuer; the RPC names them.
      api.tx.registry.grantRole(eve.address, 7),
      api.tx.registry.assignOrgCode(eve.address, 'EVE-TEL'),
    ]), alice);
    assert.ok(findEvent(admin.events, 'registry', 'Verified'));
    assert.ok(findEvent(admin.events, 'registry', 'RoleGranted'));
    await submit(api, api.tx.registry.setOperatorKey('X25519', key), eve);

    // The pallet's `ParticipantView` as it derives serde: hashes and keys 0x hex, the deposit a
    // decimal string, block numbers numbers, enums their variant names.
    const json = await participant(eve.address);
    assert.equal(json.kind, 'Corporate');
    assert.equal(json.kycLevel, 2);
    assert.equal(json.kyc.evidence, evidence);
    assert.equal(json.kyc.expiresAt, now + 1_000);
    assert.equal(json.company, company);
    assert.deepEqual(json.roles, ['Issuer']);
    assert.equal(json.orgCode, 'EVE-TEL');
    assert.deepEqual(json.operatorKey, { scheme: 'X25519', key });
    assert.equal(json.deposit, deposit.toString());
    assert.equal(json.ban, null);
    assert.deepEqual(await roles(eve.address), ['Issuer']);

    // The same through polkadot.js with the RPC definitions the repo ships.
    const typed = (await api.rpc.registry.participant(eve.address)).unwrap();
    assert.equal(typed.kind.toString(), 'Corporate');
    assert.equal(typed.kyc.unwrap().evidence.toHex(), evidence);
    assert.equal(typed.operatorKey.unwrap().key.toHex(), key);
    assert.equal(typed.operatorKey.unwrap().scheme.isX25519, true);
    assert.equal(typed.registeredAt.toNumber(), json.registeredAt);
    assert.equal(typed.deposit.toBigInt(), deposit);
    assert.deepEqual((await api.rpc.registry.roles(eve.address)).map(String), ['Issuer']);

    // The same view through the runtime API, decoded from the metadata.
    const view = (await api.call.registryApi.participant(eve.address)).unwrap();
    assert.equal(view.kind.toString(), 'Corporate');
    assert.equal(view.kycLevel.toNumber(), 2);
    assert.equal(view.deposit.toBigInt(), deposit);
  });

  it('refuses a call without the role and changes nothing', async () => {
    await submit(api, api.tx.registry.register(), ferdie);
    const before = await participant(ferdie.address);
    await assert.rejects(
      submit(api, api.tx.registry.verifyKyc(ferdie.address, 3, blake2AsHex('self'), 1_000_000), ferdie),
      (error) => error.module === 'registry.MissingRole',
    );
    // A number no pallet declares is no role.
    await assert.rejects(
      submit(api, api.tx.registry.grantRole(ferdie.address, 31), alice),
      (error) => error.module === 'registry.UnknownRole',
    );
    assert.deepEqual(await participant(ferdie.address), before);
    assert.equal(before.kind, 'Unverified');
  });

  it('bans and unbans through a security admin, visible in the RPC', async () => {
    await submit(api, api.tx.registry.ban(ferdie.address, 17, null), alice);
    const banned = await participant(ferdie.address);
    assert.equal(banned.ban.reason, 17);
    assert.equal(banned.ban.by, alice.address);
    await assert.rejects(
      submit(api, api.tx.registry.setOperatorKey('X25519', u8aToHex(new Uint8Array(32))), ferdie),
      (error) => error.module === 'registry.Banned',
    );
    await submit(api, api.tx.registry.unban(ferdie.address), alice);
    assert.equal((await participant(ferdie.address)).ban, null);
  });

  it('registers a client on its behalf: the operator holds the deposit and records each data change', async () => {
    // A client with no funds of its own: the operator (Alice, a ClientRegistrar) pays.
    const [client] = chain.keys('Client-1');
    const deposit = api.consts.registry.registrationDeposit.toBigInt();
    const reserved = async (who) => (await api.query.system.account(who)).data.reserved.toBigInt();
    const aliceReserved = await reserved(alice.address);
    const first = blake2AsHex('client record v1, encrypted off chain');
    const registered = await submit(api, api.tx.registry.registerClient(client.address, first), alice);
    const event = findEvent(registered.events, 'registry', 'ClientRegistered');
    assert.equal(event.data.registrar.toString(), alice.address);
    assert.equal(event.data.dataHash.toHex(), first);
    assert.equal(await reserved(alice.address), aliceReserved + deposit);
    assert.equal(await reserved(client.address), 0n);
    const json = await participant(client.address);
    assert.equal(json.kind, 'Unverified');
    assert.equal(json.deposit, '0');
    assert.equal(json.client.registrar, alice.address);
    assert.equal(json.client.dataHash, first);
    assert.equal(json.client.deposit, deposit.toString());
    assert.equal((await participant(alice.address)).client, null);

    const second = blake2AsHex('client record v2');
    const updated = await submit(api, api.tx.registry.setClientData(client.address, second), alice);
    assert.ok(findEvent(updated.events, 'registry', 'ClientDataUpdated'));
    const typed = (await api.rpc.registry.participant(client.address)).unwrap();
    assert.equal(typed.client.unwrap().dataHash.toHex(), second);
    // Only its registrar records changes.
    await assert.rejects(
      submit(api, api.tx.registry.setClientData(client.address, first), eve),
      (error) => error.module === 'registry.NotClientRegistrar',
    );

    // The client leaves (it needs funds for the fee): the deposit goes back to the operator.
    await submit(api, api.tx.balances.transferKeepAlive(client.address, 10n ** 15n), alice);
    await submit(api, api.tx.registry.leave(), client);
    assert.equal(await reserved(alice.address), aliceReserved);
    assert.equal(await participant(client.address), null);
  });

  it('answers every registry_* method in the shape node/rpc-definitions.json declares', () => {
    rpc.assertAllChecked();
  });
});
