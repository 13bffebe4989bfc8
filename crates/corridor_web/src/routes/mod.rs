//! Handlers grouped by resource; each module exports `router()`.

mod assets;
mod codes;
mod fallback;
mod health;
mod home;

use axum::Router;

use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(health::router())
        .merge(home::router())
        .merge(assets::router())
        .merge(codes::router())
        .fallback(fallback::not_found)
}
