// The signing keys stored in this browser (localStorage, `pactum.keys`): each only as the
// polkadot.js keystore JSON, encrypted with the person's passphrase. Reading the list needs no
// cryptography; making, importing and using a key is `keystore.ts` (loaded when needed).
import type { KeyringPair$Json } from '@polkadot/keyring/types';

const STORAGE = 'pactum.keys';
/** The schemes the gateway checks a client's own signature in. */
export const SCHEMES = ['sr25519', 'ed25519'] as const;
export type Scheme = (typeof SCHEMES)[number];
export const MIN_PASSPHRASE = 10;

export interface StoredKey {
  address: string;
  scheme: Scheme;
  /** When it was stored here (ms since 1970). */
  storedAt: number;
  json: KeyringPair$Json;
}

/** Why a key cannot be stored or used, as the page names it. */
export class KeyError extends Error {
  constructor(readonly reason: 'passphrase' | 'shortPassphrase' | 'scheme' | 'secret' | 'file' | 'unencrypted') {
    super(reason);
  }
}

export function isScheme(type: string): type is Scheme {
  return (SCHEMES as readonly string[]).includes(type);
}

export function isEncrypted(json: KeyringPair$Json | undefined): boolean {
  const type = json?.encoding?.type;
  return Array.isArray(type) && type.includes('xsalsa20-poly1305');
}

/** The keys stored in this browser; entries that are not encrypted keys are ignored. */
export function storedKeys(): StoredKey[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE) ?? '[]') as unknown;
    if (!Array.isArray(parsed)) return [];
    return (parsed as StoredKey[]).filter((k) => isEncrypted(k.json) && isScheme(k.scheme));
  } catch {
    return [];
  }
}

/** Stores `key` (encrypted), replacing a key of the same address. */
export function saveKey(key: StoredKey): void {
  if (!isEncrypted(key.json)) throw new KeyError('unencrypted');
  write([...storedKeys().filter((k) => k.address !== key.address), key]);
}

export function removeKey(address: string): void {
  write(storedKeys().filter((k) => k.address !== address));
}

function write(keys: StoredKey[]): void {
  localStorage.setItem(STORAGE, JSON.stringify(keys));
}

/** The stored key's keystore JSON, to save as a backup (still encrypted). */
export function backupOf(key: StoredKey): Blob {
  return new Blob([JSON.stringify(key.json)], { type: 'application/json' });
}
