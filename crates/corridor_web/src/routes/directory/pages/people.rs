//! The searchable list of people: officials, experts, diplomats, investors, professionals, each
//! with their organisation's badge; contact details only where the caller may see them.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use corridor_app::directory::organisations::is_verified;
use corridor_app::directory::people_search::{PeopleQuery, PersonListing, search_people};

use super::{Filters, Listing, fail, search_page};
use crate::auth::MaybeUser;
use crate::error::AppError;
use crate::extract::ValidQuery;
use crate::pages::Chrome;
use crate::state::AppState;

const PATH: &str = "/people";

pub fn router() -> Router<AppState> {
    Router::new().route(PATH, get(list))
}

/// One line of the listing.
struct PersonRow {
    id: String,
    name: String,
    title: String,
    kind: &'static str,
    organisation: Option<(String, String, bool, String)>,
    expertise: String,
    email: String,
    phone: String,
}

fn row(listing: &PersonListing) -> PersonRow {
    let d = &listing.view.person.details;
    let contact = listing.view.contact.as_ref();
    let codes = d.expertise_industries.iter().map(|c| c.as_str());
    let products = d.expertise_products.iter().map(|c| c.as_str());
    let tags = d.tags.iter().map(|t| t.as_str());
    PersonRow {
        id: listing.view.person.id.to_string(),
        name: d.name.to_string(),
        title: d
            .title
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        kind: d.kind.label(),
        organisation: listing.organisation.as_ref().map(|o| {
            (
                o.id.to_string(),
                o.details.legal_name.to_string(),
                is_verified(o),
                o.verification.state.to_string(),
            )
        }),
        expertise: codes
            .chain(products)
            .chain(tags)
            .collect::<Vec<_>>()
            .join(", "),
        email: contact
            .and_then(|c| c.email.as_ref())
            .map(ToString::to_string)
            .unwrap_or_default(),
        phone: contact
            .and_then(|c| c.phone.as_ref())
            .map(ToString::to_string)
            .unwrap_or_default(),
    }
}

#[derive(Template)]
#[template(path = "directory/people.html")]
struct PeoplePage<'a> {
    chrome: &'a Chrome,
    filters: Filters,
    listing: Listing<PersonRow>,
}

async fn list(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    query: Result<ValidQuery<PeopleQuery>, AppError>,
) -> Response {
    let query = match query {
        Ok(ValidQuery(q)) => q,
        Err(e) => return fail(&state.chrome, e, PATH),
    };
    let found = search_people(&state.app, user.as_ref(), &query)
        .await
        .map(|page| (page.total, page.items));
    let offset = query.offset;
    let filters = Filters::new([
        ("q", query.q),
        ("kind", query.kind),
        ("country", query.country),
        ("naics", query.naics),
        ("hs", query.hs),
        ("limit", query.limit.map(|l| l.to_string())),
    ]);
    search_page(&state.chrome, PATH, found, offset, row, |listing| {
        PeoplePage {
            chrome: &state.chrome,
            filters,
            listing,
        }
    })
}
