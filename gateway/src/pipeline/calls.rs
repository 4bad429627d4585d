//! The write requests the pipeline carries, as stored (`submissions.request_json`, tagged by
//! `kind`), checked at intake (a bad one is a 400 and nothing is stored), turned into a typed call
//! when it is signed, and read back from the events of the finalized extrinsic.

use std::str::FromStr;

use pactum_chain_api::pactum;
use pactum_chain_api::pactum::runtime_types::pallet_documents::types::{
	ContentHash, HashAlgorithm,
};
use pactum_chain_api::PactumConfig;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use subxt::client::OfflineClientAtBlockT;
use subxt::transactions::TransactionsClient;
use subxt::utils::AccountId32;

pub use super::access_calls::{AccessGrant, AccessRevocation};
pub use super::certificate_calls::{IssueCertificate, RevokeCertificate};
pub use super::client_calls::{ClientData, ClientExit};
pub use super::token_calls::{RequestWithdrawal, TransferTokens};

/// A write the gateway submits for one of its signers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Call {
	/// `documents.create`.
	#[serde(rename = "documents.create")]
	CreateDocument(CreateDocument),
	/// `documents.sign_many`: the signer's own signatures and relayed ones.
	#[serde(rename = "documents.sign")]
	SignDocuments(SignDocuments),
	/// `documents.propose_amendment`.
	#[serde(rename = "documents.amend")]
	ProposeAmendment(ProposeAmendment),
	/// `documents.propose_termination`.
	#[serde(rename = "documents.terminate")]
	ProposeTermination(ProposeTermination),
	/// `documents.issue_certificate`.
	#[serde(rename = "certificates.issue")]
	IssueCertificate(IssueCertificate),
	/// `documents.revoke_certificate`.
	#[serde(rename = "certificates.revoke")]
	RevokeCertificate(RevokeCertificate),
	/// `tokens.transfer`.
	#[serde(rename = "tokens.transfer")]
	TransferTokens(TransferTokens),
	/// `tokens.request_withdrawal`.
	#[serde(rename = "tokens.withdraw")]
	RequestWithdrawal(RequestWithdrawal),
	/// `documents.grant_access`.
	#[serde(rename = "documents.grant_access")]
	GrantAccess(AccessGrant),
	/// `documents.revoke_access`.
	#[serde(rename = "documents.revoke_access")]
	RevokeAccess(AccessRevocation),
	/// `registry.register_client`.
	#[serde(rename = "clients.register")]
	RegisterClient(ClientData),
	/// `registry.set_client_data`.
	#[serde(rename = "clients.update")]
	UpdateClient(ClientData),
	/// `registry.deregister_client`.
	#[serde(rename = "clients.deregister")]
	DeregisterClient(ClientExit),
	/// `system.remark`, signed with the nonce a failed submission held (see
	/// [`super::sender`]): the signer's later transactions are not stuck behind a gap.
	#[serde(rename = "nonce.filler")]
	NonceFiller(NonceFiller),
}

/// What a nonce filler stands in for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NonceFiller {
	/// The submission that held the nonce and failed.
	pub fills_for: String,
}

/// The remark a nonce filler carries.
pub const NONCE_FILLER_REMARK: &[u8] = b"pactum-gateway: nonce filler";

/// A new text for an active document, to be signed again by every required signer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProposeAmendment {
	/// Set from the path.
	#[serde(default)]
	pub document: u64,
	#[serde(default = "default_algorithm")]
	pub hash_algorithm: String,
	/// The new file's digest: `0x` and 64 hex characters.
	pub hash: String,
	/// Where the new (encrypted) file lives.
	pub uri: String,
	/// `0x`-hex blake2-256 of the reason's words (the words stay off chain); may be left out when
	/// `reason` is given.
	#[serde(default)]
	pub reason_hash: String,
	/// The reason's words (1 to 2,000 characters), kept by the gateway and shown with the version
	/// to whoever may read the document; never on chain.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub reason: Option<String>,
}

