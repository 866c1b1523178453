//! The `newscrawl` binary.

fn main() -> std::process::ExitCode {
    newscrawl_cli::main()
}
