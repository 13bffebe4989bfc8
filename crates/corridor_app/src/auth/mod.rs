//! Accounts and sessions: sign-up, log-in with rate limits, sessions with sliding expiry, log-out,
//! password change and reset. HTTP-free: the web crate turns requests into these calls and
//! [`AuthError`]s into statuses.
//!
//! Secrets: passwords are hashed with argon2id on a blocking thread ([`password`]); session and
//! reset tokens are 256-bit random values of which only the SHA-256 is stored ([`token`]).

mod accounts;
mod config;
mod error;
pub mod password;
mod reset;
mod sessions;
mod throttle;
pub mod token;

use corridor_store::accounts::AccountRole;

use crate::App;
use crate::actor::Role;

pub(crate) use accounts::email as email_address;
pub use accounts::{AccountInput, display_name};
pub use config::{AuthConfig, RateLimit, RawAuth, site_base_url};
pub use error::AuthError;
pub use sessions::{ActiveSession, StartedSession};
pub use token::Token;

/// Account and session operations of one [`App`].
#[derive(Clone, Copy)]
pub struct Auth<'a> {
    app: &'a App,
}

impl App {
    pub fn auth(&self) -> Auth<'_> {
        Auth { app: self }
    }
}

impl crate::config::Config {
    /// Whether cookies carry `Secure`: always, unless the site is plain http on loopback.
    pub fn secure_cookies(&self) -> bool {
        self.site.base_url.scheme() == "https"
    }
}

impl From<AccountRole> for Role {
    fn from(role: AccountRole) -> Role {
        match role {
            AccountRole::Admin => Role::Admin,
            AccountRole::Organiser => Role::Organiser,
            AccountRole::Member => Role::Member,
        }
    }
}

impl From<Role> for AccountRole {
    fn from(role: Role) -> AccountRole {
        match role {
            Role::Admin => AccountRole::Admin,
            Role::Organiser => AccountRole::Organiser,
            Role::Member => AccountRole::Member,
        }
    }
}
