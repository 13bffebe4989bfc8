//! The middleware stack: request ids, tracing, metrics, compression, timeouts, security headers.

use std::time::Duration;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, Request, StatusCode, header};
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::metrics;
use crate::state::AppState;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Everything is served by the binary, so the policy can forbid every other origin.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; \
     script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// One year; sent only when the site is reached over HTTPS (a browser ignores it over plain HTTP,
/// and a local demo on http://127.0.0.1 must stay reachable).
const STRICT_TRANSPORT_SECURITY: &str = "max-age=31536000";

pub fn apply(router: Router, state: AppState) -> Router {
    let https = state.app.config.site.base_url.scheme() == "https";
    let security_headers = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=()",
        ),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ];
    let mut router = router
        .layer(axum::middleware::from_fn_with_state(state, metrics::track))
        .layer(CompressionLayer::new())
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ));
    for (name, value) in security_headers {
        router = router.layer(SetResponseHeaderLayer::if_not_present(
            name,
            HeaderValue::from_static(value),
        ));
    }
    if https {
        router = router.layer(SetResponseHeaderLayer::if_not_present(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(STRICT_TRANSPORT_SECURITY),
        ));
    }
    router
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(TraceLayer::new_for_http().make_span_with(|request: &Request<_>| {
            let id = request
                .headers()
                .get(&REQUEST_ID)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("-");
            tracing::info_span!("request", method = %request.method(), uri = %loggable(request.uri()), request_id = %id)
        }))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
}

/// The URI as logged: upload forms carry the session's CSRF token in the query (`?csrf=…`, see
/// `auth::csrf`), which has no place in log files.
fn loggable(uri: &axum::http::Uri) -> String {
    let Some(query) = uri.query().filter(|q| q.contains("csrf=")) else {
        return uri.to_string();
    };
    let redacted: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some(("csrf", _)) => "csrf=redacted".to_owned(),
            _ => pair.to_owned(),
        })
        .collect();
    format!("{}?{}", uri.path(), redacted.join("&"))
}

#[cfg(test)]
mod tests {
    use super::loggable;

    #[test]
    fn csrf_tokens_are_not_logged() {
        let uri = "/organisations/1/evidence?csrf=s3cret&x=1".parse().unwrap();
        assert_eq!(
            loggable(&uri),
            "/organisations/1/evidence?csrf=redacted&x=1"
        );
        let uri = "/directory?q=rice".parse().unwrap();
        assert_eq!(loggable(&uri), "/directory?q=rice");
    }
}
