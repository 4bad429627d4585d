//! Typed call generation: a `RuntimeCall` is built by walking its type information
//! (`scale-info`), writing SCALE bytes for each type met, then decoding them. A new pallet or call
//! is fuzzed without any change here; what this module knows of the runtime is only a bias.
//!
//! - **Pallets and calls**: a `RuntimeCall` picks its pallet, a pallet's `Call` its call, by the
//!   weights of [`crate::bias`] (mostly the Pactum pallets and those they rely on, and the calls
//!   that create what other calls act on), which also lists what is never generated and why.
//! - **Nesting**: calls inside calls (batches, sudo, proxy, multisig, council motions, scheduled
//!   calls, noted preimages) are generated the same way, [`MAX_CALL_NESTING`] deep at most. Each
//!   nested call's hash and length are remembered for the case ([`CallMemory`]), so that a later
//!   vote, `close`, `enact` or `approve_as_multi` names a call that exists.
//! - **Values** are biased towards the edges: 0, 1, small, the maximum and one below it, powers
//!   of ten of the token (balances), block numbers around the current one, lengths of remembered
//!   calls, full and half per-things; accounts from the fuzzer's pool (mostly), hashes from a
//!   small pool (so that what one call records, the next one finds), short sequences and byte
//!   strings (rarely at or past the usual bounds, which the type information does not give).
//!
//! Whatever fails to decode (a bound exceeded, an uninhabited type) is generated again, up to
//! [`MAX_ATTEMPTS`] times.

use crate::{
	bias::{
		call_weight, pallet_weight, BLOCK_FIELDS, BYTE_POOL, EDGE_LENGTHS, HASH_POOL,
		LENGTH_FIELDS, MAX_CALL_NESTING, PACTUM_PALLETS,
	},
	rng::Rng,
};
use codec::{Compact, DecodeLimit, Encode};
use frame_support::MAX_EXTRINSIC_DEPTH;
use pactum_runtime::{RuntimeCall, MILLI_UNIT, UNIT};
use scale_info::{
	form::PortableForm, Field, MetaType, PortableRegistry, Registry, Type, TypeDef,
	TypeDefPrimitive, Variant,
};
use std::ops::Deref;

/// The generator's version: bumped by any change that makes a seed generate other calls, so that
/// a seed kept as a regression is known to replay what it found only with this version.
pub const GENERATOR_VERSION: u32 = 2;

/// Attempts at generating a decodable call before giving up on this one.
pub const MAX_ATTEMPTS: usize = 8;
/// Types inside types, no deeper (a guard against runaway recursion).
const MAX_TYPE_DEPTH: u32 = 64;
/// Nested calls a case remembers (the latest).
const REMEMBERED_CALLS: usize = 32;

/// What the chain looks like to the generator.
#[derive(Clone, Copy, Debug)]
pub struct Context {
	/// The number of the block being built.
	pub now: u32,
	/// Its timestamp (milliseconds).
	pub now_ms: u64,
	/// Whether the pallets the call filter refuses ([`crate::bias::FILTERED`]) may be picked for
	/// the top-level call.
	pub filtered_pallets: bool,
}

/// The hashes and lengths of the calls generated inside calls during a case.
#[derive(Clone, Debug, Default)]
pub struct CallMemory {
	calls: Vec<([u8; 32], u32)>,
}

impl CallMemory {
	pub fn calls(&self) -> &[([u8; 32], u32)] {
		&self.calls
	}

	fn note(&mut self, calls: Vec<([u8; 32], u32)>) {
		self.calls.extend(calls);
		let excess = self.calls.len().saturating_sub(REMEMBERED_CALLS);
		self.calls.drain(..excess);
	}
}

/// Generates `RuntimeCall`s from the runtime's type information.
pub struct Generator {
	registry: PortableRegistry,
	runtime_call: u32,
	/// Account ids to pick arguments from, each with how often.
	accounts: Vec<([u8; 32], u32)>,
}

