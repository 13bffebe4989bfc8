//! Log-in, the account page, log-out, and the log-in test helper other tests rely on.

use corridor_app::actor::Role;

use crate::helpers::{TEST_PASSWORD, TestApp, browser, csrf_in};
use crate::on_both_backends;

async fn a_logged_in_user_sees_their_name_and_can_log_out(app: TestApp) {
    let user = app.login_as(Role::Member).await;
    let page = user.get("/account").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains(&user.account.display_name), "{html}");
    assert!(html.contains(r#"action="/logout""#), "{html}");

    let out = user.post_form("/logout", &[]).await;
    assert_eq!(out.status(), 303);
    assert_eq!(out.headers()["location"], "/");
    let cookie = out.headers()["set-cookie"].to_str().unwrap();
    assert!(
        cookie.starts_with("corridor_session=;") && cookie.contains("Max-Age=0"),
        "{cookie}"
    );

    let after = user.get("/account").await;
    assert_eq!(after.status(), 303, "the account page now asks to log in");
    assert_eq!(after.headers()["location"], "/login?next=%2Faccount");
    let sessions = app
        .db
        .store()
        .accounts()
        .session_count(user.account.id, chrono::Utc::now())
        .await
        .unwrap();
    assert_eq!(sessions, 0, "log-out deletes the session row");
}
on_both_backends!(
    a_logged_in_user_sees_their_name_and_can_log_out_on,
    a_logged_in_user_sees_their_name_and_can_log_out
);

async fn a_wrong_password_is_refused_without_saying_which_part_was_wrong(app: TestApp) {
    let account = app
        .create_account("amna@lahore-rice.pk", "Amna", Role::Member)
        .await;
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
    let email = account.email.to_string();
    let wrong = client
        .post(app.url("/login"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", email.as_str()),
            ("password", "not the password at all"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    let wrong_html = wrong.text().await.unwrap();
    let unknown = client
        .post(app.url("/login"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "nobody@lahore-rice.pk"),
            ("password", TEST_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 401);
    let message = "the e-mail address or the password is wrong";
    assert!(wrong_html.contains(message), "{wrong_html}");
    assert!(unknown.text().await.unwrap().contains(message));
    assert_eq!(
        client
            .get(app.url("/account"))
            .send()
            .await
            .unwrap()
            .status(),
        303
    );
}
on_both_backends!(
    a_wrong_password_is_refused_without_saying_which_part_was_wrong_on,
    a_wrong_password_is_refused_without_saying_which_part_was_wrong
);

async fn the_json_api_logs_in_with_the_same_session_and_needs_the_csrf_header(app: TestApp) {
    let account = app
        .create_account("bilal@karachi-tex.pk", "Bilal", Role::Organiser)
        .await;
    let client = browser();
    let body = serde_json::json!({"email": account.email.to_string(), "password": TEST_PASSWORD});
    let response = client
        .post(app.url("/api/v1/auth/login"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let me: serde_json::Value = response.json().await.unwrap();
    assert_eq!(me["display_name"], "Bilal");
    assert_eq!(me["role"], "organiser");
    let csrf = me["csrf"].as_str().unwrap().to_owned();

    let without = client
        .post(app.url("/api/v1/auth/logout"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        without.status(),
        403,
        "a cookie-authenticated call without X-CSRF-Token"
    );
    let with = client
        .post(app.url("/api/v1/auth/logout"))
        .header("x-csrf-token", &csrf)
        .send()
        .await
        .unwrap();
    assert_eq!(with.status(), 204);
    let me = client.get(app.url("/api/v1/auth/me")).send().await.unwrap();
    assert_eq!(me.status(), 401);
    let error: serde_json::Value = me.json().await.unwrap();
    assert_eq!(error["error"]["code"], "unauthorized");
}
on_both_backends!(
    the_json_api_logs_in_with_the_same_session_and_needs_the_csrf_header_on,
    the_json_api_logs_in_with_the_same_session_and_needs_the_csrf_header
);

#[tokio::test]
async fn pages_show_log_in_links_to_visitors_and_the_name_to_users() {
    let app = TestApp::sqlite().await;
    let (_, html) = app.get_text("/").await;
    assert!(
        html.contains(r#"href="/login""#) && html.contains(r#"href="/signup""#),
        "{html}"
    );
    let user = app.login_as(Role::Admin).await;
    let html = user.get("/codes").await.text().await.unwrap();
    assert!(html.contains(&user.account.display_name), "{html}");
    assert!(
        html.contains(&format!(r#"name="csrf" value="{}""#, user.csrf)),
        "{html}"
    );
}
