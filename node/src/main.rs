//! `pactum-node`: the Pactum chain's node. Everything but the version string is in
//! `pactum-node-service` (`node/service/`), so a commit relinks this binary only.

fn main() -> pactum_node_service::Result<()> {
	pactum_node_service::run(env!("SUBSTRATE_CLI_IMPL_VERSION"))
}
