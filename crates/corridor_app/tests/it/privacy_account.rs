//! The privacy use cases of one's own account, on both backends: the data download and deleting
//! the account.

use corridor_app::App;
use corridor_app::actor::{CurrentUser, Role};
use corridor_app::auth::{AccountInput, AuthError};
use corridor_app::directory::organisations::create_organisation;
use corridor_app::privacy::PrivacyError;
use corridor_app::privacy::erase::{PSEUDONYM_PREFIX, delete_account};
use corridor_app::privacy::export::account_data;
use corridor_domain::directory::AccountId;
use corridor_store::backend_tests;

use crate::directory_support::{app, rice_exporter, stored_person};

const PASSWORD: &str = "indus delta mangroves at dawn";

/// An account with a real password hash, signed in: its user and session token.
async fn signed_in(app: &App, email: &str) -> (CurrentUser, corridor_app::auth::Token) {
    let input = AccountInput {
        email,
        display_name: "Sana Iqbal",
        password: PASSWORD,
        role: Role::Member,
    };
    app.auth().create_account(input).await.unwrap();
    let started = app
        .auth()
        .log_in(email, PASSWORD, "192.0.2.9")
        .await
        .unwrap();
    (started.user, started.token)
}

async fn account_exists(app: &App, account: AccountId) -> bool {
    app.store.accounts().get(account).await.unwrap().is_some()
}

backend_tests!(
    the_download_holds_the_accounts_own_data_and_neither_secrets_nor_other_people,
    |store| async move {
        let t = app(store);
        let (me, _token) = signed_in(&t.app, "sana@karachi-cotton.pk").await;
        let (other, _) = signed_in(&t.app, "imran@karachi-cotton.pk").await;
        create_organisation(&t.app, Some(&me), &rice_exporter("Karachi Cotton"))
            .await
            .unwrap();
        create_organisation(&t.app, Some(&other), &rice_exporter("Imran Cotton"))
            .await
            .unwrap();
        stored_person(
            &t.app.store,
            "Sana Iqbal",
            "Sana@Karachi-Cotton.pk",
            Some(other.account),
        )
        .await;

        let data = account_data(&t.app, Some(&me)).await.unwrap();
        assert_eq!(data.account.email, "sana@karachi-cotton.pk");
        assert_eq!(data.sessions.len(), 1);
        assert_eq!(data.memberships.len(), 1);
        assert_eq!(data.memberships[0].role, "owner");
        assert_eq!(data.people.len(), 1, "the directory record with my address");
        assert_eq!(
            data.audit_log.len(),
            2,
            "my organisation, and my person record"
        );
        assert!(data.audit_log.iter().any(|e| e.actor == "another account"));
        assert!(data.mail.recorded && data.mail.messages.is_empty());

        let json = serde_json::to_string(&data).unwrap();
        for absent in [
            "argon2",
            "token",
            "csrf",
            "imran@",
            "Imran Cotton",
            other.account.to_string().as_str(),
        ] {
            assert!(!json.contains(absent), "{absent:?} must not be in {json}");
        }
        assert!(
            json.contains("Karachi Cotton") && json.contains("+92211112222"),
            "{json}"
        );

        let anonymous = account_data(&t.app, None).await.unwrap_err();
        assert!(
            matches!(anonymous, PrivacyError::SignInRequired(_)),
            "{anonymous:?}"
        );
    }
);

backend_tests!(
    a_deleted_account_cannot_log_in_and_its_events_stay_under_a_pseudonym,
    |store| async move {
        let t = app(store);
        let (me, token) = signed_in(&t.app, "sana@karachi-cotton.pk").await;
        let org = create_organisation(&t.app, Some(&me), &rice_exporter("Karachi Cotton"))
            .await
            .unwrap();
        let audit_before = t.app.store.audit().count().await.unwrap();

        let wrong = delete_account(&t.app, Some(&me), "not my password")
            .await
            .unwrap_err();
        assert!(
            matches!(&wrong, PrivacyError::Invalid { field, .. } if field == "password"),
            "{wrong:?}"
        );
        assert!(
            account_exists(&t.app, me.account).await,
            "a wrong password deletes nothing"
        );

        let deleted = delete_account(&t.app, Some(&me), PASSWORD).await.unwrap();
        assert!(deleted.pseudonym.starts_with(PSEUDONYM_PREFIX));
        assert_eq!(deleted.organisations_left_without_owner, vec![org.id]);

        let login = t
            .app
            .auth()
            .log_in("sana@karachi-cotton.pk", PASSWORD, "192.0.2.9")
            .await;
        assert!(
            matches!(login, Err(AuthError::WrongCredentials)),
            "{login:?}"
        );
        assert!(t.app.auth().session(&token).await.unwrap().is_none());
        assert!(!account_exists(&t.app, me.account).await);
        assert!(
            t.app
                .store
                .organisations()
                .get(org.id)
                .await
                .unwrap()
                .is_some()
        );

        // organisation.created, then membership.removed and account.deleted: nothing was dropped.
        assert_eq!(t.app.store.audit().count().await.unwrap(), audit_before + 2);
        let by_pseudonym = t
            .app
            .store
            .privacy()
            .audit_count_by(&deleted.pseudonym)
            .await
            .unwrap();
        assert_eq!(by_pseudonym, 3);
        let org_log = t
            .app
            .store
            .audit()
            .list_for_subject("organisation", &org.id.to_string(), 10, 0)
            .await
            .unwrap();
        assert!(
            org_log
                .iter()
                .all(|e| e.actor.as_deref() == Some(deleted.pseudonym.as_str())),
            "{org_log:?}"
        );

        let again = delete_account(&t.app, Some(&me), PASSWORD)
            .await
            .unwrap_err();
        assert!(
            matches!(again, PrivacyError::SignInRequired(_)),
            "{again:?}"
        );
        assert!(matches!(
            delete_account(&t.app, None, PASSWORD).await,
            Err(PrivacyError::SignInRequired(_))
        ));
    }
);