/// A proposal to terminate an active document, to be signed by every required signer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProposeTermination {
	/// Set from the path.
	#[serde(default)]
	pub document: u64,
	/// `0x`-hex blake2-256 of the reason's words; may be left out when `reason` is given.
	#[serde(default)]
	pub reason_hash: String,
	/// The reason's words (1 to 2,000 characters), kept by the gateway and shown with the version.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub reason: Option<String>,
}

/// Signatures of document versions, in one call: all or nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignDocuments {
	/// 1 to 100 items.
	pub items: Vec<SignItem>,
}

/// One signature: of `version` of `document`, whose text has `hash`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignItem {
	pub document: u64,
	pub version: u32,
	#[serde(default = "default_algorithm")]
	pub hash_algorithm: String,
	/// `0x` and 64 hex characters: the hash of the version being signed.
	pub hash: String,
	/// A party's own signature of the signing payload (`GET /v1/documents/{id}/signing-payload`),
	/// submitted by the operator; absent: the operator's account signs.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub relayed: Option<Relayed>,
}

/// A party's signature, made with its own key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Relayed {
	/// The signing party (SS58).
	pub signer: String,
	/// `sr25519` (default), `ed25519` or `ecdsa`.
	#[serde(default = "default_scheme")]
	pub scheme: String,
	/// `0x`-hex: 64 bytes (sr25519, ed25519) or 65 (ecdsa).
	pub signature: String,
}

fn default_scheme() -> String {
	"sr25519".into()
}

/// Most items in one signing call (the runtime's `MaxBulkSign`).
pub const MAX_SIGN_ITEMS: usize = 100;

/// A new document (or a supplement of `parent`): the hash of its file and where the file lives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateDocument {
	/// The document this one supplements; the signer must be a party of it.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub parent: Option<u64>,
	/// `blake2_256` (default), `sha2_256`, `keccak256` or `sha3_256`.
	#[serde(default = "default_algorithm")]
	pub hash_algorithm: String,
	/// The file's digest: `0x` and 64 hex characters.
	pub hash: String,
	/// Where the (encrypted) file lives.
	pub uri: String,
	/// Every party, the signer among them (SS58).
	pub parties: Vec<String>,
	/// The parties who must sign (SS58).
	pub signers: Vec<String>,
	/// The block after which the document stops counting.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub valid_until: Option<u32>,
}

/// The longest reason kept, in characters.
pub const MAX_REASON_CHARS: usize = 2_000;

/// `0x`-hex BLAKE2b-256 of a reason's words: the hash the chain keeps.
pub fn reason_hash_of(reason: &str) -> String {
	format!("0x{}", hex::encode(sp_crypto_hashing::blake2_256(reason.as_bytes())))
}

/// `reason_hash` is a digest and, when the words are given, theirs.
fn check_reason(reason_hash: &str, reason: Option<&str>) -> Result<(), String> {
	if reason_hash.is_empty() && reason.is_none() {
		return Err("reason_hash or reason is required".into());
	}
	digest(reason_hash).map_err(|e| format!("reason_{e}"))?;
	let Some(reason) = reason else { return Ok(()) };
	let length = reason.chars().count();
	if reason.trim().is_empty() || length > MAX_REASON_CHARS {
		return Err(format!(
			"reason must have 1 to {MAX_REASON_CHARS} characters, not only spaces"
		));
	}
	// Words, lines and tabs: no other control character (PostgreSQL's text takes no NUL).
	if reason.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
		return Err("reason must hold no control characters but line breaks and tabs".into());
	}
	if !reason_hash.eq_ignore_ascii_case(&reason_hash_of(reason)) {
		return Err("reason_hash is not the blake2-256 of reason".into());
	}
	Ok(())
}

fn default_algorithm() -> String {
	"blake2_256".into()
}

