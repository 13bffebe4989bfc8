//! The `corridor` binary.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod commands;

#[derive(Parser)]
#[command(name = "corridor", version, about = "Corridor: a bilateral trade-promotion platform")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Schedule B2B meetings for an instance file (.dzn or Corridor JSON).
    Schedule(commands::schedule::ScheduleArgs),
    /// Write a deterministic generated B2B scheduling instance (Corridor JSON).
    GenerateInstance(commands::schedule::GenerateArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Schedule(args) => commands::schedule::run(args),
        Command::GenerateInstance(args) => commands::schedule::run_generate(args),
    }
}
