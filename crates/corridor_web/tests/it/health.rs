use crate::helpers::TestApp;
use crate::on_both_backends;

async fn readiness_reports_the_database(app: TestApp) {
    let (status, body) = app.get_json("/readyz").await;
    assert_eq!(status, 200);
    assert_eq!(body["status"], "ready");
    let backend = app.db.store().backend().to_string();
    assert_eq!(body["database"], backend.as_str());
}
on_both_backends!(
    readyz_is_ready_when_the_database_answers,
    readiness_reports_the_database
);

async fn readiness_fails_when_the_database_is_gone(app: TestApp) {
    app.db.store().close().await;
    let (status, body) = app.get_json("/readyz").await;
    assert_eq!(status, 503);
    assert_eq!(body["status"], "unavailable");
    // Liveness does not depend on the database.
    assert_eq!(app.get("/healthz").await.status().as_u16(), 200);
}
on_both_backends!(
    readyz_is_unavailable_after_the_database_closes,
    readiness_fails_when_the_database_is_gone
);

#[tokio::test]
async fn healthz_answers_ok_with_the_version() {
    let app = TestApp::sqlite().await;
    let (status, body) = app.get_json("/healthz").await;
    assert_eq!(status, 200);
    assert_eq!(body["status"], "ok");
    assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
}

#[tokio::test]
async fn metrics_count_requests_by_route_pattern() {
    let app = TestApp::sqlite().await;
    for code in ["100630", "1006", "10"] {
        assert_eq!(
            app.get(&format!("/api/v1/codes/hs/{code}")).await.status(),
            200
        );
    }
    app.get("/no/such/page").await;
    let (status, text) = app.get_text("/metrics").await;
    assert_eq!(status, 200);
    assert!(
        text.contains(
            r#"corridor_http_requests_total{method="GET",route="/api/v1/codes/{system}/{code}",status="200"} 3"#
        ),
        "{text}"
    );
    assert!(text.contains(r#"route="unmatched",status="404""#), "{text}");
    assert!(
        text.contains("corridor_http_request_duration_seconds_bucket"),
        "{text}"
    );
    assert!(text.contains("corridor_build_info{version="), "{text}");
}

#[tokio::test]
async fn every_response_carries_a_request_id_and_security_headers() {
    let app = TestApp::sqlite().await;
    let response = app.get("/").await;
    let headers = response.headers();
    let id = headers
        .get("x-request-id")
        .expect("request id")
        .to_str()
        .unwrap();
    assert_eq!(id.len(), 36, "a UUID: {id}");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert!(
        headers["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("default-src 'self'")
    );
    assert!(headers.contains_key("referrer-policy"));
    assert!(
        !headers.contains_key("strict-transport-security"),
        "no HSTS for a site on plain http"
    );
}

#[tokio::test]
async fn a_site_reached_over_https_asks_browsers_to_keep_to_https() {
    let app =
        TestApp::sqlite_with(|raw| raw.site.base_url = Some("https://corridor.example.org".into()))
            .await;
    let response = app.get("/healthz").await;
    assert_eq!(
        response.headers()["strict-transport-security"],
        "max-age=31536000"
    );
}

#[tokio::test]
async fn a_request_id_sent_by_a_proxy_is_kept() {
    let app = TestApp::sqlite().await;
    let response = app
        .client
        .get(app.url("/healthz"))
        .header("x-request-id", "from-the-proxy-42")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["x-request-id"], "from-the-proxy-42");
}

#[tokio::test]
async fn large_responses_are_compressed_when_the_client_accepts_gzip() {
    let app = TestApp::sqlite().await;
    let response = app
        .client
        .get(app.url("/api/v1/codes/naics?prefix=3&limit=1000"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-encoding"], "gzip");
}