impl Call {
	/// The `kind` stored with the submission.
	pub fn kind(&self) -> &'static str {
		match self {
			Call::CreateDocument(_) => "documents.create",
			Call::SignDocuments(_) => "documents.sign",
			Call::ProposeAmendment(_) => "documents.amend",
			Call::ProposeTermination(_) => "documents.terminate",
			Call::IssueCertificate(_) => "certificates.issue",
			Call::RevokeCertificate(_) => "certificates.revoke",
			Call::TransferTokens(_) => "tokens.transfer",
			Call::RequestWithdrawal(_) => "tokens.withdraw",
			Call::GrantAccess(_) => "documents.grant_access",
			Call::RevokeAccess(_) => "documents.revoke_access",
			Call::RegisterClient(_) => "clients.register",
			Call::UpdateClient(_) => "clients.update",
			Call::DeregisterClient(_) => "clients.deregister",
			Call::NonceFiller(_) => "nonce.filler",
		}
	}

	/// Checks what can be checked without the chain; the chain checks the rest (its refusal is
	/// the submission's `error`, named after the pallet error).
	pub fn check(&self, signer: &str) -> Result<(), String> {
		match self {
			Call::CreateDocument(c) => c.check(signer),
			Call::SignDocuments(c) => c.check(),
			Call::ProposeAmendment(c) => {
				algorithm(&c.hash_algorithm)?;
				digest(&c.hash)?;
				check_reason(&c.reason_hash, c.reason.as_deref())?;
				if c.uri.is_empty() {
					return Err("uri is empty".into());
				}
				Ok(())
			}
			Call::ProposeTermination(c) => check_reason(&c.reason_hash, c.reason.as_deref()),
			Call::IssueCertificate(c) => c.check(),
			Call::RevokeCertificate(c) => c.check(),
			Call::TransferTokens(c) => c.check(signer),
			Call::RequestWithdrawal(c) => c.check(),
			Call::GrantAccess(c) => c.check(signer),
			Call::RevokeAccess(c) => c.check(),
			Call::RegisterClient(c) | Call::UpdateClient(c) => c.check(),
			Call::DeregisterClient(c) => c.check(),
			Call::NonceFiller(_) => Ok(()),
		}
	}

	/// The call's SCALE bytes (pallet and call index, then the arguments), encoded by the typed
	/// API against the metadata of the block `tx` is at.
	pub fn encode<C: OfflineClientAtBlockT<PactumConfig>>(
		&self,
		tx: &TransactionsClient<PactumConfig, C>,
	) -> Result<Vec<u8>, String> {
		let encoded = match self {
			Call::CreateDocument(c) => tx.call_data(&c.payload()?),
			Call::SignDocuments(c) => tx.call_data(&c.payload()?),
			Call::ProposeAmendment(c) => {
				let hash = ContentHash {
					algorithm: algorithm(&c.hash_algorithm)?,
					digest: digest(&c.hash)?,
				};
				tx.call_data(&pactum::tx().documents().propose_amendment(
					c.document,
					hash,
					c.uri.clone().into_bytes(),
					subxt::utils::H256(digest(&c.reason_hash)?),
				))
			}
			Call::ProposeTermination(c) => tx.call_data(
				&pactum::tx()
					.documents()
					.propose_termination(c.document, subxt::utils::H256(digest(&c.reason_hash)?)),
			),
			Call::IssueCertificate(c) => tx.call_data(&c.payload()?),
			Call::RevokeCertificate(c) => tx.call_data(&c.payload()?),
			Call::TransferTokens(c) => tx.call_data(&c.payload()?),
			Call::RequestWithdrawal(c) => tx.call_data(&c.payload()?),
			Call::GrantAccess(c) => tx.call_data(&c.payload()?),
			Call::RevokeAccess(c) => tx.call_data(&c.payload()?),
			Call::RegisterClient(c) => tx.call_data(&c.register_payload()?),
			Call::UpdateClient(c) => tx.call_data(&c.update_payload()?),
			Call::DeregisterClient(c) => tx.call_data(&c.payload()?),
			Call::NonceFiller(_) => {
				tx.call_data(&pactum::tx().system().remark(NONCE_FILLER_REMARK.to_vec()))
			}
		};
		encoded.map_err(|e| format!("cannot encode the call: {e}"))
	}

	/// What the caller wants to know from the extrinsic's events (`events` as pallet, name and
	/// the event's SCALE fields), e.g. the new document's id.
	pub fn result(&self, events: &[DecodedEvent]) -> Value {
		match self {
			Call::CreateDocument(_) => events
				.iter()
				.find(|e| e.is("Documents", "Created"))
				.and_then(|e| e.document)
				.map_or(Value::Null, |id| json!({ "document": id })),
			Call::SignDocuments(_) => {
				let documents = |name: &str| -> Vec<u64> {
					events
						.iter()
						.filter(|e| e.is("Documents", name))
						.filter_map(|e| e.document)
						.collect()
				};
				json!({ "signed": documents("Signed"), "activated": documents("Activated") })
			}
			Call::ProposeAmendment(_) | Call::ProposeTermination(_) => events
				.iter()
				.find(|e| {
					e.is("Documents", "AmendmentProposed")
						|| e.is("Documents", "TerminationProposed")
				})
				.map_or(Value::Null, |e| json!({ "document": e.document, "version": e.version })),
			Call::IssueCertificate(c) => json!({ "certificate": c.hash }),
			Call::RevokeCertificate(c) => json!({ "certificate": c.hash }),
			Call::TransferTokens(c) => json!({ "asset": c.asset, "to": c.to, "amount": c.amount }),
			Call::RequestWithdrawal(_) => events
				.iter()
				.find(|e| e.is("Tokens", "WithdrawalRequested"))
				.and_then(|e| e.withdrawal)
				.map_or(Value::Null, |id| json!({ "withdrawal": id })),
			Call::GrantAccess(c) => json!({ "document": c.document, "viewer": c.viewer }),
			Call::RevokeAccess(c) => json!({ "document": c.document, "viewer": c.viewer }),
			Call::RegisterClient(c) | Call::UpdateClient(c) => {
				json!({ "client": c.account, "data_hash": c.data_hash })
			}
			Call::DeregisterClient(c) => json!({ "client": c.account }),
			Call::NonceFiller(c) => json!({ "fills_for": c.fills_for }),
		}
	}
}

