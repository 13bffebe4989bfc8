//! `corridor migrate`: apply pending migrations without serving.

use std::process::ExitCode;

use clap::Args;
use corridor_app::config::RawConfig;
use corridor_app::{App, StartError};

use crate::settings::{GlobalArgs, StorageArgs, report};

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
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("corridor: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async {
        // App::start applies the migrations; what it reports is what was pending.
        match App::start(config).await {
            Ok(app) => {
                println!("{database}: schema up to date");
                app.store.close().await;
                ExitCode::SUCCESS
            }
            Err(StartError::Config(problems)) => report(&problems),
            Err(e @ StartError::Migration(_)) => {
                eprintln!("corridor: {e}");
                ExitCode::FAILURE
            }
        }
    })
}
