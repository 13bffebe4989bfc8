//! Rate limits: log-in per address (and per IP), sign-up per IP, reset requests per address.
//! The windows are configured long and the limits small, so no test sleeps.

use corridor_app::actor::Role;
use corridor_app::config::RawConfig;

use crate::helpers::{TEST_PASSWORD, TestApp, browser, csrf_in};
use crate::on_both_backends_with;

fn small_limits(raw: &mut RawConfig) {
    raw.auth.login_max_failures = Some(3);
    raw.auth.login_window_secs = Some(600);
    raw.auth.signup_max_per_ip = Some(2);
    raw.auth.reset_max_per_address = Some(2);
}

async fn post_login(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    let client = browser();
    let csrf = csrf_in(
        &client
            .get(app.url("/login"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    let form = [
        ("csrf", csrf.as_str()),
        ("email", email),
        ("password", password),
    ];
    client
        .post(app.url("/login"))
        .form(&form)
        .send()
        .await
        .unwrap()
}

async fn after_too_many_failures_even_the_right_password_gets_429_until_the_window_passes(
    app: TestApp,
) {
    let account = app
        .create_account("limited@example.pk", "Limited", Role::Member)
        .await;
    for _ in 0..3 {
        assert_eq!(
            post_login(&app, "limited@example.pk", "wrong password, again")
                .await
                .status(),
            401
        );
    }
    let refused = post_login(&app, "LIMITED@example.pk", TEST_PASSWORD).await;
    assert_eq!(
        refused.status(),
        429,
        "the right password, but the address is locked for now"
    );
    let retry: u64 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=600).contains(&retry), "{retry}");

    // The window passing is the events ageing out of it: prune them as time would.
    let later = chrono::Utc::now() + chrono::Duration::seconds(601);
    app.db
        .store()
        .accounts()
        .throttle_prune(later)
        .await
        .unwrap();
    assert_eq!(
        post_login(&app, "limited@example.pk", TEST_PASSWORD)
            .await
            .status(),
        303
    );
    drop(account);
}
on_both_backends_with!(
    after_too_many_failures_even_the_right_password_gets_429_until_the_window_passes_on,
    small_limits,
    after_too_many_failures_even_the_right_password_gets_429_until_the_window_passes
);

async fn the_json_login_limit_answers_429_with_retry_after(app: TestApp) {
    let body = serde_json::json!({"email": "nobody@example.pk", "password": "wrong password"});
    for _ in 0..3 {
        let response = browser()
            .post(app.url("/api/v1/auth/login"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 401, "unknown addresses count too");
    }
    let response = browser()
        .post(app.url("/api/v1/auth/login"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 429);
    assert!(response.headers().contains_key("retry-after"));
    let error: serde_json::Value = response.json().await.unwrap();
    assert_eq!(error["error"]["code"], "too_many_requests");
}
on_both_backends_with!(
    the_json_login_limit_answers_429_with_retry_after_on,
    small_limits,
    the_json_login_limit_answers_429_with_retry_after
);

async fn sign_ups_are_limited_per_client_address(app: TestApp) {
    for n in 0..3 {
        let body = serde_json::json!({
            "email": format!("new{n}@example.pk"),
            "display_name": "New",
            "password": "a sufficiently long password",
        });
        let response = browser()
            .post(app.url("/api/v1/auth/signup"))
            .json(&body)
            .send()
            .await
            .unwrap();
        let expected = if n < 2 { 201 } else { 429 };
        assert_eq!(response.status(), expected, "sign-up {n}");
    }
    assert_eq!(app.db.store().accounts().count().await.unwrap(), 2);
}
on_both_backends_with!(
    sign_ups_are_limited_per_client_address_on,
    small_limits,
    sign_ups_are_limited_per_client_address
);

async fn reset_requests_are_limited_per_address_alike_for_known_and_unknown_ones(app: TestApp) {
    app.create_account("known@example.pk", "Known", Role::Member)
        .await;
    for address in ["known@example.pk", "unknown@example.pk"] {
        let body = serde_json::json!({"email": address});
        let mut statuses = Vec::new();
        for _ in 0..3 {
            let response = browser()
                .post(app.url("/api/v1/auth/password-reset"))
                .json(&body)
                .send()
                .await
                .unwrap();
            statuses.push(response.status().as_u16());
        }
        assert_eq!(statuses, [202, 202, 429], "{address}");
    }
    assert_eq!(
        app.outbox().messages().unwrap().len(),
        2,
        "mail only for the known address"
    );
}
on_both_backends_with!(
    reset_requests_are_limited_per_address_alike_for_known_and_unknown_ones_on,
    small_limits,
    reset_requests_are_limited_per_address_alike_for_known_and_unknown_ones
);
