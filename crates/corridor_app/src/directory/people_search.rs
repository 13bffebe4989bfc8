//! The people directory: officials, market experts, diplomats, investors and professionals,
//! found by name, kind, country and expertise. Contact details follow the same rule as on a
//! person's page ([`super::access::may_see_contacts`]).

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use corridor_domain::codes::{CountryCode, HsCode, NaicsCode};
use corridor_domain::directory::{
    FieldError, FieldErrors, Organisation, OrganisationId, PersonKind,
};
use corridor_store::directory::PersonFilter;
use serde::Deserialize;

use super::DirectoryError;
use super::organisations::{DEFAULT_PAGE, MAX_PAGE, given, load};
use super::people::{PersonView, owners, view};
use crate::App;
use crate::actor::CurrentUser;

/// People filters as they arrive from a form or query string.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PeopleQuery {
    /// Words in the name.
    pub q: Option<String>,
    /// professional, official, market_expert, diplomat or investor.
    pub kind: Option<String>,
    /// ISO 3166-1 alpha-2: the organisation's country, or the person's own.
    pub country: Option<String>,
    /// A NAICS 2022 code of industry expertise; its sub-industries match too.
    pub naics: Option<String>,
    /// An HS 2022 code of product expertise; codes under it match too.
    pub hs: Option<String>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

impl PeopleQuery {
    /// The store filter, or every bad parameter named.
    fn filter(&self, staff: bool) -> Result<PersonFilter, FieldErrors> {
        let mut errors = Vec::new();
        let mut filter = PersonFilter {
            name: given(&self.q).map(str::to_owned),
            include_drafts: staff,
            limit: self.limit.unwrap_or(DEFAULT_PAGE),
            offset: self.offset.unwrap_or(0),
            ..Default::default()
        };
        let mut bad = |field: &str, message: String| errors.push(FieldError::new(field, message));
        if let Some(kind) = given(&self.kind) {
            match PersonKind::parse(kind) {
                Ok(k) => filter.kind = Some(k),
                Err(e) => bad("kind", e.to_string()),
            }
        }
        if let Some(country) = given(&self.country) {
            match CountryCode::parse(country) {
                Ok(c) => filter.country = Some(c),
                Err(e) => bad("country", e.to_string()),
            }
        }
        if let Some(naics) = given(&self.naics) {
            match NaicsCode::parse(naics) {
                Ok(c) => filter.industry_prefix = Some(c.as_str().to_owned()),
                Err(e) => bad("naics", e.to_string()),
            }
        }
        if let Some(hs) = given(&self.hs) {
            match HsCode::parse(hs) {
                Ok(c) => filter.product = Some(c),
                Err(e) => bad("hs", e.to_string()),
            }
        }
        if filter.limit == 0 || filter.limit > MAX_PAGE {
            let limit = filter.limit;
            bad("limit", format!("must be 1 to {MAX_PAGE}, got {limit}"));
        }
        if errors.is_empty() {
            Ok(filter)
        } else {
            Err(FieldErrors(errors))
        }
    }
}

/// One person in a listing, with the organisation they work for.
#[derive(Debug, Clone)]
pub struct PersonListing {
    pub view: PersonView,
    pub organisation: Option<Organisation>,
}

#[derive(Debug, Clone)]
pub struct PeoplePage {
    pub total: u64,
    pub items: Vec<PersonListing>,
}

/// Searches the people directory. Visitors may search; people of draft organisations are listed
/// to organisers and admins only, and event-only registrants to nobody.
pub async fn search_people(
    app: &App,
    user: Option<&CurrentUser>,
    query: &PeopleQuery,
) -> Result<PeoplePage, DirectoryError> {
    let staff = user.is_some_and(|u| u.role.is_staff());
    let filter = query.filter(staff)?;
    let page = app.store.people().search(&filter).await?;
    // Each organisation is read once per page, with its owners (for the contact rule).
    let mut organisations: HashMap<OrganisationId, (Organisation, Vec<_>)> = HashMap::new();
    let mut items = Vec::with_capacity(page.items.len());
    for stored in page.items {
        let organisation = match stored.person.details.organisation {
            Some(id) => {
                if let Entry::Vacant(slot) = organisations.entry(id) {
                    slot.insert((load(app, id).await?, owners(app, Some(id)).await?));
                }
                organisations.get(&id)
            }
            None => None,
        };
        let no_owners = Vec::new();
        let owner_ids = organisation.map_or(&no_owners, |(_, o)| o);
        items.push(PersonListing {
            organisation: organisation.map(|(o, _)| o.clone()),
            view: view(user, stored, owner_ids),
        });
    }
    Ok(PeoplePage {
        total: page.total,
        items,
    })
}
