//! The data download: everything Corridor holds about the signed-in account, as one serialisable
//! value. Secrets (the password hash, session and reset tokens, CSRF secrets) are never read, and
//! other accounts appear only as "another account", never by id or name.

use chrono::{DateTime, Utc};
use corridor_domain::directory::{NewOrganisation, NewPerson};
use corridor_store::AuditEntry;
use corridor_store::privacy::{EvidenceMeta, OwnPerson, SessionInfo};
use serde::Serialize;

use super::PrivacyError;
use crate::App;
use crate::actor::CurrentUser;

/// Names the layout of [`AccountData`]; a change that breaks readers gets a new number.
pub const FORMAT: &str = "corridor-account-data/1";

/// Everything held about one account.
#[derive(Debug, Clone, Serialize)]
pub struct AccountData {
    pub format: &'static str,
    pub exported_at: DateTime<Utc>,
    pub account: AccountRecord,
    pub sessions: Vec<SessionRecord>,
    pub memberships: Vec<MembershipRecord>,
    /// Directory or event-registration records that are this person: linked to the account or
    /// carrying its e-mail address.
    pub people: Vec<PersonRecord>,
    /// What the account did, and what was done to the account or its person records.
    pub audit_log: Vec<AuditRecord>,
    /// Verification evidence the account uploaded (its description; files are the organisation's).
    pub evidence: Vec<EvidenceRecord>,
    pub mail: MailRecords,
}

#[derive(Debug, Clone, Serialize)]
pub struct AccountRecord {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub role: &'static str,
    pub created_at: DateTime<Utc>,
    pub email_verified_at: Option<DateTime<Utc>>,
    pub disabled: bool,
}