impl Generator {
	/// A generator for the runtime's `RuntimeCall`, picking account arguments from `accounts`.
	pub fn new(accounts: Vec<([u8; 32], u32)>) -> Result<Self, String> {
		let mut registry = Registry::new();
		let runtime_call = registry.register_type(&MetaType::new::<RuntimeCall>()).id;
		let registry = PortableRegistry::from(registry);
		// `PortableRegistry::resolve` finds a type by its position.
		if registry.types.iter().enumerate().any(|(index, ty)| ty.id as usize != index) {
			return Err("the type registry's ids are not its positions".into());
		}
		let generator = Self { registry, runtime_call, accounts };
		let pallets = generator.pallets()?;
		if let Some(missing) = PACTUM_PALLETS.iter().find(|p| !pallets.contains(*p)) {
			return Err(format!("RuntimeCall has no {missing} pallet: update PACTUM_PALLETS"));
		}
		Ok(generator)
	}

	/// The names of the pallets `RuntimeCall` holds calls of.
	pub fn pallets(&self) -> Result<Vec<&str>, String> {
		match self.registry.resolve(self.runtime_call).map(|ty| &ty.type_def) {
			Some(TypeDef::Variant(def)) => Ok(def.variants.iter().map(|v| text(&v.name)).collect()),
			_ => Err("RuntimeCall is not an enum in its type information".into()),
		}
	}

	/// A call, or `None` if [`MAX_ATTEMPTS`] attempts did not decode. Remembers the calls
	/// generated inside it in `memory`.
	pub fn generate(
		&self,
		rng: &mut Rng,
		memory: &mut CallMemory,
		context: &Context,
	) -> Option<RuntimeCall> {
		for _ in 0..MAX_ATTEMPTS {
			let mut walk = Walk {
				generator: self,
				rng: &mut *rng,
				memory: &*memory,
				context,
				out: Vec::new(),
				noted: Vec::new(),
				calls: 0,
				depth: 0,
				last_call: None,
			};
			if walk.value(self.runtime_call, Hint::NONE).is_err() {
				continue;
			}
			let Walk { out, noted, .. } = walk;
			let decoded =
				RuntimeCall::decode_all_with_depth_limit(MAX_EXTRINSIC_DEPTH, &mut &out[..]);
			if let Ok(call) = decoded {
				memory.note(noted);
				return Some(call);
			}
		}
		None
	}
}

/// Why a walk gave up.
#[derive(Debug)]
enum Skip {
	/// A type with no value (an enum without variants).
	Uninhabited,
	/// Nested deeper than [`MAX_TYPE_DEPTH`].
	TooDeep,
	/// A type the registry does not hold or the walk does not know.
	Unknown,
}

type Step = Result<(), Skip>;

/// The name of the field a value is for: the bias of some values depends on it.
#[derive(Clone, Copy, Debug)]
struct Hint<'a> {
	field: Option<&'a str>,
}

impl<'a> Hint<'a> {
	const NONE: Self = Self { field: None };

	fn is_any(&self, names: &[&str]) -> bool {
		self.field.is_some_and(|field| names.iter().any(|name| *name == field))
	}

	fn mentions(&self, part: &str) -> bool {
		self.field.is_some_and(|field| field.contains(part))
	}
}

/// One generation: the bytes written so far and where the walk is.
struct Walk<'a> {
	generator: &'a Generator,
	rng: &'a mut Rng,
	memory: &'a CallMemory,
	context: &'a Context,
	out: Vec<u8>,
	/// Calls generated inside this one: hash and length.
	noted: Vec<([u8; 32], u32)>,
	/// How many calls deep the walk is.
	calls: u32,
	/// How many types deep the walk is.
	depth: u32,
	/// The remembered call named last, so that a length field that follows can match it.
	last_call: Option<([u8; 32], u32)>,
}

impl<'a> Walk<'a> {
	fn value(&mut self, id: u32, hint: Hint<'a>) -> Step {
		let generator = self.generator;
		let ty = generator.registry.resolve(id).ok_or(Skip::Unknown)?;
		if self.depth >= MAX_TYPE_DEPTH {
			return Err(Skip::TooDeep);
		}
		self.depth += 1;
		let result =
			if id == generator.runtime_call { self.call(ty) } else { self.typed(ty, hint) };
		self.depth -= 1;
		result
	}

