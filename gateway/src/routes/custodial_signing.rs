//! Signatures of a client whose key the gateway holds (`custody: gateway`): after the client's
//! person signed in, the gateway signs each version's signing payload with the client's key, and
//! the client's registrar submits the signatures as relayed ones (and pays for them), as the
//! operator does for a client signing with its own key. The client needs no funds.

use axum::http::HeaderMap;
use axum::response::Response;

use crate::app::AppState;
use crate::auth::Principal;
use crate::chain::reads::Reads;
use crate::db::clients::ClientRow;
use crate::digests::sha256;
use crate::error::ApiError;
use crate::pipeline::calls::{Call, Relayed, SignDocuments, SigningPayloadArgs};
use crate::pipeline::intake;
use crate::pipeline::keys;

/// Signs `request`'s items with `client`'s key and submits them through its registrar.
pub async fn sign(
	app: &AppState,
	principal: &Principal,
	headers: &HeaderMap,
	client: ClientRow,
	request: SignDocuments,
) -> Result<Response, ApiError> {
	let intake = intake::prepare_for(app, headers, client.registrar.clone()).await?;
	// Fingerprinted as sent: the signatures differ each time they are made.
	let sent = serde_json::to_vec(&request).map_err(|e| ApiError::BadRequest(e.to_string()))?;
	let fingerprint = sha256(&[b"documents.sign.custodial\n".as_slice(), &sent].concat());
	if request.items.iter().any(|item| item.relayed.is_some()) {
		return Err(ApiError::BadRequest(
			"the gateway signs for this client: items carry no relayed signature".into(),
		));
	}
	// The number of items and their fields, before anything is signed (the signatures the
	// gateway adds below need no check).
	request.check().map_err(ApiError::BadRequest)?;
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
	let keypair = keys::open_keypair(&app.db, &app.sealer, &client.account).await.map_err(|e| {
		tracing::error!(client = %client.account, error = %e, "cannot open a client's key");
		ApiError::Storage("cannot open the client's key".into())
	})?;
	let mut items = request.items;
	for item in &mut items {
		let args = SigningPayloadArgs::parse(
			item.document,
			item.version,
			&item.hash_algorithm,
			&item.hash,
		)
		.map_err(ApiError::BadRequest)?;
		let payload = reads.signing_payload(&args).await?;
		item.relayed = Some(Relayed {
			signer: client.account.clone(),
			scheme: "sr25519".into(),
			signature: crate::chain::hex_of(keypair.sign(&payload).0),
		});
	}
	let call = Call::SignDocuments(SignDocuments { items });
	let stored = intake.store_alone(app, principal, &call, &fingerprint).await?;
	Ok(intake::accepted(stored))
}