/// An event of a finalized extrinsic, as the tracker reads it.
#[derive(Debug, Clone, Serialize)]
pub struct DecodedEvent {
	pub pallet: String,
	pub name: String,
	/// The document a `Documents` event is about.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub document: Option<u64>,
	/// The version it names, if any.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub version: Option<u32>,
	/// The withdrawal a `Tokens.WithdrawalRequested` event opened.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub withdrawal: Option<u64>,
}

impl DecodedEvent {
	fn is(&self, pallet: &str, name: &str) -> bool {
		self.pallet == pallet && self.name == name
	}
}

impl SignDocuments {
	pub(crate) fn check(&self) -> Result<(), String> {
		if self.items.is_empty() || self.items.len() > MAX_SIGN_ITEMS {
			return Err(format!("items must hold 1 to {MAX_SIGN_ITEMS} signatures"));
		}
		for (i, item) in self.items.iter().enumerate() {
			item.sign_item().map_err(|e| format!("items[{i}]: {e}"))?;
		}
		Ok(())
	}

	fn payload(&self) -> Result<impl subxt::transactions::Payload, String> {
		let items = self.items.iter().map(SignItem::sign_item).collect::<Result<Vec<_>, _>>()?;
		Ok(pactum::tx().documents().sign_many(items))
	}
}