	fn typed(&mut self, ty: &'a Type<PortableForm>, hint: Hint<'a>) -> Step {
		let path = &ty.path.segments;
		let ident = path.last().map_or("", |segment| text(segment));
		match &ty.type_def {
			TypeDef::Composite(composite) => match ident {
				"AccountId32" => {
					let account = self.account();
					self.out.extend_from_slice(&account);
					Ok(())
				}
				"H256" => {
					let hash = self.bytes32(hint);
					self.out.extend_from_slice(&hash);
					Ok(())
				}
				"Perbill" | "Permill" | "Percent" | "PerU16" | "Perquintill" => {
					let value = self.per_thing(ident);
					self.uint_field(&composite.fields, value)
				}
				"FixedU128" => {
					let value = self.fixed_u128();
					self.out.extend_from_slice(&value.to_le_bytes());
					Ok(())
				}
				_ => self.fields(&composite.fields, hint, None),
			},
			TypeDef::Variant(def) => match ident {
				"Option" if path.len() == 1 => self.option(&def.variants, hint),
				"MultiAddress" => self.address(&def.variants, hint),
				"Call" if path.len() >= 2 => {
					let krate = path.first().map_or("", |segment| text(segment));
					self.pallet_call(krate, &def.variants)
				}
				_ => self.any_variant(&def.variants, hint),
			},
			TypeDef::Sequence(sequence) => self.sequence(sequence.type_param.id, hint),
			TypeDef::Array(array) => self.array(array.len, array.type_param.id, hint),
			TypeDef::Tuple(tuple) => {
				for field in &tuple.fields {
					self.value(field.id, Hint::NONE)?;
				}
				Ok(())
			}
			TypeDef::Primitive(primitive) => self.primitive(primitive, hint),
			TypeDef::Compact(compact) => self.compact(compact.type_param.id, hint),
			TypeDef::BitSequence(_) => {
				Compact(0u32).encode_to(&mut self.out);
				Ok(())
			}
		}
	}

