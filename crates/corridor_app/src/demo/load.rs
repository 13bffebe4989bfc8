//! Loads [`dataset`](super::dataset) into an empty database for `corridor serve --demo`.
//!
//! Verification states are reached by replaying the workflow (submit, review, decide) through the
//! same state machine and audit log as real registrations, so the demo's audit pages and review
//! queue look like a real year's; no notice mail is sent for the replayed steps.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate, Utc};
use corridor_domain::directory::verification::Actor;
use corridor_domain::directory::{
    AccountId, Organisation, OrganisationId, VerificationAction, VerificationState,
};
use corridor_store::NewAuditEntry;
use corridor_store::accounts::NewAccount;
use corridor_store::directory::MemberRole;

use super::{DEMO_PASSWORD, DemoDataset, DemoOrganisation, dataset};
use crate::App;
use crate::actor::Role;
use crate::auth::AuthError;
use crate::auth::password::NewPassword;
use crate::directory::verification::record_step;
use crate::directory::{DirectoryError, SUBJECT};

/// What [`load`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadOutcome {
    Loaded {
        organisations: usize,
        people: usize,
        accounts: usize,
    },
    /// The database already holds accounts or organisations; nothing was written.
    AlreadyPopulated,
}

#[derive(Debug, thiserror::Error)]
pub enum DemoLoadError {
    #[error("demo account {email}: {source}")]
    Account {
        email: String,
        #[source]
        source: AuthError,
    },
    #[error("demo {what} {key}: {source}")]
    Directory {
        what: &'static str,
        key: String,
        #[source]
        source: DirectoryError,
    },
}

fn directory(what: &'static str, key: &str) -> impl FnOnce(DirectoryError) -> DemoLoadError {
    let key = key.to_owned();
    move |source| DemoLoadError::Directory { what, key, source }
}

fn store(
    what: &'static str,
    key: &str,
) -> impl FnOnce(corridor_store::StoreError) -> DemoLoadError {
    let wrap = directory(what, key);
    move |e| wrap(DirectoryError::from(e))
}

/// Loads the demo corridor unless the database already holds accounts or organisations.
pub async fn load(app: &App) -> Result<LoadOutcome, DemoLoadError> {
    let counts = async {
        let accounts = app.store.accounts().count().await?;
        let organisations = app.store.organisations().count().await?;
        Ok::<_, corridor_store::StoreError>(accounts + organisations)
    };
    if counts.await.map_err(store("database", "count"))? > 0 {
        return Ok(LoadOutcome::AlreadyPopulated);
    }
    let today = Utc::now().date_naive();
    let data = dataset(today.year());
    let accounts = accounts(app, &data).await?;
    let organisations = organisations(app, &data, &accounts).await?;
    verifications(app, &data, &organisations, &accounts, today).await?;
    let people = people(app, &data, &organisations, &accounts).await?;
    Ok(LoadOutcome::Loaded {
        organisations: organisations.len(),
        people,
        accounts: accounts.len(),
    })
}

/// Creates the demo accounts; returns their ids by e-mail address.
async fn accounts(
    app: &App,
    data: &DemoDataset,
) -> Result<HashMap<String, (AccountId, Role)>, DemoLoadError> {
    let account_error = |email: &str| {
        let email = email.to_owned();
        move |source| DemoLoadError::Account { email, source }
    };
    // One hash for all: the password is public anyway, and argon2id is slow on purpose.
    let hash = NewPassword::parse("password", DEMO_PASSWORD)
        .map_err(account_error("*"))?
        .hash()
        .await
        .map_err(account_error("*"))?;
    let mut ids = HashMap::new();
    for a in &data.accounts {
        let new = NewAccount {
            email: crate::auth::email_address(&a.email).map_err(account_error(&a.email))?,
            display_name: a.display_name.clone(),
            password_hash: hash.clone(),
            role: a.role.into(),
        };
        let account = app
            .store
            .accounts()
            .create(new)
            .await
            .map_err(|e| account_error(&a.email)(e.into()))?;
        ids.insert(a.email.clone(), (account.id, a.role));
    }
    Ok(ids)
}

