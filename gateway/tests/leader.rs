//! One gateway per database: the second to take the lock is refused until the first lets go.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use pactum_gateway::db::leader::LeaderError;
use pactum_gateway::db::Db;

#[tokio::test]
async fn a_second_gateway_on_the_same_sqlite_database_is_refused() {
	let dir = tempfile::tempdir().unwrap();
	let url = format!("sqlite://{}/gateway.db?mode=rwc", dir.path().display());
	let first = Db::connect(&url, 2).await.unwrap();
	let second = Db::connect(&url, 2).await.unwrap();
	let held = first.leader_lock(&url).await.unwrap();
	assert!(matches!(second.leader_lock(&url).await, Err(LeaderError::Held(_))));
	drop(held);
	second.leader_lock(&url).await.expect("free once the first let go");

	let other = format!("sqlite://{}/other.db?mode=rwc", dir.path().display());
	Db::connect(&other, 2).await.unwrap().leader_lock(&other).await.expect("another database");
}

/// On PostgreSQL (`PACTUM_TEST_PG_URL`, set by `scripts/test.sh gateway`): a session advisory lock.
#[tokio::test]
async fn a_second_gateway_on_the_same_postgres_database_is_refused() {
	let Ok(server) = std::env::var("PACTUM_TEST_PG_URL") else {
		eprintln!(
			"PACTUM_TEST_PG_URL not set: the SQLite run; scripts/test.sh runs this on PostgreSQL"
		);
		return;
	};
	let url = common::fresh_postgres_database(&server).await;
	let first = Db::connect(&url, 2).await.unwrap();
	let second = Db::connect(&url, 2).await.unwrap();
	let held = first.leader_lock(&url).await.unwrap();
	assert!(matches!(second.leader_lock(&url).await, Err(LeaderError::Held(_))));
	drop(held);
	// The lock goes with the session, once the server sees the connection closed.
	let mut free = false;
	for _ in 0..50 {
		if second.leader_lock(&url).await.is_ok() {
			free = true;
			break;
		}
		tokio::time::sleep(std::time::Duration::from_millis(100)).await;
	}
	assert!(free, "free once the first let go");
}