type ChainSignItem = pactum::runtime_types::pallet_documents::types::SignItem<
	AccountId32,
	pactum::runtime_types::sp_runtime::MultiSignature,
>;

impl SignItem {
	fn sign_item(&self) -> Result<ChainSignItem, String> {
		use pactum::runtime_types::pallet_documents::types::RelayedSignature;
		use pactum::runtime_types::sp_runtime::MultiSignature;
		let hash = ContentHash {
			algorithm: algorithm(&self.hash_algorithm)?,
			digest: digest(&self.hash)?,
		};
		let relayed = match &self.relayed {
			None => None,
			Some(r) => {
				let signer = AccountId32::from_str(&r.signer).map_err(|e| {
					format!("relayed.signer: {:?} is not an SS58 address ({e})", r.signer)
				})?;
				let bytes = hex::decode(
					r.signature.strip_prefix("0x").ok_or("relayed.signature must start with 0x")?,
				)
				.map_err(|e| format!("relayed.signature: {e}"))?;
				let wrong =
					|n: usize| format!("relayed.signature must be {n} bytes for {}", r.scheme);
				let signature = match r.scheme.as_str() {
					"sr25519" => MultiSignature::Sr25519(bytes.try_into().map_err(|_| wrong(64))?),
					"ed25519" => MultiSignature::Ed25519(bytes.try_into().map_err(|_| wrong(64))?),
					"ecdsa" => MultiSignature::Ecdsa(bytes.try_into().map_err(|_| wrong(65))?),
					other => return Err(format!("relayed.scheme: unknown scheme {other:?}")),
				};
				Some(RelayedSignature { signer, signature })
			}
		};
		Ok(ChainSignItem { document: self.document, version: self.version, hash, relayed })
	}
}

impl SigningPayloadArgs {
	/// The runtime API's arguments, checked.
	pub fn parse(
		document: u64,
		version: u32,
		hash_algorithm: &str,
		hash: &str,
	) -> Result<SigningPayloadArgs, String> {
		// `ContentHash` in SCALE: the algorithm's variant index, then the 32 bytes.
		let index = match algorithm(hash_algorithm)? {
			HashAlgorithm::Blake2_256 => 0u8,
			HashAlgorithm::Sha2_256 => 1,
			HashAlgorithm::Keccak256 => 2,
			HashAlgorithm::Sha3_256 => 3,
		};
		Ok(SigningPayloadArgs(document, version, index, digest(hash)?))
	}

	/// The signing payload as the documents pallet defines it: the SCALE encoding of
	/// `(SIGNING_DOMAIN, genesis hash, document, version, hash)`. Built here so that the gateway
	/// signs with a key it holds only what it knows it signs, whatever a node answers.
	pub fn payload(&self, genesis: [u8; 32]) -> Vec<u8> {
		use subxt::ext::codec::Encode as _;
		(SIGNING_DOMAIN, genesis, self).encode()
	}
}

/// The documents pallet's `SIGNING_DOMAIN`.
pub const SIGNING_DOMAIN: &[u8] = b"pactum/documents/sign/v1";

/// `DocumentsApi_signing_payload`'s arguments in SCALE: document, version, hash (the
/// generated `ContentHash` encodes through the metadata only; these are its bytes).
#[derive(subxt::ext::codec::Encode)]
#[codec(crate = subxt::ext::codec)]
pub struct SigningPayloadArgs(u64, u32, u8, [u8; 32]);

impl CreateDocument {
	fn check(&self, signer: &str) -> Result<(), String> {
		algorithm(&self.hash_algorithm)?;
		digest(&self.hash)?;
		if self.uri.is_empty() {
			return Err("uri is empty".into());
		}
		if self.parties.is_empty() {
			return Err("parties is empty".into());
		}
		let parties = accounts("parties", &self.parties)?;
		let signers = accounts("signers", &self.signers)?;
		if self.signers.is_empty() {
			return Err("signers is empty".into());
		}
		let signer = AccountId32::from_str(signer).map_err(|e| format!("signer: {e}"))?;
		if !parties.contains(&signer) {
			return Err("the submitting account must be one of the parties".into());
		}
		if let Some(outsider) = signers.iter().find(|s| !parties.contains(s)) {
			return Err(format!("signer {outsider} is not a party"));
		}
		Ok(())
	}

