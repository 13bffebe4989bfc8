//! `/codes`: browsable, searchable code-list pages.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Html;
use axum::routing::get;
use corridor_domain::codes::{CodeEntry, CodeSystem};

use super::{ListQuery, Listing, detail, listing, system};
use crate::extract::ValidQuery;
use crate::pages::{Chrome, PageError, render};
use crate::state::AppState;

const PAGE_SIZE: usize = 100;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/codes", get(index))
        .route("/codes/{system}", get(list))
        .route("/codes/{system}/{code}", get(one))
}

#[derive(Template)]
#[template(path = "codes/index.html")]
struct IndexPage<'a> {
    chrome: &'a Chrome,
    systems: Vec<(CodeSystem, usize)>,
}

async fn index(State(state): State<AppState>) -> Result<Html<String>, PageError> {
    let systems = CodeSystem::ALL
        .iter()
        .map(|s| (*s, s.list().len()))
        .collect();
    render(&IndexPage {
        chrome: &state.chrome,
        systems,
    })
    .map_err(state.chrome.fail())
}

#[derive(Template)]
#[template(path = "codes/list.html")]
struct ListPage<'a> {
    chrome: &'a Chrome,
    listing: Listing,
    q: String,
    prefix: String,
    previous_offset: Option<usize>,
    next_offset: Option<usize>,
}

async fn list(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    query: Result<ValidQuery<ListQuery>, crate::error::AppError>,
) -> Result<Html<String>, PageError> {
    let fail = state.chrome.fail();
    let build = || {
        let ValidQuery(query) = query?;
        let found = listing(system(&slug)?, &query, PAGE_SIZE)?;
        let previous_offset = (found.offset > 0).then(|| found.offset.saturating_sub(found.limit));
        let next_offset =
            (found.offset + found.limit < found.total).then_some(found.offset + found.limit);
        render(&ListPage {
            chrome: &state.chrome,
            q: query.q.unwrap_or_default(),
            prefix: query.prefix.unwrap_or_default(),
            listing: found,
            previous_offset,
            next_offset,
        })
    };
    build().map_err(fail)
}

#[derive(Template)]
#[template(path = "codes/detail.html")]
struct DetailPage<'a> {
    chrome: &'a Chrome,
    system: CodeSystem,
    entry: &'static CodeEntry,
    ancestors: Vec<&'static CodeEntry>,
    children: Vec<&'static CodeEntry>,
}

async fn one(
    State(state): State<AppState>,
    Path((slug, code)): Path<(String, String)>,
) -> Result<Html<String>, PageError> {
    let build = || {
        let system = system(&slug)?;
        let found = detail(system, &code)?;
        render(&DetailPage {
            chrome: &state.chrome,
            system,
            entry: found.entry,
            ancestors: found.ancestors,
            children: found.children,
        })
    };
    build().map_err(state.chrome.fail())
}
