//! Standard code lists (HS 2022, NAICS 2022, ISO 3166, ISO 4217, IANA time zones): JSON API under
//! `/api/v1/codes` and browsable pages under `/codes`. Both answer from one [`Listing`].

mod api;
mod pages;

use axum::Router;
use corridor_domain::codes::{CodeEntry, CodeList, CodeSystem};
use serde::Deserialize;

use crate::error::AppError;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().merge(api::router()).merge(pages::router())
}

/// The part of the OpenAPI document the code-list API describes.
pub fn openapi() -> utoipa::openapi::OpenApi {
    <api::Doc as utoipa::OpenApi>::openapi()
}

/// The most entries one request may ask for.
const MAX_LIMIT: usize = 1000;

/// Filters shared by the API and the pages.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    /// Code prefix, e.g. `54` for NAICS professional services or `PK-` for Pakistan's subdivisions.
    pub prefix: Option<String>,
    /// Words to find in titles (or a code prefix).
    pub q: Option<String>,
    pub limit: Option<usize>,
    pub offset: Option<usize>,
}

/// One page of a filtered code list.
pub struct Listing {
    pub system: CodeSystem,
    pub total: usize,
    pub offset: usize,
    pub limit: usize,
    pub items: Vec<&'static CodeEntry>,
}

pub fn system(slug: &str) -> Result<CodeSystem, AppError> {
    CodeSystem::from_slug(slug).ok_or_else(|| {
        let known: Vec<&str> = CodeSystem::ALL.iter().map(|s| s.slug()).collect();
        AppError::NotFound(format!(
            "no code list named {slug:?}; known: {}",
            known.join(", ")
        ))
    })
}

pub fn listing(
    system: CodeSystem,
    query: &ListQuery,
    default_limit: usize,
) -> Result<Listing, AppError> {
    let limit = query.limit.unwrap_or(default_limit);
    if limit == 0 || limit > MAX_LIMIT {
        return Err(AppError::bad_request(
            "limit",
            format!("limit must be 1 to {MAX_LIMIT}, got {limit}"),
        ));
    }
    let offset = query.offset.unwrap_or(0);
    let list: &'static CodeList = system.list();
    let prefix = query.prefix.as_deref().map(str::trim).unwrap_or("");
    let text = query.q.as_deref().map(str::trim).unwrap_or("");
    if prefix.len() > 64 || text.len() > 200 {
        return Err(AppError::bad_request(
            if text.len() > 200 { "q" } else { "prefix" },
            "too long",
        ));
    }
    let matches: Vec<&'static CodeEntry> = if text.is_empty() {
        list.with_prefix(prefix).collect()
    } else {
        list.search(text, usize::MAX)
            .into_iter()
            .filter(|e| starts_with_ignore_case(e.code, prefix))
            .collect()
    };
    let total = matches.len();
    let items = matches.into_iter().skip(offset).take(limit).collect();
    Ok(Listing {
        system,
        total,
        offset,
        limit,
        items,
    })
}

fn starts_with_ignore_case(code: &str, prefix: &str) -> bool {
    code.len() >= prefix.len()
        && code.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// An entry with its ancestors (root first) and children.
pub struct Detail {
    pub entry: &'static CodeEntry,
    pub ancestors: Vec<&'static CodeEntry>,
    pub children: Vec<&'static CodeEntry>,
}

pub fn detail(system: CodeSystem, code: &str) -> Result<Detail, AppError> {
    let list: &'static CodeList = system.list();
    let entry = list
        .get(code)
        .ok_or_else(|| AppError::NotFound(format!("unknown {} code {code:?}", system.title())))?;
    let mut ancestors = Vec::new();
    let mut parent = entry.parent;
    while let Some(p) = parent.and_then(|p| list.get(p)) {
        ancestors.push(p);
        parent = p.parent;
    }
    ancestors.reverse();
    let children = list.children(entry.code).collect();
    Ok(Detail {
        entry,
        ancestors,
        children,
    })
}
