//! The front page: the corridor at a glance.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use chrono::Utc;
use corridor_domain::codes::CodeSystem;

use crate::pages::{Chrome, PageError, render};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/", get(home))
}

struct CountryClock {
    name: &'static str,
    code: String,
    time_zone: String,
    local_time: String,
}

struct ListSummary {
    slug: &'static str,
    title: &'static str,
    count: usize,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage<'a> {
    chrome: &'a Chrome,
    countries: Vec<CountryClock>,
    base_currency: String,
    lists: Vec<ListSummary>,
}

async fn home(State(state): State<AppState>) -> Result<Html<String>, PageError> {
    let config = &state.app.config;
    let now = Utc::now();
    let countries = config
        .corridor
        .countries
        .iter()
        .map(|c| CountryClock {
            name: c.code.name(),
            code: c.code.to_string(),
            time_zone: c.time_zone.to_string(),
            local_time: now
                .with_timezone(&c.time_zone.tz())
                .format("%a %d %b, %H:%M")
                .to_string(),
        })
        .collect();
    let lists = CodeSystem::ALL
        .iter()
        .map(|s| ListSummary {
            slug: s.slug(),
            title: s.title(),
            count: s.list().len(),
        })
        .collect();
    let page = HomePage {
        chrome: &state.chrome,
        countries,
        base_currency: config.corridor.base_currency.to_string(),
        lists,
    };
    render(&page).map_err(state.chrome.fail())
}
