// Contract documents on a development node: Alice signs a contract herself, Bob's off-chain
// signature is relayed by an operator (Charlie), the contract is amended and signed again, and a
// backend verifies it by hash through the `documents_*` JSON-RPC. Charlie, an issuer, issues a
// certificate that anyone verifies and its holder lists, then revokes it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sha256AsU8a, blake2AsHex } from '@polkadot/util-crypto';
import { u8aToHex, compactStripLength } from '@polkadot/util';
import { signingPayload } from '@pactum/client/documents';
import { startDevChain } from './lib/node.mjs';
import { checkedRpc } from './lib/definitions.mjs';
import { submit, findEvent } from './lib/tx.mjs';

describe('documents on pactum-node --dev', () => {
  let chain;
  let api;
  let provider;
  let alice;
  let bob;
  let charlie;
  // Every answer is checked against node/rpc-definitions.json (see lib/definitions.mjs).
  const rpc = checkedRpc(() => provider, 'documents');

  // What Bob's wallet signs, as @pactum/client builds it: SCALE of (domain, genesis hash,
  // document, version, content hash).
  const payload = (id, version, hash) =>
    signingPayload({ genesisHash: api.genesisHash.toHex(), document: id, version, hash });

  before(async () => {
    chain = await startDevChain();
    ({ api, provider } = chain);
    [alice, bob, charlie] = chain.keys('Alice', 'Bob', 'Charlie');
  });

  after(async () => {
    await chain?.stop();
  });

  it('two parties sign (one relayed), amend, re-sign and verify by hash', async () => {
    const original = { algorithm: 'Sha2_256', digest: u8aToHex(sha256AsU8a('roaming agreement v1')) };
    const id = (await api.query.documents.nextDocumentId()).toNumber();
    const created = await submit(api, api.tx.documents.create(
      null, original, '0x656e633a2f2f7631', [alice.address, bob.address], [alice.address, bob.address], null,
    ), alice);
    const event = findEvent(created.events, 'documents', 'Created');
    assert.equal(event.data.document.toNumber(), id);
    assert.ok(event.data.deposit.toBigInt() > 0n);

    // The payload a client builds is the one the runtime expects.
    // (@polkadot/api hands a runtime API's `Vec<u8>` back with its SCALE length prefix.)
    const [, expected] = compactStripLength(
      (await api.call.documentsApi.signingPayload(id, 0, original)).toU8a(true));
    assert.equal(u8aToHex(payload(id, 0, original)), u8aToHex(expected));

    await submit(api, api.tx.documents.sign(id, 0, original), alice);
    const bobFree = (await api.query.system.account(bob.address)).data.free.toBigInt();
    const relayed = await submit(api, api.tx.documents.signRelayed(
      id, 0, original, bob.address, { Sr25519: u8aToHex(bob.sign(payload(id, 0, original))) },
    ), charlie);
    assert.ok(findEvent(relayed.events, 'documents', 'Activated'));
    assert.equal((await api.query.system.account(bob.address)).data.free.toBigInt(), bobFree,
      'the operator paid, not Bob');

    // The pallet's `DocumentView` as it derives serde: enums externally tagged, a relayed
    // signature the hex of its SCALE encoding (a `MultiSignature`), the deposit a decimal string.
    let doc = await rpc('get', [id]);
    assert.equal(doc.status, 'Active');
    assert.equal(doc.activeVersion, 0);
    assert.equal(doc.deposit, event.data.deposit.toBigInt().toString());
    assert.equal(doc.versions[0].uri, '0x656e633a2f2f7631');
    assert.deepEqual(doc.versions[0].hash, original);
    assert.deepEqual(doc.versions[0].signatures.map((s) => [s.signer, s.relayed?.by ?? null]),
      [[alice.address, null], [bob.address, charlie.address]]);
    assert.equal(
      api.createType('MultiSignature', doc.versions[0].signatures[1].relayed.signature).isSr25519, true);

    // A signature of another text is refused and changes nothing.
    const amended = { algorithm: 'Sha2_256', digest: u8aToHex(sha256AsU8a('roaming agreement v2')) };
    await submit(api, api.tx.documents.proposeAmendment(id, amended, '0x656e633a2f2f7632',
      blake2AsHex('tariff change')), alice);
    await assert.rejects(
      submit(api, api.tx.documents.signRelayed(id, 1, amended, bob.address,
        { Sr25519: u8aToHex(bob.sign(payload(id, 1, original))) }), charlie),
      (error) => error.module === 'documents.BadSignature',
    );
    // Both sign the amendment in one bulk call: Alice's own and Bob's relayed signature.
    await submit(api, api.tx.documents.signMany([
      { document: id, version: 1, hash: amended, relayed: null },
      { document: id, version: 1, hash: amended,
        relayed: { signer: bob.address, signature: { Sr25519: u8aToHex(bob.sign(payload(id, 1, amended))) } } },
    ]), alice);

    doc = await rpc('get', [id]);
    assert.equal(doc.activeVersion, 1);
    assert.equal(doc.versions.length, 2);
    assert.deepEqual(Object.keys(doc.versions[0].status), ['Accepted']);
    assert.ok(Number.isInteger(doc.versions[0].status.Accepted.at));
    assert.equal(doc.versions[1].status.Accepted.at, doc.versions[1].signatures[1].at);
    assert.equal(doc.versions[1].kind, 'Amendment');
    assert.equal(doc.versions[1].hash.digest, amended.digest);
    assert.equal(doc.versions[1].signatures.length, 2);

    // A backend holding the file checks it by hash.
    const verified = await rpc('verify', [original.digest]);
    assert.deepEqual(verified.documents.map((m) => [m.document, m.version, m.documentStatus]),
      [[id, 0, 'Active']]);
    // `signedBy` is a list of `[account, block]` pairs.
    assert.deepEqual(verified.documents[0].signedBy.map(([signer]) => signer), [alice.address, bob.address]);
    const current = await rpc('verify', [amended.digest]);
    assert.equal(current.documents[0].version, 1);
    assert.equal(current.documents[0].algorithm, 'Sha2_256');
    assert.ok(current.documents[0].versionStatus.Accepted);
    assert.deepEqual(await rpc('verify', [blake2AsHex('unknown file')]), { documents: [], certificate: null });

    const page = await rpc('byParty', [bob.address, null, 10]);
    assert.deepEqual(page.map((d) => [d.id, d.status, d.awaitingSignature]), [[id, 'Active', false]]);
    assert.equal(await rpc('canAccess', [id, bob.address]), true);
    assert.equal(await rpc('canAccess', [id, charlie.address]), false);

    // The same through polkadot.js with the definitions the repo ships.
    const typed = (await api.rpc.documents.get(id)).unwrap();
    // (`hash` is a codec's own getter: read the field with `get`.)
    assert.equal(typed.versions[1].get('hash').digest.toHex(), amended.digest);
    assert.equal(typed.versions[1].status.isAccepted, true);
    assert.equal(typed.versions[0].signatures[1].relayed.unwrap().signature.isSr25519, true);
  });

  it('an issuer issues a certificate that anyone verifies and its holder lists, then revokes it', async () => {
    await submit(api, api.tx.registry.assignOrgCode(charlie.address, 'KZ-TEL'), alice);
    const cert = blake2AsHex('licence 42 of Bob');
    await submit(api, api.tx.documents.issueCertificate(bob.address, cert, 'telecom-licence', null), charlie);
    let found = (await rpc('verify', [cert])).certificate;
    assert.equal(found.status, 'Valid');
    assert.equal(found.orgCode, 'KZ-TEL');
    assert.equal(found.holder, bob.address);
    // The holder lists theirs.
    const held = await rpc('certificates', [bob.address]);
    assert.deepEqual(held.map((c) => [c.hash, c.status, c.certType]), [[cert, 'Valid', 'telecom-licence']]);
    assert.deepEqual(await rpc('certificates', [bob.address, cert]), []);
    await assert.rejects(
      submit(api, api.tx.documents.revokeCertificate(cert, blake2AsHex('no')), bob),
      (error) => error.module === 'documents.NotCertificateIssuer',
    );
    await submit(api, api.tx.documents.revokeCertificate(cert, blake2AsHex('licence withdrawn')), charlie);
    found = (await rpc('verify', [cert])).certificate;
    assert.equal(found.status, 'Revoked');
    assert.equal(found.revoked.by, charlie.address);
    const typed = await api.rpc.documents.certificates(bob.address);
    assert.equal(typed[0].status.toString(), 'Revoked');
  });

  it('answers every documents_* method in the shape node/rpc-definitions.json declares', () => {
    rpc.assertAllChecked();
  });
});
