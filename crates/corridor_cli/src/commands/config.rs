//! `corridor config check`: validate the configuration and print every problem.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use corridor_app::config::{self, ConfigFile, ConfigProblems, RawConfig};

use crate::settings::{GlobalArgs, report};

#[derive(Subcommand, Debug)]
pub enum ConfigCommand {
    /// Check a configuration file (with the CORRIDOR_* environment on top) and print every problem.
    Check {
        /// The file to check (default: --config, or ./corridor.toml when present).
        file: Option<PathBuf>,
    },
}

pub fn run(global: &GlobalArgs, command: ConfigCommand) -> ExitCode {
    let ConfigCommand::Check { file } = command;
    let file = match file {
        Some(path) => ConfigFile::Named(path),
        None => global.file(),
    };
    let config = match config::load(&file, std::env::vars(), RawConfig::default()) {
        Ok(config) => config,
        Err(problems) => return report(&problems),
    };
    let mut problems = Vec::new();
    if let Err(p) = corridor_app::check_dir(&config.storage.data_dir, "storage.data_dir") {
        problems.push(p);
    }
    if config.mail.smtp.is_none() {
        if let Err(p) = corridor_app::check_dir(&config.mail.outbox_dir, "mail.outbox_dir") {
            problems.push(p);
        }
    }
    if !problems.is_empty() {
        return report(&ConfigProblems(problems));
    }
    let [a, b] = &config.corridor.countries;
    println!("configuration is valid");
    println!(
        "  site:      {}{}",
        config.site.name,
        if config.site.demo { " (demo)" } else { "" }
    );
    println!(
        "  corridor:  {} ({}) ↔ {} ({}), base currency {}",
        a.code, a.time_zone, b.code, b.time_zone, config.corridor.base_currency
    );
    println!("  listen:    {}", config.server.listen);
    println!("  data dir:  {}", config.storage.data_dir.display());
    println!("  database:  {}", config.storage.database_url.redacted());
    match &config.mail.smtp {
        Some(smtp) => println!(
            "  mail:      SMTP {}:{} from {}",
            smtp.host, smtp.port, config.mail.from
        ),
        None => println!(
            "  mail:      outbox {} from {}",
            config.mail.outbox_dir.display(),
            config.mail.from
        ),
    }
    ExitCode::SUCCESS
}
