//! End-to-end tests of the `corridor` binary.

use std::process::{Command, Output};

mod config;
mod privacy;
mod schedule;
mod serve;

/// The built binary, ready for arguments.
pub fn corridor() -> Command {
    Command::new(env!("CARGO_BIN_EXE_corridor"))
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}