/// Registers every organisation in one transaction and gives the owners their memberships.
async fn organisations(
    app: &App,
    data: &DemoDataset,
    accounts: &HashMap<String, (AccountId, Role)>,
) -> Result<HashMap<String, OrganisationId>, DemoLoadError> {
    let year = Utc::now().year();
    let mut details = Vec::with_capacity(data.organisations.len());
    for o in &data.organisations {
        let valid = o
            .input
            .validate(year)
            .map_err(|e| directory("organisation", &o.key)(DirectoryError::Invalid(e)))?;
        details.push(valid);
    }
    let audit = |id: OrganisationId| {
        NewAuditEntry::new("organisation.created", SUBJECT, id.to_string())
            .by("demo-loader")
            .transition(None, Some(VerificationState::Draft.as_str()))
            .reason("demo data")
    };
    let ids = app
        .store
        .organisations()
        .create_all(&details, audit)
        .await
        .map_err(store("organisations", "all"))?;
    let by_key: HashMap<String, OrganisationId> = data
        .organisations
        .iter()
        .map(|o| o.key.clone())
        .zip(ids)
        .collect();
    for a in &data.accounts {
        let (account, _) = accounts[&a.email];
        for key in &a.owns {
            let organisation = by_key[key];
            let audit = NewAuditEntry::new("membership.added", SUBJECT, organisation.to_string())
                .by("demo-loader")
                .details(serde_json::json!({ "account": account.to_string(), "role": "owner" }));
            app.store
                .memberships()
                .put(account, organisation, MemberRole::Owner, audit)
                .await
                .map_err(store("membership", key))?;
        }
    }
    Ok(by_key)
}

/// The steps from draft to `target`, with the date each is taken on.
fn history(target: VerificationState, today: NaiveDate) -> Vec<(VerificationAction, NaiveDate)> {
    use VerificationAction as A;
    use VerificationState as S;
    let days_ago = |n: u64| today.checked_sub_days(Days::new(n)).unwrap_or(today);
    let year_on = |d: NaiveDate| d.checked_add_days(Days::new(365)).unwrap_or(d);
    let reviewed = vec![(A::Submit, days_ago(30)), (A::StartReview, days_ago(28))];
    let then = |mut steps: Vec<_>, more: Vec<_>| {
        steps.extend(more);
        steps
    };
    let approve = |on: NaiveDate| {
        (
            A::Approve {
                valid_until: year_on(on),
            },
            on,
        )
    };
    match target {
        S::Draft => vec![],
        S::Submitted => vec![(A::Submit, days_ago(3))],
        S::UnderReview => reviewed,
        S::NeedsInfo => then(
            reviewed,
            vec![(
                A::RequestInfo {
                    reason: "Demo: please attach the certificate of incorporation.".into(),
                },
                days_ago(27),
            )],
        ),
        S::Verified => then(reviewed, vec![approve(days_ago(27))]),
        S::Rejected => then(
            reviewed,
            vec![(
                A::Reject {
                    reason: "Demo: the registration number does not match the registry.".into(),
                },
                days_ago(27),
            )],
        ),
        S::Suspended => then(
            reviewed,
            vec![
                approve(days_ago(27)),
                (
                    A::Suspend {
                        reason: "Demo: complaint under investigation.".into(),
                    },
                    days_ago(2),
                ),
            ],
        ),
        // Approved more than a year ago, so the validity has run out.
        S::Expired => vec![
            (A::Submit, days_ago(420)),
            (A::StartReview, days_ago(419)),
            approve(days_ago(400)),
            (A::Expire, today),
        ],
    }
}

