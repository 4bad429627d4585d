//! The `pactum-gateway` binary: see [`pactum_gateway::cli`].

fn main() -> std::process::ExitCode {
	pactum_gateway::cli::main()
}
