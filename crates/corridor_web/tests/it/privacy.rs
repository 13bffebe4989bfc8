//! Privacy over HTTP on both backends: the data download, deleting one's account (form and API),
//! and the organisers' retention setting.

use corridor_app::actor::Role;
use serde_json::json;

use crate::helpers::{LoggedIn, TEST_PASSWORD, TestApp, browser, csrf_in};
use crate::on_both_backends;

/// Logs in through the form with a fresh browser; the status of the attempt.
async fn login_status(app: &TestApp, email: &str, password: &str) -> u16 {
    let client = browser();
    let page = client.get(app.url("/login")).send().await.unwrap();
    let csrf = csrf_in(&page.text().await.unwrap());
    client
        .post(app.url("/login"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", email),
            ("password", password),
        ])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn put_json(user: &LoggedIn, path: &str, body: &serde_json::Value) -> reqwest::Response {
    user.client
        .put(user.url(path))
        .header("x-csrf-token", &user.csrf)
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn the_download_is_a_json_file_of_the_users_own_data(app: TestApp) {
    let user = app.login_as(Role::Member).await;
    let other = app.login_as(Role::Member).await;
    let created = user
        .post_json(
            "/api/v1/organisations",
            &json!({ "kind": "company", "legal_name": "Sialkot Surgical", "country": "PK" }),
        )
        .await;
    assert_eq!(created.status(), 201, "{}", created.text().await.unwrap());

    let file = user.get("/account/data").await;
    assert_eq!(file.status(), 200);
    let disposition = file.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        disposition.starts_with("attachment; filename=\"corridor-data-"),
        "{disposition}"
    );
    assert_eq!(file.headers()["cache-control"], "no-store");
    let text = file.text().await.unwrap();
    let data: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(data["account"]["email"], user.account.email.as_str());
    assert_eq!(data["sessions"].as_array().unwrap().len(), 1);
    assert_eq!(
        data["memberships"][0]["organisation"]["legal_name"],
        "Sialkot Surgical"
    );
    assert_eq!(data["audit_log"][0]["action"], "organisation.created");
    assert_eq!(data["audit_log"][0]["actor"], "you");
    for absent in [
        "argon2",
        "password",
        "token",
        "csrf",
        user.csrf.as_str(),
        other.account.email.as_str(),
        other.account.id.to_string().as_str(),
    ] {
        assert!(!text.contains(absent), "{absent:?} in {text}");
    }

    let (status, api) = {
        let response = user.get("/api/v1/account/data").await;
        (
            response.status().as_u16(),
            response.json::<serde_json::Value>().await.unwrap(),
        )
    };
    assert_eq!(status, 200);
    assert_eq!(api["account"]["id"], user.account.id.to_string());

    assert_eq!(app.get("/api/v1/account/data").await.status(), 401);
    let page = browser()
        .get(app.url("/account/data"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 303);
    assert_eq!(page.headers()["location"], "/login?next=%2Faccount%2Fdata");
}
on_both_backends!(
    the_download_is_a_json_file_of_the_users_own_data_on,
    the_download_is_a_json_file_of_the_users_own_data
);

async fn deleting_through_the_form_needs_the_password_and_ends_everything(app: TestApp) {
    let user = app.login_as(Role::Member).await;
    let email = user.account.email.to_string();
    let home = user.get("/account").await.text().await.unwrap();
    assert!(
        home.contains(r#"action="/account/delete""#) && home.contains(r#"href="/account/data""#),
        "{home}"
    );
    let audit_before = app.db.store().audit().count().await.unwrap();

    let wrong = user
        .post_form("/account/delete", &[("password", "not the password")])
        .await;
    assert_eq!(wrong.status(), 422);
    let html = wrong.text().await.unwrap();
    assert!(
        html.contains("the password is wrong") && html.contains(r#"data-field="password""#),
        "{html}"
    );
    let no_csrf = user
        .client
        .post(user.url("/account/delete"))
        .form(&[("password", TEST_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(no_csrf.status(), 403);
    assert!(
        app.db
            .store()
            .accounts()
            .get(user.account.id)
            .await
            .unwrap()
            .is_some()
    );

    let done = user
        .post_form("/account/delete", &[("password", TEST_PASSWORD)])
        .await;
    assert_eq!(done.status(), 200);
    let cookie = done.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("corridor_session=;"), "{cookie}");
    assert!(
        done.text()
            .await
            .unwrap()
            .contains("Your account has been deleted")
    );

    assert_eq!(
        user.get("/account").await.status(),
        303,
        "the session is gone"
    );
    assert_eq!(login_status(&app, &email, TEST_PASSWORD).await, 401);
    assert!(
        app.db
            .store()
            .accounts()
            .get(user.account.id)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        app.db.store().audit().count().await.unwrap(),
        audit_before + 1,
        "account.deleted is added, nothing removed"
    );
}
on_both_backends!(
    deleting_through_the_form_needs_the_password_and_ends_everything_on,
    deleting_through_the_form_needs_the_password_and_ends_everything
);

async fn deleting_through_the_api_answers_204_and_the_session_stops_working(app: TestApp) {
    let user = app.login_as(Role::Member).await;
    let wrong = user
        .client
        .delete(user.url("/api/v1/account"))
        .header("x-csrf-token", &user.csrf)
        .json(&json!({ "password": "wrong wrong wrong" }))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 422);
    let body: serde_json::Value = wrong.json().await.unwrap();
    assert_eq!(body["error"]["field"], "password");

    let done = user
        .client
        .delete(user.url("/api/v1/account"))
        .header("x-csrf-token", &user.csrf)
        .json(&json!({ "password": TEST_PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), 204);
    assert_eq!(user.get("/api/v1/auth/me").await.status(), 401);
    let sessions = app
        .db
        .store()
        .accounts()
        .session_count(user.account.id, chrono::Utc::now())
        .await
        .unwrap();
    assert_eq!(sessions, 0);
}
on_both_backends!(
    deleting_through_the_api_answers_204_and_the_session_stops_working_on,
    deleting_through_the_api_answers_204_and_the_session_stops_working
);

async fn only_organisers_change_the_retention_period(app: TestApp) {
    let member = app.login_as(Role::Member).await;
    let organiser = app.login_as(Role::Organiser).await;

    assert_eq!(
        put_json(&member, "/api/v1/privacy/retention", &json!({ "days": 30 }))
            .await
            .status(),
        403
    );
    assert_eq!(member.get("/privacy").await.status(), 403);
    assert_eq!(
        member
            .get("/api/v1/privacy/registrant-counts")
            .await
            .status(),
        403
    );
    assert_eq!(app.get("/api/v1/privacy/retention").await.status(), 401);

    let shown: serde_json::Value = organiser
        .get("/api/v1/privacy/retention")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(shown["days"], 180);
    let bad = put_json(
        &organiser,
        "/api/v1/privacy/retention",
        &json!({ "days": 0 }),
    )
    .await;
    assert_eq!(bad.status(), 422);
    let set = put_json(
        &organiser,
        "/api/v1/privacy/retention",
        &json!({ "days": 30 }),
    )
    .await;
    assert_eq!(set.status(), 200);
    let set: serde_json::Value = set.json().await.unwrap();
    assert_eq!(
        (set["days"].as_u64(), set["default_days"].as_u64()),
        (Some(30), Some(180))
    );

    let form = organiser
        .post_form("/privacy/retention", &[("days", "45")])
        .await;
    assert_eq!(form.status(), 200);
    let html = form.text().await.unwrap();
    assert!(
        html.contains("The retention period is now 45 days"),
        "{html}"
    );
    let junk = organiser
        .post_form("/privacy/retention", &[("days", "soon")])
        .await;
    assert_eq!(junk.status(), 422);
    let page = organiser.get("/privacy").await.text().await.unwrap();
    assert!(
        page.contains("<strong>45 days</strong>") && page.contains("None removed yet"),
        "{page}"
    );
    let counts: serde_json::Value = organiser
        .get("/api/v1/privacy/registrant-counts")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(counts, json!([]));
}
on_both_backends!(
    only_organisers_change_the_retention_period_on,
    only_organisers_change_the_retention_period
);
