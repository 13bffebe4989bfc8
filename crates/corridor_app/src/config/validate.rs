//! Turning a merged [`RawConfig`] into a [`Config`], collecting every problem at once.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

use corridor_domain::codes::{CountryCode, CurrencyCode, TimeZoneName};
use corridor_store::DatabaseUrl;
use secrecy::SecretString;

use super::raw::RawConfig;
use super::{
    Config, CorridorConfig, CorridorCountry, LogFormat, MailConfig, ServerConfig, SiteConfig,
    SmtpConfig, StorageConfig,
};

/// One problem, naming the setting (or file position) it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    pub setting: String,
    pub message: String,
}

impl ConfigProblem {
    pub fn new(setting: impl Into<String>, message: impl Into<String>) -> Self {
        ConfigProblem {
            setting: setting.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.setting, self.message)
    }
}

/// Every problem found; never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblems(pub Vec<ConfigProblem>);

impl ConfigProblems {
    pub fn one(problem: ConfigProblem) -> Self {
        ConfigProblems(vec![problem])
    }
}

impl fmt::Display for ConfigProblems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&lines.join("\n"))
    }
}

impl std::error::Error for ConfigProblems {}

/// The corridor this project started with; any pair can be configured instead.
const DEFAULT_COUNTRIES: [(&str, &str); 2] = [("PK", "Asia/Karachi"), ("US", "America/New_York")];

/// Countries whose default time zone is unambiguous enough to assume (the capital's zone).
const DEFAULT_TIME_ZONES: &[(&str, &str)] = &[
    ("PK", "Asia/Karachi"),
    ("US", "America/New_York"),
    ("GB", "Europe/London"),
    ("AE", "Asia/Dubai"),
    ("CN", "Asia/Shanghai"),
    ("IN", "Asia/Kolkata"),
    ("DE", "Europe/Berlin"),
    ("SA", "Asia/Riyadh"),
    ("TR", "Europe/Istanbul"),
];

