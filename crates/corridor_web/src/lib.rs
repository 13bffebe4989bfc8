//! Corridor's HTTP face: the axum router, middleware, handlers by resource, page templates and the
//! one [`AppError`] that maps every failure to a status once.
//!
//! Depends on the app crate (use cases) and the domain; never talks SQL. The CLI's `serve` and the
//! integration tests build the router with the same [`router`] function.

pub mod auth;
mod error;
mod extract;
mod layers;
mod metrics;
mod pages;
mod routes;
mod state;

use std::future::Future;

use corridor_app::App;
use tokio::net::TcpListener;

pub use error::AppError;
pub use state::AppState;

/// The whole application router, middleware included.
pub fn router(app: App) -> axum::Router {
    let state = AppState::new(app);
    let routes = routes::router().with_state(state.clone());
    let routes = auth::apply(routes, state.clone());
    layers::apply(routes, state)
}

/// Serves `app` on `listener` until `shutdown` resolves, then drains in-flight requests. While it
/// serves, the hourly purge of event registrants past retention runs beside it
/// (`corridor_app::privacy::worker`); it stops with the server.
pub async fn serve(
    app: App,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let purge = corridor_app::privacy::worker::PurgeWorker::spawn(app.clone());
    // The peer address feeds the per-IP rate limits (`auth::ClientIp`).
    let service = router(app).into_make_service_with_connect_info::<std::net::SocketAddr>();
    let served = axum::serve(listener, service)
        .with_graceful_shutdown(shutdown)
        .await;
    purge.stop().await;
    served
}
