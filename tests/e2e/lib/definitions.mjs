// Proof that node/rpc-definitions.json (the types polkadot.js clients load) describes what the
// node's JSON-RPC really returns: every answer of a checked call is walked against the declared
// type, and each test file asserts at its end that it checked every method of its section.
import assert from 'node:assert/strict';
import { RPC_DEFINITIONS } from './node.mjs';

const NUMBER = new Set(['u8', 'u16', 'u32', 'u64', 'BlockNumber']);
const DECIMAL = new Set(['u128', 'Balance']);
const HEX = new Set(['Bytes', 'MultiSignature']);

/** Splits `A, B<C, D>, E` at its top-level commas. */
function splitTop(list) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '<' || c === '(') depth++;
    else if (c === '>' || c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(list.slice(start).trim());
  return parts;
}

/** Throws unless `value` (JSON) has the shape of the declared `type`; `path` names the spot. */
export function assertShape(type, value, path = '$') {
  type = type.trim();
  const generic = type.match(/^(Option|Vec)<(.*)>$/);
  if (generic) {
    const [, outer, inner] = generic;
    if (outer === 'Option') {
      if (value !== null) assertShape(inner, value, path);
      return;
    }
    assert.ok(Array.isArray(value), `${path}: ${type} must be an array, got ${JSON.stringify(value)}`);
    value.forEach((item, i) => assertShape(inner, item, `${path}[${i}]`));
    return;
  }
  if (type.startsWith('(')) {
    const items = splitTop(type.slice(1, -1));
    assert.ok(Array.isArray(value) && value.length === items.length,
      `${path}: ${type} must be an array of ${items.length}, got ${JSON.stringify(value)}`);
    items.forEach((item, i) => assertShape(item, value[i], `${path}[${i}]`));
    return;
  }
  if (NUMBER.has(type)) {
    assert.ok(Number.isInteger(value) && value >= 0, `${path}: ${type} must be a number, got ${JSON.stringify(value)}`);
    return;
  }
  if (type === 'Permill') {
    assert.ok(Number.isInteger(value) && value >= 0 && value <= 1_000_000,
      `${path}: Permill must be parts per million (0 to 1,000,000), got ${JSON.stringify(value)}`);
    return;
  }
  if (DECIMAL.has(type)) {
    assert.ok(typeof value === 'string' && /^\d+$/.test(value), `${path}: ${type} must be a decimal string, got ${JSON.stringify(value)}`);
    return;
  }
  if (HEX.has(type) || type === 'H256') {
    const pattern = type === 'H256' ? /^0x[0-9a-f]{64}$/ : /^0x([0-9a-f]{2})*$/;
    assert.ok(typeof value === 'string' && pattern.test(value), `${path}: ${type} must be 0x hex, got ${JSON.stringify(value)}`);
    return;
  }
  if (type === 'bool') return assert.equal(typeof value, 'boolean', `${path}: bool`);
  if (type === 'Text' || type === 'AccountId') return assert.equal(typeof value, 'string', `${path}: ${type}`);
  const def = RPC_DEFINITIONS.types[type];
  assert.ok(def !== undefined, `${path}: type ${type} is not defined in rpc-definitions.json`);
  if (typeof def === 'string') return assertShape(def, value, path);
  if (def._enum !== undefined) return assertEnum(type, def._enum, value, path);
  assertStruct(type, def, value, path);
}

/**
 * A struct's `_alias` (polkadot.js's convention: `{ field: 'jsonKey' }`) is no field: it names
 * the JSON key a field is read from when that key cannot be a field name (`@context`, say).
 */
function assertStruct(type, definition, value, path) {
  assert.ok(value !== null && typeof value === 'object' && !Array.isArray(value),
    `${path}: ${type} must be an object, got ${JSON.stringify(value)}`);
  const { _alias: alias = {}, ...fields } = definition;
  for (const [field, key] of Object.entries(alias)) {
    assert.ok(Object.hasOwn(fields, field) && typeof key === 'string',
      `${type}: _alias maps ${field} to ${JSON.stringify(key)}: it must map a field of ${type} to a JSON key`);
  }
  const jsonKey = (field) => alias[field] ?? field;
  assert.deepEqual(Object.keys(value).sort(), Object.keys(fields).map(jsonKey).sort(), `${path}: the fields of ${type}`);
  for (const [field, fieldType] of Object.entries(fields)) {
    assertShape(fieldType, value[jsonKey(field)], `${path}.${jsonKey(field)}`);
  }
}

function assertEnum(type, variants, value, path) {
  if (Array.isArray(variants)) {
    assert.ok(variants.includes(value), `${path}: ${JSON.stringify(value)} is no variant of ${type}`);
    return;
  }
  if (typeof value === 'string') {
    assert.equal(variants[value], 'Null', `${path}: ${value} is no unit variant of ${type}`);
    return;
  }
  const keys = Object.keys(value ?? {});
  assert.ok(keys.length === 1 && variants[keys[0]] !== undefined,
    `${path}: ${JSON.stringify(value)} is no variant of ${type}`);
  const [variant] = keys;
  const inner = variants[variant];
  if (typeof inner === 'string') assertShape(inner, value[variant], `${path}.${variant}`);
  else assertStruct(`${type}.${variant}`, inner, value[variant], `${path}.${variant}`);
}

/**
 * `rpc(method, params)` for the methods of `section` (`tokens` for `tokens_*`), checking every
 * answer against the declared type; `rpc.assertAllChecked()` fails unless each method of the
 * section answered at least once. `provider` is a function returning the connected provider.
 */
export function checkedRpc(provider, section) {
  const methods = RPC_DEFINITIONS.rpc[section];
  assert.ok(methods, `rpc-definitions.json has no section ${section}`);
  const checked = new Set();
  const rpc = async (method, params) => {
    assert.ok(methods[method], `${section}_${method} is not in rpc-definitions.json`);
    const value = await provider().send(`${section}_${method}`, params);
    assertShape(methods[method].type, value, `${section}_${method}`);
    checked.add(method);
    return value;
  };
  rpc.assertAllChecked = () => {
    const missing = Object.keys(methods).filter((m) => !checked.has(m));
    assert.deepEqual(missing, [], `methods of ${section} never checked against their definition`);
  };
  return rpc;
}
