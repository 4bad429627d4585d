//! Revoked access tokens: the `revoked_jti` table mirrored in memory, so that checking a token
//! costs no query. One gateway runs per database (plan §4, the leader lock), so the mirror is
//! complete; it is reloaded periodically anyway and entries past their token's expiry are dropped.

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

	/// Revokes `jti` until `expires_at` (ms): stored first, then mirrored.
	pub async fn revoke(&self, db: &Db, jti: &str, expires_at: i64) -> Result<(), sqlx::Error> {
		revoked_jti::insert(&db.pool, jti, expires_at).await?;
		self.map.write().unwrap_or_else(|p| p.into_inner()).insert(jti.to_string(), expires_at);
		Ok(())
	}
}
