// Attestations on a development node: the EEA identity flows (use case 6: opening an account,
// reopening it, a partner's discount) and a door lock's installation (use case 2), with every
// answer of the attestations_* JSON-RPC checked against node/rpc-definitions.json.
//
// Dave is an ISP and Ferdie a partner operator, both made attesters (role 11) by Alice, the dev
// registry's admin; Eve is a customer holding an identity certificate that Charlie (the dev
// chain's documents issuer) gave her. Eve opens an account by asking the ISP for a "registered
// account" attestation, presenting the certificate. Later she reopens it: the ISP demands her
// first account attestation as a precondition, she supplies it, and it offers the new one. For the
// partner's discount she grants the partner access to her account attestation's claims, accepts
// the discount the partner delivers, and presents it, signed with her DID's authentication key,
// which the partner checks from chain state alone. Bob, a company making door locks, registers
// one; a home gateway installing it decides by its own policy from the lock's trust summary as
// the maker and the operator attest about it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { blake2AsHex, base58Decode, base58Encode, signatureVerify } from '@polkadot/util-crypto';
import { u8aConcat, u8aToHex } from '@polkadot/util';
import { presentationPayload } from '@pactum/client/attestations';
import { startDevChain } from './lib/node.mjs';
import { checkedRpc } from './lib/definitions.mjs';
import { submit, findEvent } from './lib/tx.mjs';

/** The attestations pallet's role. */
const ATTESTER = 11;
const AUTHENTICATION = 1;
const ASSERTION = 2;
const KEY_AGREEMENT = 4;

/** A DID key as the resolver shows it: the multicodec-prefixed key in base58btc. */
const multibase = (prefix, key) => `z${base58Encode(u8aConcat(new Uint8Array(prefix), key))}`;
/** The public half of someone's X25519 encryption key (the test never encrypts to it). */
const encryptionKey = (seed) => new Uint8Array(32).fill(seed);

