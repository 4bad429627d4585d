// A chain spec of the production preset whose placeholder consortium (the well-known Alice..Dave
// keys) is replaced by freshly generated keys, as chain-spec/README.md tells an operator to do:
// one validator and a council of three. And the validator's keys in a node's keystore.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { bnToHex } from '@polkadot/util';
import { base58Decode, cryptoWaitReady, mnemonicGenerate, xxhashAsHex } from '@polkadot/util-crypto';
import { nodeCli } from './node.mjs';

/** What each generated account is endowed with: 1,000,000 PACT (an exact double). */
const ENDOWMENT = 1_000_000 * 10 ** 12;
/** The registry's `SuperAdmin` role (chain-spec/README.md lists the role numbers). */
const SUPER_ADMIN = 0;

/** A fresh key of `type` (sr25519 or ed25519): its mnemonic and key pair. */
function generate(type) {
  const mnemonic = mnemonicGenerate();
  const pair = new Keyring({ type, ss58Format: 42 }).addFromMnemonic(mnemonic);
  return { mnemonic, pair };
}

/**
 * Writes to `dir` a production chain spec (`production-template`, plain and raw) whose consortium
 * is generated here: one validator (an sr25519 account that is also its BABE key, an ed25519
 * GRANDPA key, its node's peer id listed in `nodeAuthorization`), a council of `councilSize`
 * sr25519 accounts (the first the registry's super admin, all verified at KYC level 3), all of
 * them endowed. `patch` is merged into the genesis patch, section by section (for example
 * `{ enactment: { delay: 3 } }`). `slotMs` sets the slot duration in the raw genesis (the runtime's
 * `MinimumPeriod`, half a slot, as the node's `dev-fast` chain does); without it, 6 seconds.
 *
 * Returns `{ plainFile, rawFile, validator, grandpa, council, nodeKey, peerId }`: `validator` and
 * `grandpa` are `{ mnemonic, pair }`, `council` the members' key pairs, `nodeKey` the hex secret
 * to start the validator's node with (`--node-key`) and `peerId` its base58 peer id.
 */
export async function productionSpec(dir, { councilSize = 3, patch: extra = {}, slotMs } = {}) {
  await cryptoWaitReady();
  const validator = generate('sr25519');
  const grandpa = generate('ed25519');
  const council = [...Array(councilSize)].map(() => generate('sr25519').pair);

  const nodeKey = randomBytes(32).toString('hex');
  const nodeKeyFile = join(dir, 'node-key');
  writeFileSync(nodeKeyFile, nodeKey);
  const peerId = nodeCli(['key', 'inspect-node-key', '--file', nodeKeyFile]).trim();
  const peerIdBytes = [...base58Decode(peerId)];
  // An identity multihash of a protobuf-encoded ed25519 public key, as the presets' peer ids.
  if (peerIdBytes.length !== 38 || peerIdBytes[0] !== 0 || peerIdBytes[1] !== 36) {
    throw new Error(`unexpected peer id ${peerId} from key inspect-node-key`);
  }

  const plainFile = join(dir, 'production.json');
  nodeCli(['build-spec', '--chain', 'production-template', '--disable-default-bootnode'], plainFile);
  const spec = JSON.parse(readFileSync(plainFile, 'utf8'));
  const genesis = spec.genesis.runtimeGenesis.patch;
  const account = validator.pair.address;
  const members = council.map((pair) => pair.address);
  genesis.balances.balances = [account, ...members].map((who) => [who, ENDOWMENT]);
  genesis.validatorSet.validators = [account];
  genesis.session.keys = [[account, account, { babe: account, grandpa: grandpa.pair.address }]];
  genesis.councilMembership.members = members;
  genesis.nodeAuthorization.nodes = [[peerIdBytes, account]];
  genesis.registry.participants = members.map((who, i) => [who, 3, i === 0 ? [SUPER_ADMIN] : []]);
  for (const [section, fields] of Object.entries(extra)) {
    genesis[section] = { ...genesis[section], ...fields };
  }
  writeFileSync(plainFile, JSON.stringify(spec, null, 2));

  const rawFile = join(dir, 'production-raw.json');
  nodeCli(['build-spec', '--chain', plainFile, '--raw', '--disable-default-bootnode'], rawFile);
  if (slotMs !== undefined) {
    const raw = JSON.parse(readFileSync(rawFile, 'utf8'));
    // A u64 in SCALE: eight little-endian bytes.
    raw.genesis.raw.top[xxhashAsHex(':MinimumPeriod:', 128)] = bnToHex(slotMs / 2, { bitLength: 64, isLe: true });
    writeFileSync(rawFile, JSON.stringify(raw));
  }
  return { plainFile, rawFile, validator, grandpa, council, nodeKey, peerId };
}

/**
 * Puts the validator's BABE (sr25519) and GRANDPA (ed25519) keys of `spec` (from
 * `productionSpec`) into the keystore of a node started with `--base-path basePath`.
 */
export function insertValidatorKeys(spec, basePath) {
  const keys = [['sr25519', spec.validator.mnemonic, 'babe'], ['ed25519', spec.grandpa.mnemonic, 'gran']];
  for (const [scheme, suri, keyType] of keys) {
    nodeCli(['key', 'insert', '--base-path', basePath, '--chain', spec.rawFile,
      '--scheme', scheme, '--suri', suri, '--key-type', keyType]);
  }
}
