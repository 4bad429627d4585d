//! `signers`: the chain accounts the gateway signs for, their sealed secrets and nonces.

use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row as _};

/// A stored signer.
#[derive(Debug, Clone)]
pub struct SignerRow {
	/// SS58 address.
	pub account: String,
	pub label: String,
	pub secret_sealed: Vec<u8>,
	/// The nonce the next new transaction gets; `None` until the chain was asked.
	pub next_nonce: Option<i64>,
	pub created_at: i64,
}

impl SignerRow {
	fn from_row(row: &AnyRow) -> Result<SignerRow, sqlx::Error> {
		Ok(SignerRow {
			account: row.try_get("account")?,
			label: row.try_get("label")?,
			secret_sealed: row.try_get("secret_sealed")?,
			next_nonce: row.try_get("next_nonce")?,
			created_at: row.try_get("created_at")?,
		})
	}
}

/// The columns every `SELECT` reads, in `from_row`'s terms.
macro_rules! columns {
	() => {
		"account, label, secret_sealed, next_nonce, created_at"
	};
}

/// Inserts a signer.
pub async fn insert<'e>(
	ex: impl Executor<'e, Database = Any>,
	signer: &SignerRow,
) -> Result<(), sqlx::Error> {
	sqlx::query(
		"INSERT INTO signers (account, label, secret_sealed, next_nonce, created_at) \
		 VALUES ($1, $2, $3, $4, $5)",
	)
	.bind(signer.account.as_str())
	.bind(signer.label.as_str())
	.bind(signer.secret_sealed.as_slice())
	.bind(signer.next_nonce)
	.bind(signer.created_at)
	.execute(ex)
	.await?;
	Ok(())
}

/// The signer of `account`.
pub async fn find<'e>(
	ex: impl Executor<'e, Database = Any>,
	account: &str,
) -> Result<Option<SignerRow>, sqlx::Error> {
	let row = sqlx::query(concat!("SELECT ", columns!(), " FROM signers WHERE account = $1"))
		.bind(account)
		.fetch_optional(ex)
		.await?;
	row.as_ref().map(SignerRow::from_row).transpose()
}

/// Every signer, by label.
pub async fn list<'e>(
	ex: impl Executor<'e, Database = Any>,
) -> Result<Vec<SignerRow>, sqlx::Error> {
	let rows = sqlx::query(concat!("SELECT ", columns!(), " FROM signers ORDER BY label"))
		.fetch_all(ex)
		.await?;
	rows.iter().map(SignerRow::from_row).collect()
}

/// Sets the nonce the next new transaction of `account` gets (`None`: ask the chain again).
pub async fn set_next_nonce<'e>(
	ex: impl Executor<'e, Database = Any>,
	account: &str,
	next_nonce: Option<i64>,
) -> Result<(), sqlx::Error> {
	sqlx::query("UPDATE signers SET next_nonce = $1 WHERE account = $2")
		.bind(next_nonce)
		.bind(account)
		.execute(ex)
		.await?;
	Ok(())
}
