//! Sign-up: the whole first visit, and what the form refuses.

use corridor_app::actor::Role;

use crate::helpers::{TestApp, browser, csrf_in};
use crate::on_both_backends;

const PASSWORD: &str = "chai and mangoes in July";

type Fields<'a> = &'a [(&'a str, &'a str)];

/// Posts the sign-up form as a fresh visitor would: page first (for the CSRF cookie and field).
async fn sign_up(
    app: &TestApp,
    client: &reqwest::Client,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let page = client
        .get(app.url("/signup"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = csrf_in(&page);
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    client
        .post(app.url("/signup"))
        .form(&all)
        .send()
        .await
        .unwrap()
}

async fn a_visitor_signs_up_logs_out_logs_in_and_sees_their_name(app: TestApp) {
    let client = browser();
    let fields = [
        ("email", "Zainab@Sialkot-Surgical.pk"),
        ("display_name", "Zainab Ahmed"),
        ("password", PASSWORD),
    ];
    let response = sign_up(&app, &client, &fields).await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/account");
    let html = client
        .get(app.url("/account"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Zainab Ahmed") && html.contains("member"),
        "{html}"
    );

    let csrf = csrf_in(&html);
    let out = client
        .post(app.url("/logout"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 303);
    assert_eq!(
        client
            .get(app.url("/account"))
            .send()
            .await
            .unwrap()
            .status(),
        303
    );

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
    let login = client
        .post(app.url("/login"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "zainab@sialkot-surgical.pk"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        login.status(),
        303,
        "the address logs in in any letter case"
    );
    let html = client
        .get(app.url("/account"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Zainab Ahmed"), "{html}");
}
on_both_backends!(
    a_visitor_signs_up_logs_out_logs_in_and_sees_their_name_on,
    a_visitor_signs_up_logs_out_logs_in_and_sees_their_name
);

async fn short_and_common_passwords_and_taken_addresses_are_refused_naming_the_field(app: TestApp) {
    app.create_account("taken@lahore.pk", "Taken", Role::Member)
        .await;
    let cases: [(Fields, u16, &str); 4] = [
        (
            &[
                ("email", "a@lahore.pk"),
                ("display_name", "A"),
                ("password", "short"),
            ],
            422,
            "password",
        ),
        (
            &[
                ("email", "b@lahore.pk"),
                ("display_name", "B"),
                ("password", "Password1234"),
            ],
            422,
            "password",
        ),
        (
            &[
                ("email", "not an address"),
                ("display_name", "C"),
                ("password", PASSWORD),
            ],
            422,
            "email",
        ),
        (
            &[
                ("email", "TAKEN@lahore.pk"),
                ("display_name", "D"),
                ("password", PASSWORD),
            ],
            409,
            "email",
        ),
    ];
    for (fields, status, field) in cases {
        let response = sign_up(&app, &browser(), fields).await;
        assert_eq!(response.status(), status, "{fields:?}");
        let html = response.text().await.unwrap();
        assert!(
            html.contains(&format!(r#"data-field="{field}""#)),
            "{fields:?}: {html}"
        );
        assert!(
            html.contains(&format!("{field}:")),
            "the message names the field: {html}"
        );
    }
    assert_eq!(app.db.store().accounts().count().await.unwrap(), 1);
}
on_both_backends!(
    short_and_common_passwords_and_taken_addresses_are_refused_naming_the_field_on,
    short_and_common_passwords_and_taken_addresses_are_refused_naming_the_field
);

#[tokio::test]
async fn hostile_form_input_is_answered_naming_the_field_never_with_a_server_error() {
    let app = TestApp::sqlite().await;
    let huge = "x".repeat(200_000);
    let huge_email = format!("{huge}@example.pk");
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (
            vec![("display_name", "No Email"), ("password", PASSWORD)],
            "email",
        ),
        (
            vec![("email", "a@b.pk"), ("password", PASSWORD)],
            "display_name",
        ),
        (
            vec![("email", "a@b.pk"), ("display_name", "No Password")],
            "password",
        ),
        (
            vec![
                ("email", &huge_email),
                ("display_name", "X"),
                ("password", PASSWORD),
            ],
            "email",
        ),
        (
            vec![
                ("email", "a@b.pk"),
                ("display_name", &huge),
                ("password", PASSWORD),
            ],
            "display_name",
        ),
        (
            vec![
                ("email", "a@b.pk"),
                ("display_name", "X"),
                ("password", &huge),
            ],
            "password",
        ),
        (
            vec![
                ("email", "ü@例え.jp"),
                ("display_name", "X"),
                ("password", PASSWORD),
            ],
            "email",
        ),
        (
            vec![
                ("email", "c@b.pk"),
                ("display_name", "Bell\u{7}"),
                ("password", PASSWORD),
            ],
            "display_name",
        ),
    ];
    for (fields, field) in cases {
        let response = sign_up(&app, &browser(), &fields).await;
        let status = response.status().as_u16();
        assert!(status == 400 || status == 422, "{field}: {status}");
        let html = response.text().await.unwrap();
        assert!(
            html.contains(&format!(r#"data-field="{field}""#)),
            "{field}: {}",
            &html[..html.len().min(3000)]
        );
    }
    // Unicode in the name is welcome.
    let fields = [
        ("email", "urdu@example.pk"),
        ("display_name", "عائشہ خان"),
        ("password", PASSWORD),
    ];
    assert_eq!(sign_up(&app, &browser(), &fields).await.status(), 303);
    assert_eq!(app.db.store().accounts().count().await.unwrap(), 1);
}

#[tokio::test]
async fn the_json_api_signs_up_a_member_and_refuses_bad_fields_by_name() {
    let app = TestApp::sqlite().await;
    let client = browser();
    let body = serde_json::json!({"email": "api@example.pk", "display_name": "Api User", "password": PASSWORD});
    let response = client
        .post(app.url("/api/v1/auth/signup"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let me: serde_json::Value = response.json().await.unwrap();
    assert_eq!(me["role"], "member");

    let missing = serde_json::json!({"email": "b@example.pk", "password": PASSWORD});
    let response = browser()
        .post(app.url("/api/v1/auth/signup"))
        .json(&missing)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let error: serde_json::Value = response.json().await.unwrap();
    assert_eq!(error["error"]["field"], "display_name", "{error}");
}