	/// A `RuntimeCall`: a pallet by [`pallet_weight`], then one of its calls.
	fn call(&mut self, ty: &'a Type<PortableForm>) -> Step {
		let TypeDef::Variant(def) = &ty.type_def else { return Err(Skip::Unknown) };
		let nested = self.calls > 0;
		let candidates: Vec<(&'a Variant<PortableForm>, u32)> = def
			.variants
			.iter()
			.map(|v| (v, pallet_weight(text(&v.name), self.calls, self.context.filtered_pallets)))
			.filter(|(_, weight)| *weight > 0)
			.collect();
		let chosen = *self.rng.weighted(&candidates).ok_or(Skip::Uninhabited)?;
		let start = self.out.len();
		self.out.push(chosen.index);
		self.calls += 1;
		let result = self.fields(&chosen.fields, Hint::NONE, None);
		self.calls -= 1;
		result?;
		if nested {
			let encoded = self.out.get(start..).unwrap_or_default();
			let noted = (sp_io::hashing::blake2_256(encoded), encoded.len() as u32);
			self.noted.push(noted);
			self.last_call = Some(noted);
		}
		Ok(())
	}

	/// A pallet's `Call` enum: one of its calls by [`call_weight`].
	fn pallet_call(&mut self, krate: &'a str, variants: &'a [Variant<PortableForm>]) -> Step {
		let candidates: Vec<(&'a Variant<PortableForm>, u32)> = variants
			.iter()
			.filter(|v| self.inhabited(&v.fields))
			.map(|v| (v, call_weight(krate, text(&v.name))))
			.filter(|(_, weight)| *weight > 0)
			.collect();
		let chosen = *self.rng.weighted(&candidates).ok_or(Skip::Uninhabited)?;
		self.out.push(chosen.index);
		self.fields(&chosen.fields, Hint::NONE, Some((krate, text(&chosen.name))))
	}

	/// The fields of a struct or a variant, in order. Unnamed fields take the name of what they
	/// are in (`BoundedVec(Vec<u8>)` in a field `uri` is a `uri`). `call` is the pallet crate and
	/// the call whose arguments these are, if they are.
	fn fields(
		&mut self,
		fields: &'a [Field<PortableForm>],
		parent: Hint<'a>,
		call: Option<(&'a str, &'a str)>,
	) -> Step {
		for field in fields {
			let hint = match field.name.as_deref() {
				Some(name) => Hint { field: Some(name) },
				None => parent,
			};
			// A noted preimage is mostly a call, so that enacting or scheduling it by hash
			// dispatches something.
			if call == Some(("pallet_preimage", "note_preimage"))
				&& hint.is_any(&["bytes"])
				&& self.calls < MAX_CALL_NESTING
				&& self.rng.chance(75)
			{
				self.encoded_call()?;
				continue;
			}
			self.value(field.ty.id, hint)?;
		}
		Ok(())
	}

	/// A call encoded into a byte string (`Vec<u8>`).
	fn encoded_call(&mut self) -> Step {
		let start = self.out.len();
		self.value(self.generator.runtime_call, Hint::NONE)?;
		let encoded = self.out.split_off(start);
		Compact(encoded.len() as u32).encode_to(&mut self.out);
		self.out.extend_from_slice(&encoded);
		Ok(())
	}

	fn option(&mut self, variants: &'a [Variant<PortableForm>], hint: Hint<'a>) -> Step {
		let none = variants.iter().find(|v| text(&v.name) == "None");
		let some = variants.iter().find(|v| text(&v.name) == "Some");
		match (none, some) {
			(Some(none), Some(some)) => {
				if self.rng.chance(35) {
					self.out.push(none.index);
					Ok(())
				} else {
					self.out.push(some.index);
					self.fields(&some.fields, hint, None)
				}
			}
			_ => self.any_variant(variants, hint),
		}
	}

	/// A `MultiAddress`: mostly the `Id` of an account of the pool.
	fn address(&mut self, variants: &'a [Variant<PortableForm>], hint: Hint<'a>) -> Step {
		if self.rng.chance(92) {
			if let Some(id) = variants.iter().find(|v| text(&v.name) == "Id") {
				self.out.push(id.index);
				let account = self.account();
				self.out.extend_from_slice(&account);
				return Ok(());
			}
		}
		self.any_variant(variants, hint)
	}

	fn any_variant(&mut self, variants: &'a [Variant<PortableForm>], hint: Hint<'a>) -> Step {
		let candidates: Vec<&'a Variant<PortableForm>> =
			variants.iter().filter(|v| self.inhabited(&v.fields)).collect();
		let chosen = *self.rng.pick(&candidates).ok_or(Skip::Uninhabited)?;
		self.out.push(chosen.index);
		self.fields(&chosen.fields, hint, None)
	}

	/// Whether none of `fields` is an enum without variants (such as `sp_core::Void`).
	fn inhabited(&self, fields: &[Field<PortableForm>]) -> bool {
		fields.iter().all(|field| {
			!matches!(
				self.generator.registry.resolve(field.ty.id).map(|ty| &ty.type_def),
				Some(TypeDef::Variant(def)) if def.variants.is_empty()
			)
		})
	}

	fn sequence(&mut self, element: u32, hint: Hint<'a>) -> Step {
		let generator = self.generator;
		let element_type = generator.registry.resolve(element).ok_or(Skip::Unknown)?;
		if matches!(element_type.type_def, TypeDef::Primitive(TypeDefPrimitive::U8)) {
			let bytes = self.byte_string();
			Compact(bytes.len() as u32).encode_to(&mut self.out);
			self.out.extend_from_slice(&bytes);
			return Ok(());
		}
		let len = if element == generator.runtime_call {
			*self.rng.pick(&[0u32, 1, 1, 2, 2, 3, 4]).unwrap_or(&1)
		} else {
			self.sequence_len()
		};
		Compact(len).encode_to(&mut self.out);
		for _ in 0..len {
			self.value(element, hint)?;
		}
		Ok(())
	}

	fn array(&mut self, len: u32, element: u32, hint: Hint<'a>) -> Step {
		let generator = self.generator;
		let element_type = generator.registry.resolve(element).ok_or(Skip::Unknown)?;
		if matches!(element_type.type_def, TypeDef::Primitive(TypeDefPrimitive::U8)) {
			let bytes = if len == 32 {
				self.bytes32(hint).to_vec()
			} else if self.rng.chance(20) {
				vec![0; len as usize]
			} else {
				self.rng.bytes(len as usize)
			};
			self.out.extend_from_slice(&bytes);
			return Ok(());
		}
		for _ in 0..len {
			self.value(element, hint)?;
		}
		Ok(())
	}

	fn primitive(&mut self, primitive: &TypeDefPrimitive, hint: Hint<'a>) -> Step {
		match primitive {
			TypeDefPrimitive::Bool => {
				let value = self.rng.below(2) as u8;
				self.out.push(value);
			}
			TypeDefPrimitive::Char => {
				let letter = u32::from(b'a') + self.rng.below(26) as u32;
				self.out.extend_from_slice(&letter.to_le_bytes());
			}
			TypeDefPrimitive::Str => {
				let mut letters = self.byte_string();
				letters.iter_mut().for_each(|byte| *byte = b'a' + *byte % 26);
				Compact(letters.len() as u32).encode_to(&mut self.out);
				self.out.extend_from_slice(&letters);
			}
			TypeDefPrimitive::U256 | TypeDefPrimitive::I256 => {
				let bytes = if self.rng.chance(50) { vec![0; 32] } else { self.rng.bytes(32) };
				self.out.extend_from_slice(&bytes);
			}
			other => {
				let Some(bits) = bits_of(other) else { return Err(Skip::Unknown) };
				let mut value = self.uint(bits, hint);
				if is_signed(other) && self.rng.chance(25) {
					value = value.wrapping_neg();
				}
				self.write(bits, value);
			}
		}
		Ok(())
	}

	fn compact(&mut self, inner: u32, hint: Hint<'a>) -> Step {
		let generator = self.generator;
		let inner_type = generator.registry.resolve(inner).ok_or(Skip::Unknown)?;
		let value = match &inner_type.type_def {
			TypeDef::Primitive(primitive) => {
				let bits = bits_of(primitive).ok_or(Skip::Unknown)?;
				self.uint(bits, hint)
			}
			// `Compact<()>` is nothing.
			TypeDef::Tuple(tuple) if tuple.fields.is_empty() => return Ok(()),
			TypeDef::Composite(composite) => {
				let ident = inner_type.path.segments.last().map_or("", |segment| text(segment));
				if matches!(ident, "Perbill" | "Permill" | "Percent" | "PerU16" | "Perquintill") {
					self.per_thing(ident)
				} else {
					let field = composite.fields.first().ok_or(Skip::Unknown)?;
					let bits =
						self.primitive_of(field.ty.id).and_then(bits_of).ok_or(Skip::Unknown)?;
					self.uint(bits, hint)
				}
			}
			_ => return Err(Skip::Unknown),
		};
		Compact(value).encode_to(&mut self.out);
		Ok(())
	}

	/// The single unsigned field of a newtype (a per-thing), holding `value`.
	fn uint_field(&mut self, fields: &'a [Field<PortableForm>], value: u128) -> Step {
		let field = fields.first().ok_or(Skip::Unknown)?;
		let bits = self.primitive_of(field.ty.id).and_then(bits_of).ok_or(Skip::Unknown)?;
		self.write(bits, value);
		Ok(())
	}

	fn primitive_of(&self, id: u32) -> Option<&'a TypeDefPrimitive> {
		let generator = self.generator;
		match generator.registry.resolve(id).map(|ty| &ty.type_def) {
			Some(TypeDef::Primitive(primitive)) => Some(primitive),
			_ => None,
		}
	}

	/// Writes the low `bits` of `value`, little endian.
	fn write(&mut self, bits: u32, value: u128) {
		let bytes = value.to_le_bytes();
		self.out.extend_from_slice(bytes.get(..(bits / 8) as usize).unwrap_or(&bytes[..]));
	}

	/// An unsigned value of `bits` bits (128: a balance).
	fn uint(&mut self, bits: u32, hint: Hint<'a>) -> u128 {
		if bits >= 128 {
			return self.balance();
		}
		let max = (1u128 << bits) - 1;
		if bits == 32 && hint.is_any(BLOCK_FIELDS) && self.rng.chance(70) {
			return u128::from(self.block_number());
		}
		if hint.is_any(LENGTH_FIELDS) && self.rng.chance(70) {
			if let Some(len) = self.call_length() {
				return u128::from(len).min(max);
			}
		}
		match self.rng.below(100) {
			0..=34 => u128::from(self.rng.below(5)),
			35..=49 => u128::from(5 + self.rng.below(12)),
			50..=57 => max,
			58..=61 => max - 1,
			62..=71 => self.magic(bits).min(max),
			_ => self.rng.next_u128() & max,
		}
	}

	/// A value of `bits` bits that means something in the runtime.
	fn magic(&mut self, bits: u32) -> u128 {
		if bits == 32 && self.rng.chance(30) {
			return u128::from(self.context.now);
		}
		if bits == 64 && self.rng.chance(30) {
			return u128::from(self.context.now_ms);
		}
		let values: &[u128] = match bits {
			8 => &[100, 127, 128, 254],
			16 => &[1_000, 10_000, 32_768],
			32 => &[100, 1_000, 1_000_000, 1_000_000_000, u32::MAX as u128 / 2],
			_ => {
				&[1_000_000_000, 1_000_000_000_000, 1_000_000_000_000_000_000, u64::MAX as u128 / 2]
			}
		};
		*self.rng.pick(values).unwrap_or(&0)
	}

	/// A balance: zero, one, around the existential deposit, round amounts of the token from
	/// one to 90 million (the dev accounts hold a million), the maximum, or anything.
	fn balance(&mut self) -> u128 {
		match self.rng.below(100) {
			0..=9 => 0,
			10..=14 => 1,
			15..=21 => MILLI_UNIT - 1 + u128::from(self.rng.below(3)),
			22..=59 => {
				let digit = u128::from(1 + self.rng.below(9));
				digit * 10u128.pow(self.rng.below(8) as u32) * UNIT
			}
			60..=65 => u128::MAX - u128::from(self.rng.below(2)),
			66..=71 => u128::from(2 + self.rng.below(999)),
			_ => self.rng.next_u128() % (1_000_000 * UNIT),
		}
	}

	/// A block number: soon after the current block mostly, sometimes just before it, sometimes
	/// far ahead.
	fn block_number(&mut self) -> u32 {
		let now = self.context.now;
		match self.rng.below(100) {
			0..=69 => now.saturating_add(self.rng.below(30) as u32),
			70..=89 => now.saturating_sub(self.rng.below(4) as u32),
			_ => now.saturating_add(1_000 + self.rng.below(100_000) as u32),
		}
	}

	/// The length of the call named last in this call, or of a remembered call.
	fn call_length(&mut self) -> Option<u32> {
		match self.last_call {
			Some((_, len)) if self.rng.chance(80) => Some(len),
			_ => self.remembered_call().map(|(_, len)| len),
		}
	}

	/// A per-thing (`Perbill`, `Permill`, ...) as its parts: nothing, all, half, a fraction,
	/// anything up to all, or rarely one part too many (which does not decode).
	fn per_thing(&mut self, ident: &str) -> u128 {
		let one: u128 = match ident {
			"Perbill" => 1_000_000_000,
			"Permill" => 1_000_000,
			"Percent" => 100,
			"PerU16" => 65_535,
			_ => 1_000_000_000_000_000_000,
		};
		match self.rng.below(100) {
			0..=14 => 0,
			15..=49 => one,
			50..=64 => one / 2,
			65..=74 => one / u128::from(3 + self.rng.below(7)),
			75..=97 => u128::from(self.rng.below(one as u64 + 1)),
			_ => one + 1,
		}
	}

	/// A `FixedU128` (a ratio, 10^18 is one).
	fn fixed_u128(&mut self) -> u128 {
		const ONE: u128 = 1_000_000_000_000_000_000;
		match self.rng.below(100) {
			0..=9 => 0,
			10..=39 => ONE,
			40..=54 => ONE / 2,
			55..=69 => 3 * ONE / 2,
			70..=79 => 2 * ONE,
			80..=87 => 10 * ONE,
			88..=89 => u128::MAX,
			_ => self.rng.next_u128() % (100 * ONE),
		}
	}

	/// An account id: from the pool mostly, else anything or zero.
	fn account(&mut self) -> [u8; 32] {
		match self.rng.below(100) {
			0..=93 => self.rng.weighted(&self.generator.accounts).copied().unwrap_or([0; 32]),
			94..=97 => self.random32(),
			_ => [0; 32],
		}
	}

	/// 32 bytes: an account for a key or an account field; otherwise a hash from the pool, the
	/// hash of a remembered call, an account, or anything.
	fn bytes32(&mut self, hint: Hint<'a>) -> [u8; 32] {
		if (hint.mentions("key") || hint.is_any(&["who", "account", "beneficiary"]))
			&& self.rng.chance(60)
		{
			return self.account();
		}
		match self.rng.below(100) {
			0..=44 => *self.rng.pick(&HASH_POOL).unwrap_or(&[0; 32]),
			45..=69 => match self.remembered_call() {
				Some((hash, _)) => hash,
				None => *self.rng.pick(&HASH_POOL).unwrap_or(&[0; 32]),
			},
			70..=79 => self.account(),
			_ => self.random32(),
		}
	}

	fn random32(&mut self) -> [u8; 32] {
		let mut bytes = [0u8; 32];
		bytes.iter_mut().for_each(|byte| *byte = self.rng.next_u64() as u8);
		bytes
	}

	/// One of the calls remembered by the case or generated earlier in this call.
	fn remembered_call(&mut self) -> Option<([u8; 32], u32)> {
		let memory: &'a CallMemory = self.memory;
		let remembered = memory.calls();
		let total = remembered.len() + self.noted.len();
		if total == 0 {
			return None;
		}
		let index = self.rng.below(total as u64) as usize;
		let picked = remembered
			.get(index)
			.or_else(|| index.checked_sub(remembered.len()).and_then(|i| self.noted.get(i)))
			.copied();
		self.last_call = picked;
		picked
	}

	/// A byte string: from the pool, or of a length that is mostly short, sometimes at a usual
	/// bound, rarely kilobytes; letters or any bytes.
	fn byte_string(&mut self) -> Vec<u8> {
		if self.rng.chance(45) {
			return self.rng.pick(BYTE_POOL).map(|bytes| bytes.to_vec()).unwrap_or_default();
		}
		let len = match self.rng.below(100) {
			0..=59 => self.rng.below(9),
			60..=84 => 8 + self.rng.below(33),
			85..=94 => *self.rng.pick(EDGE_LENGTHS).unwrap_or(&32),
			_ => 1_024 + self.rng.below(3_072),
		} as usize;
		if self.rng.chance(50) {
			(0..len).map(|_| b'a' + self.rng.below(26) as u8).collect()
		} else {
			self.rng.bytes(len)
		}
	}

	fn sequence_len(&mut self) -> u32 {
		(match self.rng.below(100) {
			0..=14 => 0,
			15..=54 => 1,
			55..=74 => 2,
			75..=84 => 3,
			85..=89 => 4,
			90..=97 => 5 + self.rng.below(12),
			_ => 17 + self.rng.below(24),
		}) as u32
	}
}

fn bits_of(primitive: &TypeDefPrimitive) -> Option<u32> {
	match primitive {
		TypeDefPrimitive::U8 | TypeDefPrimitive::I8 => Some(8),
		TypeDefPrimitive::U16 | TypeDefPrimitive::I16 => Some(16),
		TypeDefPrimitive::U32 | TypeDefPrimitive::I32 => Some(32),
		TypeDefPrimitive::U64 | TypeDefPrimitive::I64 => Some(64),
		TypeDefPrimitive::U128 | TypeDefPrimitive::I128 => Some(128),
		_ => None,
	}
}

fn is_signed(primitive: &TypeDefPrimitive) -> bool {
	matches!(
		primitive,
		TypeDefPrimitive::I8
			| TypeDefPrimitive::I16
			| TypeDefPrimitive::I32
			| TypeDefPrimitive::I64
			| TypeDefPrimitive::I128
	)
}

/// The text of a name in the portable registry (a `String` with `std`).
fn text<S: Deref<Target = str>>(name: &S) -> &str {
	name
}
