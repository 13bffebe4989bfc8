//! Settings of accounts and sessions: the `[auth]` section and `site.base_url`.

use std::net::{IpAddr, SocketAddr};

use chrono::Duration;
use serde::Deserialize;
use url::Url;

/// The `[auth]` section as written; `None` means "not set in this layer".
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawAuth {
    pub session_days: Option<u32>,
    pub login_max_failures: Option<u32>,
    pub login_max_failures_per_ip: Option<u32>,
    pub login_window_secs: Option<u32>,
    pub signup_max_per_ip: Option<u32>,
    pub signup_window_secs: Option<u32>,
    pub reset_max_per_address: Option<u32>,
    pub reset_window_secs: Option<u32>,
}

impl RawAuth {
    /// Lays `over` on top of `self`: every value set in `over` wins.
    pub fn merge(self, over: RawAuth) -> RawAuth {
        RawAuth {
            session_days: over.session_days.or(self.session_days),
            login_max_failures: over.login_max_failures.or(self.login_max_failures),
            login_max_failures_per_ip: over
                .login_max_failures_per_ip
                .or(self.login_max_failures_per_ip),
            login_window_secs: over.login_window_secs.or(self.login_window_secs),
            signup_max_per_ip: over.signup_max_per_ip.or(self.signup_max_per_ip),
            signup_window_secs: over.signup_window_secs.or(self.signup_window_secs),
            reset_max_per_address: over.reset_max_per_address.or(self.reset_max_per_address),
            reset_window_secs: over.reset_window_secs.or(self.reset_window_secs),
        }
    }

    /// Validates and fills in defaults, reporting problems through `problem(setting, message)`.
    pub fn validate(self, problem: &mut dyn FnMut(&str, String)) -> AuthConfig {
        let mut positive = |setting: &str, value: Option<u32>, default: u32| match value {
            Some(0) => {
                problem(setting, "must be at least 1".into());
                default
            }
            Some(v) => v,
            None => default,
        };
        let session_days = positive("auth.session_days", self.session_days, 14);
        let login_window = positive("auth.login_window_secs", self.login_window_secs, 15 * 60);
        AuthConfig {
            session_ttl: Duration::days(i64::from(session_days)),
            login_per_address: RateLimit::new(
                positive("auth.login_max_failures", self.login_max_failures, 5),
                login_window,
            ),
            login_per_ip: RateLimit::new(
                positive(
                    "auth.login_max_failures_per_ip",
                    self.login_max_failures_per_ip,
                    20,
                ),
                login_window,
            ),
            signup_per_ip: RateLimit::new(
                positive("auth.signup_max_per_ip", self.signup_max_per_ip, 10),
                positive("auth.signup_window_secs", self.signup_window_secs, 3600),
            ),
            reset_per_address: RateLimit::new(
                positive("auth.reset_max_per_address", self.reset_max_per_address, 3),
                positive("auth.reset_window_secs", self.reset_window_secs, 3600),
            ),
        }
    }
}

/// Validated `[auth]` settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthConfig {
    /// A session ends this long after its last use (sliding expiry).
    pub session_ttl: Duration,
    /// Failed log-ins per address.
    pub login_per_address: RateLimit,
    /// Failed log-ins per client IP address (higher: offices share one behind NAT).
    pub login_per_ip: RateLimit,
    pub signup_per_ip: RateLimit,
    /// Password-reset requests per address.
    pub reset_per_address: RateLimit,
}

/// At most `max` events per `window`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    pub max: u32,
    pub window: Duration,
}

impl RateLimit {
    fn new(max: u32, window_secs: u32) -> RateLimit {
        RateLimit {
            max,
            window: Duration::seconds(i64::from(window_secs)),
        }
    }
}

/// `site.base_url`: where users reach the site (links in mail; whether cookies are `Secure`).
/// Plain `http` is accepted only for a loopback host, so a public site never runs with cookies
/// that travel unencrypted; without a value, `http://` + `server.listen` when that is loopback.
pub fn site_base_url(
    raw: Option<&str>,
    listen: Option<&str>,
    problem: &mut dyn FnMut(&str, String),
) -> Url {
    let fallback = || Url::parse("http://127.0.0.1:8080/").expect("a valid URL");
    let listen = listen.unwrap_or("127.0.0.1:8080");
    let Some(raw) = raw.map(str::trim).filter(|s| !s.is_empty()) else {
        return match listen.parse::<SocketAddr>() {
            Ok(addr) if addr.ip().is_loopback() => {
                Url::parse(&format!("http://{addr}/")).unwrap_or_else(|_| fallback())
            }
            Ok(addr) => {
                problem(
                    "site.base_url",
                    format!(
                        "required when server.listen ({addr}) is not a loopback address: \
                         the https:// address users reach the site at"
                    ),
                );
                fallback()
            }
            // server.listen reports its own problem.
            Err(_) => fallback(),
        };
    };
    let url = match Url::parse(raw) {
        Ok(url) => url,
        Err(e) => {
            problem(
                "site.base_url",
                format!(
                    "expected an absolute URL such as https://corridor.example.org, got {raw:?}: {e}"
                ),
            );
            return fallback();
        }
    };
    match url.scheme() {
        "https" => {}
        "http" if is_loopback_host(&url) => {}
        "http" => problem(
            "site.base_url",
            format!(
                "plain http is allowed only on a loopback address (127.0.0.1, ::1, localhost); \
                 use https:// for {raw:?}"
            ),
        ),
        other => problem(
            "site.base_url",
            format!("expected an http or https URL, got scheme {other:?}"),
        ),
    }
    if url.query().is_some() || url.fragment().is_some() || !url.username().is_empty() {
        problem(
            "site.base_url",
            "must not carry credentials, a query or a fragment".into(),
        );
    }
    url
}

fn is_loopback_host(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}