impl RawConfig {
    /// Validates and fills in defaults. Pure: touches no file and no network.
    pub fn validate(self) -> Result<Config, ConfigProblems> {
        let mut problems = Vec::new();
        let mut problem = |setting: &str, message: String| {
            problems.push(ConfigProblem::new(setting, message));
        };

        let site = SiteConfig {
            name: match self.site.name {
                Some(name) if name.trim().is_empty() => {
                    problem("site.name", "must not be empty".into());
                    String::new()
                }
                Some(name) => name.trim().to_owned(),
                None => "Corridor".to_owned(),
            },
            demo: self.site.demo.unwrap_or(false),
            base_url: crate::auth::site_base_url(
                self.site.base_url.as_deref(),
                self.server.listen.as_deref(),
                &mut problem,
            ),
        };

        let raw_countries = self.corridor.countries.unwrap_or_else(|| {
            DEFAULT_COUNTRIES
                .iter()
                .map(|(code, tz)| super::RawCountry {
                    code: (*code).to_owned(),
                    time_zone: Some((*tz).to_owned()),
                })
                .collect()
        });
        if raw_countries.len() != 2 {
            problem(
                "corridor.countries",
                format!(
                    "a corridor joins exactly 2 countries, {} given",
                    raw_countries.len()
                ),
            );
        }
        let mut countries = Vec::new();
        for (i, raw) in raw_countries.iter().enumerate().take(2) {
            let code = match CountryCode::parse(&raw.code) {
                Ok(code) => Some(code),
                Err(e) => {
                    problem(&format!("corridor.countries[{i}].code"), e.to_string());
                    None
                }
            };
            let zone_name = raw.time_zone.clone().or_else(|| {
                let code = code.as_ref()?.as_str();
                DEFAULT_TIME_ZONES
                    .iter()
                    .find(|(c, _)| *c == code)
                    .map(|(_, z)| (*z).to_owned())
            });
            let setting = format!("corridor.countries[{i}].time_zone");
            let zone = match zone_name {
                Some(name) => match TimeZoneName::parse(&name) {
                    Ok(zone) => Some(zone),
                    Err(e) => {
                        problem(&setting, e.to_string());
                        None
                    }
                },
                None => {
                    problem(
                        &setting,
                        format!("required: no default time zone for {}", raw.code),
                    );
                    None
                }
            };
            if let (Some(code), Some(time_zone)) = (code, zone) {
                countries.push(CorridorCountry { code, time_zone });
            }
        }
        if countries.len() == 2 && countries[0].code == countries[1].code {
            problem(
                "corridor.countries[1].code",
                format!(
                    "the two countries must differ, both are {}",
                    countries[0].code
                ),
            );
        }
        let base_currency =
            match CurrencyCode::parse(self.corridor.base_currency.as_deref().unwrap_or("USD")) {
                Ok(c) => Some(c),
                Err(e) => {
                    problem("corridor.base_currency", e.to_string());
                    None
                }
            };

        let listen_text = self
            .server
            .listen
            .unwrap_or_else(|| "127.0.0.1:8080".to_owned());
        let listen = match listen_text.parse::<SocketAddr>() {
            Ok(addr) => Some(addr),
            Err(_) => {
                problem(
                    "server.listen",
                    format!(
                        "expected an address and port such as 127.0.0.1:8080, got {listen_text:?}"
                    ),
                );
                None
            }
        };
        let log_format = match self.server.log_format.as_deref().unwrap_or("text") {
            "text" => LogFormat::Text,
            "json" => LogFormat::Json,
            other => {
                problem(
                    "server.log_format",
                    format!("expected text or json, got {other:?}"),
                );
                LogFormat::Text
            }
        };

        let data_dir = PathBuf::from(self.storage.data_dir.unwrap_or_else(|| "data".to_owned()));
        if data_dir.as_os_str().is_empty() {
            problem("storage.data_dir", "must not be empty".into());
        }
        let database_url = match self.storage.database_url.as_deref().map(str::trim) {
            None | Some("") => Some(DatabaseUrl::sqlite_file(
                &data_dir.join(Config::sqlite_file_name(site.demo)),
            )),
            Some(url) => match DatabaseUrl::parse(url) {
                Ok(url) => Some(url),
                Err(e) => {
                    problem("storage.database_url", e.to_string());
                    None
                }
            },
        };

        let from = self
            .mail
            .from
            .unwrap_or_else(|| "Corridor <no-reply@localhost>".to_owned());
        if !from.contains('@') {
            problem(
                "mail.from",
                format!("expected an e-mail address, got {from:?}"),
            );
        }
        let outbox_dir = self
            .mail
            .outbox_dir
            .filter(|d| !d.trim().is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| data_dir.join("outbox"));
        let smtp = match self.mail.smtp {
            None => None,
            Some(raw) => {
                let host = raw.host.unwrap_or_default();
                if host.trim().is_empty() {
                    problem(
                        "mail.smtp.host",
                        "required when any SMTP setting is given".into(),
                    );
                }
                if raw.username.is_some() != raw.password.is_some() {
                    problem(
                        "mail.smtp.password",
                        "username and password must be given together".into(),
                    );
                }
                Some(SmtpConfig {
                    host: host.trim().to_owned(),
                    port: raw.port.unwrap_or(587),
                    username: raw.username,
                    password: raw.password.map(SecretString::from),
                    starttls: raw.starttls.unwrap_or(true),
                })
            }
        };

        let auth = self.auth.validate(&mut problem);
        let privacy = self.privacy.validate(&mut problem);

        match (problems.is_empty(), listen, database_url, base_currency) {
            (true, Some(listen), Some(database_url), Some(base_currency))
                if countries.len() == 2 =>
            {
                let [a, b]: [CorridorCountry; 2] = countries
                    .try_into()
                    .map_err(|_| ConfigProblems(Vec::new()))?;
                Ok(Config {
                    site,
                    corridor: CorridorConfig {
                        countries: [a, b],
                        base_currency,
                    },
                    server: ServerConfig { listen, log_format },
                    storage: StorageConfig {
                        data_dir,
                        database_url,
                    },
                    mail: MailConfig {
                        from,
                        outbox_dir,
                        smtp,
                    },
                    auth,
                    privacy,
                })
            }
            _ => Err(ConfigProblems(problems)),
        }
    }
}