	fn payload(&self) -> Result<impl subxt::transactions::Payload, String> {
		let hash = ContentHash {
			algorithm: algorithm(&self.hash_algorithm)?,
			digest: digest(&self.hash)?,
		};
		Ok(pactum::tx().documents().create(
			self.parent,
			hash,
			self.uri.clone().into_bytes(),
			accounts("parties", &self.parties)?,
			accounts("signers", &self.signers)?,
			self.valid_until,
		))
	}
}

fn algorithm(name: &str) -> Result<HashAlgorithm, String> {
	Ok(match name {
		"blake2_256" => HashAlgorithm::Blake2_256,
		"sha2_256" => HashAlgorithm::Sha2_256,
		"keccak256" => HashAlgorithm::Keccak256,
		"sha3_256" => HashAlgorithm::Sha3_256,
		other => return Err(format!("unknown hash_algorithm {other:?}")),
	})
}

pub(crate) fn digest(text: &str) -> Result<[u8; 32], String> {
	let hex = text.strip_prefix("0x").ok_or("hash must start with 0x")?;
	let bytes = hex::decode(hex).map_err(|e| format!("hash: {e}"))?;
	bytes.try_into().map_err(|_| "hash must be 32 bytes".to_string())
}

fn accounts(field: &str, list: &[String]) -> Result<Vec<AccountId32>, String> {
	let mut out = Vec::with_capacity(list.len());
	for text in list {
		let account = AccountId32::from_str(text)
			.map_err(|e| format!("{field}: {text:?} is not an SS58 address ({e})"))?;
		if out.contains(&account) {
			return Err(format!("{field}: {text} appears twice"));
		}
		out.push(account);
	}
	Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
	use super::*;

	const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
	const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

	#[test]
	fn the_signing_payload_is_the_pallets_encoding() {
		let args =
			SigningPayloadArgs::parse(7, 2, "sha2_256", &format!("0x{}", "cd".repeat(32))).unwrap();
		let payload = args.payload([0x11; 32]);
		// A compact length (24 << 2), the domain, the genesis hash, the document (u64 LE), the
		// version (u32 LE), the algorithm's index and the digest.
		let mut expected = vec![24 << 2];
		expected.extend(b"pactum/documents/sign/v1");
		expected.extend([0x11; 32]);
		expected.extend(7u64.to_le_bytes());
		expected.extend(2u32.to_le_bytes());
		expected.push(1);
		expected.extend([0xcd; 32]);
		assert_eq!(payload, expected);
	}

	fn document() -> CreateDocument {
		CreateDocument {
			parent: None,
			hash_algorithm: default_algorithm(),
			hash: format!("0x{}", "ab".repeat(32)),
			uri: "https://files.example/1".into(),
			parties: vec![ALICE.into(), BOB.into()],
			signers: vec![ALICE.into(), BOB.into()],
			valid_until: None,
		}
	}

	fn refusal(change: impl FnOnce(&mut CreateDocument)) -> String {
		let mut d = document();
		change(&mut d);
		Call::CreateDocument(d).check(ALICE).unwrap_err()
	}

	#[test]
	fn a_document_is_checked_before_it_is_stored() {
		assert_eq!(Call::CreateDocument(document()).check(ALICE), Ok(()));
		assert!(refusal(|d| d.hash_algorithm = "md5".into()).contains("hash_algorithm"));
		assert!(refusal(|d| d.hash = "ab".repeat(32)).contains("0x"));
		assert!(refusal(|d| d.hash = "0x1234".into()).contains("32 bytes"));
		assert!(refusal(|d| d.hash = format!("0x{}", "zz".repeat(32))).contains("hash"));
		assert!(refusal(|d| d.uri.clear()).contains("uri"));
		assert!(refusal(|d| d.parties.clear()).contains("parties is empty"));
		assert!(refusal(|d| d.signers.clear()).contains("signers is empty"));
		assert!(refusal(|d| d.parties.push(ALICE.into())).contains("twice"));
		assert!(refusal(|d| d.parties[1] = "nope".into()).contains("SS58"));
		assert!(refusal(|d| d.parties = vec![ALICE.into()]).contains("is not a party"));
		assert!(refusal(|d| {
			d.parties = vec![BOB.into()];
			d.signers = vec![BOB.into()];
		})
		.contains("submitting account"));
	}

	#[test]
	fn a_reasons_words_must_be_what_its_hash_is_of() {
		let words = "Roaming rates for 2027";
		// the chain's BLAKE2b-256 (checked with polkadot.js's blake2AsHex in the e2e tests)
		assert_eq!(
			reason_hash_of(""),
			"0x0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"
		);
		let terminate = |reason_hash: String, reason: Option<&str>| {
			Call::ProposeTermination(ProposeTermination {
				document: 1,
				reason_hash,
				reason: reason.map(str::to_string),
			})
			.check(ALICE)
		};
		assert_eq!(terminate(reason_hash_of(words), Some(words)), Ok(()));
		assert_eq!(
			terminate(reason_hash_of(words).to_uppercase().replace("0X", "0x"), Some(words)),
			Ok(())
		);
		assert_eq!(terminate(format!("0x{}", "ab".repeat(32)), None), Ok(()));
		assert!(terminate(format!("0x{}", "ab".repeat(32)), Some(words))
			.unwrap_err()
			.contains("not the blake2-256 of reason"));
		assert!(terminate(reason_hash_of("  "), Some("  ")).unwrap_err().contains("1 to 2000"));
		let long = "я".repeat(MAX_REASON_CHARS + 1);
		assert!(terminate(reason_hash_of(&long), Some(&long)).unwrap_err().contains("1 to 2000"));
		let longest = "я".repeat(MAX_REASON_CHARS);
		assert_eq!(terminate(reason_hash_of(&longest), Some(&longest)), Ok(()));
		assert_eq!(
			terminate(String::new(), None).unwrap_err(),
			"reason_hash or reason is required"
		);
		assert!(terminate("0x12".into(), None).unwrap_err().starts_with("reason_"));
		let nul = "before\0after";
		assert!(terminate(reason_hash_of(nul), Some(nul)).unwrap_err().contains("control"));
		let lines = "first line\r\n\tsecond line";
		assert_eq!(terminate(reason_hash_of(lines), Some(lines)), Ok(()));
	}

	#[test]
	fn a_call_is_stored_with_its_kind_and_read_back_the_same() {
		let call = Call::CreateDocument(document());
		let text = serde_json::to_string(&call).unwrap();
		assert!(text.starts_with(r#"{"kind":"documents.create""#), "{text}");
		assert_eq!(serde_json::from_str::<Call>(&text).unwrap(), call);
		assert_eq!(call.kind(), "documents.create");
	}

	#[test]
	fn the_result_names_the_created_document() {
		let call = Call::CreateDocument(document());
		let events = [
			DecodedEvent {
				pallet: "Balances".into(),
				name: "Withdraw".into(),
				document: None,
				version: None,
				withdrawal: None,
			},
			DecodedEvent {
				pallet: "Documents".into(),
				name: "Created".into(),
				document: Some(7),
				version: None,
				withdrawal: None,
			},
		];
		assert_eq!(call.result(&events), json!({ "document": 7 }));
		assert_eq!(call.result(&events[..1]), Value::Null);
	}
}
