//! Starting the application: directories, database connection and migrations.

use std::path::Path;
use std::sync::Arc;

use corridor_store::{Store, StoreError};

use crate::config::{Config, ConfigProblem, ConfigProblems};

/// The running application, shared by the web server, the CLI and tests. Cheap to clone.
#[derive(Clone)]
pub struct App {
    pub config: Arc<Config>,
    pub store: Store,
    /// Outgoing mail (SMTP or the outbox directory).
    pub mailer: crate::mail::Mailer,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// A setting is wrong or unusable (the operator's fault): exit status 2.
    #[error("{0}")]
    Config(#[from] ConfigProblems),
    /// Migrations failed on a reachable database (ours, or a damaged database).
    #[error("database migration failed: {0}")]
    Migration(#[source] StoreError),
}

impl From<ConfigProblem> for StartError {
    fn from(problem: ConfigProblem) -> Self {
        StartError::Config(ConfigProblems::one(problem))
    }
}

impl App {
    /// Prepares the data directory, connects to the database and applies pending migrations.
    pub async fn start(config: Config) -> Result<App, StartError> {
        prepare_dir(&config.storage.data_dir, "storage.data_dir")?;
        if config.mail.smtp.is_none() {
            prepare_dir(&config.mail.outbox_dir, "mail.outbox_dir")?;
        }
        let store = Store::connect(&config.storage.database_url)
            .await
            .map_err(|e| {
                ConfigProblems::one(ConfigProblem::new("storage.database_url", with_causes(&e)))
            })?;
        let applied = store.migrate().await.map_err(StartError::Migration)?;
        for m in &applied {
            tracing::info!(version = m.version, description = %m.description, "applied migration");
        }
        crate::mail::Mailer::check(&config.mail)
            .map_err(|e| ConfigProblem::new("mail", e.to_string()))?;
        Ok(App {
            mailer: crate::mail::Mailer::new(&config.mail),
            config: Arc::new(config),
            store,
        })
    }

    /// An application over an existing store (tests build their database first).
    pub fn with_store(config: Config, store: Store) -> App {
        App {
            mailer: crate::mail::Mailer::new(&config.mail),
            config: Arc::new(config),
            store,
        }
    }
}

/// The error and its sources on one line ("cannot reach …: connection refused").
fn with_causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut next = error.source();
    while let Some(cause) = next {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        next = cause.source();
    }
    text
}

/// Creates `dir` if missing and checks that Corridor can write there.
pub fn prepare_dir(dir: &Path, setting: &str) -> Result<(), ConfigProblem> {
    let shown = dir.display();
    let problem = |what: String| ConfigProblem::new(setting, what);
    if dir.exists() && !dir.is_dir() {
        return Err(problem(format!("{shown} exists and is not a directory")));
    }
    std::fs::create_dir_all(dir).map_err(|e| problem(format!("cannot create {shown}: {e}")))?;
    std::fs::read_dir(dir).map_err(|e| problem(format!("cannot read {shown}: {e}")))?;
    let probe = dir.join(".corridor-write-check");
    std::fs::write(&probe, b"ok").map_err(|e| problem(format!("cannot write in {shown}: {e}")))?;
    // The probe proved writability; failing to remove it is harmless.
    let _ = std::fs::remove_file(&probe);
    Ok(())
}

/// The same checks as [`prepare_dir`] without creating anything (for `corridor config check`).
pub fn check_dir(dir: &Path, setting: &str) -> Result<(), ConfigProblem> {
    let shown = dir.display();
    let problem = |what: String| ConfigProblem::new(setting, what);
    if dir.exists() {
        if !dir.is_dir() {
            return Err(problem(format!("{shown} exists and is not a directory")));
        }
        std::fs::read_dir(dir).map_err(|e| problem(format!("cannot read {shown}: {e}")))?;
        let meta = std::fs::metadata(dir).map_err(|e| problem(format!("{shown}: {e}")))?;
        if meta.permissions().readonly() {
            return Err(problem(format!("{shown} is read-only")));
        }
        return Ok(());
    }
    // Walk up to the nearest existing ancestor, which must let us create the rest.
    let mut ancestor = dir.parent();
    while let Some(a) = ancestor {
        if a.as_os_str().is_empty() || a.exists() {
            break;
        }
        ancestor = a.parent();
    }
    match ancestor {
        Some(a)
            if !a.as_os_str().is_empty()
                && (!a.is_dir()
                    || std::fs::metadata(a)
                        .map(|m| m.permissions().readonly())
                        .unwrap_or(true)) =>
        {
            Err(problem(format!(
                "cannot create {shown}: {} is not a writable directory",
                a.display()
            )))
        }
        _ => Ok(()),
    }
}
