//! Password reset: a one-time link by mail, valid for an hour, stored as the hash of its token.
//! Using it sets the new password and ends every session of the account.

use chrono::{Duration, Utc};
use corridor_store::accounts::PasswordReset;

use super::accounts::email;
use super::password::NewPassword;
use super::{Auth, AuthError, Token};
use crate::mail::Mail;

/// How long a reset link works.
pub const RESET_VALIDITY: Duration = Duration::hours(1);

impl Auth<'_> {
    /// Mails a reset link if `address` has an (enabled) account. The answer is the same whether it
    /// has one or not, and requests are limited per address either way, so neither the answer nor
    /// the limit tells a stranger which addresses have accounts.
    pub async fn request_password_reset(&self, address: &str) -> Result<(), AuthError> {
        let now = Utc::now();
        let key = address.trim().to_lowercase();
        if key.len() > 254 {
            return Err(AuthError::invalid(
                "email",
                "an e-mail address has at most 254 characters",
            ));
        }
        let bucket = format!("reset:email:{key}");
        self.check_limit(&bucket, self.app.config.auth.reset_per_address, now)
            .await?;
        let accounts = self.app.store.accounts();
        accounts.throttle_record(&bucket, now).await?;
        let Ok(email) = email(address) else {
            return Ok(());
        };
        let Some((account, _)) = accounts.credentials(&email).await? else {
            return Ok(());
        };
        if account.disabled {
            return Ok(());
        }
        let token = Token::generate();
        accounts
            .create_password_reset(PasswordReset {
                token_hash: token.hash(),
                account: account.id,
                created_at: now,
                expires_at: now + RESET_VALIDITY,
            })
            .await?;
        let link = self
            .app
            .config
            .site
            .base_url
            .join(&format!("password-reset/{}", token.as_str()))
            .map_err(|e| AuthError::internal_text(e.to_string()))?;
        let site = &self.app.config.site.name;
        let mail = Mail {
            to: account.email.to_string(),
            subject: format!("Reset your {site} password"),
            body: format!(
                "Hello {name},\n\n\
                 someone (we hope you) asked to reset the password of your {site} account.\n\
                 To choose a new password, open this link within one hour:\n\n{link}\n\n\
                 The link works once. If you did not ask for it, ignore this message: your\n\
                 password stays as it is.\n",
                name = account.display_name,
            ),
        };
        self.app
            .mailer
            .send(mail)
            .await
            .map_err(|e| AuthError::Internal(Box::new(e)))
    }

    /// Whether a reset link's token can still be used (for showing the form).
    pub async fn reset_link_is_usable(&self, token: &str) -> Result<bool, AuthError> {
        let Some(token) = Token::from_received(token) else {
            return Ok(false);
        };
        Ok(self
            .app
            .store
            .accounts()
            .password_reset_is_usable(&token.hash(), Utc::now())
            .await?)
    }

    /// Uses a reset link: sets `new_password` and ends every session of the account. The password
    /// is checked first, so a rejected password does not use up the link.
    pub async fn reset_password(&self, token: &str, new_password: &str) -> Result<(), AuthError> {
        let password = NewPassword::parse("password", new_password)?;
        let token = Token::from_received(token).ok_or(AuthError::InvalidResetLink)?;
        let accounts = self.app.store.accounts();
        let now = Utc::now();
        let account = accounts
            .use_password_reset(&token.hash(), now)
            .await?
            .ok_or(AuthError::InvalidResetLink)?;
        let hash = password.hash().await?;
        accounts.set_password_hash(account, &hash).await?;
        accounts.delete_sessions_of(account).await?;
        accounts.void_password_resets(account, now).await?;
        Ok(())
    }
}
