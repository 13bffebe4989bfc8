//! The searchable list of organisations, with the verified badge.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use corridor_app::directory::organisations::{DirectoryQuery, is_verified, search_organisations};
use corridor_domain::directory::Organisation;

use super::{Filters, Listing, fail, search_page};
use crate::auth::MaybeUser;
use crate::error::AppError;
use crate::extract::ValidQuery;
use crate::pages::Chrome;
use crate::state::AppState;

const PATH: &str = "/directory";

pub fn router() -> Router<AppState> {
    Router::new().route(PATH, get(list))
}

/// One line of a listing.
pub struct OrganisationRow {
    pub id: String,
    pub name: String,
    pub trading_name: String,
    pub country: String,
    pub kind: &'static str,
    pub state: String,
    pub verified: bool,
    pub exports: String,
}

pub fn rows(items: &[Organisation]) -> Vec<OrganisationRow> {
    items.iter().map(row).collect()
}

fn row(o: &Organisation) -> OrganisationRow {
    OrganisationRow {
        id: o.id.to_string(),
        name: o.details.legal_name.to_string(),
        trading_name: o
            .details
            .trading_name
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        country: o.details.country.name().to_owned(),
        kind: o.details.kind.label(),
        state: o.verification.state.to_string(),
        verified: is_verified(o),
        exports: o
            .details
            .exports
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

#[derive(Template)]
#[template(path = "directory/list.html")]
struct ListPage<'a> {
    chrome: &'a Chrome,
    filters: Filters,
    listing: Listing<OrganisationRow>,
}

async fn list(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    query: Result<ValidQuery<DirectoryQuery>, AppError>,
) -> Response {
    let query = match query {
        Ok(ValidQuery(q)) => q,
        Err(e) => return fail(&state.chrome, e, PATH),
    };
    let found = search_organisations(&state.app, user.as_ref(), &query)
        .await
        .map(|page| (page.total, page.items));
    let offset = query.offset;
    let filters = Filters::new([
        ("q", query.q),
        ("country", query.country),
        ("kind", query.kind),
        ("naics", query.naics),
        ("hs", query.hs),
        ("trade", query.trade),
        ("verified", query.verified),
        ("limit", query.limit.map(|l| l.to_string())),
    ]);
    search_page(&state.chrome, PATH, found, offset, row, |listing| {
        ListPage {
            chrome: &state.chrome,
            filters,
            listing,
        }
    })
}
