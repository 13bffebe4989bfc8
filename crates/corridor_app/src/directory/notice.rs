//! The e-mail notice each verification step sends to the organisation's owners. The audit entry
//! is the record; the notice is a courtesy, so a mail failure is logged and does not undo the step.

use corridor_domain::directory::verification::AuditEntry;
use corridor_domain::directory::{Organisation, VerificationState};

use super::verification::owners_to_notify;
use crate::App;
use crate::mail::Mail;

/// What the registrant should do next, in one sentence per state.
fn next_step(state: VerificationState) -> &'static str {
    use VerificationState as S;
    match state {
        S::Draft => "Complete the profile and submit it for verification.",
        S::Submitted => "An organiser will pick up the application soon; nothing to do for now.",
        S::UnderReview => "An organiser is reviewing the application.",
        S::NeedsInfo => {
            "The reviewer needs more information: add evidence, then choose \"Provide information\"."
        }
        S::Verified => "The organisation now shows the verified badge in the directory.",
        S::Rejected => "You may appeal once; a different organiser will decide the appeal.",
        S::Expired => "The verification has lapsed; renew it to get the badge back.",
        S::Suspended => "The badge is withdrawn until an organiser reinstates the organisation.",
    }
}

/// Builds one notice per owner (pure, for tests and for [`send`]).
pub fn notices(
    site: &str,
    link: &str,
    organisation: &Organisation,
    audit: &AuditEntry,
    recipients: &[(String, String)],
) -> Vec<Mail> {
    let name = organisation.details.legal_name.as_str();
    let (from, to) = (audit.from.to_string(), audit.to.to_string());
    let reason = audit
        .reason
        .as_deref()
        .map(|r| format!("Reason given: {r}\n\n"))
        .unwrap_or_default();
    recipients
        .iter()
        .map(|(email, display_name)| Mail {
            to: email.clone(),
            subject: format!("{name}: verification {to}"),
            body: format!(
                "Hello {display_name},\n\n\
                 the verification of {name} on {site} moved from \"{from}\" to \"{to}\".\n\n\
                 {reason}{next}\n\n{link}\n",
                next = next_step(audit.to),
            ),
        })
        .collect()
}

/// Sends the notice of `audit` to the owners of `organisation`.
pub(super) async fn send(app: &App, organisation: &Organisation, audit: &AuditEntry) {
    if let Err(e) = try_send(app, organisation, audit).await {
        tracing::warn!(organisation = %organisation.id, error = %e, "verification notice not sent");
    }
}

async fn try_send(
    app: &App,
    organisation: &Organisation,
    audit: &AuditEntry,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let mut recipients = Vec::new();
    for account in owners_to_notify(app, organisation.id).await? {
        if let Some(a) = app.store.accounts().get(account).await?
            && !a.disabled
        {
            recipients.push((a.email.to_string(), a.display_name));
        }
    }
    let link = app
        .config
        .site
        .base_url
        .join(&format!("organisations/{}", organisation.id))?;
    let site = &app.config.site.name;
    for mail in notices(site, link.as_str(), organisation, audit, &recipients) {
        app.mailer.send(mail).await?;
    }
    Ok(())
}
