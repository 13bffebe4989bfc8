//! Creating accounts (sign-up, the CLI, tests) and changing passwords.

use chrono::Utc;
use corridor_domain::directory::Email;
use corridor_store::accounts::{Account, NewAccount};

use super::password::{self, NewPassword};
use super::sessions::StartedSession;
use super::{Auth, AuthError, Token};
use crate::actor::{CurrentUser, Role};

/// The longest display name, in characters.
pub const DISPLAY_NAME_MAX: usize = 100;

/// An account to create, as typed.
#[derive(Debug, Clone)]
pub struct AccountInput<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub password: &'a str,
    pub role: Role,
}

/// A display name: trimmed, 1 to 100 characters, no control characters.
pub fn display_name(input: &str) -> Result<String, AuthError> {
    let name = input.trim();
    if name.is_empty() {
        return Err(AuthError::invalid(
            "display_name",
            "a display name is required",
        ));
    }
    if name.chars().count() > DISPLAY_NAME_MAX {
        return Err(AuthError::invalid(
            "display_name",
            format!("a display name has at most {DISPLAY_NAME_MAX} characters"),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(AuthError::invalid(
            "display_name",
            "a display name must not contain control characters",
        ));
    }
    Ok(name.to_owned())
}

pub(crate) fn email(input: &str) -> Result<Email, AuthError> {
    Email::parse(input).map_err(|e| AuthError::invalid("email", e.to_string()))
}

impl Auth<'_> {
    /// Creates an account after checking every field. A taken address is [`AuthError::EmailTaken`].
    pub async fn create_account(&self, input: AccountInput<'_>) -> Result<Account, AuthError> {
        let email = email(input.email)?;
        let display_name = display_name(input.display_name)?;
        let password = NewPassword::parse("password", input.password)?;
        let password_hash = password.hash().await?;
        let new = NewAccount {
            email,
            display_name,
            password_hash,
            role: input.role.into(),
        };
        match self.app.store.accounts().create(new).await {
            Ok(account) => Ok(account),
            Err(e) if e.is_conflict() => Err(AuthError::EmailTaken),
            Err(e) => Err(e.into()),
        }
    }

    /// Public sign-up: a `member` account, signed in at once. Limited per client address.
    pub async fn sign_up(
        &self,
        email: &str,
        display_name: &str,
        password: &str,
        client_ip: &str,
    ) -> Result<StartedSession, AuthError> {
        let limit = self.app.config.auth.signup_per_ip;
        let bucket = format!("signup:ip:{client_ip}");
        self.check_limit(&bucket, limit, Utc::now()).await?;
        let input = AccountInput {
            email,
            display_name,
            password,
            role: Role::Member,
        };
        let account = self.create_account(input).await?;
        self.app
            .store
            .accounts()
            .throttle_record(&bucket, Utc::now())
            .await?;
        self.start_session(&account).await
    }

    /// Changes the password of the signed-in user after checking the current one; every other
    /// session of the account ends (the one in use, `keep`, goes on).
    pub async fn change_password(
        &self,
        user: &CurrentUser,
        current: &str,
        new: &str,
        keep: &Token,
    ) -> Result<(), AuthError> {
        let accounts = self.app.store.accounts();
        let hash = accounts.password_hash(user.account).await?;
        if !password::verify(current, hash).await? {
            return Err(AuthError::invalid(
                "current_password",
                "the current password is wrong",
            ));
        }
        let new = NewPassword::parse("new_password", new)?;
        let hash = new.hash().await?;
        accounts.set_password_hash(user.account, &hash).await?;
        accounts
            .delete_other_sessions(user.account, &keep.hash())
            .await?;
        accounts
            .void_password_resets(user.account, Utc::now())
            .await?;
        Ok(())
    }
}
