//! Password reset end to end through the mail outbox.

use chrono::{Duration, Utc};
use corridor_app::actor::Role;
use corridor_app::auth::Token;
use corridor_store::accounts::PasswordReset;

use crate::helpers::{TEST_PASSWORD, TestApp, browser, csrf_in};
use crate::on_both_backends;

const NEW_PASSWORD: &str = "monsoon rain over Islamabad";

/// The path of the reset link in a mail body.
fn link_path(body: &str) -> String {
    let start = body
        .find("/password-reset/")
        .expect("a reset link in the mail");
    body[start..].split_whitespace().next().unwrap().to_owned()
}

async fn post_with_page_token(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let page = client
        .get(app.url(path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = csrf_in(&page);
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    client.post(app.url(path)).form(&all).send().await.unwrap()
}

async fn a_mailed_link_sets_a_new_password_once_and_ends_every_session(app: TestApp) {
    let user = app.login_as(Role::Member).await;
    let email = user.account.email.to_string();
    let client = browser();
    let asked = post_with_page_token(&client, &app, "/password-reset", &[("email", &email)]).await;
    assert_eq!(asked.status(), 200);
    let confirmation = asked.text().await.unwrap();

    let mails = app.outbox().messages_to(&email).unwrap();
    assert_eq!(mails.len(), 1);
    assert!(mails[0].subject.contains("Reset your"), "{mails:?}");
    let path = link_path(&mails[0].body);

    let set = post_with_page_token(&client, &app, &path, &[("password", NEW_PASSWORD)]).await;
    assert_eq!(set.status(), 200);
    assert!(
        set.text()
            .await
            .unwrap()
            .contains("every session of your account has ended")
    );
    assert_eq!(
        user.get("/account").await.status(),
        303,
        "the old session ended"
    );
    app.login(user.account.clone(), NEW_PASSWORD).await;

    // Single use: the link now shows the invalid-link page and refuses a post.
    let again = client.get(app.url(&path)).send().await.unwrap();
    assert_eq!(again.status(), 400);
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
    let reuse = client
        .post(app.url(&path))
        .form(&[
            ("csrf", csrf.as_str()),
            ("password", "yet another long password"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(reuse.status(), 400);
    app.login(user.account.clone(), NEW_PASSWORD).await;

    // An unknown address gets the same answer and no mail.
    let unknown = post_with_page_token(
        &browser(),
        &app,
        "/password-reset",
        &[("email", "nobody@example.pk")],
    )
    .await;
    assert_eq!(unknown.status(), 200);
    assert_eq!(
        unknown.text().await.unwrap(),
        confirmation,
        "word for word the same page"
    );
    assert_eq!(app.outbox().messages().unwrap().len(), 1);
}
on_both_backends!(
    a_mailed_link_sets_a_new_password_once_and_ends_every_session_on,
    a_mailed_link_sets_a_new_password_once_and_ends_every_session
);

async fn an_expired_link_is_refused_and_the_password_stays(app: TestApp) {
    let account = app
        .create_account("late@example.pk", "Late", Role::Member)
        .await;
    let token = Token::generate();
    let made = Utc::now() - Duration::hours(2);
    let reset = PasswordReset {
        token_hash: token.hash(),
        account: account.id,
        created_at: made,
        expires_at: made + Duration::hours(1),
    };
    app.db
        .store()
        .accounts()
        .create_password_reset(reset)
        .await
        .unwrap();

    let body = serde_json::json!({"token": token.as_str(), "password": NEW_PASSWORD});
    let response = browser()
        .post(app.url("/api/v1/auth/password-reset/confirm"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let error: serde_json::Value = response.json().await.unwrap();
    assert_eq!(error["error"]["field"], "token");
    app.login(account, TEST_PASSWORD).await;
}
on_both_backends!(
    an_expired_link_is_refused_and_the_password_stays_on,
    an_expired_link_is_refused_and_the_password_stays
);

#[tokio::test]
async fn a_too_short_new_password_does_not_use_up_the_link() {
    let app = TestApp::sqlite().await;
    let account = app
        .create_account("careful@example.pk", "Careful", Role::Member)
        .await;
    let body = serde_json::json!({"email": "careful@example.pk"});
    assert_eq!(
        browser()
            .post(app.url("/api/v1/auth/password-reset"))
            .json(&body)
            .send()
            .await
            .unwrap()
            .status(),
        202
    );
    let mail = app
        .outbox()
        .messages_to("careful@example.pk")
        .unwrap()
        .remove(0);
    let token = link_path(&mail.body)
        .trim_start_matches("/password-reset/")
        .to_owned();
    let confirm = |password: &str| serde_json::json!({"token": token, "password": password});
    let short = browser()
        .post(app.url("/api/v1/auth/password-reset/confirm"))
        .json(&confirm("short"))
        .send()
        .await
        .unwrap();
    assert_eq!(short.status(), 422);
    let ok = browser()
        .post(app.url("/api/v1/auth/password-reset/confirm"))
        .json(&confirm(NEW_PASSWORD))
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 204);
    app.login(account, NEW_PASSWORD).await;
}
