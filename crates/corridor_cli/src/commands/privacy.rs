//! `corridor privacy purge [--dry-run]`: removes now, rather than at the server's next hourly run,
//! the personal data of event-only registrants past the retention period, keeping anonymous counts.

use std::process::ExitCode;

use clap::{Args, Subcommand};
use corridor_app::config::RawConfig;
use corridor_app::privacy::retention::{PurgeReport, purge};

use super::with_app;
use crate::settings::{GlobalArgs, StorageArgs};

#[derive(Subcommand, Debug)]
pub enum PrivacyCommand {
    /// Remove event-only registrants past the retention period (docs/PRIVACY.md).
    Purge(PurgeArgs),
}

#[derive(Args, Debug)]
pub struct PurgeArgs {
    /// Report what would be removed and change nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub storage: StorageArgs,
}

pub fn run(global: &GlobalArgs, command: PrivacyCommand) -> ExitCode {
    let PrivacyCommand::Purge(args) = command;
    let mut flags = RawConfig::default();
    args.storage.apply(&mut flags);
    let config = match global.load(flags) {
        Ok(config) => config,
        Err(code) => return code,
    };
    let purged = with_app(config, async |app| {
        purge(app, std::time::SystemTime::now().into(), args.dry_run).await
    });
    match purged {
        Err(code) => code,
        Ok(Ok(report)) => {
            print_report(&report);
            ExitCode::SUCCESS
        }
        Ok(Err(e)) => {
            eprintln!("corridor: purge failed: {e}");
            ExitCode::FAILURE
        }
    }
}

fn print_report(report: &PurgeReport) {
    let verb = if report.dry_run {
        "would remove"
    } else {
        "removed"
    };
    println!(
        "{verb} {} event registrant(s) registered before {} (retention: {} days)",
        report.removed,
        report.cutoff.format("%Y-%m-%d %H:%M UTC"),
        report.retention_days
    );
    for c in &report.counts {
        println!(
            "  {} {} {}: {}",
            c.registered_month, c.country, c.person_kind, c.registrants
        );
    }
}
