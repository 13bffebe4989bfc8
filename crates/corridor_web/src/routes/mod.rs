//! Handlers grouped by resource; each module exports `router()`.

mod account;
mod assets;
mod codes;
mod directory;
mod fallback;
mod health;
mod home;
mod openapi;
mod privacy;
mod review;

use axum::Router;

use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(health::router())
        .merge(home::router())
        .merge(assets::router())
        .merge(codes::router())
        .merge(directory::router())
        .merge(review::router())
        .merge(account::router())
        .merge(openapi::router())
        .merge(privacy::router())
        .fallback(fallback::not_found)
}
