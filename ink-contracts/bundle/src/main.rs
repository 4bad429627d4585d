//! `bundle --wasm <raw.wasm> --stripped <out.wasm>`
//!
//! Post-processes a contract's raw Wasm (see [`wasm`]) and writes it, for `wasm-opt`.
//!
//! `bundle --metadata <json> --wasm <wasm> --out <dir> --rustc <version> --ink <version>`
//!
//! Post-processes the Wasm (again: a no-op on stripped code), refuses it if pallet-contracts
//! would, and writes `<name>.wasm`, `<name>.json` (metadata) and `<name>.contract` (metadata with
//! the Wasm: what polkadot.js apps and `@polkadot/api-contract` load) into `<dir>`.
//!
//! The metadata input is what a contract's `*-metadata` binary prints: the package's name,
//! version, authors, description and license, and its ink! project under `ink`.

mod wasm;

use blake2::{digest::consts::U32, Blake2b, Digest};
use contract_metadata::{
	CodeHash, Compiler, Contract, ContractMetadata, Language, Source, SourceCompiler,
	SourceLanguage, SourceWasm,
};
use semver::Version;
use serde_json::{Map, Value};
use std::{collections::HashMap, fs, path::PathBuf, process::ExitCode};

/// pallet-contracts' default `Schedule::limits.memory_pages`, which Pactum keeps.
const MAX_MEMORY_PAGES: u64 = 16;

fn main() -> ExitCode {
	match run() {
		Ok(()) => ExitCode::SUCCESS,
		Err(error) => {
			eprintln!("bundle: {error}");
			ExitCode::FAILURE
		}
	}
}

fn run() -> Result<(), String> {
	let args = parse_args()?;
	let arg = |name: &str| args.get(name).ok_or(format!("missing --{name}"));
	let raw = read(arg("wasm")?)?;
	let code = wasm::post_process(&raw, MAX_MEMORY_PAGES)?;
	if let Some(stripped) = args.get("stripped") {
		return write(PathBuf::from(stripped), &code);
	}
	let input: Value = serde_json::from_slice(&read(arg("metadata")?)?)
		.map_err(|e| format!("metadata is not JSON: {e}"))?;
	let out = PathBuf::from(arg("out")?);

	wasm::validate(&code)?;
	let hash: [u8; 32] = Blake2b::<U32>::digest(&code).into();

	let field = |name: &str| {
		input.get(name).and_then(Value::as_str).ok_or(format!("metadata has no `{name}`"))
	};
	let name = field("name")?;
	let mut contract = Contract::builder();
	contract
		.name(name)
		.version(parse_version(field("version")?)?)
		.authors(input["authors"].as_array().into_iter().flatten().filter_map(Value::as_str));
	if let Ok(description) = field("description") {
		contract.description(description);
	}
	if let Ok(license) = field("license") {
		contract.license(license);
	}
	let abi: Map<String, Value> = match input.get("ink") {
		Some(Value::Object(abi)) => abi.clone(),
		_ => return Err("metadata has no `ink` object".into()),
	};
	let source = Source::new(
		Some(SourceWasm::new(code.clone())),
		CodeHash(hash),
		SourceLanguage::new(Language::Ink, parse_version(arg("ink")?)?),
		SourceCompiler::new(Compiler::RustC, parse_version(arg("rustc")?)?),
		None,
	);
	let mut metadata = ContractMetadata::new(source, contract.build()?, None, None, abi);

	fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
	write(out.join(format!("{name}.contract")), &to_json(&metadata)?)?;
	metadata.remove_source_wasm_attribute();
	write(out.join(format!("{name}.json")), &to_json(&metadata)?)?;
	write(out.join(format!("{name}.wasm")), &code)?;
	println!(
		"{name}: {} bytes of Wasm, code hash 0x{}",
		code.len(),
		hash.iter().map(|b| format!("{b:02x}")).collect::<String>()
	);
	Ok(())
}

fn parse_args() -> Result<HashMap<String, String>, String> {
	let mut args = HashMap::new();
	let mut it = std::env::args().skip(1);
	while let Some(flag) = it.next() {
		let name = flag.strip_prefix("--").ok_or(format!("unexpected argument {flag}"))?;
		let value = it.next().ok_or(format!("{flag} needs a value"))?;
		args.insert(name.to_string(), value);
	}
	Ok(args)
}

fn parse_version(text: &str) -> Result<Version, String> {
	Version::parse(text).map_err(|e| format!("bad version {text:?}: {e}"))
}

fn read(path: &str) -> Result<Vec<u8>, String> {
	fs::read(path).map_err(|e| format!("{path}: {e}"))
}

fn write(path: PathBuf, bytes: &[u8]) -> Result<(), String> {
	fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn to_json(metadata: &ContractMetadata) -> Result<Vec<u8>, String> {
	serde_json::to_vec_pretty(metadata).map_err(|e| e.to_string())
}
