//! Deleting one's own account, after confirming the password.
//!
//! In one transaction (see `corridor_store::privacy`): the account, its sessions, password resets
//! and memberships go; so do the person records that are this person's (linked to the account or
//! carrying its address) and the log-in throttle rows named by the address. Organisations the
//! account owned alone stay (they are business records others rely on), without an owner; an
//! admin can give them a new one. The audit log keeps every event: the account's id becomes a
//! random pseudonym (`deleted-account:…`), the same in all its entries, so the log still tells
//! what happened and that one actor did it, but no longer who.
//!
//! Afterwards, mail to the address is removed from the outbox (best effort: a failure is logged,
//! the account is gone either way).

use chrono::Utc;
use corridor_domain::directory::{OrganisationId, PersonId};
use corridor_store::privacy::ErasureRequest;

use super::PrivacyError;
use crate::App;
use crate::actor::CurrentUser;
use crate::auth::password;

/// The prefix of the pseudonym that replaces a deleted account's id in the audit log.
pub const PSEUDONYM_PREFIX: &str = "deleted-account:";

/// What deleting an account did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeletedAccount {
    /// The account's name in the audit log from now on.
    pub pseudonym: String,
    pub people_deleted: Vec<PersonId>,
    pub organisations_left_without_owner: Vec<OrganisationId>,
}

/// Deletes the signed-in user's account once `password` is confirmed. Wrong passwords count
/// against the same limit as failed log-ins, so a stolen session cannot be used to guess it.
pub async fn delete_account(
    app: &App,
    user: Option<&CurrentUser>,
    password: &str,
) -> Result<DeletedAccount, PrivacyError> {
    let user = user.ok_or(PrivacyError::SignInRequired("delete your account"))?;
    let accounts = app.store.accounts();
    let Some(account) = accounts.get(user.account).await? else {
        return Err(PrivacyError::SignInRequired("delete your account"));
    };
    let address = account.email.as_str().to_lowercase();
    let login_bucket = format!("login:email:{address}");
    let now = Utc::now();
    app.auth()
        .check_limit(&login_bucket, app.config.auth.login_per_address, now)
        .await?;
    let hash = accounts.password_hash(account.id).await?;
    if !password::verify(password, hash).await? {
        accounts.throttle_record(&login_bucket, now).await?;
        return Err(PrivacyError::invalid("password", "the password is wrong"));
    }

    let pseudonym = format!("{PSEUDONYM_PREFIX}{}", uuid::Uuid::new_v4().simple());
    let buckets = [login_bucket, format!("reset:email:{address}")];
    let erasure = app
        .store
        .privacy()
        .erase_account(ErasureRequest {
            account: account.id,
            pseudonym: &pseudonym,
            throttle_buckets: &buckets,
            at: now,
        })
        .await
        .map_err(|e| {
            if e.is_not_found() {
                // Deleted meanwhile, from another session.
                PrivacyError::SignInRequired("delete your account")
            } else {
                e.into()
            }
        })?;
    remove_outbox_mail(app, erasure.email.as_str()).await;
    tracing::info!(%pseudonym, "account deleted");
    Ok(DeletedAccount {
        pseudonym,
        people_deleted: erasure.people,
        organisations_left_without_owner: erasure.organisations_left_without_owner,
    })
}

async fn remove_outbox_mail(app: &App, address: &str) {
    if app.config.mail.smtp.is_some() {
        return;
    }
    let outbox = crate::mail::Outbox::new(app.config.mail.outbox_dir.clone());
    let address = address.to_owned();
    let removed = tokio::task::spawn_blocking(move || -> std::io::Result<()> {
        for message in outbox.messages_to(&address)? {
            std::fs::remove_file(&message.file)?;
        }
        Ok(())
    })
    .await;
    match removed {
        Ok(Ok(())) => {}
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "removing a deleted account's mail from the outbox failed")
        }
        Err(e) => {
            tracing::warn!(error = %e, "removing a deleted account's mail from the outbox failed")
        }
    }
}
