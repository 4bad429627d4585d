// Making, importing and using signing keys (@polkadot/keyring, loaded only by the pages that
// need it). A key is kept only encrypted with the person's passphrase (scrypt, then
// xsalsa20-poly1305: the keystore JSON polkadot.js apps and the extension export and import); it
// is decrypted in memory only while a payload is signed, and locked again at once.
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair, KeyringPair$Json } from '@polkadot/keyring/types';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';
import { KeyError, MIN_PASSPHRASE, isScheme, saveKey, type StoredKey } from './stored';

/** The chain's address format (generic Substrate). */
const SS58_FORMAT = 42;

function keyring(): Keyring {
  return new Keyring({ type: 'sr25519', ss58Format: SS58_FORMAT });
}

/** Stores `pair` encrypted with `passphrase`, and locks it. */
function store(pair: KeyringPair, passphrase: string): StoredKey {
  try {
    if (!isScheme(pair.type)) throw new KeyError('scheme');
    const key: StoredKey = { address: pair.address, scheme: pair.type, storedAt: Date.now(), json: pair.toJson(passphrase) };
    saveKey(key);
    return key;
  } finally {
    pair.lock();
  }
}

function checkPassphrase(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE) throw new KeyError('shortPassphrase');
}

/** A new sr25519 key from 12 fresh words: stored encrypted; the words are for the person to write down. */
export async function createKey(passphrase: string): Promise<{ key: StoredKey; words: string }> {
  checkPassphrase(passphrase);
  await cryptoWaitReady();
  const words = mnemonicGenerate(12);
  return { key: store(keyring().addFromUri(words), passphrase), words };
}

/** Imports a key from its words (or a secret URI / 0x seed), an sr25519 key. */
export async function importSecret(secret: string, passphrase: string): Promise<StoredKey> {
  checkPassphrase(passphrase);
  await cryptoWaitReady();
  let pair: KeyringPair;
  try {
    pair = keyring().addFromUri(secret.trim().replace(/\s+/g, ' '));
  } catch {
    throw new KeyError('secret');
  }
  return store(pair, passphrase);
}

/** Imports a polkadot.js keystore file; its passphrase opens it, and it stays the key's passphrase. */
export async function importJson(text: string, passphrase: string): Promise<StoredKey> {
  // An unencrypted file opens with any passphrase: the one it is stored with must be a real one.
  checkPassphrase(passphrase);
  await cryptoWaitReady();
  let pair: KeyringPair;
  try {
    pair = keyring().addFromJson(JSON.parse(text) as KeyringPair$Json);
  } catch {
    throw new KeyError('file');
  }
  if (!isScheme(pair.type)) throw new KeyError('scheme');
  try {
    pair.decodePkcs8(passphrase);
  } catch {
    throw new KeyError('passphrase');
  }
  return store(pair, passphrase);
}

/**
 * Signs `payload` (0x-hex) with the stored key, opened with `passphrase` for this one signature and
 * locked again whatever happens.
 */
export async function signWithStoredKey(key: StoredKey, passphrase: string, payload: string): Promise<string> {
  await cryptoWaitReady();
  const pair = keyring().addFromJson(key.json);
  try {
    pair.decodePkcs8(passphrase);
  } catch {
    throw new KeyError('passphrase');
  }
  try {
    return u8aToHex(pair.sign(hexToU8a(payload)));
  } finally {
    pair.lock();
  }
}
