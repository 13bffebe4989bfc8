//! `/api/v1/codes`: JSON.

use axum::extract::Path;
use axum::routing::get;
use axum::{Json, Router};
use corridor_domain::codes::{CodeEntry, CodeSystem};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

use super::{ListQuery, detail, listing, system};
use crate::error::{AppError, ErrorBody};
use crate::extract::ValidQuery;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/codes", get(systems))
        .route("/api/v1/codes/{system}", get(list))
        .route("/api/v1/codes/{system}/{code}", get(one))
}

#[derive(OpenApi)]
#[openapi(paths(systems, list, one))]
pub struct Doc;

#[derive(Serialize, ToSchema)]
#[schema(as = CodeSystem)]
struct SystemSummary {
    /// `hs`, `naics`, `countries`, `subdivisions`, `currencies` or `timezones`.
    system: &'static str,
    title: &'static str,
    count: usize,
}

/// One code of a code list.
#[derive(Serialize, ToSchema)]
#[schema(as = Code)]
struct EntryJson {
    /// Canonical spelling, e.g. HS `100630`, NAICS `31-33`, `PK-PB`, `Asia/Karachi`.
    code: &'static str,
    title: &'static str,
    /// Hierarchy level or kind, e.g. `heading`, `industry_group`, `province`.
    level: &'static str,
    /// The enclosing entry's code.
    parent: Option<&'static str>,
}

impl From<&'static CodeEntry> for EntryJson {
    fn from(entry: &'static CodeEntry) -> Self {
        // Destructured whole, so a new field of the lists cannot be left out unnoticed.
        let CodeEntry {
            code,
            title,
            level,
            parent,
        } = entry;
        EntryJson {
            code,
            title,
            level,
            parent: *parent,
        }
    }
}

fn entries(items: Vec<&'static CodeEntry>) -> Vec<EntryJson> {
    items.into_iter().map(EntryJson::from).collect()
}

/// The code lists Corridor bundles
#[utoipa::path(
    get,
    path = "/api/v1/codes",
    operation_id = "list_code_systems",
    tag = "codes",
    responses((status = 200, description = "Every code system", body = Vec<SystemSummary>))
)]
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

/// One page of a code list.
#[derive(Serialize, ToSchema)]
#[schema(as = CodePage)]
struct ListBody {
    system: &'static str,
    total: usize,
    offset: usize,
    limit: usize,
    items: Vec<EntryJson>,
}

/// Searches one code list
#[utoipa::path(
    get,
    path = "/api/v1/codes/{system}",
    operation_id = "list_codes",
    tag = "codes",
    params(
        ("system" = String, Path, description = "`hs`, `naics`, `countries`, `subdivisions`, `currencies` or `timezones`"),
        ("prefix" = Option<String>, Query, description = "Code prefix, e.g. `54` or `PK-`"),
        ("q" = Option<String>, Query, description = "Words to find in titles (or a code prefix)"),
        ("limit" = Option<usize>, Query, description = "Page size (default 100, at most 1000)"),
        ("offset" = Option<usize>, Query, description = "Entries to skip"),
    ),
    responses(
        (status = 200, description = "One page of matches", body = ListBody),
        (status = 400, description = "A malformed parameter", body = ErrorBody),
        (status = 404, description = "No such code system", body = ErrorBody),
    )
)]
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
        items: entries(found.items),
    }))
}

/// A code with its ancestors and children.
#[derive(Serialize, ToSchema)]
#[schema(as = CodeDetail)]
struct DetailBody {
    system: &'static str,
    #[serde(flatten)]
    entry: EntryJson,
    /// From the top of the hierarchy down to the parent.
    ancestors: Vec<EntryJson>,
    children: Vec<EntryJson>,
}

/// One code, its ancestors and children
#[utoipa::path(
    get,
    path = "/api/v1/codes/{system}/{code}",
    operation_id = "get_code",
    tag = "codes",
    params(
        ("system" = String, Path, description = "The code system"),
        ("code" = String, Path, description = "The code, in any common spelling (`1006.30`)"),
    ),
    responses(
        (status = 200, description = "The code", body = DetailBody),
        (status = 404, description = "No such system or code", body = ErrorBody),
    )
)]
async fn one(Path((slug, code)): Path<(String, String)>) -> Result<Json<DetailBody>, AppError> {
    let system = system(&slug)?;
    let found = detail(system, &code)?;
    Ok(Json(DetailBody {
        system: system.slug(),
        entry: found.entry.into(),
        ancestors: entries(found.ancestors),
        children: entries(found.children),
    }))
}
