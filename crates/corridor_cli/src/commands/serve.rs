//! `corridor serve`: the web server.

use std::process::ExitCode;

use clap::Args;
use corridor_app::config::{Config, ConfigProblem, ConfigProblems, LogFormat, RawConfig};
use corridor_app::demo::{DEMO_PASSWORD, LoadOutcome};
use corridor_app::{App, StartError};

use crate::settings::{GlobalArgs, StorageArgs, report};

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<String>,
    #[command(flatten)]
    pub storage: StorageArgs,
    /// Mark the site as a demo, use a separate demo database and load the demo corridor into it
    /// when it is empty.
    #[arg(long)]
    pub demo: bool,
    /// Log format: text or json [default: text].
    #[arg(long, value_name = "FORMAT")]
    pub log_format: Option<String>,
}

pub fn run(global: &GlobalArgs, args: ServeArgs) -> ExitCode {
    let mut flags = RawConfig::default();
    flags.server.listen = args.listen;
    flags.server.log_format = args.log_format;
    args.storage.apply(&mut flags);
    if args.demo {
        flags.site.demo = Some(true);
    }
    let config = match global.load(flags) {
        Ok(config) => config,
        Err(code) => return code,
    };
    init_tracing(config.server.log_format);
    match super::runtime() {
        Ok(runtime) => runtime.block_on(serve(config)),
        Err(code) => code,
    }
}

async fn serve(config: Config) -> ExitCode {
    let listen = config.server.listen;
    let database = config.storage.database_url.redacted();
    let app = match App::start(config).await {
        Ok(app) => app,
        Err(StartError::Config(problems)) => return report(&problems),
        Err(e @ StartError::Migration(_)) => {
            eprintln!("corridor: {e}");
            return ExitCode::FAILURE;
        }
    };
    if app.config.site.demo {
        let started = std::time::Instant::now();
        match corridor_app::demo::load(&app).await {
            Ok(LoadOutcome::Loaded {
                organisations,
                people,
                accounts,
            }) => println!(
                "Loaded the demo corridor: {organisations} organisations, {people} people, \
                 {accounts} accounts (password \"{DEMO_PASSWORD}\"; organiser: \
                 organiser.islamabad@example.org) in {:.1} s",
                started.elapsed().as_secs_f64()
            ),
            Ok(LoadOutcome::AlreadyPopulated) => {
                println!("Demo database already holds data; demo data not loaded again")
            }
            Err(e) => {
                eprintln!("corridor: could not load the demo data: {e}");
                app.store.close().await;
                return ExitCode::FAILURE;
            }
        }
    }
    let listener = match tokio::net::TcpListener::bind(listen).await {
        Ok(l) => l,
        Err(e) => {
            let problem =
                ConfigProblem::new("server.listen", format!("cannot listen on {listen}: {e}"));
            return report(&ConfigProblems::one(problem));
        }
    };
    let address = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_else(|_| listen.to_string());
    let demo = if app.config.site.demo { " (demo)" } else { "" };
    println!(
        "Corridor{demo} is running at http://{address}/  (database: {database}; Ctrl-C to stop)"
    );
    tracing::info!(%address, %database, "listening");
    let store = app.store.clone();
    let result = corridor_web::serve(app, listener, shutdown_signal()).await;
    store.close().await;
    match result {
        Ok(()) => {
            tracing::info!("stopped");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("corridor: server error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Resolves on SIGTERM (service managers) or Ctrl-C.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutdown requested; finishing in-flight requests");
}

fn init_tracing(format: LogFormat) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("CORRIDOR_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.init(),
    }
}
