//! One module per subcommand, and the start-up they share.

pub mod account;
pub mod config;
pub mod import;
pub mod migrate;
pub mod privacy;
pub mod schedule;
pub mod serve;

use std::process::ExitCode;

use corridor_app::config::Config;
use corridor_app::{App, StartError};
use tokio::runtime::Runtime;

use crate::settings::report;

/// The async runtime, or the exit status when it cannot start (said on standard error).
pub fn runtime() -> Result<Runtime, ExitCode> {
    Runtime::new().map_err(|e| {
        eprintln!("corridor: cannot start the async runtime: {e}");
        ExitCode::FAILURE
    })
}

/// Starts the app on `config` (applying pending migrations), runs `work` with it and closes the
/// store. When the runtime or the app cannot start, says why on standard error and gives the exit
/// status instead: bad input for configuration problems, failure otherwise.
pub fn with_app<T>(config: Config, work: impl AsyncFnOnce(&App) -> T) -> Result<T, ExitCode> {
    runtime()?.block_on(async {
        let app = match App::start(config).await {
            Ok(app) => app,
            Err(StartError::Config(problems)) => return Err(report(&problems)),
            Err(e) => {
                eprintln!("corridor: {e}");
                return Err(ExitCode::FAILURE);
            }
        };
        let done = work(&app).await;
        app.store.close().await;
        Ok(done)
    })
}
