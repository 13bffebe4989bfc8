//! Registering, editing, finding and showing organisations.

use chrono::Datelike;
use corridor_domain::codes::{CountryCode, HsCode, NaicsCode};
use corridor_domain::directory::{
    AccountId, FieldError, FieldErrors, Organisation, OrganisationId, OrganisationInput,
    OrganisationKind, VerificationState,
};
use corridor_store::directory::{OrganisationFilter, Page, ProductFlow};
use corridor_store::{AuditEntry, NewAuditEntry};
use serde::Deserialize;

use super::access::{OrganisationAccess, not_found};
use super::people::{PersonView, people_of};
use super::{DirectoryError, SUBJECT};
use crate::App;
use crate::actor::CurrentUser;

/// Most organisations one page lists.
pub const MAX_PAGE: u32 = 100;
pub(super) const DEFAULT_PAGE: u32 = 20;

pub(crate) fn current_year() -> i32 {
    chrono::Utc::now().year()
}

/// Registers an organisation in draft; the caller becomes its owner.
pub async fn create_organisation(
    app: &App,
    user: Option<&CurrentUser>,
    input: &OrganisationInput,
) -> Result<Organisation, DirectoryError> {
    let user = user.ok_or(DirectoryError::SignInRequired("register an organisation"))?;
    let details = input.validate(current_year())?;
    let audit = NewAuditEntry::new("organisation.created", SUBJECT, "-")
        .by(user.account.to_string())
        .transition(None, Some(VerificationState::Draft.as_str()));
    app.store
        .organisations()
        .create(&details, Some(user.account), audit)
        .await
        .map_err(|e| duplicate(e, details.legal_name.as_str(), details.country))
}

/// Replaces an organisation's profile (members and admins).
pub async fn edit_organisation(
    app: &App,
    user: Option<&CurrentUser>,
    id: OrganisationId,
    input: &OrganisationInput,
) -> Result<Organisation, DirectoryError> {
    let access = OrganisationAccess::load(app, user, id).await?;
    let current = load(app, id).await?;
    access.readable(current)?;
    access.require(access.can_edit(), "edit this organisation")?;
    let details = input.validate(current_year())?;
    let audit = NewAuditEntry::new("organisation.updated", SUBJECT, id.to_string())
        .by(access.signed_in("edit this organisation")?.to_string());
    app.store
        .organisations()
        .update(id, &details, audit)
        .await
        .map_err(|e| duplicate(e, details.legal_name.as_str(), details.country))
}

/// An organisation as one caller may see it.
#[derive(Debug, Clone)]
pub struct OrganisationView {
    pub organisation: Organisation,
    pub people: Vec<PersonView>,
    pub can_edit: bool,
    pub can_read_audit: bool,
    pub can_act_as_registrant: bool,
    pub can_review: bool,
}

impl OrganisationView {
    pub fn verified(&self) -> bool {
        is_verified(&self.organisation)
    }
}

pub fn is_verified(organisation: &Organisation) -> bool {
    organisation.verification.state == VerificationState::Verified
}

/// The profile page: public fields, its people (contact details only where allowed) and what the
/// caller may do next. Drafts are not found except by members and staff.
pub async fn organisation_profile(
    app: &App,
    user: Option<&CurrentUser>,
    id: OrganisationId,
) -> Result<OrganisationView, DirectoryError> {
    let access = OrganisationAccess::load(app, user, id).await?;
    let organisation = access.readable(load(app, id).await?)?;
    let people = people_of(app, user, id).await?;
    Ok(OrganisationView {
        organisation,
        people,
        can_edit: access.can_edit(),
        can_read_audit: access.can_read_audit(),
        can_act_as_registrant: access.can_act_as_registrant(),
        can_review: access.can_review(),
    })
}

/// The organisation's audit log, newest first (owners, organisers, admins).
pub async fn organisation_audit_log(
    app: &App,
    user: Option<&CurrentUser>,
    id: OrganisationId,
) -> Result<(Organisation, Vec<AuditEntry>), DirectoryError> {
    let access = OrganisationAccess::load(app, user, id).await?;
    let organisation = access.readable(load(app, id).await?)?;
    access.require(
        access.can_read_audit(),
        "read this organisation's audit log",
    )?;
    let entries = app
        .store
        .audit()
        .list_for_subject(SUBJECT, &id.to_string(), 500, 0)
        .await?;
    Ok((organisation, entries))
}

/// Display names of the accounts that acted in `entries`, by the id the log holds. Actors that
/// are not accounts (the system, an operator, the demo loader, a deleted account's pseudonym) are
/// left out, and shown as they are written.
pub async fn actor_names(
    app: &App,
    entries: &[AuditEntry],
) -> Result<std::collections::HashMap<String, String>, DirectoryError> {
    let mut names = std::collections::HashMap::new();
    for actor in entries.iter().filter_map(|e| e.actor.as_deref()) {
        if names.contains_key(actor) {
            continue;
        }
        let Ok(id) = actor.parse::<AccountId>() else {
            continue;
        };
        if let Some(account) = app.store.accounts().get(id).await? {
            names.insert(actor.to_owned(), account.display_name);
        }
    }
    Ok(names)
}

