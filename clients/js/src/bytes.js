// Byte arguments of the helpers, given as `0x` hex or a Uint8Array.
import { fromHex } from 'polkadot-api/utils';

/** `value` (0x-hex or a Uint8Array) as exactly `length` bytes; a TypeError naming `what` if not. */
export function fixedBytes(value, length, what) {
  const out = typeof value === 'string' ? fromHex(value) : value;
  if (!(out instanceof Uint8Array) || out.length !== length) {
    throw new TypeError(`${what} must be ${length} bytes (0x-hex or a Uint8Array)`);
  }
  return out;
}
