//! The searchable list of organisations, with the verified badge.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use corridor_app::directory::organisations::{DirectoryQuery, is_verified, search_organisations};
use corridor_domain::directory::Organisation;

use super::{Listing, fail};
use crate::auth::MaybeUser;
use crate::error::AppError;
use crate::extract::ValidQuery;
use crate::pages::{Chrome, render};
use crate::routes::directory::directory_error;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/directory", get(list))
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
    query: DirectoryQuery,
    total: u64,
    rows: Vec<OrganisationRow>,
    errors: Vec<(String, String)>,
    next_offset: Option<u32>,
}

impl ListPage<'_> {
    fn value(&self, which: &str) -> String {
        let q = &self.query;
        let v = match which {
            "q" => &q.q,
            "country" => &q.country,
            "kind" => &q.kind,
            "naics" => &q.naics,
            "hs" => &q.hs,
            "trade" => &q.trade,
            _ => &q.verified,
        };
        v.clone().unwrap_or_default()
    }
}

async fn list(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    query: Result<ValidQuery<DirectoryQuery>, AppError>,
) -> Response {
    let query = match query {
        Ok(ValidQuery(q)) => q,
        Err(e) => return fail(&state.chrome, e, "/directory"),
    };
    let found = search_organisations(&state.app, user.as_ref(), &query)
        .await
        .map(|page| (page.total, page.items));
    let listing = match Listing::of(found, query.offset, row) {
        Ok(listing) => listing,
        Err(e) => return fail(&state.chrome, directory_error(e), "/directory"),
    };
    let status = listing.status();
    let page = ListPage {
        chrome: &state.chrome,
        query,
        total: listing.total,
        rows: listing.rows,
        errors: listing.errors,
        next_offset: listing.next_offset,
    };
    match render(&page) {
        Ok(html) => (status, html).into_response(),
        Err(e) => fail(&state.chrome, e, "/directory"),
    }
}
