//! Revoked access tokens: the `revoked_jti` table mirrored in memory, so that checking a token
//! costs no query. Its keys are a token's `jti`, `family:<id>` (every access token issued with a
//! refresh-token family) or `client:<id>` (every token of a retired API client), each kept until
//! the last token it can match has expired. One gateway runs per database (`db::leader`), so
//! the mirror is complete for what the gateway revokes itself; what an admin command revokes in
//! another process is picked up at the next reload (every ten seconds).

use std::collections::HashMap;
use std::sync::RwLock;

use crate::clock::now_ms;
use crate::db::{revoked_jti, Db};

/// The in-memory denylist: `jti` → expiry (ms).
#[derive(Debug, Default)]
pub struct RevokedTokens {
	map: RwLock<HashMap<String, i64>>,
}

impl RevokedTokens {
	/// Loads the revocations still in force.
	pub async fn load(db: &Db) -> Result<RevokedTokens, sqlx::Error> {
		let revoked = RevokedTokens::default();
		revoked.reload(db).await?;
		Ok(revoked)
	}

	/// Replaces the mirror with the table's content, and purges the table.
	pub async fn reload(&self, db: &Db) -> Result<(), sqlx::Error> {
		let now = now_ms();
		revoked_jti::purge(&db.pool, now).await?;
		let live: HashMap<String, i64> =
			revoked_jti::live(&db.pool, now).await?.into_iter().collect();
		*self.map.write().unwrap_or_else(|p| p.into_inner()) = live;
		Ok(())
	}

	/// Whether `jti` was revoked.
	pub fn is_revoked(&self, jti: &str) -> bool {
		self.map.read().unwrap_or_else(|p| p.into_inner()).contains_key(jti)
	}

	/// Whether an access token with these claims was revoked: itself, its refresh-token family,
	/// or its client.
	pub fn refuses(&self, jti: &str, family: Option<&str>, client_id: &str) -> bool {
		let map = self.map.read().unwrap_or_else(|p| p.into_inner());
		map.contains_key(jti)
			|| map.contains_key(&client_key(client_id))
			|| family.is_some_and(|f| map.contains_key(&family_key(f)))
	}

	/// Revokes `jti` until `expires_at` (ms): stored first, then mirrored.
	pub async fn revoke(&self, db: &Db, jti: &str, expires_at: i64) -> Result<(), sqlx::Error> {
		revoked_jti::insert(&db.pool, jti, expires_at).await?;
		self.map.write().unwrap_or_else(|p| p.into_inner()).insert(jti.to_string(), expires_at);
		Ok(())
	}
}

/// The denylist key revoking every access token of a refresh-token family.
pub fn family_key(family_id: &str) -> String {
	format!("family:{family_id}")
}

/// The denylist key revoking every access token of an API client.
pub fn client_key(client_id: &str) -> String {
	format!("client:{client_id}")
}
