// Regulated tokens through pactum-gateway for a custodial account: Alice (the admin) creates an
// asset and issues to Bob; Bob's backend reads his balances and the asset, asks for a quote, pays
// Charlie (a regulated transfer, seen by both as a `token.transferred` event) and asks to redeem
// tokens off chain; what the gateway can tell is wrong is refused before anything is submitted,
// what only the chain knows fails the submission by name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { blake2AsHex } from '@polkadot/util-crypto';
import { startDevChain, waitFor } from './lib/node.mjs';
import { submit } from './lib/tx.mjs';
import { startGateway, request, clientToken, operatorClient, settled, postJson } from './lib/gateway.mjs';

const ASSET = 1;
let chain;
let gateway;
let bobs; // Bob's backend: tokens and events
let charlies; // Charlie's: events only
let bob;
let charlie;

const read = (token, path) => request(`${gateway.url}${path}`, { token });

async function write(path, key, body) {
  const accepted = await postJson(`${gateway.url}${path}`, bobs, key, body);
  assert.equal(accepted.status, 202, JSON.stringify(accepted.body));
  return settled(gateway, bobs, accepted.body);
}

before(async () => {
  chain = await startDevChain();
  const { api } = chain;
  const [alice, dave] = chain.keys('Alice', 'Dave');
  [bob, charlie] = chain.keys('Bob', 'Charlie');
  const policy = { unverified: false, verified: true, corporate: true, minKycLevel: 1, contract: false };
  await submit(api, api.tx.utility.batchAll([
    api.tx.tokens.createAsset(ASSET, 1, policy, dave.address, 10n ** 18n),
    api.tx.tokens.setMetadata(ASSET, 'Digital tenge', 'DKZT', 2),
    api.tx.tokens.setAuthorisedSupply(ASSET, 1_000_000),
    api.tx.tokens.addCollateral(ASSET, 1_000_000, blake2AsHex('bank statement 2026-12')),
  ]), alice);
  await submit(api, api.tx.tokens.issue(ASSET, bob.address, 10_000), alice);
  gateway = await startGateway(chain.node.wsUrl);
  await gateway.ready();
  const b = await operatorClient(gateway, '//Bob', 'tokens:read tokens:write submissions:read events:read', 'bob');
  ({ access_token: bobs } = await clientToken(gateway, b.client));
  const c = await operatorClient(gateway, '//Charlie', 'events:read', 'charlie');
  ({ access_token: charlies } = await clientToken(gateway, c.client));
});

after(async () => {
  await gateway?.stop();
  await chain?.stop();
});

test('a custodial account reads its balances, quotes, pays and asks to redeem', async () => {
  // The gateway reads at the finalized head: the issue (seen in a block) finalizes a little later.
  const before = await waitFor(async () => {
    const reply = await read(bobs, `/v1/tokens/balances?asset=${ASSET}`);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return reply.body.asset.balance !== '0' && reply;
  }, 60_000, 'the issue to be final');
  assert.equal(before.body.account, bob.address);
  assert.deepEqual(before.body.asset, { id: ASSET, balance: '10000', frozen: false });
  assert.ok(BigInt(before.body.native.free) > 0n);
  const native = await read(bobs, '/v1/tokens/balances');
  assert.equal(native.body.asset, undefined);

  const asset = await read(bobs, `/v1/tokens/assets/${ASSET}`);
  assert.equal(asset.status, 200);
  assert.equal(asset.body.asset.issued, '10000');
  assert.equal((await read(bobs, '/v1/tokens/assets/999')).status, 404);

  const quote = await read(bobs, `/v1/tokens/quote?asset=${ASSET}&to=${charlie.address}&amount=250`);
  assert.equal(quote.status, 200, JSON.stringify(quote.body));
  assert.equal(typeof quote.body.quote, 'object');

  const paid = await write('/v1/tokens/transfers', 'pay-1', { asset: ASSET, to: charlie.address, amount: '250' });
  assert.equal(paid.status, 'finalized', JSON.stringify(paid));
  const { events, ...result } = paid.result;
  assert.deepEqual(result, { asset: ASSET, to: charlie.address, amount: '250' });
  assert.ok(events.some((e) => e.pallet === 'Tokens' && e.name === 'Transferred'), JSON.stringify(events));
  const after = await read(bobs, `/v1/tokens/balances?asset=${ASSET}`);
  assert.equal(after.body.asset.balance, '9750');

  // Both sides see the transfer among their events.
  for (const token of [bobs, charlies]) {
    const seen = await waitFor(async () => {
      const page = await read(token, '/v1/events?types=token.transferred');
      return page.body.events.find((e) => e.block_number === paid.block_number);
    }, 60_000, 'the transfer event');
    assert.deepEqual(seen.data, { asset: ASSET, from: bob.address, to: charlie.address, amount: '250', fee: '0' });
  }

  const redeemed = await write('/v1/tokens/withdrawals', 'redeem-1', {
    asset: ASSET, amount: '1000', payout_hash: blake2AsHex('IBAN KZ00 0000'),
  });
  assert.equal(redeemed.status, 'finalized', JSON.stringify(redeemed));
  assert.equal(typeof redeemed.result.withdrawal, 'number');
  assert.equal((await read(bobs, `/v1/tokens/balances?asset=${ASSET}`)).body.asset.balance, '8750');

  // Only the chain knows the asset does not exist, or the balance is short.
  const unknown = await write('/v1/tokens/transfers', 'pay-unknown', { asset: 999, to: charlie.address, amount: '1' });
  assert.equal(unknown.status, 'failed');
  assert.match(unknown.error, /^Tokens\./);
  const short = await write('/v1/tokens/transfers', 'pay-too-much', { asset: ASSET, to: charlie.address, amount: '1000000' });
  assert.equal(short.status, 'failed');
  assert.match(short.error, /^(Tokens|Assets)\./);
});

test('bad token requests are refused with problems, and nothing is submitted', async () => {
  for (const [key, body] of [
    ['zero', { asset: ASSET, to: charlie.address, amount: '0' }],
    ['fraction', { asset: ASSET, to: charlie.address, amount: '1.5' }],
    ['number', { asset: ASSET, to: charlie.address, amount: 5 }],
    ['self', { asset: ASSET, to: bob.address, amount: '5' }],
    ['not-ss58', { asset: ASSET, to: 'charlie', amount: '5' }],
  ]) {
    const reply = await postJson(`${gateway.url}/v1/tokens/transfers`, bobs, key, body);
    assert.equal(reply.status, 400, `${key}: ${JSON.stringify(reply.body)}`);
  }
  const badPayout = await postJson(`${gateway.url}/v1/tokens/withdrawals`, bobs, 'bad-payout', { asset: ASSET, amount: '5', payout_hash: '0x12' });
  assert.equal(badPayout.status, 400);
  assert.equal((await read(bobs, `/v1/tokens/quote?asset=${ASSET}&to=${charlie.address}&amount=-1`)).status, 400);
  assert.equal((await read(bobs, `/v1/tokens/quote?asset=${ASSET}&to=nobody&amount=1`)).status, 400);
  assert.equal((await read(charlies, '/v1/tokens/balances')).status, 403);
  const noScope = await postJson(`${gateway.url}/v1/tokens/transfers`, charlies, 'no-scope', { asset: ASSET, to: bob.address, amount: '1' });
  assert.equal(noScope.status, 403);
  assert.equal((await read(null, '/v1/tokens/balances')).status, 401);
});
