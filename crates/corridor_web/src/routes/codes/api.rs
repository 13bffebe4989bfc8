//! `/api/v1/codes`: JSON.

use axum::extract::Path;
use axum::routing::get;
use axum::{Json, Router};
use corridor_domain::codes::{CodeEntry, CodeSystem};
use serde::Serialize;

use super::{ListQuery, detail, listing, system};
use crate::error::AppError;
use crate::extract::ValidQuery;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/codes", get(systems))
        .route("/api/v1/codes/{system}", get(list))
        .route("/api/v1/codes/{system}/{code}", get(one))
}

#[derive(Serialize)]
struct SystemSummary {
    system: &'static str,
    title: &'static str,
    count: usize,
}

async fn systems() -> Json<Vec<SystemSummary>> {
    Json(
        CodeSystem::ALL
            .iter()
            .map(|s| SystemSummary {
                system: s.slug(),
                title: s.title(),
                count: s.list().len(),
            })
            .collect(),
    )
}

#[derive(Serialize)]
struct ListBody {
    system: &'static str,
    total: usize,
    offset: usize,
    limit: usize,
    items: Vec<&'static CodeEntry>,
}

async fn list(
    Path(slug): Path<String>,
    ValidQuery(query): ValidQuery<ListQuery>,
) -> Result<Json<ListBody>, AppError> {
    let found = listing(system(&slug)?, &query, 100)?;
    Ok(Json(ListBody {
        system: found.system.slug(),
        total: found.total,
        offset: found.offset,
        limit: found.limit,
        items: found.items,
    }))
}

#[derive(Serialize)]
struct DetailBody {
    system: &'static str,
    #[serde(flatten)]
    entry: &'static CodeEntry,
    ancestors: Vec<&'static CodeEntry>,
    children: Vec<&'static CodeEntry>,
}

async fn one(Path((slug, code)): Path<(String, String)>) -> Result<Json<DetailBody>, AppError> {
    let system = system(&slug)?;
    let found = detail(system, &code)?;
    Ok(Json(DetailBody {
        system: system.slug(),
        entry: found.entry,
        ancestors: found.ancestors,
        children: found.children,
    }))
}
