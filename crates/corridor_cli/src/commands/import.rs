//! `corridor import organisations|people FILE [--format csv|json]`: all or nothing. A bad file
//! is reported line by line (`line N, column X: reason`) with exit status 2, and nothing is stored.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Subcommand, ValueEnum};
use corridor_app::config::RawConfig;
use corridor_app::directory::DirectoryError;
use corridor_app::directory::import::{
    ImportFormat, import_organisations_as_operator, import_people_as_operator,
};
use indicatif::{ProgressBar, ProgressStyle};

use super::with_app;
use crate::settings::{GlobalArgs, StorageArgs};

#[derive(Subcommand, Debug)]
pub enum ImportCommand {
    /// Import organisations (columns in docs/IMPORT.md); they start as unverified drafts.
    Organisations(ImportArgs),
    /// Import people (columns in docs/IMPORT.md).
    People(ImportArgs),
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The CSV or JSON file.
    pub file: PathBuf,
    /// The file's format; by default from its extension (`.json`, else CSV).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    #[command(flatten)]
    pub storage: StorageArgs,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    Csv,
    Json,
}

/// Files larger than this get a spinner: reading and storing them takes noticeable time.
const SPINNER_FROM_BYTES: usize = 256 * 1024;

pub fn run(global: &GlobalArgs, command: ImportCommand) -> ExitCode {
    let (people, args) = match command {
        ImportCommand::Organisations(args) => (false, args),
        ImportCommand::People(args) => (true, args),
    };
    let bytes = match std::fs::read(&args.file) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("corridor: cannot read {}: {e}", args.file.display());
            return ExitCode::from(2);
        }
    };
    let format = match args.format {
        Some(Format::Csv) => ImportFormat::Csv,
        Some(Format::Json) => ImportFormat::Json,
        None => ImportFormat::from_file_name(&args.file.to_string_lossy()),
    };
    let mut flags = RawConfig::default();
    args.storage.apply(&mut flags);
    let config = match global.load(flags) {
        Ok(config) => config,
        Err(code) => return code,
    };
    let progress = progress(bytes.len(), &args.file);
    let outcome = with_app(config, async |app| {
        if people {
            import_people_as_operator(app, &bytes, format)
                .await
                .map(|ids| ids.len())
        } else {
            import_organisations_as_operator(app, &bytes, format)
                .await
                .map(|ids| ids.len())
        }
    });
    progress.finish_and_clear();
    let what = if people { "people" } else { "organisations" };
    match outcome {
        Err(code) => code,
        Ok(Ok(count)) => {
            println!("imported {count} {what} from {}", args.file.display());
            ExitCode::SUCCESS
        }
        Ok(Err(DirectoryError::Import(errors))) => {
            for line in errors.lines() {
                eprintln!("{}: {line}", args.file.display());
            }
            eprintln!(
                "corridor: nothing was imported; fix the lines above and import the file again"
            );
            ExitCode::from(2)
        }
        Ok(Err(e)) => {
            eprintln!("corridor: import failed: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A spinner on standard error for large files (hidden when it is not a terminal).
fn progress(size: usize, file: &std::path::Path) -> ProgressBar {
    if size < SPINNER_FROM_BYTES {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
        bar.set_style(style);
    }
    bar.set_message(format!(
        "importing {} ({} KiB), all or nothing",
        file.display(),
        size / 1024
    ));
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}
