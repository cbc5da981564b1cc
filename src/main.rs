//! folio's entry point: parse the arguments and hand over.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    folio::cli::run(folio::cli::Args::parse())
}
