// Finding events in the blocks of the best chain, block by block (a subscription may skip one).
import { waitFor } from './node.mjs';

/** The events of block `hash`. */
export async function blockEvents(api, hash) {
  const at = await api.at(hash);
  return (await at.query.system.events()).map(({ event }) => event);
}

/**
 * Waits (up to `timeoutMs`) for the first event `section.method` for which `match(event)` holds,
 * in the best chain's blocks from number `from` on. Resolves with `{ event, number, hash }`.
 */
export function waitForEvent(api, from, section, method, timeoutMs, match = () => true) {
  let next = from;
  return waitFor(async () => {
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    for (; next <= best; next++) {
      const hash = await api.rpc.chain.getBlockHash(next);
      const event = (await blockEvents(api, hash))
        .find((e) => e.section === section && e.method === method && match(e));
      if (event) return { event, number: next, hash };
    }
    return null;
  }, timeoutMs, `event ${section}.${method} in a block from #${from}`);
}
