// Content on a development node: Charlie registers a film (creators Charlie 70 % and Dave 30 %)
// and sells licences; Bob holds its promotion right and a referral code. Alice buys through the
// code (the price split in the same call, credits earned), Dave's gateway meters her accesses,
// she resells the licence to Bob with royalties, and Bob's accesses are metered to exhaustion.
// `content_rights` answers who held which right at an earlier block; pallet-nfts' own calls
// are refused.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { blake2AsHex } from '@polkadot/util-crypto';
import { startDevChain } from './lib/node.mjs';
import { checkedRpc } from './lib/definitions.mjs';
import { submit, findEvent } from './lib/tx.mjs';

const UNIT = 10n ** 12n;
const PRICE = UNIT;
const pct = (p) => p * 10_000;

describe('content on pactum-node --dev', () => {
  let chain;
  let api;
  let provider;
  let alice;
  let bob;
  let charlie;
  let dave;
  let eve;
  let content;
  let beforePromotion;
  // Every answer is checked against node/rpc-definitions.json (see lib/definitions.mjs).
  const rpc = checkedRpc(() => provider, 'content');
  const legsOf = (result) => {
    const split = findEvent(result.events, 'content', 'PaymentSplit');
    return Object.fromEntries(split.data.legs.map(([who, value]) => [who.toString(), value.toBigInt()]));
  };

  before(async () => {
    chain = await startDevChain();
    ({ api, provider } = chain);
    [alice, bob, charlie, dave, eve] = chain.keys('Alice', 'Bob', 'Charlie', 'Dave', 'Eve');
  });

  after(async () => {
    await chain?.stop();
  });

  it('registers content as an NFT with creators, royalties and rights', async () => {
    const royalties = {
      firstSale: { creators: pct(50), owner: pct(10), distributors: pct(20), promoters: pct(20) },
      later: { creators: pct(50), owner: pct(20), distributors: pct(20), promoters: pct(10) },
      resale: pct(10),
    };
    const registered = await submit(api, api.tx.content.register(
      blake2AsHex('the film, master copy'),
      'ipfs://bafy-film-metadata',
      [[charlie.address, pct(70)], [dave.address, pct(30)]],
      royalties,
    ), charlie);
    content = findEvent(registered.events, 'content', 'ContentRegistered').data.content.toNumber();
    beforePromotion = registered.blockHash.toHex();
    await submit(api, api.tx.utility.batchAll([
      api.tx.content.transferRight(content, 'Promotion', bob.address, pct(100)),
      api.tx.content.authoriseGateway(content, dave.address),
      api.tx.content.publishTerms(content, {
        price: PRICE, asset: 'Native', maxAccesses: 2, duration: null, transferable: true, creditPrice: null,
      }),
    ]), charlie);
    await submit(api, api.tx.content.registerReferral(content, 'BOB10'), bob);

    // The pallet's `RightsView` as it derives serde: shares are `[account, parts per million]`
    // pairs, a right with its holders a `[right, holders]` pair, the royalty table as registered.
    const rights = await rpc('rights', [content]);
    assert.equal(rights.owner, charlie.address);
    assert.equal(rights.contentHash, blake2AsHex('the film, master copy'));
    assert.deepEqual(rights.creators, [[charlie.address, pct(70)], [dave.address, pct(30)]]);
    assert.deepEqual(rights.royalties, royalties);
    const holders = Object.fromEntries(rights.rights);
    assert.deepEqual(Object.keys(holders).sort(), ['Derivative', 'Distribution', 'Promotion']);
    assert.deepEqual(holders.Promotion, [[bob.address, 1_000_000]]);
    assert.deepEqual(holders.Distribution, [[charlie.address, 1_000_000]]);
    // Who held the promotion right at the registration block: Charlie.
    const earlier = await rpc('rights', [content, beforePromotion]);
    const [, promotionThen] = earlier.rights.find(([right]) => right === 'Promotion');
    assert.deepEqual(promotionThen, [[charlie.address, 1_000_000]]);
    const typedRights = (await api.rpc.content.rights(content)).unwrap();
    assert.equal(typedRights.royalties.firstSale.promoters.toNumber(), pct(20));
    assert.equal(typedRights.rights[0][0].isDistribution, true);
  });

  it('sells a licence through a promoter and splits the price in the same call', async () => {
    const bought = await submit(api, api.tx.content.buyLicence(content, 0, 'BOB10'), alice);
    // Creators 50 % (70 / 30), owner 10 % and distributors 20 % to Charlie, promoters 20 % to Bob.
    assert.deepEqual(legsOf(bought), {
      [charlie.address]: PRICE * 35n / 100n + PRICE * 30n / 100n,
      [dave.address]: PRICE * 15n / 100n,
      [bob.address]: PRICE * 20n / 100n,
    });
    // Credits are earned on this content: they buy only its licences.
    const credits = await api.query.content.credits(alice.address, content, 'Native');
    assert.equal(credits.toBigInt(), PRICE * 5n / 100n);
    assert.deepEqual(await rpc('licence', [alice.address, content]), {
      valid: true, accessesLeft: 2, expiresAt: null, terms: 0, transferable: true, ask: null,
    });
    // Eve is not a participant.
    await assert.rejects(
      submit(api, api.tx.content.buyLicence(content, 0, null), eve),
      (error) => error.module === 'content.NotParticipant',
    );
  });

  it('meters accesses, resells with royalties and refuses an exhausted licence', async () => {
    await submit(api, api.tx.content.recordAccess(content, alice.address), dave);
    await assert.rejects(
      submit(api, api.tx.content.recordAccess(content, alice.address), bob),
      (error) => error.module === 'content.UnauthorisedGateway',
    );
    const ask = UNIT / 2n;
    await submit(api, api.tx.content.offerLicence(content, ask), alice);
    const resold = await submit(api, api.tx.content.buyResale(content, alice.address, ask), bob);
    const { royalty } = findEvent(resold.events, 'content', 'LicenceResold').data;
    assert.equal(royalty.toBigInt(), ask / 10n);
    // The royalty by the later table: creators 50 % (70 / 30), owner 20 %, distributors 20 %
    // to Charlie; promoters 10 % to Bob, the buyer himself (not paid).
    const legs = legsOf(resold);
    assert.equal(legs[dave.address], royalty.toBigInt() * 15n / 100n);
    assert.equal(legs[charlie.address], royalty.toBigInt() * 75n / 100n);
    assert.equal(await rpc('licence', [alice.address, content]), null);

    // One access left after Alice's: the gateway meters it, then refuses.
    await submit(api, api.tx.content.recordAccess(content, bob.address), dave);
    await assert.rejects(
      submit(api, api.tx.content.recordAccess(content, bob.address), dave),
      (error) => error.module === 'content.NoAccessesLeft',
    );
    const typed = await api.rpc.content.licence(bob.address, content);
    assert.equal(typed.unwrap().valid.isFalse, true);
    assert.equal(typed.unwrap().accessesLeft.unwrap().toNumber(), 0);
  });

  it('refuses pallet-nfts calls: the NFT moves only through the content pallet', async () => {
    const collection = (await api.query.content.contentCollection()).unwrap();
    await assert.rejects(
      submit(api, api.tx.nfts.transfer(collection, content, eve.address), charlie),
      (error) => error.module === 'system.CallFiltered',
    );
    await submit(api, api.tx.content.transferOwnership(content, dave.address), charlie);
    assert.equal((await rpc('rights', [content])).owner, dave.address);
  });

  it('answers every content_* method in the shape node/rpc-definitions.json declares', () => {
    rpc.assertAllChecked();
  });
});
