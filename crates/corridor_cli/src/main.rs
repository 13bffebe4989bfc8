//! The `corridor` binary: serve, migrate, config, import, privacy, schedule.
//!
//! Exit status: 0 success, 1 failure at run time, 2 bad input or configuration.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod commands;
mod settings;

#[derive(Parser)]
#[command(
    name = "corridor",
    version,
    about = "Corridor: a bilateral trade-promotion platform"
)]
struct Cli {
    #[command(flatten)]
    global: settings::GlobalArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Start the web server (applies pending migrations first).
    Serve(commands::serve::ServeArgs),
    /// Manage accounts (`corridor account create --email … --role organiser --password-stdin`).
    #[command(subcommand)]
    Account(commands::account::AccountCommand),
    /// Apply pending database migrations and exit.
    Migrate(commands::migrate::MigrateArgs),
    /// Inspect the configuration.
    #[command(subcommand)]
    Config(commands::config::ConfigCommand),
    /// Import organisations or people from CSV or JSON, all or nothing.
    #[command(subcommand)]
    Import(commands::import::ImportCommand),
    /// Privacy chores (`corridor privacy purge [--dry-run]`: event registrants past retention).
    #[command(subcommand)]
    Privacy(commands::privacy::PrivacyCommand),
    /// Schedule B2B meetings for an instance file (.dzn or Corridor JSON).
    Schedule(commands::schedule::ScheduleArgs),
    /// Write a deterministic generated B2B scheduling instance (Corridor JSON).
    GenerateInstance(commands::schedule::GenerateArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve(args) => commands::serve::run(&cli.global, args),
        Command::Migrate(args) => commands::migrate::run(&cli.global, args),
        Command::Account(command) => commands::account::run(&cli.global, command),
        Command::Config(command) => commands::config::run(&cli.global, command),
        Command::Import(command) => commands::import::run(&cli.global, command),
        Command::Privacy(command) => commands::privacy::run(&cli.global, command),
        Command::Schedule(args) => commands::schedule::run(args),
        Command::GenerateInstance(args) => commands::schedule::run_generate(args),
    }
}