describe('attestations on pactum-node --dev', () => {
  let chain;
  let api;
  let provider;
  let alice;
  let bob;
  let charlie;
  let dave;
  let eve;
  let ferdie;
  let ispSchema;
  let discountSchema;
  let registered;
  let reopened;
  let discount;
  const certificate = blake2AsHex("Eve's identity proof, kept off chain");
  const device = blake2AsHex('door lock, serial 0042');
  // Every answer is checked against node/rpc-definitions.json (see lib/definitions.mjs).
  const rpc = checkedRpc(() => provider, 'attestations');
  /** The result's first `attestations.<method>` event. */
  const event = (result, method) => findEvent(result.events, 'attestations', method);

  /**
   * The verifier's check of a presentation, from chain state alone: the key is an authentication
   * key of the holder's DID, the signature over the presentation payload verifies with it, and
   * the attestation is about the holder and in force.
   */
  const verifyPresentation = async ({ holder, attestation, key, signature }, challenge) => {
    const { didDocument } = await rpc('resolveDid', [holder]);
    const method = didDocument.verificationMethod.find((m) => m.id === key);
    if (!method || !didDocument.authentication.includes(key)) return false;
    // The multicodec prefix (two bytes) before the 32-byte sr25519 key.
    const publicKey = base58Decode(method.publicKeyMultibase.slice(1)).slice(2);
    const payload = presentationPayload({ genesisHash: api.genesisHash.toHex(), attestation, verifier: ferdie.address, challenge });
    if (!signatureVerify(payload, signature, u8aToHex(publicKey)).isValid) return false;
    const view = await rpc('get', [attestation]);
    return view !== null && view.subject.account === holder && view.status === 'active';
  };

  /** A DID whose account key signs (authenticates, asserts) beside an encryption key. */
  const didOf = (who, seed, services = []) => api.tx.attestations.createDid([
    [{ Sr25519: who.publicKey }, AUTHENTICATION | ASSERTION],
    [{ X25519: encryptionKey(seed) }, KEY_AGREEMENT],
  ], services);

  before(async () => {
    chain = await startDevChain();
    ({ api, provider } = chain);
    [alice, bob, charlie, dave, eve, ferdie] = chain.keys('Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie');
    await Promise.all([eve, ferdie].map((who) => submit(api, api.tx.registry.register(), who)));
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    await submit(api, api.tx.utility.batchAll([
      api.tx.registry.grantRole(dave.address, ATTESTER),
      api.tx.registry.verifyKyc(ferdie.address, 3, blake2AsHex('partner due diligence'), now + 10_000),
      api.tx.registry.grantRole(ferdie.address, ATTESTER),
      api.tx.registry.setCorporate(bob.address, blake2AsHex('lock maker company record')),
      api.tx.registry.assignOrgCode(charlie.address, 'KZ-ID'),
    ]), alice);
    await submit(api, api.tx.documents.issueCertificate(eve.address, certificate, 'identity-proof', null), charlie);
  });

  after(async () => {
    await chain?.stop();
  });

  it('resolves a DID with its keys and service as a W3C DID document', async () => {
    assert.equal(await rpc('resolveDid', [eve.address]), null, 'no DID before it is created');
    const created = await submit(api, didOf(eve, 5, [['claims', 'ClaimsService', 'https://wallet.example/eve']]), eve);
    const didCreated = event(created, 'DidCreated');
    assert.equal(didCreated.data.did.toString(), eve.address);
    assert.ok(didCreated.data.deposit.toBigInt() > 0n, 'a DID holds a deposit');
    await Promise.all([[dave, 3], [ferdie, 4], [bob, 6], [charlie, 7]].map(([who, seed]) => submit(api, didOf(who, seed), who)));

    const resolved = await rpc('resolveDid', [eve.address]);
    const id = `did:pactum:${eve.address}`;
    const doc = resolved.didDocument;
    assert.deepEqual(doc['@context'], ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1']);
    assert.equal(doc.id, id);
    assert.equal(doc.controller, id);
    assert.deepEqual(doc.verificationMethod, [
      { id: `${id}#key-0`, type: 'Sr25519VerificationKey2020', controller: id, publicKeyMultibase: multibase([0xef, 0x01], eve.publicKey) },
      { id: `${id}#key-1`, type: 'X25519KeyAgreementKey2020', controller: id, publicKeyMultibase: multibase([0xec, 0x01], encryptionKey(5)) },
    ]);
    assert.deepEqual(doc.authentication, [`${id}#key-0`]);
    assert.deepEqual(doc.assertionMethod, [`${id}#key-0`]);
    assert.deepEqual(doc.keyAgreement, [`${id}#key-1`]);
    assert.deepEqual(doc.service, [{ id: `${id}#claims`, type: 'ClaimsService', serviceEndpoint: 'https://wallet.example/eve' }]);
    assert.equal(resolved.didDocumentMetadata.deactivated, false);
    // An encryption key never signs: refused with the pallet's error.
    await assert.rejects(submit(api, api.tx.attestations.addDidKey(eve.address, { X25519: encryptionKey(9) }, ASSERTION), eve),
      (error) => error.module === 'attestations.InvalidKeyPurposes');
  });

  it('lets only attesters register schemas, typed and versioned', async () => {
    const attributes = [['customer-id', 'Text', true], ['since', 'Date', true]];
    await assert.rejects(submit(api, api.tx.attestations.registerSchema('isp-account', 'Account', attributes), eve),
      (error) => error.module === 'attestations.NotAttester');
    const isp = await submit(api, api.tx.attestations.registerSchema('isp-account', 'Account', attributes), dave);
    ispSchema = event(isp, 'SchemaRegistered').data.schema.toNumber();
    const partner = await submit(api, api.tx.attestations.registerSchema('partner-discount', 'Account', [['percent', 'Integer', true]]), ferdie);
    discountSchema = event(partner, 'SchemaRegistered').data.schema.toNumber();

    const schema = await rpc('schema', [ispSchema]);
    assert.equal(schema.owner, dave.address);
    assert.equal(schema.name, 'isp-account');
    assert.equal(schema.subject, 'Account');
    assert.deepEqual(schema.attributes, [
      { name: 'customer-id', kind: 'Text', required: true },
      { name: 'since', kind: 'Date', required: true },
    ]);
    assert.equal(schema.version, 1);
    assert.equal(schema.deprecated, false);
    assert.equal(await rpc('schema', [999]), null);
  });

  it('opens an account (EEA 2.2): the ISP issues on a request presenting an identity certificate', async () => {
    const request = (hash) => api.tx.attestations.request(dave.address, ispSchema, blake2AsHex('customer 42 since 2026-12'), [], [hash], 100);
    await assert.rejects(submit(api, request(blake2AsHex('no such certificate')), eve),
      (error) => error.module === 'attestations.BadCertificate');
    const asked = await submit(api, request(certificate), eve);
    const requested = event(asked, 'Requested');
    assert.equal(requested.data.issuer.toString(), dave.address);
    const id = requested.data.request.toNumber();
    await submit(api, api.tx.attestations.offer(id, blake2AsHex('customer 42 since 2026-12, verified'), null), dave);
    const accepted = await submit(api, api.tx.attestations.acceptOffer(id), eve);
    const issued = event(accepted, 'Issued');
    registered = issued.data.attestation.toNumber();
    assert.equal(issued.data.pending.isTrue, false, 'accepting the offer puts it in force');

    const view = await rpc('get', [registered]);
    assert.equal(view.issuer, dave.address);
    assert.deepEqual(view.subject, { account: eve.address });
    assert.equal(view.claimHash, blake2AsHex('customer 42 since 2026-12, verified'));
    assert.equal(view.status, 'active');
    assert.equal(view.version, 1);
    assert.equal(await rpc('get', [999]), null);
  });

  it('reopens an account (EEA 2.3): the ISP demands the old account attestation as a precondition', async () => {
    // The ISP's account schema has a second version; an old customer proves her first account.
    const next = await submit(api, api.tx.attestations.newSchemaVersion(ispSchema, [['customer-id', 'Text', true], ['since', 'Date', true], ['plan', 'Text', false]]), dave);
    const reopenSchema = event(next, 'SchemaRegistered').data.schema.toNumber();
    assert.equal((await rpc('schema', [ispSchema])).supersededBy, reopenSchema);
    const asked = await submit(api, api.tx.attestations.request(dave.address, reopenSchema, blake2AsHex('customer 42 returns'), [], [], 100), eve);
    const id = event(asked, 'Requested').data.request.toNumber();
    const demanded = await submit(api, api.tx.attestations.demandPreconditions(id, [ispSchema]), dave);
    assert.deepEqual(event(demanded, 'PreconditionsDemanded').data.schemas.map((x) => x.toNumber()), [ispSchema]);
    await assert.rejects(submit(api, api.tx.attestations.offer(id, blake2AsHex('reopened'), null), dave),
      (error) => error.module === 'attestations.WrongRequestState');
    const supplied = await submit(api, api.tx.attestations.supplyPreconditions(id, [registered]), eve);
    assert.deepEqual(event(supplied, 'PreconditionsSupplied').data.attestations.map((x) => x.toNumber()), [registered]);
    await submit(api, api.tx.attestations.offer(id, blake2AsHex('customer 42, reopened'), null), dave);
    const accepted = await submit(api, api.tx.attestations.acceptOffer(id), eve);
    reopened = event(accepted, 'Issued').data.attestation.toNumber();
    assert.equal((await rpc('get', [reopened])).schema, reopenSchema);
    // The first account ends with the reopened one in its place.
    const revoked = await submit(api, api.tx.attestations.revoke(registered, 'AffiliationChanged'), dave);
    const at = (await api.rpc.chain.getHeader(revoked.blockHash)).number.toNumber();
    assert.deepEqual((await rpc('get', [registered])).status,
      { revoked: { at, by: dave.address, reason: 'AffiliationChanged' } });
    await assert.rejects(submit(api, api.tx.attestations.revoke(reopened, 'Fraud'), ferdie),
      (error) => error.module === 'attestations.NotIssuer');
  });

  it('gets a partner discount (EEA 2.4): access granted to the account attestation, the discount delivered, presented and checked off chain', async () => {
    // The partner asks to read the claims of Eve's account attestation; she grants it.
    await submit(api, api.tx.attestations.requestAccess(reopened, 50), ferdie);
    assert.equal(await rpc('hasAccess', [reopened, ferdie.address]), false, 'asked, not granted');
    const granted = await submit(api, api.tx.attestations.grantAccess(reopened, ferdie.address, 50), eve);
    assert.ok(event(granted, 'AccessGranted'));
    // Eve's claims service answers RetrieveAttestation only while the chain says so.
    assert.equal(await rpc('hasAccess', [reopened, ferdie.address]), true);
    const account = await rpc('get', [reopened]);
    assert.equal(account.issuer, dave.address);
    assert.equal(account.status, 'active');

    // DeliverAttestation: the partner issues the discount; it waits for Eve to accept it.
    const delivered = await submit(api, api.tx.attestations.issue({ Account: eve.address }, discountSchema, blake2AsHex('10 % off a smartphone'), null), ferdie);
    const issued = event(delivered, 'Issued');
    assert.equal(issued.data.pending.isTrue, true);
    discount = issued.data.attestation.toNumber();
    assert.equal((await rpc('get', [discount])).status, 'pending');
    await submit(api, api.tx.attestations.accept(discount), eve);
    const retracted = await submit(api, api.tx.attestations.retractAccess(reopened, ferdie.address), eve);
    assert.equal(event(retracted, 'AccessEnded').data.expired.isTrue, false);
    assert.equal(await rpc('hasAccess', [reopened, ferdie.address]), false);

    // PresentAttestation: Eve signs the partner's challenge with her DID's authentication key; the
    // partner checks it from chain state alone, then records it.
    const challenge = blake2AsHex('partner nonce 7');
    const genesisHash = api.genesisHash.toHex();
    const payload = presentationPayload({ genesisHash, attestation: discount, verifier: ferdie.address, challenge });
    const presentation = { holder: eve.address, attestation: discount, key: `did:pactum:${eve.address}#key-0`, signature: eve.sign(payload) };
    assert.equal(await verifyPresentation(presentation, challenge), true);
    assert.equal(await verifyPresentation({ ...presentation, signature: ferdie.sign(payload) }, challenge), false, "another's signature");
    assert.equal(await verifyPresentation({ ...presentation, key: `did:pactum:${eve.address}#key-1` }, challenge), false, 'not an authentication key');
    assert.equal(await verifyPresentation({ ...presentation, attestation: registered }, challenge), false, 'revoked');
    const presented = await submit(api, api.tx.attestations.present(discount, ferdie.address, challenge), eve);
    assert.equal(event(presented, 'Presented').data.challenge.toHex(), challenge);

    // A second discount is denied, with the reason.
    const again = await submit(api, api.tx.attestations.request(ferdie.address, discountSchema, blake2AsHex('a second discount'), [], [], 100), eve);
    const second = event(again, 'Requested').data.request.toNumber();
    const denied = await submit(api, api.tx.attestations.deny(second, 'NotServed'), ferdie);
    assert.equal(event(denied, 'Denied').data.reason.toString(), 'NotServed');
  });

  it('finds attestations by holder, issuer and schema, page by page', async () => {
    await submit(api, api.tx.attestations.endorse(reopened), charlie);
    assert.equal((await rpc('get', [reopened])).endorsements, 1);
    const ids = (views) => views.map((view) => view.id);
    const numeric = (list) => [...list].sort((a, b) => a - b);
    // Pages follow the index's storage order; the last id of a page asks for the next one.
    const about = ids(await rpc('about', [{ account: eve.address }]));
    assert.deepEqual(numeric(about), numeric([registered, reopened, discount]));
    assert.deepEqual(ids(await rpc('about', [{ account: eve.address }, about[0], 10])), about.slice(1));
    assert.deepEqual(ids(await rpc('about', [{ account: eve.address }, null, 1])), about.slice(0, 1));
    assert.deepEqual(numeric(ids(await rpc('byIssuer', [dave.address]))), numeric([registered, reopened]));
    assert.deepEqual(ids(await rpc('bySchema', [discountSchema])), [discount]);
  });

  it("installs a door lock (EEA use case 2) by the home gateway's own policy over the lock's trust summary", async () => {
    await assert.rejects(submit(api, api.tx.attestations.registerDevice(device, 'DoorLock X'), eve),
      (error) => error.module === 'attestations.NotCorporate');
    await submit(api, api.tx.attestations.registerDevice(device, 'DoorLock X'), bob);
    const boot = await submit(api, api.tx.attestations.registerSchema('verified-boot', 'Device', [['firmware', 'Digest', true]]), dave);
    const bootSchema = event(boot, 'SchemaRegistered').data.schema.toNumber();
    const report = await submit(api, api.tx.attestations.registerSchema('malicious-activity', 'Device', [['evidence', 'Digest', true]]), ferdie);
    const reportSchema = event(report, 'SchemaRegistered').data.schema.toNumber();

    // The home gateway's policy: a verified boot attested by a company (the maker), and no report
    // of malicious activity in force.
    const install = async () => {
      const summary = await rpc('trustSummary', [device]);
      const tally = (schema) => summary.bySchema.find((t) => t.schema === schema);
      const booted = tally(bootSchema);
      const attester = booted?.inForce > 0
        ? await provider.send('registry_participant', [booted.latest.issuer]) : null;
      const bootFromCompany = attester?.kind === 'Corporate';
      return { summary, install: bootFromCompany && (tally(reportSchema)?.inForce ?? 0) === 0 };
    };
    assert.equal((await install()).install, false, 'nothing attested yet');
    await submit(api, api.tx.attestations.issue({ Device: device }, bootSchema, blake2AsHex('firmware 1.4'), null), bob);
    let { summary, install: ok } = await install();
    assert.equal(ok, true, 'the maker attested the boot chain');
    assert.equal(summary.device, device);
    assert.equal(summary.controller, bob.address);
    assert.equal(summary.model, 'DoorLock X');
    assert.equal(summary.truncated, false);
    assert.deepEqual(summary.byAttesterKind, [{ kind: 'Corporate', inForce: 1 }]);

    // The operator's network saw the lock scanning it: the report blocks the installation.
    const reported = await submit(api, api.tx.attestations.issue({ Device: device }, reportSchema, blake2AsHex('scan from 10.0.0.7'), null), ferdie);
    const reportId = event(reported, 'Issued').data.attestation.toNumber();
    ({ summary, install: ok } = await install());
    assert.equal(ok, false, 'a malicious-activity report is in force');
    const byKind = Object.fromEntries(summary.byAttesterKind.map((t) => [t.kind, t.inForce]));
    assert.deepEqual(byKind, { Corporate: 1, Verified: 1 });
    const issuers = (await rpc('about', [{ device }])).map((view) => view.issuer);
    assert.deepEqual(issuers.sort(), [bob.address, ferdie.address].sort());
    // The report was a false alarm: revoked, it counts as revoked and no longer blocks.
    await submit(api, api.tx.attestations.revoke(reportId, 'Unspecified'), ferdie);
    ({ summary, install: ok } = await install());
    assert.equal(ok, true);
    const reports = summary.bySchema.find((t) => t.schema === reportSchema);
    assert.deepEqual([reports.inForce, reports.revoked], [0, 1]);
    assert.equal(await rpc('trustSummary', [blake2AsHex('an unknown device')]), null);
  });

  it('answers every attestations_* method in the shape node/rpc-definitions.json declares', () => {
    rpc.assertAllChecked();
  });
});