/// Who takes `action` on `o`: its owner (or the administrator for an institution without one) as
/// registrant; the organiser of its country as reviewer.
fn actor(
    action: &VerificationAction,
    o: &DemoOrganisation,
    owners: &HashMap<&str, AccountId>,
    staff: &Staff,
) -> Actor {
    use VerificationAction as A;
    match action {
        A::Submit | A::ProvideInfo | A::Appeal { .. } | A::Renew => {
            Actor::Registrant(owners.get(o.key.as_str()).copied().unwrap_or(staff.admin))
        }
        A::Expire => Actor::System,
        _ => match o.input.country.as_str() {
            "PK" => Actor::Organiser(staff.organisers[0]),
            "US" => Actor::Organiser(staff.organisers[1]),
            _ => Actor::Admin(staff.admin),
        },
    }
}

struct Staff {
    admin: AccountId,
    /// Islamabad (for PK), Washington (for US).
    organisers: [AccountId; 2],
}

fn staff(accounts: &HashMap<String, (AccountId, Role)>) -> Staff {
    let find = |email: &str| accounts[email].0;
    Staff {
        admin: find("admin@example.org"),
        organisers: [
            find("organiser.islamabad@example.org"),
            find("organiser.washington@example.org"),
        ],
    }
}

async fn verifications(
    app: &App,
    data: &DemoDataset,
    ids: &HashMap<String, OrganisationId>,
    accounts: &HashMap<String, (AccountId, Role)>,
    today: NaiveDate,
) -> Result<(), DemoLoadError> {
    let staff = staff(accounts);
    let mut owners = HashMap::new();
    for a in &data.accounts {
        for key in &a.owns {
            owners.insert(key.as_str(), accounts[&a.email].0);
        }
    }
    for o in &data.organisations {
        let steps = history(o.verification, today);
        if steps.is_empty() {
            continue;
        }
        let id = ids[&o.key];
        let mut organisation: Organisation = app
            .store
            .organisations()
            .get(id)
            .await
            .map_err(store("organisation", &o.key))?
            .ok_or_else(|| {
                directory("organisation", &o.key)(DirectoryError::NotFound(o.key.clone()))
            })?;
        for (action, on) in steps {
            let who = actor(&action, o, &owners, &staff);
            let (record, _) = record_step(app, &organisation, &action, &who, on)
                .await
                .map_err(directory("organisation", &o.key))?;
            organisation.verification = record;
        }
    }
    Ok(())
}

/// Adds the people; those whose address is a demo account's are linked to it.
async fn people(
    app: &App,
    data: &DemoDataset,
    organisations: &HashMap<String, OrganisationId>,
    accounts: &HashMap<String, (AccountId, Role)>,
) -> Result<usize, DemoLoadError> {
    let mut unlinked = Vec::new();
    let mut linked = Vec::new();
    for p in &data.people {
        let mut input = p.input.clone();
        if let Some(key) = &p.organisation_key {
            input.organisation_id = organisations[key].to_string();
        }
        let details = input
            .validate()
            .map_err(|e| directory("person", &p.key)(DirectoryError::Invalid(e)))?;
        match accounts.get(&p.input.email) {
            Some((account, _)) => linked.push((p.key.as_str(), details, *account)),
            None => unlinked.push(details),
        }
    }
    let audit = |id: corridor_domain::directory::PersonId| {
        NewAuditEntry::new("person.created", "person", id.to_string())
            .by("demo-loader")
            .reason("demo data")
    };
    let count = unlinked.len() + linked.len();
    app.store
        .people()
        .create_all(&unlinked, audit)
        .await
        .map_err(store("people", "all"))?;
    for (key, details, account) in linked {
        let entry = NewAuditEntry::new("person.created", "person", "-")
            .by("demo-loader")
            .reason("demo data");
        app.store
            .people()
            .create(&details, Some(account), entry)
            .await
            .map_err(store("person", key))?;
    }
    Ok(count)
}
