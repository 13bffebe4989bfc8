//! Log-in, sessions with sliding expiry, log-out.

use chrono::{DateTime, Duration, Utc};
use corridor_store::accounts::{Account, NewSession};

use super::accounts::email;
use super::{Auth, AuthError, Token, password};
use crate::actor::CurrentUser;

/// A session is written back (its expiry slid forward) at most this often, not on every request.
const TOUCH_EVERY: Duration = Duration::minutes(1);

/// A session just started: the web layer puts `token` in the cookie.
#[derive(Debug, Clone)]
pub struct StartedSession {
    pub token: Token,
    pub user: CurrentUser,
    /// The synchroniser token this session's forms carry.
    pub csrf: String,
    pub expires_at: DateTime<Utc>,
}

/// The session of a request, found by its cookie.
#[derive(Debug, Clone)]
pub struct ActiveSession {
    pub user: CurrentUser,
    pub csrf: String,
    pub expires_at: DateTime<Utc>,
    /// The expiry moved forward during this lookup: the cookie should be re-sent.
    pub refreshed: bool,
}

pub(crate) fn current_user(account: &Account) -> CurrentUser {
    CurrentUser {
        account: account.id,
        email: account.email.to_string(),
        display_name: account.display_name.clone(),
        role: account.role.into(),
    }
}

impl Auth<'_> {
    /// Checks the address and password and starts a session. Failures are counted per address and
    /// per client IP; at the limit every attempt is refused (even with the right password) until
    /// the window passes, and a success clears the address's failures. An unknown address and a
    /// wrong password answer alike and take alike long.
    pub async fn log_in(
        &self,
        address: &str,
        password: &str,
        client_ip: &str,
    ) -> Result<StartedSession, AuthError> {
        let config = &self.app.config.auth;
        let now = Utc::now();
        let address_key = address.trim().to_lowercase();
        let by_address = format!("login:email:{address_key}");
        let by_ip = format!("login:ip:{client_ip}");
        self.check_limit(&by_ip, config.login_per_ip, now).await?;
        self.check_limit(&by_address, config.login_per_address, now)
            .await?;

        let accounts = self.app.store.accounts();
        let found = match email(address) {
            Ok(email) => accounts.credentials(&email).await?,
            Err(_) => None,
        };
        let (account, hash) = match found {
            Some((account, hash)) if !account.disabled => (Some(account), Some(hash)),
            _ => (None, None),
        };
        let matches = password::verify(password, hash).await?;
        let Some(account) = account.filter(|_| matches) else {
            // Bound the bucket names a hostile client can create: addresses are at most 254 bytes.
            if address_key.len() <= 254 {
                accounts.throttle_record(&by_address, now).await?;
            }
            accounts.throttle_record(&by_ip, now).await?;
            return Err(AuthError::WrongCredentials);
        };
        accounts.throttle_clear(&by_address).await?;
        self.start_session(&account).await
    }

    pub(crate) async fn start_session(
        &self,
        account: &Account,
    ) -> Result<StartedSession, AuthError> {
        let token = Token::generate();
        let csrf = Token::generate().as_str().to_owned();
        let now = Utc::now();
        let expires_at = now + self.app.config.auth.session_ttl;
        self.app
            .store
            .accounts()
            .create_session(NewSession {
                token_hash: token.hash(),
                account: account.id,
                csrf_secret: csrf.clone(),
                created_at: now,
                expires_at,
            })
            .await?;
        Ok(StartedSession {
            token,
            user: current_user(account),
            csrf,
            expires_at,
        })
    }

    /// The live session for a cookie's token, its expiry slid forward when due.
    pub async fn session(&self, token: &Token) -> Result<Option<ActiveSession>, AuthError> {
        let now = Utc::now();
        let accounts = self.app.store.accounts();
        let Some((session, account)) = accounts.session(&token.hash(), now).await? else {
            return Ok(None);
        };
        let mut expires_at = session.expires_at;
        let refreshed = now - session.last_seen_at >= TOUCH_EVERY;
        if refreshed {
            expires_at = now + self.app.config.auth.session_ttl;
            accounts
                .touch_session(&session.token_hash, now, expires_at)
                .await?;
        }
        Ok(Some(ActiveSession {
            user: current_user(&account),
            csrf: session.csrf_secret,
            expires_at,
            refreshed,
        }))
    }

    /// Ends the session of this token (its row is deleted).
    pub async fn log_out(&self, token: &Token) -> Result<(), AuthError> {
        self.app
            .store
            .accounts()
            .delete_session(&token.hash())
            .await?;
        Ok(())
    }
}
