//! What cargo-contract does to the linker's output, and the check pallet-contracts will make.

use std::collections::BTreeSet;
use wasm_encoder::{
	EntityType, ExportKind, ExportSection, ImportSection, MemoryType, Module, RawSection,
};
use wasmparser::{ExternalKind, Parser, Payload, TypeRef, Validator, WasmFeatures};

/// The entry points pallet-contracts calls; every other export is removed.
pub const ENTRY_POINTS: [&str; 2] = ["call", "deploy"];

/// The Wasm pallet-contracts executes deterministically: MVP (with mutable globals, which it
/// never imports or exports) plus sign-extension; no floats, bulk memory, reference types,
/// multi-value or SIMD.
pub fn accepted_features() -> WasmFeatures {
	WasmFeatures::WASM1.difference(WasmFeatures::FLOATS).union(WasmFeatures::SIGN_EXTENSION)
}

/// Drops custom sections (names, producers, debug info), keeps only the `call` and `deploy`
/// exports and caps the imported memory at `max_pages`.
pub fn post_process(wasm: &[u8], max_pages: u64) -> Result<Vec<u8>, String> {
	let mut module = Module::new();
	let mut memory_imported = false;
	for payload in Parser::new(0).parse_all(wasm) {
		let payload = payload.map_err(|e| format!("malformed Wasm: {e}"))?;
		match &payload {
			Payload::CustomSection(_) => {}
			Payload::ImportSection(reader) => {
				let mut imports = ImportSection::new();
				for import in reader.clone() {
					let import = import.map_err(|e| e.to_string())?;
					let entity = match import.ty {
						TypeRef::Func(index) => EntityType::Function(index),
						TypeRef::Memory(memory) => {
							if (import.module, import.name) != ("env", "memory") {
								return Err(format!(
									"memory imported as {}.{}, not env.memory",
									import.module, import.name
								));
							}
							if memory.initial > max_pages {
								return Err(format!(
                                    "the contract needs {} memory pages, more than the {max_pages} allowed",
                                    memory.initial
                                ));
							}
							memory_imported = true;
							EntityType::Memory(MemoryType {
								minimum: memory.initial,
								maximum: Some(memory.maximum.unwrap_or(max_pages).min(max_pages)),
								memory64: memory.memory64,
								shared: memory.shared,
								page_size_log2: memory.page_size_log2,
							})
						}
						other => return Err(format!("unexpected import {other:?}")),
					};
					imports.import(import.module, import.name, entity);
				}
				module.section(&imports);
			}
			Payload::ExportSection(reader) => {
				let mut exports = ExportSection::new();
				let mut found = BTreeSet::new();
				for export in reader.clone() {
					let export = export.map_err(|e| e.to_string())?;
					if ENTRY_POINTS.contains(&export.name) && export.kind == ExternalKind::Func {
						exports.export(export.name, ExportKind::Func, export.index);
						found.insert(export.name);
					}
				}
				if found.len() != ENTRY_POINTS.len() {
					return Err(format!("the Wasm must export {ENTRY_POINTS:?}, found {found:?}"));
				}
				module.section(&exports);
			}
			other => {
				if let Some((id, range)) = other.as_section() {
					module.section(&RawSection { id, data: &wasm[range] });
				}
			}
		}
	}
	if !memory_imported {
		return Err("the contract does not import its memory (link with --import-memory)".into());
	}
	Ok(module.finish())
}

/// Refuses Wasm that pallet-contracts would refuse for its instructions or features.
pub fn validate(wasm: &[u8]) -> Result<(), String> {
	Validator::new_with_features(accepted_features())
		.validate_all(wasm)
		.map(|_| ())
		.map_err(|e| format!("pallet-contracts would reject this Wasm: {e}"))
}

#[cfg(test)]
mod tests {
	use super::*;

	// A tiny hand-assembled module: imports env.memory (1 page) and one function, exports
	// `call`, `deploy` and `memcpy`, with a name section.
	fn sample(extra_export: &str) -> Vec<u8> {
		use wasm_encoder::*;
		let mut m = Module::new();
		let mut types = TypeSection::new();
		types.ty().function([], []);
		m.section(&types);
		let mut imports = ImportSection::new();
		imports.import("seal0", "seal_input", EntityType::Function(0));
		imports.import(
			"env",
			"memory",
			EntityType::Memory(MemoryType {
				minimum: 1,
				maximum: None,
				memory64: false,
				shared: false,
				page_size_log2: None,
			}),
		);
		m.section(&imports);
		let mut functions = FunctionSection::new();
		functions.function(0);
		m.section(&functions);
		let mut exports = ExportSection::new();
		exports.export("call", ExportKind::Func, 1);
		exports.export("deploy", ExportKind::Func, 1);
		if !extra_export.is_empty() {
			exports.export(extra_export, ExportKind::Func, 1);
		}
		m.section(&exports);
		let mut code = CodeSection::new();
		let mut f = Function::new([]);
		f.instructions().end();
		code.function(&f);
		m.section(&code);
		m.section(&CustomSection { name: "name".into(), data: (&[0u8][..]).into() });
		m.finish()
	}

	#[test]
	fn strips_extra_exports_and_custom_sections_and_caps_memory() {
		let out = post_process(&sample("memcpy"), 16).unwrap();
		validate(&out).unwrap();
		let mut exports = vec![];
		for payload in Parser::new(0).parse_all(&out) {
			match payload.unwrap() {
				Payload::CustomSection(_) => panic!("custom section kept"),
				Payload::ExportSection(r) => {
					exports = r.into_iter().map(|e| e.unwrap().name.to_string()).collect()
				}
				Payload::ImportSection(r) => {
					for i in r {
						if let TypeRef::Memory(m) = i.unwrap().ty {
							assert_eq!(m.maximum, Some(16));
						}
					}
				}
				_ => {}
			}
		}
		assert_eq!(exports, vec!["call", "deploy"]);
	}

	#[test]
	fn refuses_more_initial_memory_than_allowed() {
		assert!(post_process(&sample(""), 0).unwrap_err().contains("memory pages"));
	}

	#[test]
	fn refuses_floats() {
		use wasm_encoder::*;
		let mut m = Module::new();
		let mut types = TypeSection::new();
		types.ty().function([], [ValType::F32]);
		m.section(&types);
		let mut functions = FunctionSection::new();
		functions.function(0);
		m.section(&functions);
		let mut code = CodeSection::new();
		let mut f = Function::new([]);
		f.instructions().f32_const(1.0.into()).end();
		code.function(&f);
		m.section(&code);
		assert!(validate(&m.finish()).is_err());
	}
}
