//! Passwords: the rules a new one must meet, and argon2id hashing off the async workers.

use std::sync::OnceLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::RngCore;

use super::AuthError;

/// Shortest password accepted, in characters (NIST SP 800-63B allows 8; we ask for more).
pub const MIN_CHARS: usize = 12;
/// Longest, in bytes: argon2 accepts more, but nobody types this and it bounds the work.
pub const MAX_BYTES: usize = 1024;

const COMMON: &str = include_str!("common_passwords.txt");

/// A password that meets the rules, on its way to being hashed. `Debug` never shows it.
pub struct NewPassword(String);

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

impl NewPassword {
    /// Checks length and the bundled list of common passwords; `field` names the form field.
    pub fn parse(field: &str, password: &str) -> Result<NewPassword, AuthError> {
        let invalid = |message: String| AuthError::Invalid {
            field: field.to_owned(),
            message,
        };
        if password.len() > MAX_BYTES {
            return Err(invalid(format!(
                "the password is too long (at most {MAX_BYTES} bytes)"
            )));
        }
        if password.chars().count() < MIN_CHARS {
            return Err(invalid(format!(
                "the password must have at least {MIN_CHARS} characters"
            )));
        }
        if is_common(password) {
            return Err(invalid(
                "this password is on a list of commonly used passwords; choose another".into(),
            ));
        }
        Ok(NewPassword(password.to_owned()))
    }

    /// The argon2id PHC string, computed on a blocking thread.
    pub async fn hash(self) -> Result<String, AuthError> {
        tokio::task::spawn_blocking(move || hash_now(&self.0))
            .await
            .map_err(|e| AuthError::Internal(Box::new(e)))?
    }
}

/// Compared ignoring case and spaces, so "Correct Horse Battery Staple" matches its list entry.
fn is_common(password: &str) -> bool {
    let squeeze = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let candidate = squeeze(password);
    COMMON
        .lines()
        .filter(|l| !l.starts_with('#'))
        .any(|l| squeeze(l) == candidate)
}

/// Argon2id with OWASP's parameters (19 MiB, 2 passes, 1 lane), which are the crate's defaults.
fn argon2() -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::default())
}

fn hash_now(password: &str) -> Result<String, AuthError> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt =
        SaltString::encode_b64(&salt).map_err(|e| AuthError::internal_text(e.to_string()))?;
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AuthError::internal_text(e.to_string()))
}

/// Whether `password` matches `phc` (any stored argon2 variant), on a blocking thread. `None`
/// verifies against a fixed dummy hash, so that an unknown address costs as much time as a known one.
pub async fn verify(password: &str, phc: Option<String>) -> Result<bool, AuthError> {
    if password.len() > MAX_BYTES {
        return Ok(false);
    }
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || {
        let (phc, real) = match phc {
            Some(phc) => (phc, true),
            None => (dummy_hash().to_owned(), false),
        };
        let parsed =
            PasswordHash::new(&phc).map_err(|e| AuthError::internal_text(e.to_string()))?;
        let matches = argon2()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(matches && real)
    })
    .await
    .map_err(|e| AuthError::Internal(Box::new(e)))?
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_now("corridor-dummy-password").unwrap_or_default())
}
