//! The two cookies: `corridor_session` (the session token) and `corridor_csrf` (the double-submit
//! token of anonymous forms). Both HttpOnly, SameSite=Lax, Path=/, and Secure unless the site is
//! configured as plain http on loopback (`site.base_url`).

use axum::http::{HeaderMap, HeaderValue, header};
use chrono::{DateTime, Utc};

pub const SESSION_COOKIE: &str = "corridor_session";
pub const CSRF_COOKIE: &str = "corridor_csrf";

/// The value of cookie `name` in the request's `Cookie` headers.
pub fn get<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim_matches('"'))
}

/// A `Set-Cookie` value. `max_age_secs` of 0 deletes the cookie.
pub fn set(name: &str, value: &str, max_age_secs: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let text =
        format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}");
    // Names and values are base64url tokens: always valid header text.
    HeaderValue::try_from(text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The session cookie for a session valid until `expires_at`.
pub fn session(token: &str, expires_at: DateTime<Utc>, secure: bool) -> HeaderValue {
    let max_age = (expires_at - Utc::now()).num_seconds().max(0);
    set(SESSION_COOKIE, token, max_age, secure)
}

/// Deletes the session cookie.
pub fn clear_session(secure: bool) -> HeaderValue {
    set(SESSION_COOKIE, "", 0, secure)
}
