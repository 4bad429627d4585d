// Hashes computed in the browser: a contract file's SHA-256 (WebCrypto), a certificate's
// BLAKE2b-256 (the chain's hash of certificate files).
import { blake2b } from '@noble/hashes/blake2.js';

export function hex(bytes: Uint8Array): string {
  return `0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export async function sha256(data: ArrayBuffer): Promise<string> {
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', data)));
}

export function blake2b256(data: ArrayBuffer): string {
  return hex(blake2b(new Uint8Array(data), { dkLen: 32 }));
}

export const HASH = /^0x[0-9a-fA-F]{64}$/;
