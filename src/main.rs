//! The `haven` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    haven::cli::run()
}
