//! `corridor migrate`: apply pending migrations without serving.

use std::process::ExitCode;

use clap::Args;
use corridor_app::config::RawConfig;

use super::with_app;
use crate::settings::{GlobalArgs, StorageArgs};

#[derive(Args, Debug)]
pub struct MigrateArgs {
    #[command(flatten)]
    pub storage: StorageArgs,
}

pub fn run(global: &GlobalArgs, args: MigrateArgs) -> ExitCode {
    let mut flags = RawConfig::default();
    args.storage.apply(&mut flags);
    let config = match global.load(flags) {
        Ok(config) => config,
        Err(code) => return code,
    };
    let database = config.storage.database_url.redacted();
    // Starting the app applies the migrations; what it reports is what was pending.
    match with_app(config, async |_| ()) {
        Ok(()) => {
            println!("{database}: schema up to date");
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}
