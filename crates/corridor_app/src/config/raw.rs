//! Unvalidated configuration layers: the TOML file, the environment and flags all produce one.

use serde::Deserialize;

use super::validate::{ConfigProblem, ConfigProblems};

/// One layer of configuration; `None` means "not set in this layer".
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    #[serde(default)]
    pub site: RawSite,
    #[serde(default)]
    pub corridor: RawCorridor,
    #[serde(default)]
    pub server: RawServer,
    #[serde(default)]
    pub storage: RawStorage,
    #[serde(default)]
    pub mail: RawMail,
    #[serde(default)]
    pub auth: crate::auth::RawAuth,
    #[serde(default)]
    pub privacy: crate::privacy::RawPrivacy,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawSite {
    pub name: Option<String>,
    pub demo: Option<bool>,
    pub base_url: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawCorridor {
    pub countries: Option<Vec<RawCountry>>,
    pub base_currency: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawCountry {
    pub code: String,
    pub time_zone: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawServer {
    pub listen: Option<String>,
    pub log_format: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawStorage {
    pub data_dir: Option<String>,
    pub database_url: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawMail {
    pub from: Option<String>,
    pub outbox_dir: Option<String>,
    pub smtp: Option<RawSmtp>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawSmtp {
    pub host: Option<String>,
    pub port: Option<u16>,
    pub username: Option<String>,
    pub password: Option<String>,
    pub starttls: Option<bool>,
}

/// Environment variables read by [`RawConfig::from_env`], with the setting each one sets.
pub const ENV_VARS: &[(&str, &str)] = &[
    ("CORRIDOR_SITE_NAME", "site.name"),
    ("CORRIDOR_DEMO", "site.demo"),
    ("CORRIDOR_BASE_URL", "site.base_url"),
    ("CORRIDOR_COUNTRIES", "corridor.countries"),
    ("CORRIDOR_TIME_ZONES", "corridor.countries[].time_zone"),
    ("CORRIDOR_BASE_CURRENCY", "corridor.base_currency"),
    ("CORRIDOR_LISTEN", "server.listen"),
    ("CORRIDOR_LOG_FORMAT", "server.log_format"),
    ("CORRIDOR_DATA_DIR", "storage.data_dir"),
    ("CORRIDOR_DATABASE_URL", "storage.database_url"),
    ("CORRIDOR_MAIL_FROM", "mail.from"),
    ("CORRIDOR_OUTBOX_DIR", "mail.outbox_dir"),
    ("CORRIDOR_SMTP_HOST", "mail.smtp.host"),
    ("CORRIDOR_SMTP_PORT", "mail.smtp.port"),
    ("CORRIDOR_SMTP_USERNAME", "mail.smtp.username"),
    ("CORRIDOR_SMTP_PASSWORD", "mail.smtp.password"),
    ("CORRIDOR_SMTP_STARTTLS", "mail.smtp.starttls"),
    (
        "CORRIDOR_EVENT_REGISTRANT_RETENTION_DAYS",
        "privacy.event_registrant_retention_days",
    ),
];

impl RawConfig {
    /// Parses a `corridor.toml`; errors carry the line and column.
    pub fn from_toml_str(text: &str, file: &str) -> Result<RawConfig, ConfigProblems> {
        toml::from_str(text).map_err(|e| {
            let place = e
                .span()
                .map(|span| {
                    let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
                    format!("{file}, line {line}")
                })
                .unwrap_or_else(|| file.to_owned());
            let message = e.message().to_owned();
            ConfigProblems::one(ConfigProblem::new(place, message))
        })
    }

    /// Reads `CORRIDOR_*` variables from `vars` (the process environment in production). Bad
    /// values are reported and left unset, so the rest can still be validated.
    pub fn from_env<I, K, V>(vars: I) -> (RawConfig, Vec<ConfigProblem>)
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let mut raw = RawConfig::default();
        let mut problems = Vec::new();
        let mut time_zones: Option<Vec<String>> = None;
        for (key, value) in vars {
            let (key, value) = (key.as_ref(), value.as_ref().to_owned());
            let setting = ENV_VARS.iter().find(|(k, _)| *k == key).map(|(_, s)| *s);
            let Some(setting) = setting else { continue };
            let mut bool_of = |v: &str| match v {
                "1" | "true" | "yes" | "on" => Some(true),
                "0" | "false" | "no" | "off" | "" => Some(false),
                _ => {
                    problems.push(ConfigProblem::new(
                        key,
                        format!("{setting}: expected true or false, got {v:?}"),
                    ));
                    None
                }
            };
            match key {
                "CORRIDOR_SITE_NAME" => raw.site.name = Some(value),
                "CORRIDOR_DEMO" => raw.site.demo = bool_of(&value),
                "CORRIDOR_BASE_URL" => raw.site.base_url = Some(value),
                "CORRIDOR_COUNTRIES" => {
                    raw.corridor.countries = Some(
                        split_list(&value)
                            .map(|code| RawCountry {
                                code,
                                time_zone: None,
                            })
                            .collect(),
                    )
                }
                "CORRIDOR_TIME_ZONES" => time_zones = Some(split_list(&value).collect()),
                "CORRIDOR_BASE_CURRENCY" => raw.corridor.base_currency = Some(value),
                "CORRIDOR_LISTEN" => raw.server.listen = Some(value),
                "CORRIDOR_LOG_FORMAT" => raw.server.log_format = Some(value),
                "CORRIDOR_DATA_DIR" => raw.storage.data_dir = Some(value),
                "CORRIDOR_DATABASE_URL" => raw.storage.database_url = Some(value),
                "CORRIDOR_MAIL_FROM" => raw.mail.from = Some(value),
                "CORRIDOR_OUTBOX_DIR" => raw.mail.outbox_dir = Some(value),
                "CORRIDOR_SMTP_HOST" => smtp(&mut raw).host = Some(value),
                "CORRIDOR_SMTP_PORT" => match value.parse() {
                    Ok(port) => smtp(&mut raw).port = Some(port),
                    Err(_) => problems.push(ConfigProblem::new(
                        key,
                        format!("{setting}: expected a port number, got {value:?}"),
                    )),
                },
                "CORRIDOR_SMTP_USERNAME" => smtp(&mut raw).username = Some(value),
                "CORRIDOR_SMTP_PASSWORD" => smtp(&mut raw).password = Some(value),
                "CORRIDOR_SMTP_STARTTLS" => smtp(&mut raw).starttls = bool_of(&value),
                "CORRIDOR_EVENT_REGISTRANT_RETENTION_DAYS" => match value.parse() {
                    Ok(days) => raw.privacy.event_registrant_retention_days = Some(days),
                    Err(_) => problems.push(ConfigProblem::new(
                        key,
                        format!("{setting}: expected a number of days, got {value:?}"),
                    )),
                },
                _ => {}
            }
        }
        if let Some(zones) = time_zones {
            // Time zones pair with the countries of the same layer, or of a lower one at merge.
            let countries = raw.corridor.countries.get_or_insert_with(Vec::new);
            if countries.is_empty() {
                problems.push(ConfigProblem::new(
                    "CORRIDOR_TIME_ZONES",
                    "corridor.countries[].time_zone: set CORRIDOR_COUNTRIES together with CORRIDOR_TIME_ZONES",
                ));
            } else if zones.len() != countries.len() {
                problems.push(ConfigProblem::new(
                    "CORRIDOR_TIME_ZONES",
                    format!(
                        "corridor.countries[].time_zone: {} time zones for {} countries",
                        zones.len(),
                        countries.len()
                    ),
                ));
            } else {
                for (country, zone) in countries.iter_mut().zip(zones) {
                    country.time_zone = Some(zone);
                }
            }
        }
        (raw, problems)
    }

    /// Lays `over` on top of `self`: every value set in `over` wins.
    pub fn merge(self, over: RawConfig) -> RawConfig {
        let smtp = match (self.mail.smtp, over.mail.smtp) {
            (Some(a), Some(b)) => Some(RawSmtp {
                host: b.host.or(a.host),
                port: b.port.or(a.port),
                username: b.username.or(a.username),
                password: b.password.or(a.password),
                starttls: b.starttls.or(a.starttls),
            }),
            (a, b) => b.or(a),
        };
        RawConfig {
            site: RawSite {
                name: over.site.name.or(self.site.name),
                demo: over.site.demo.or(self.site.demo),
                base_url: over.site.base_url.or(self.site.base_url),
            },
            corridor: RawCorridor {
                countries: over.corridor.countries.or(self.corridor.countries),
                base_currency: over.corridor.base_currency.or(self.corridor.base_currency),
            },
            server: RawServer {
                listen: over.server.listen.or(self.server.listen),
                log_format: over.server.log_format.or(self.server.log_format),
            },
            storage: RawStorage {
                data_dir: over.storage.data_dir.or(self.storage.data_dir),
                database_url: over.storage.database_url.or(self.storage.database_url),
            },
            mail: RawMail {
                from: over.mail.from.or(self.mail.from),
                outbox_dir: over.mail.outbox_dir.or(self.mail.outbox_dir),
                smtp,
            },
            auth: self.auth.merge(over.auth),
            privacy: self.privacy.merge(over.privacy),
        }
    }
}

fn smtp(raw: &mut RawConfig) -> &mut RawSmtp {
    raw.mail.smtp.get_or_insert_with(RawSmtp::default)
}

fn split_list(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}
