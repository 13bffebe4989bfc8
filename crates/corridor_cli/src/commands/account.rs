//! `corridor account create`: make an account from the command line (the first admin, organisers).

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use corridor_app::actor::Role;
use corridor_app::auth::{AccountInput, AuthError};
use corridor_app::config::RawConfig;

use super::with_app;
use crate::settings::{EXIT_BAD_INPUT, GlobalArgs, StorageArgs};

#[derive(Subcommand, Debug)]
pub enum AccountCommand {
    /// Create an account. The password is read from standard input (`--password-stdin`) or asked for.
    Create(CreateArgs),
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum RoleArg {
    Admin,
    Organiser,
    Member,
}

#[derive(Args, Debug)]
pub struct CreateArgs {
    #[arg(long)]
    pub email: String,
    #[arg(long, value_enum)]
    pub role: RoleArg,
    /// The name others see [default: the part of the address before the @].
    #[arg(long)]
    pub display_name: Option<String>,
    /// Read the password from the first line of standard input instead of asking for it.
    #[arg(long)]
    pub password_stdin: bool,
    #[command(flatten)]
    pub storage: StorageArgs,
}

pub fn run(global: &GlobalArgs, command: AccountCommand) -> ExitCode {
    let AccountCommand::Create(args) = command;
    let mut flags = RawConfig::default();
    args.storage.apply(&mut flags);
    let config = match global.load(flags) {
        Ok(config) => config,
        Err(code) => return code,
    };
    let password = match read_password(args.password_stdin) {
        Ok(password) => password,
        Err(e) => {
            eprintln!("corridor: password: {e}");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    let role = match args.role {
        RoleArg::Admin => Role::Admin,
        RoleArg::Organiser => Role::Organiser,
        RoleArg::Member => Role::Member,
    };
    let display_name = args
        .display_name
        .clone()
        .unwrap_or_else(|| args.email.split('@').next().unwrap_or_default().to_owned());
    let input = AccountInput {
        email: &args.email,
        display_name: &display_name,
        password: &password,
        role,
    };
    let created = with_app(config, async |app| app.auth().create_account(input).await);
    match created {
        Err(code) => code,
        Ok(Ok(account)) => {
            println!(
                "created {} account {} <{}>",
                role.as_str(),
                account.id,
                account.email
            );
            ExitCode::SUCCESS
        }
        Ok(Err(e @ (AuthError::Store(_) | AuthError::Internal(_)))) => {
            eprintln!("corridor: {e}");
            ExitCode::FAILURE
        }
        Ok(Err(e)) => {
            eprintln!("corridor: {e}");
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}

/// The first line of standard input, or (on a terminal) a typed line. Typed input is echoed:
/// prefer `--password-stdin` from a password manager or a file.
fn read_password(from_stdin: bool) -> std::io::Result<String> {
    let stdin = std::io::stdin();
    if !from_stdin {
        if !stdin.is_terminal() {
            return Err(std::io::Error::other(
                "standard input is not a terminal; use --password-stdin",
            ));
        }
        eprint!("Password (shown as you type): ");
        std::io::stderr().flush()?;
    }
    let mut line = String::new();
    stdin.lock().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}
