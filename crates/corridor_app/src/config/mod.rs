//! The one typed configuration, a sub-struct per concern.
//!
//! Precedence: built-in defaults < `corridor.toml` < `CORRIDOR_*` environment < command-line flags.
//! Each layer is a [`RawConfig`] of optional values; [`RawConfig::merge`] lays one over another
//! and [`RawConfig::validate`] turns the result into a [`Config`], reporting every problem with the
//! setting's name.

mod load;
mod raw;
mod validate;

use std::net::SocketAddr;
use std::path::PathBuf;

use corridor_domain::codes::{CountryCode, CurrencyCode, TimeZoneName};
use corridor_store::DatabaseUrl;
use secrecy::SecretString;

pub use load::{ConfigFile, DEFAULT_FILE, load};
pub use raw::{ENV_VARS, RawConfig, RawCountry, RawSmtp};
pub use validate::{ConfigProblem, ConfigProblems};

/// Validated configuration: every value here has been checked.
#[derive(Debug, Clone)]
pub struct Config {
    pub site: SiteConfig,
    pub corridor: CorridorConfig,
    pub server: ServerConfig,
    pub storage: StorageConfig,
    pub mail: MailConfig,
    /// Sessions and rate limits of log-in, sign-up and password reset.
    pub auth: crate::auth::AuthConfig,
    /// Retention of event-only registrants' personal data.
    pub privacy: crate::privacy::PrivacyConfig,
}

#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub name: String,
    /// Marks every page as demo data and keeps the demo database apart from the real one.
    pub demo: bool,
    /// Where users reach the site: links in mail, and `Secure` cookies unless plain http on loopback.
    pub base_url: url::Url,
}

/// The pair of countries the platform connects. Configuration, not code.
#[derive(Debug, Clone)]
pub struct CorridorConfig {
    pub countries: [CorridorCountry; 2],
    pub base_currency: CurrencyCode,
}

#[derive(Debug, Clone)]
pub struct CorridorCountry {
    pub code: CountryCode,
    pub time_zone: TimeZoneName,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub listen: SocketAddr,
    pub log_format: LogFormat,
}

#[derive(Debug, Clone)]
pub struct StorageConfig {
    pub data_dir: PathBuf,
    /// Explicit URL, or the SQLite file under `data_dir` when none was given.
    pub database_url: DatabaseUrl,
}

#[derive(Debug, Clone)]
pub struct MailConfig {
    pub from: String,
    /// Where mail goes when no SMTP server is configured (one `.eml` file per message).
    pub outbox_dir: PathBuf,
    pub smtp: Option<SmtpConfig>,
}

#[derive(Debug, Clone)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub username: Option<String>,
    pub password: Option<SecretString>,
    pub starttls: bool,
}

impl Config {
    /// The file name of the SQLite database inside the data directory.
    pub fn sqlite_file_name(demo: bool) -> &'static str {
        if demo {
            "corridor-demo.db"
        } else {
            "corridor.db"
        }
    }
}
