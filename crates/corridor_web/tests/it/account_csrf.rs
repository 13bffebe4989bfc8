//! CSRF: state-changing requests without the right token are refused with 403 and change nothing.

use corridor_app::actor::Role;

use crate::helpers::{TEST_PASSWORD, TestApp, browser, csrf_in};
use crate::on_both_backends;

const NEW_PASSWORD: &str = "a brand new password for Corridor";

async fn a_signed_in_form_without_or_with_a_wrong_token_is_refused_and_changes_nothing(
    app: TestApp,
) {
    let user = app.login_as(Role::Member).await;
    let fields = [
        ("current_password", TEST_PASSWORD),
        ("new_password", NEW_PASSWORD),
    ];
    let missing = user
        .client
        .post(user.url("/account/password"))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 403);
    let html = missing.text().await.unwrap();
    assert!(
        html.contains("CSRF") && html.contains("reload the page"),
        "a clear page: {html}"
    );

    let wrong: Vec<(&str, &str)> = [("csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
        .into_iter()
        .chain(fields)
        .collect();
    let response = user
        .client
        .post(user.url("/account/password"))
        .form(&wrong)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);

    // Another session's token does not do either.
    let other = app.login_as(Role::Member).await;
    let foreign: Vec<(&str, &str)> = [("csrf", other.csrf.as_str())]
        .into_iter()
        .chain(fields)
        .collect();
    let response = user
        .client
        .post(user.url("/account/password"))
        .form(&foreign)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);

    // Nothing changed: the old password still logs in, the session still works.
    assert_eq!(user.get("/account").await.status(), 200);
    app.login(user.account.clone(), TEST_PASSWORD).await;

    // And with the right token the same form works.
    let done = user.post_form("/account/password", &fields).await;
    assert_eq!(done.status(), 200);
    app.login(user.account.clone(), NEW_PASSWORD).await;
}
on_both_backends!(
    a_signed_in_form_without_or_with_a_wrong_token_is_refused_and_changes_nothing_on,
    a_signed_in_form_without_or_with_a_wrong_token_is_refused_and_changes_nothing
);

async fn anonymous_forms_need_the_double_submit_token(app: TestApp) {
    let fields = [
        ("email", "csrf@example.pk"),
        ("display_name", "Csrf"),
        ("password", NEW_PASSWORD),
    ];
    // A cross-site form: no cookie, no token.
    let response = browser()
        .post(app.url("/signup"))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    // A token in the form that is not the cookie's.
    let client = browser();
    let _ = csrf_in(
        &client
            .get(app.url("/signup"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    let forged: Vec<(&str, &str)> = [("csrf", "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB")]
        .into_iter()
        .chain(fields)
        .collect();
    let response = client
        .post(app.url("/signup"))
        .form(&forged)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert_eq!(
        app.db.store().accounts().count().await.unwrap(),
        0,
        "no account was created"
    );
}
on_both_backends!(
    anonymous_forms_need_the_double_submit_token_on,
    anonymous_forms_need_the_double_submit_token
);

#[tokio::test]
async fn the_json_api_refuses_a_cookie_session_without_the_header_and_changes_nothing() {
    let app = TestApp::sqlite().await;
    let user = app.login_as(Role::Member).await;
    let body = serde_json::json!({"current_password": TEST_PASSWORD, "new_password": NEW_PASSWORD});
    let response = user
        .client
        .post(user.url("/api/v1/auth/password"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    let error: serde_json::Value = response.json().await.unwrap();
    assert_eq!(error["error"]["code"], "forbidden");
    app.login(user.account.clone(), TEST_PASSWORD).await;
    assert_eq!(
        user.post_json("/api/v1/auth/password", &body)
            .await
            .status(),
        204
    );
}
