//! `corridor schedule` and `corridor generate-instance` (being written).

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct ScheduleArgs {
    pub instance: std::path::PathBuf,
}

#[derive(clap::Args)]
pub struct GenerateArgs {}

pub fn run(_args: ScheduleArgs) -> ExitCode {
    eprintln!("corridor schedule: not built yet");
    ExitCode::from(2)
}

pub fn run_generate(_args: GenerateArgs) -> ExitCode {
    eprintln!("corridor generate-instance: not built yet");
    ExitCode::from(2)
}
