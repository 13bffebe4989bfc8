//! The session cookie's flags, sliding expiry, and the `next` redirect after log-in.

use corridor_app::actor::Role;
use corridor_app::config::RawConfig;

use crate::helpers::{TEST_PASSWORD, TestApp, browser, csrf_in};

async fn login_response(app: &TestApp, email: &str, next: Option<&str>) -> reqwest::Response {
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
    let mut form = vec![
        ("csrf", csrf.as_str()),
        ("email", email),
        ("password", TEST_PASSWORD),
    ];
    if let Some(next) = next {
        form.push(("next", next));
    }
    client
        .post(app.url("/login"))
        .form(&form)
        .send()
        .await
        .unwrap()
}

fn session_cookie(response: &reqwest::Response) -> String {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|v| v.starts_with("corridor_session="))
        .expect("a session cookie")
}

#[tokio::test]
async fn the_session_cookie_is_http_only_and_same_site_and_not_secure_on_loopback_http() {
    let app = TestApp::sqlite().await;
    app.create_account("flags@example.pk", "Flags", Role::Member)
        .await;
    let response = login_response(&app, "flags@example.pk", None).await;
    let cookie = session_cookie(&response);
    assert!(
        cookie.contains("; HttpOnly")
            && cookie.contains("; SameSite=Lax")
            && cookie.contains("; Path=/"),
        "{cookie}"
    );
    assert!(
        !cookie.contains("Secure"),
        "plain http on loopback: {cookie}"
    );
    let max_age: i64 = cookie
        .split("Max-Age=")
        .nth(1)
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(max_age > 13 * 24 * 3600, "{cookie}");
}

#[tokio::test]
async fn the_session_cookie_is_secure_when_the_site_is_served_over_https() {
    let app = TestApp::sqlite_with(|raw: &mut RawConfig| {
        raw.site.base_url = Some("https://corridor.example.org".into())
    })
    .await;
    app.create_account("secure@example.pk", "Secure", Role::Member)
        .await;
    let response = login_response(&app, "secure@example.pk", None).await;
    assert!(session_cookie(&response).contains("; Secure"));
    let page = browser().get(app.url("/login")).send().await.unwrap();
    let csrf_cookie = page.headers()["set-cookie"].to_str().unwrap();
    assert!(
        csrf_cookie.starts_with("corridor_csrf=") && csrf_cookie.contains("; Secure"),
        "{csrf_cookie}"
    );
}

#[test]
fn plain_http_on_a_public_address_is_refused_by_the_configuration() {
    let mut raw = RawConfig::default();
    raw.site.base_url = Some("http://corridor.example.org".into());
    let problems = raw.validate().unwrap_err();
    assert!(
        problems.0.iter().any(|p| p.setting == "site.base_url"),
        "{problems}"
    );
    let mut raw = RawConfig::default();
    raw.server.listen = Some("0.0.0.0:8080".into());
    let problems = raw.validate().unwrap_err();
    assert!(
        problems.0.iter().any(|p| p.setting == "site.base_url"),
        "{problems}"
    );
}

#[tokio::test]
async fn next_leads_back_to_a_local_page_and_never_to_another_site() {
    let app = TestApp::sqlite().await;
    app.create_account("next@example.pk", "Next", Role::Member)
        .await;
    let cases = [
        (Some("/codes/hs?q=rice"), "/codes/hs?q=rice"),
        (Some("https://evil.example/phish"), "/account"),
        (Some("//evil.example/phish"), "/account"),
        (Some("/\\evil.example"), "/account"),
        (Some("javascript:alert(1)"), "/account"),
        (None, "/account"),
    ];
    for (next, expected) in cases {
        let response = login_response(&app, "next@example.pk", next).await;
        assert_eq!(response.status(), 303, "{next:?}");
        assert_eq!(response.headers()["location"], expected, "{next:?}");
    }
    // The log-in page that a protected page redirects to carries `next` along.
    let response = browser()
        .get(app.url("/account/password"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.headers()["location"],
        "/login?next=%2Faccount%2Fpassword"
    );
    let html = browser()
        .get(app.url("/login?next=%2Faccount%2Fpassword"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains(r#"name="next" value="/account/password""#),
        "{html}"
    );
}

#[tokio::test]
async fn a_session_cookie_that_names_no_session_is_treated_as_a_visitor() {
    let app = TestApp::sqlite().await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for cookie in [
        "corridor_session=forged-token-value-1234567890",
        "corridor_session=%00%ff",
        "corridor_session=",
    ] {
        let response = client
            .get(app.url("/account"))
            .header("cookie", cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 303, "{cookie}");
        let response = client
            .get(app.url("/api/v1/auth/me"))
            .header("cookie", cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 401, "{cookie}");
    }
}
