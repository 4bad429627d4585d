// A polkadot.js-compatible browser extension (polkadot{.js}, Talisman, SubWallet, …), when one is
// installed: its accounts, and a raw signature of a payload made by it (it asks its own
// confirmation and wraps the bytes in `<Bytes>…</Bytes>`, which the chain accepts).
import { web3Accounts, web3Enable, web3FromAddress } from '@polkadot/extension-dapp';
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';

const SS58_FORMAT = 42;

export interface ExtensionAccount {
  address: string;
  name: string | undefined;
  source: string;
  scheme: string;
}

let enabled: Promise<boolean> | null = null;

/** Asks the installed extensions (once) to let the portal see their accounts. */
function enable(): Promise<boolean> {
  enabled ??= web3Enable('Pactum portal').then((extensions) => extensions.length > 0);
  return enabled;
}

/** The extensions' accounts, in the chain's address format; none without an extension. */
export async function extensionAccounts(): Promise<ExtensionAccount[]> {
  if (!(await enable())) return [];
  const accounts = await web3Accounts();
  return accounts.map((a) => ({
    address: encodeAddress(decodeAddress(a.address), SS58_FORMAT),
    name: a.meta.name,
    source: a.meta.source,
    scheme: a.type ?? 'sr25519',
  }));
}

/** The extension's signature of `payload` (0x-hex) by `address`. */
export async function signWithExtension(address: string, payload: string): Promise<string> {
  if (!(await enable())) throw new Error('no extension');
  const injector = await web3FromAddress(address);
  const signRaw = injector.signer.signRaw;
  if (!signRaw) throw new Error(`${injector.name} cannot sign raw bytes`);
  const { signature } = await signRaw({ address, data: payload, type: 'bytes' });
  return signature;
}
