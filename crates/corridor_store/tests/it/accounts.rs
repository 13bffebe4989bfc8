//! The accounts aggregate: accounts and password resets, on both backends.

use chrono::{Duration, Utc};
use corridor_domain::directory::Email;
use corridor_store::accounts::{AccountRole, NewAccount, PasswordReset, TokenHash};
use corridor_store::{Store, StoreError, backend_tests};

pub fn new_account(email: &str) -> NewAccount {
    NewAccount {
        email: Email::parse(email).unwrap(),
        display_name: "Ayesha Khan".into(),
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".into(),
        role: AccountRole::Member,
    }
}

pub fn hash(n: u8) -> TokenHash {
    TokenHash::from_digest([n; 32])
}

pub async fn account(store: &Store, email: &str) -> corridor_store::accounts::Account {
    store.accounts().create(new_account(email)).await.unwrap()
}

backend_tests!(
    an_account_is_stored_and_found_by_id_and_by_address_in_any_case,
    |store| async move {
        let created = account(&store, "Ayesha.Khan@Example.PK").await;
        assert_eq!(created.email.as_str(), "Ayesha.Khan@example.pk");
        assert_eq!(created.role, AccountRole::Member);
        assert!(!created.disabled && created.email_verified_at.is_none());

        let by_id = store.accounts().get(created.id).await.unwrap();
        assert_eq!(by_id.as_ref(), Some(&created));
        let lower = Email::parse("ayesha.khan@example.pk").unwrap();
        let (found, hash) = store.accounts().credentials(&lower).await.unwrap().unwrap();
        assert_eq!(found, created);
        assert!(hash.starts_with("$argon2id$"));
    }
);

backend_tests!(
    a_second_account_with_the_same_address_in_another_case_is_a_conflict,
    |store| async move {
        account(&store, "owner@karachi-textiles.pk").await;
        let error = store
            .accounts()
            .create(new_account("OWNER@karachi-textiles.pk"))
            .await
            .unwrap_err();
        assert!(error.is_conflict(), "{error:?}");
        assert_eq!(store.accounts().count().await.unwrap(), 1);
    }
);

backend_tests!(
    role_password_and_disabled_flag_can_be_changed,
    |store| async move {
        let created = account(&store, "officer@trade.gov.pk").await;
        let accounts = store.accounts();
        accounts
            .set_role(created.id, AccountRole::Organiser)
            .await
            .unwrap();
        accounts
            .set_password_hash(created.id, "$argon2id$new")
            .await
            .unwrap();
        accounts.set_disabled(created.id, true).await.unwrap();
        accounts
            .mark_email_verified(created.id, Utc::now())
            .await
            .unwrap();
        let changed = accounts.get(created.id).await.unwrap().unwrap();
        assert_eq!(changed.role, AccountRole::Organiser);
        assert!(changed.disabled && changed.email_verified_at.is_some());
        assert_eq!(
            accounts.password_hash(created.id).await.unwrap().as_deref(),
            Some("$argon2id$new")
        );
    }
);

backend_tests!(
    changing_an_account_that_does_not_exist_is_not_found,
    |store| async move {
        let ghost = "0190a5a4-0000-7000-8000-000000000000".parse().unwrap();
        let error = store
            .accounts()
            .set_role(ghost, AccountRole::Admin)
            .await
            .unwrap_err();
        assert!(matches!(error, StoreError::NotFound { .. }), "{error:?}");
        assert_eq!(store.accounts().get(ghost).await.unwrap(), None);
    }
);

backend_tests!(
    a_reset_link_works_once_and_only_before_it_expires,
    |store| async move {
        let owner = account(&store, "reset@example.pk").await;
        let accounts = store.accounts();
        let now = Utc::now();
        let reset = |n, expires_at| PasswordReset {
            token_hash: hash(n),
            account: owner.id,
            created_at: now,
            expires_at,
        };
        accounts
            .create_password_reset(reset(1, now + Duration::hours(1)))
            .await
            .unwrap();
        accounts
            .create_password_reset(reset(2, now - Duration::seconds(1)))
            .await
            .unwrap();

        assert!(
            accounts
                .password_reset_is_usable(&hash(1), now)
                .await
                .unwrap()
        );
        assert_eq!(
            accounts.use_password_reset(&hash(1), now).await.unwrap(),
            Some(owner.id)
        );
        assert_eq!(
            accounts.use_password_reset(&hash(1), now).await.unwrap(),
            None,
            "used"
        );
        assert_eq!(
            accounts.use_password_reset(&hash(2), now).await.unwrap(),
            None,
            "expired"
        );
        assert_eq!(
            accounts.use_password_reset(&hash(3), now).await.unwrap(),
            None,
            "unknown"
        );
        assert!(
            !accounts
                .password_reset_is_usable(&hash(1), now)
                .await
                .unwrap()
        );
    }
);

backend_tests!(
    voiding_the_reset_links_of_an_account_makes_them_unusable,
    |store| async move {
        let owner = account(&store, "void@example.pk").await;
        let now = Utc::now();
        let accounts = store.accounts();
        accounts
            .create_password_reset(PasswordReset {
                token_hash: hash(7),
                account: owner.id,
                created_at: now,
                expires_at: now + Duration::hours(1),
            })
            .await
            .unwrap();
        accounts.void_password_resets(owner.id, now).await.unwrap();
        assert_eq!(
            accounts.use_password_reset(&hash(7), now).await.unwrap(),
            None
        );
    }
);
