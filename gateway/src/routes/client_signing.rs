//! Signatures of a client registered through this gateway, submitted by the client's registrar
//! as relayed ones (the registrar pays; the client needs no funds):
//! - `custody: gateway`: for the client's person, signed in at most
//!   `custodial_signing_max_age_secs` ago (else 401 `insufficient_user_authentication`), the
//!   gateway signs each version's signing payload with the key it holds for the client;
//! - `custody: self`: the client signed each payload with its own key (in the portal, in a wallet)
//!   and sends the signatures; the gateway checks each against the payload before the registrar
//!   pays for it.
//!
//! Either way each item is checked against the finalized document first (open version, its hash,
//! a required signer that has not signed), so the registrar pays for nothing the chain refuses as
//! of that block.

use axum::http::header::WWW_AUTHENTICATE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use crate::app::AppState;
use crate::auth::Principal;
use crate::chain::reads::Reads;
use crate::clock::now_secs;
use crate::db::clients::ClientRow;
use crate::digests::sha256;
use crate::error::ApiError;
use crate::pipeline::calls::{Call, Relayed, SignDocuments, SigningPayloadArgs};
use crate::pipeline::intake;
use crate::pipeline::keys;
use crate::problem::Problem;

use super::{own_signature, signable};

/// Checks (or makes) `client`'s signatures of `request`'s items and submits them through its
/// registrar.
pub async fn sign(
	app: &AppState,
	principal: &Principal,
	headers: &HeaderMap,
	client: ClientRow,
	request: SignDocuments,
) -> Result<Response, ApiError> {
	let intake = intake::prepare_for(app, headers, client.registrar.clone()).await?;
	let custodial = client.custody == "gateway";
	// Fingerprinted as sent: a custodial client's signatures differ each time they are made.
	let sent = serde_json::to_vec(&request).map_err(|e| ApiError::BadRequest(e.to_string()))?;
	let kind: &[u8] =
		if custodial { b"documents.sign.custodial\n" } else { b"documents.sign.own-key\n" };
	let fingerprint = sha256(&[kind, &sent].concat());
	for (i, item) in request.items.iter().enumerate() {
		match (&item.relayed, custodial) {
			(Some(_), true) => {
				return Err(ApiError::BadRequest(
					"the gateway signs for this client: items carry no relayed signature".into(),
				))
			}
			(None, false) => {
				return Err(ApiError::BadRequest(format!(
					"items[{i}]: this client signs with its own key: each item carries its \
					 signature of the signing payload as `relayed`"
				)))
			}
			(Some(r), false) if r.signer != client.account => {
				return Err(ApiError::BadRequest(format!(
					"items[{i}]: relayed.signer must be the client, {}",
					client.account
				)))
			}
			_ => {}
		}
	}
	// The number of items and their fields, before anything is signed or checked.
	request.check().map_err(ApiError::BadRequest)?;
	// A retry of a request already accepted answers its submission: the checks below would
	// refuse the signatures it made.
	if let Some(stored) = intake.replayed(app, principal, &fingerprint).await? {
		return Ok(intake::accepted(stored));
	}
	if custodial {
		signed_in_lately(principal, app.config.custodial_signing_max_age_secs)?;
	}
	// The registrar pays only for a client the chain has under it.
	let reads = Reads::at_finalized(app)?;
	let registered = reads
		.participant(&client.account)
		.await?
		.is_some_and(|p| p["client"]["registrar"].as_str() == Some(client.registrar.as_str()));
	if !registered {
		return Err(ApiError::Conflict(
			"the client is not registered on chain under its registrar (yet)".into(),
		));
	}
	// The registrar pays only for signatures the chain will take, as of the finalized block.
	let signers = vec![client.account.clone(); request.items.len()];
	signable::check(&reads, &request.items, &signers).await?;
	let keypair = match custodial {
		true => {
			Some(keys::open_keypair(&app.db, &app.sealer, &client.account).await.map_err(|e| {
				tracing::error!(client = %client.account, error = %e, "cannot open a client's key");
				ApiError::Storage("cannot open the client's key".into())
			})?)
		}
		false => None,
	};
	let mut items = request.items;
	for (i, item) in items.iter_mut().enumerate() {
		let args = SigningPayloadArgs::parse(
			item.document,
			item.version,
			&item.hash_algorithm,
			&item.hash,
		)
		.map_err(ApiError::BadRequest)?;
		let payload = reads.signing_payload(&args).await?;
		match (&keypair, &item.relayed) {
			(Some(keypair), _) => {
				item.relayed = Some(Relayed {
					signer: client.account.clone(),
					scheme: "sr25519".into(),
					signature: crate::chain::hex_of(keypair.sign(&payload).0),
				})
			}
			// Every own-key item carries a signature (checked above).
			(None, relayed) => relayed
				.as_ref()
				.ok_or("no relayed signature".to_string())
				.and_then(|relayed| own_signature::check(relayed, &payload))
				.map_err(|e| ApiError::BadRequest(format!("items[{i}]: {e}")))?,
		}
	}
	let call = Call::SignDocuments(SignDocuments { items });
	let stored = intake.store_alone(app, principal, &call, &fingerprint).await?;
	Ok(intake::accepted(stored))
}

/// The gateway signs with a client's key only for a person who signed in at most `max_age`
/// seconds ago: a 401 `insufficient_user_authentication` (RFC 9470) otherwise, naming `max_age`,
/// for the portal to send the person to sign in again.
fn signed_in_lately(principal: &Principal, max_age: u64) -> Result<(), ApiError> {
	let fresh = principal.auth_time.is_some_and(|at| now_secs().saturating_sub(at) <= max_age);
	if fresh {
		return Ok(());
	}
	let challenge = format!(
		"Bearer realm=\"pactum-gateway\", error=\"insufficient_user_authentication\", \
		 error_description=\"sign in again to sign with the key the gateway holds\", max_age={max_age}"
	);
	Err(ApiError::Auth(
		Problem::new(StatusCode::UNAUTHORIZED, "insufficient-user-authentication", "Sign in again")
			.with_detail(format!(
			"the gateway signs with a client's key only within {max_age} s of the person signing in"
		))
			.with_extension("max_age", max_age)
			.with_header(WWW_AUTHENTICATE, &challenge),
	))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
	use super::*;
	use crate::auth::scopes::ScopeSet;

	fn person(auth_time: Option<u64>) -> Principal {
		Principal {
			subject: "user:1".into(),
			client_id: "portal".into(),
			scopes: ScopeSet::parse_lenient("documents:sign"),
			jti: "j".into(),
			expires_at: now_secs() + 600,
			auth_time,
		}
	}

	#[test]
	fn a_custodial_key_signs_only_for_a_person_signed_in_lately() {
		assert!(signed_in_lately(&person(Some(now_secs() - 10)), 300).is_ok());
		for stale in [person(Some(now_secs() - 301)), person(None)] {
			let Err(ApiError::Auth(problem)) = signed_in_lately(&stale, 300) else {
				panic!("a stale sign-in is refused");
			};
			assert_eq!(problem.status, StatusCode::UNAUTHORIZED);
			assert!(problem.type_uri.ends_with("insufficient-user-authentication"));
			assert_eq!(problem.extensions["max_age"], 300);
		}
	}
}