/// Directory filters as they arrive from a form or query string.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DirectoryQuery {
    /// Words in the name.
    pub q: Option<String>,
    pub country: Option<String>,
    pub kind: Option<String>,
    /// A NAICS 2022 code; its sub-industries match too.
    pub naics: Option<String>,
    /// An HS 2022 code traded (see `trade`).
    pub hs: Option<String>,
    /// `exports` (default), `imports` or `any`.
    pub trade: Option<String>,
    /// Only verified organisations: `true`, `on`, `1` or `yes`.
    pub verified: Option<String>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

pub(super) fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn flag(value: &Option<String>) -> bool {
    matches!(given(value), Some("true" | "on" | "1" | "yes"))
}

impl DirectoryQuery {
    /// The store filter, or every bad parameter named.
    pub(crate) fn filter(&self) -> Result<OrganisationFilter, FieldErrors> {
        let mut errors = Vec::new();
        let mut check = |field: &str, result: Result<(), String>| {
            if let Err(message) = result {
                errors.push(FieldError::new(field, message));
            }
        };
        let mut filter = OrganisationFilter {
            name: given(&self.q).map(str::to_owned),
            ..Default::default()
        };
        if let Some(country) = given(&self.country) {
            check(
                "country",
                CountryCode::parse(country)
                    .map(|c| filter.country = Some(c))
                    .map_err(|e| e.to_string()),
            );
        }
        if let Some(kind) = given(&self.kind) {
            check(
                "kind",
                OrganisationKind::parse(kind)
                    .map(|k| filter.kind = Some(k))
                    .map_err(|e| e.to_string()),
            );
        }
        if let Some(naics) = given(&self.naics) {
            let parsed = NaicsCode::parse(naics)
                .map(|c| filter.industry_prefix = Some(c.as_str().to_owned()));
            check("naics", parsed.map_err(|e| e.to_string()));
        }
        let flow = match given(&self.trade) {
            None | Some("exports") => Ok(ProductFlow::Exports),
            Some("imports") => Ok(ProductFlow::Imports),
            Some("any") => Ok(ProductFlow::Either),
            Some(other) => Err(format!("{other:?} is not one of exports, imports, any")),
        };
        if let Some(hs) = given(&self.hs) {
            check(
                "hs",
                HsCode::parse(hs)
                    .map(|c| filter.product = flow.clone().ok().map(|f| (f, c)))
                    .map_err(|e| e.to_string()),
            );
        }
        check("trade", flow.map(drop));
        let limit = self.limit.unwrap_or(DEFAULT_PAGE);
        if limit == 0 || limit > MAX_PAGE {
            check(
                "limit",
                Err(format!("must be 1 to {MAX_PAGE}, got {limit}")),
            );
        }
        filter.limit = limit;
        filter.offset = self.offset.unwrap_or(0);
        filter.states = if flag(&self.verified) {
            vec![VerificationState::Verified]
        } else {
            // Unverified organisations are listed (and marked); drafts are not published yet.
            VerificationState::ALL
                .into_iter()
                .filter(|s| *s != VerificationState::Draft)
                .collect()
        };
        if errors.is_empty() {
            Ok(filter)
        } else {
            Err(FieldErrors(errors))
        }
    }
}

/// The public directory: every organisation past draft, filtered; the badge is
/// [`is_verified`]. Visitors may search too.
pub async fn search_organisations(
    app: &App,
    _user: Option<&CurrentUser>,
    query: &DirectoryQuery,
) -> Result<Page<Organisation>, DirectoryError> {
    let filter = query.filter()?;
    Ok(app.store.organisations().search(&filter).await?)
}

/// The organisations the caller acts for, drafts included.
pub async fn my_organisations(
    app: &App,
    user: Option<&CurrentUser>,
) -> Result<Vec<Organisation>, DirectoryError> {
    let user = user.ok_or(DirectoryError::SignInRequired("see your organisations"))?;
    let mut found = Vec::new();
    for membership in app.store.memberships().of_account(user.account).await? {
        if let Some(organisation) = app
            .store
            .organisations()
            .get(membership.organisation)
            .await?
        {
            found.push(organisation);
        }
    }
    Ok(found)
}

pub(crate) async fn load(app: &App, id: OrganisationId) -> Result<Organisation, DirectoryError> {
    app.store
        .organisations()
        .get(id)
        .await?
        .ok_or_else(|| not_found(id))
}

fn duplicate(
    error: corridor_store::StoreError,
    legal_name: &str,
    country: CountryCode,
) -> DirectoryError {
    if error.is_conflict() {
        DirectoryError::field(
            "legal_name",
            format!(
                "an organisation named {legal_name:?} is already registered in {}",
                country.name()
            ),
        )
    } else {
        error.into()
    }
}
