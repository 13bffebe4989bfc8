//! Accounts and sessions through `App::auth`, on both backends.

use chrono::{Duration, Utc};
use corridor_app::App;
use corridor_app::actor::Role;
use corridor_app::auth::password::NewPassword;
use corridor_app::auth::{AccountInput, AuthError, Token};
use corridor_app::config::RawConfig;
use corridor_store::accounts::NewSession;
use corridor_store::{Store, backend_tests};

const PASSWORD: &str = "basmati fields of Punjab";

fn app_over(store: Store) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut raw = RawConfig::default();
    raw.storage.data_dir = Some(dir.path().display().to_string());
    (App::with_store(raw.validate().unwrap(), store), dir)
}

async fn member(app: &App, email: &str) -> corridor_store::accounts::Account {
    let input = AccountInput {
        email,
        display_name: "Hina",
        password: PASSWORD,
        role: Role::Member,
    };
    app.auth().create_account(input).await.unwrap()
}

backend_tests!(
    a_session_started_by_log_in_is_found_by_its_token_until_log_out,
    |store| async move {
        let (app, _dir) = app_over(store);
        let account = member(&app, "hina@example.pk").await;
        let started = app
            .auth()
            .log_in("HINA@example.pk", PASSWORD, "192.0.2.1")
            .await
            .unwrap();
        assert_eq!(started.user.account, account.id);
        assert_eq!(started.user.role, Role::Member);

        let active = app
            .auth()
            .session(&started.token)
            .await
            .unwrap()
            .expect("live");
        assert_eq!(active.user, started.user);
        assert_eq!(active.csrf, started.csrf);
        assert!(!active.refreshed, "just created: no write needed");

        app.auth().log_out(&started.token).await.unwrap();
        assert!(app.auth().session(&started.token).await.unwrap().is_none());
    }
);

backend_tests!(
    a_session_used_after_a_while_has_its_expiry_slid_forward,
    |store| async move {
        let (app, _dir) = app_over(store.clone());
        let account = member(&app, "slide@example.pk").await;
        let token = Token::generate();
        let long_ago = Utc::now() - Duration::minutes(10);
        let new = NewSession {
            token_hash: token.hash(),
            account: account.id,
            csrf_secret: "csrf".into(),
            created_at: long_ago,
            expires_at: Utc::now() + Duration::minutes(1),
        };
        store.accounts().create_session(new).await.unwrap();
        let active = app.auth().session(&token).await.unwrap().expect("live");
        assert!(active.refreshed);
        assert!(
            active.expires_at > Utc::now() + Duration::days(13),
            "{:?}",
            active.expires_at
        );
    }
);

backend_tests!(
    only_the_hash_of_a_session_token_is_stored,
    |store| async move {
        let (app, _dir) = app_over(store.clone());
        member(&app, "hash@example.pk").await;
        let started = app
            .auth()
            .log_in("hash@example.pk", PASSWORD, "192.0.2.1")
            .await
            .unwrap();
        let by_hash = store
            .accounts()
            .session(&started.token.hash(), Utc::now())
            .await
            .unwrap();
        assert!(by_hash.is_some());
        assert_ne!(
            by_hash.unwrap().0.token_hash.as_str(),
            started.token.as_str()
        );
    }
);

backend_tests!(
    changing_the_password_ends_the_other_sessions_only,
    |store| async move {
        let (app, _dir) = app_over(store);
        member(&app, "change@example.pk").await;
        let here = app
            .auth()
            .log_in("change@example.pk", PASSWORD, "192.0.2.1")
            .await
            .unwrap();
        let elsewhere = app
            .auth()
            .log_in("change@example.pk", PASSWORD, "192.0.2.2")
            .await
            .unwrap();
        let wrong = app
            .auth()
            .change_password(
                &here.user,
                "not the password",
                "a new long password",
                &here.token,
            )
            .await
            .unwrap_err();
        assert!(
            matches!(&wrong, AuthError::Invalid { field, .. } if field == "current_password"),
            "{wrong:?}"
        );
        app.auth()
            .change_password(&here.user, PASSWORD, "a new long password", &here.token)
            .await
            .unwrap();
        assert!(app.auth().session(&here.token).await.unwrap().is_some());
        assert!(
            app.auth()
                .session(&elsewhere.token)
                .await
                .unwrap()
                .is_none()
        );
        let old = app
            .auth()
            .log_in("change@example.pk", PASSWORD, "192.0.2.1")
            .await
            .unwrap_err();
        assert!(matches!(old, AuthError::WrongCredentials));
    }
);

backend_tests!(
    a_disabled_account_cannot_log_in_and_answers_like_a_wrong_password,
    |store| async move {
        let (app, _dir) = app_over(store.clone());
        let account = member(&app, "off@example.pk").await;
        store
            .accounts()
            .set_disabled(account.id, true)
            .await
            .unwrap();
        let error = app
            .auth()
            .log_in("off@example.pk", PASSWORD, "192.0.2.1")
            .await
            .unwrap_err();
        assert!(matches!(error, AuthError::WrongCredentials), "{error:?}");
    }
);

#[tokio::test]
async fn passwords_are_hashed_with_argon2id_at_owasp_parameters() {
    let hash = NewPassword::parse("password", PASSWORD)
        .unwrap()
        .hash()
        .await
        .unwrap();
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
    assert!(
        corridor_app::auth::password::verify(PASSWORD, Some(hash.clone()))
            .await
            .unwrap()
    );
    assert!(
        !corridor_app::auth::password::verify("another one entirely", Some(hash))
            .await
            .unwrap()
    );
    assert!(
        !corridor_app::auth::password::verify(PASSWORD, None)
            .await
            .unwrap(),
        "the dummy never matches"
    );
}

#[test]
fn new_passwords_need_twelve_characters_and_must_not_be_common() {
    for (password, accepted) in [
        ("eleven char", false),
        ("twelve chars", true),
        ("ÄÖÜäöüßéèêëç", true),
        ("Password1234", false),
        ("PAKISTAN1234", false),
        ("correct horse battery staple", false),
    ] {
        let result = NewPassword::parse("password", password);
        assert_eq!(result.is_ok(), accepted, "{password:?}: {result:?}");
    }
    let huge = "x".repeat(5000);
    assert!(matches!(
        NewPassword::parse("password", &huge),
        Err(AuthError::Invalid { .. })
    ));
}

#[test]
fn tokens_are_random_and_their_debug_form_hides_them() {
    let (a, b) = (Token::generate(), Token::generate());
    assert_ne!(a, b);
    assert_eq!(a.as_str().len(), 43);
    assert_eq!(format!("{a:?}"), "Token(***)");
    assert!(Token::from_received("short").is_none());
    assert!(Token::from_received("has spaces in it, not base64url!").is_none());
    assert_eq!(Token::from_received(a.as_str()), Some(a));
}