/// A log-in session, without its token.
#[derive(Debug, Clone, Serialize)]
pub struct SessionRecord {
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// An organisation the account owns or works for, with its profile.
#[derive(Debug, Clone, Serialize)]
pub struct MembershipRecord {
    pub organisation_id: String,
    pub role: &'static str,
    pub verification_state: Option<&'static str>,
    pub organisation: Option<NewOrganisation>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonRecord {
    pub id: String,
    pub origin: &'static str,
    pub registered_at: Option<DateTime<Utc>>,
    pub linked_to_account: bool,
    /// The profile, contact details included.
    pub profile: Option<NewPerson>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AuditRecord {
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    /// `you`, `system`, or `another account`.
    pub actor: &'static str,
    pub action: String,
    pub subject_kind: String,
    pub subject_id: String,
    pub from_state: Option<String>,
    pub to_state: Option<String>,
    pub reason: Option<String>,
    pub details: serde_json::Value,
}

#[derive(Debug, Clone, Serialize)]
pub struct EvidenceRecord {
    pub id: String,
    pub organisation_id: String,
    pub kind: String,
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub size_bytes: Option<u64>,
    pub added_at: DateTime<Utc>,
}

/// Mail sent to the account's address. Only the outbox (used without SMTP) keeps copies; with
/// SMTP nothing is kept and `recorded` is false.
#[derive(Debug, Clone, Serialize)]
pub struct MailRecords {
    pub recorded: bool,
    pub messages: Vec<MailRecord>,
}

/// One kept message: its file (named by sending time) and subject. Bodies are left out: they
/// may hold one-time links (password reset) that should not live on in a downloaded file.
#[derive(Debug, Clone, Serialize)]
pub struct MailRecord {
    pub file: String,
    pub subject: String,
}

/// Everything held about the signed-in account.
pub async fn account_data(
    app: &App,
    user: Option<&CurrentUser>,
) -> Result<AccountData, PrivacyError> {
    let user = user.ok_or(PrivacyError::SignInRequired("download your data"))?;
    let store = &app.store;
    let account = store
        .accounts()
        .get(user.account)
        .await?
        .ok_or(PrivacyError::SignInRequired("download your data"))?;
    let privacy = store.privacy();

    let mut memberships = Vec::new();
    for m in store.memberships().of_account(account.id).await? {
        let organisation = store.organisations().get(m.organisation).await?;
        memberships.push(MembershipRecord {
            organisation_id: m.organisation.to_string(),
            role: m.role.as_str(),
            verification_state: organisation.as_ref().map(|o| o.verification.state.as_str()),
            organisation: organisation.map(|o| o.details),
        });
    }

    let own = privacy.own_people(account.id, &account.email).await?;
    let mut people = Vec::with_capacity(own.len());
    for person in &own {
        people.push(person_record(app, person).await?);
    }
    let person_ids: Vec<_> = own.iter().map(|p| p.id).collect();
    let me = account.id.to_string();
    let audit_log = privacy
        .audit_involving(account.id, &person_ids)
        .await?
        .into_iter()
        .map(|e| audit_record(e, &me))
        .collect();

    Ok(AccountData {
        format: FORMAT,
        exported_at: Utc::now(),
        sessions: privacy
            .sessions_of(account.id)
            .await?
            .into_iter()
            .map(session_record)
            .collect(),
        memberships,
        people,
        audit_log,
        evidence: privacy
            .evidence_added_by(account.id)
            .await?
            .into_iter()
            .map(evidence_record)
            .collect(),
        mail: mail_to(app, account.email.as_str()).await?,
        account: AccountRecord {
            id: me,
            email: account.email.to_string(),
            display_name: account.display_name,
            role: account.role.as_str(),
            created_at: account.created_at,
            email_verified_at: account.email_verified_at,
            disabled: account.disabled,
        },
    })
}

async fn person_record(app: &App, own: &OwnPerson) -> Result<PersonRecord, PrivacyError> {
    let stored = app.store.people().get(own.id).await?;
    Ok(PersonRecord {
        id: own.id.to_string(),
        origin: own.origin.as_str(),
        registered_at: own.registered_at,
        linked_to_account: own.linked_to_account,
        profile: stored.map(|s| s.person.details),
    })
}

fn session_record(s: SessionInfo) -> SessionRecord {
    SessionRecord {
        created_at: s.created_at,
        last_seen_at: s.last_seen_at,
        expires_at: s.expires_at,
    }
}

fn audit_record(e: AuditEntry, me: &str) -> AuditRecord {
    let actor = match e.actor.as_deref() {
        None => "system",
        Some(actor) if actor == me => "you",
        Some(_) => "another account",
    };
    AuditRecord {
        id: e.id.0,
        occurred_at: e.occurred_at,
        actor,
        action: e.action,
        subject_kind: e.subject_kind,
        subject_id: e.subject_id,
        from_state: e.from_state,
        to_state: e.to_state,
        reason: e.reason,
        details: e.details,
    }
}

fn evidence_record(e: EvidenceMeta) -> EvidenceRecord {
    EvidenceRecord {
        id: e.id.to_string(),
        organisation_id: e.organisation.to_string(),
        kind: e.kind,
        file_name: e.file_name,
        content_type: e.content_type,
        size_bytes: e.size_bytes,
        added_at: e.added_at,
    }
}

async fn mail_to(app: &App, address: &str) -> Result<MailRecords, PrivacyError> {
    if app.config.mail.smtp.is_some() {
        return Ok(MailRecords {
            recorded: false,
            messages: Vec::new(),
        });
    }
    let outbox = crate::mail::Outbox::new(app.config.mail.outbox_dir.clone());
    let address = address.to_owned();
    let messages = tokio::task::spawn_blocking(move || outbox.messages_to(&address))
        .await
        .map_err(|e| PrivacyError::Internal(Box::new(e)))?
        .map_err(|e| PrivacyError::Internal(Box::new(e)))?;
    Ok(MailRecords {
        recorded: true,
        messages: messages
            .into_iter()
            .map(|m| MailRecord {
                file: m
                    .file
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                subject: m.subject,
            })
            .collect(),
    })
}
