//! Flags shared by the commands that need configuration, and turning them into a [`Config`].

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use corridor_app::config::{self, Config, ConfigFile, ConfigProblems, RawConfig};

/// Exit status for bad input or configuration.
pub const EXIT_BAD_INPUT: u8 = 2;

#[derive(Args, Debug)]
pub struct GlobalArgs {
    /// Configuration file (default: ./corridor.toml when present).
    #[arg(long, global = true, env = "CORRIDOR_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// Flags that override the file and the environment.
#[derive(Args, Debug, Default)]
pub struct StorageArgs {
    /// Directory for the SQLite database and the mail outbox (created if missing).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<String>,
    /// postgres://user:password@host/db to use PostgreSQL instead of the embedded SQLite file.
    #[arg(long, value_name = "URL")]
    pub database_url: Option<String>,
}

impl StorageArgs {
    pub fn apply(&self, raw: &mut RawConfig) {
        raw.storage.data_dir.clone_from(&self.data_dir);
        raw.storage.database_url.clone_from(&self.database_url);
    }
}

impl GlobalArgs {
    pub fn file(&self) -> ConfigFile {
        match &self.config {
            Some(path) => ConfigFile::Named(path.clone()),
            None => ConfigFile::Default,
        }
    }

    /// Loads the configuration with `flags` on top, or prints every problem.
    pub fn load(&self, flags: RawConfig) -> Result<Config, ExitCode> {
        config::load(&self.file(), std::env::vars(), flags).map_err(|problems| report(&problems))
    }
}

/// Prints one line per problem and gives the bad-input exit status.
pub fn report(problems: &ConfigProblems) -> ExitCode {
    for problem in &problems.0 {
        eprintln!("corridor: {problem}");
    }
    ExitCode::from(EXIT_BAD_INPUT)
}
