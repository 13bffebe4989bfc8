//! Sessions and the throttle of the accounts aggregate, on both backends.

use chrono::{Duration, Utc};
use corridor_store::accounts::NewSession;
use corridor_store::backend_tests;

use crate::accounts::{account, hash};

fn session(n: u8, account: corridor_domain::directory::AccountId, ttl: Duration) -> NewSession {
    let now = Utc::now();
    NewSession {
        token_hash: hash(n),
        account,
        csrf_secret: format!("csrf-{n}"),
        created_at: now,
        expires_at: now + ttl,
    }
}

backend_tests!(
    a_live_session_finds_its_account_and_an_expired_one_does_not,
    |store| async move {
        let owner = account(&store, "session@example.pk").await;
        let accounts = store.accounts();
        accounts
            .create_session(session(1, owner.id, Duration::hours(1)))
            .await
            .unwrap();
        accounts
            .create_session(session(2, owner.id, -Duration::seconds(1)))
            .await
            .unwrap();

        let (found, who) = accounts
            .session(&hash(1), Utc::now())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(who, owner);
        assert_eq!(found.csrf_secret, "csrf-1");
        assert_eq!(found.account, owner.id);
        assert!(
            accounts
                .session(&hash(2), Utc::now())
                .await
                .unwrap()
                .is_none()
        );
        assert!(
            accounts
                .session(&hash(3), Utc::now())
                .await
                .unwrap()
                .is_none()
        );
        assert_eq!(
            accounts.session_count(owner.id, Utc::now()).await.unwrap(),
            1
        );
        assert_eq!(
            accounts.delete_expired_sessions(Utc::now()).await.unwrap(),
            1
        );
    }
);

backend_tests!(touching_a_session_slides_its_expiry, |store| async move {
    let owner = account(&store, "slide@example.pk").await;
    let accounts = store.accounts();
    accounts
        .create_session(session(1, owner.id, Duration::minutes(5)))
        .await
        .unwrap();
    let later = Utc::now() + Duration::minutes(4);
    accounts
        .touch_session(&hash(1), later, later + Duration::minutes(5))
        .await
        .unwrap();
    let at = Utc::now() + Duration::minutes(8);
    let (found, _) = accounts
        .session(&hash(1), at)
        .await
        .unwrap()
        .expect("still live");
    assert!(found.last_seen_at > found.created_at);
});

backend_tests!(
    a_disabled_accounts_sessions_stop_working,
    |store| async move {
        let owner = account(&store, "disabled@example.pk").await;
        let accounts = store.accounts();
        accounts
            .create_session(session(1, owner.id, Duration::hours(1)))
            .await
            .unwrap();
        accounts.set_disabled(owner.id, true).await.unwrap();
        assert!(
            accounts
                .session(&hash(1), Utc::now())
                .await
                .unwrap()
                .is_none()
        );
    }
);

backend_tests!(
    ending_sessions_removes_one_all_or_all_but_one,
    |store| async move {
        let owner = account(&store, "many@example.pk").await;
        let other = account(&store, "other@example.pk").await;
        let accounts = store.accounts();
        for n in 1..=3 {
            accounts
                .create_session(session(n, owner.id, Duration::hours(1)))
                .await
                .unwrap();
        }
        accounts
            .create_session(session(9, other.id, Duration::hours(1)))
            .await
            .unwrap();
        accounts.delete_session(&hash(1)).await.unwrap();
        assert_eq!(
            accounts.session_count(owner.id, Utc::now()).await.unwrap(),
            2
        );
        assert_eq!(
            accounts
                .delete_other_sessions(owner.id, &hash(2))
                .await
                .unwrap(),
            1
        );
        assert!(
            accounts
                .session(&hash(2), Utc::now())
                .await
                .unwrap()
                .is_some()
        );
        assert_eq!(accounts.delete_sessions_of(owner.id).await.unwrap(), 1);
        assert_eq!(
            accounts.session_count(owner.id, Utc::now()).await.unwrap(),
            0
        );
        assert_eq!(
            accounts.session_count(other.id, Utc::now()).await.unwrap(),
            1,
            "untouched"
        );
    }
);

backend_tests!(
    a_session_for_an_unknown_account_is_rejected,
    |store| async move {
        let ghost = "0190a5a4-0000-7000-8000-000000000000".parse().unwrap();
        let error = store
            .accounts()
            .create_session(session(1, ghost, Duration::hours(1)))
            .await
            .unwrap_err();
        assert!(error.is_caller_fault(), "{error:?}");
    }
);

backend_tests!(
    the_throttle_counts_events_in_the_window_per_bucket,
    |store| async move {
        let accounts = store.accounts();
        let now = Utc::now();
        for minutes in [20, 10, 5, 1] {
            accounts
                .throttle_record("login:ip:203.0.113.7", now - Duration::minutes(minutes))
                .await
                .unwrap();
        }
        accounts
            .throttle_record("login:ip:198.51.100.1", now)
            .await
            .unwrap();

        let window = accounts
            .throttle_window("login:ip:203.0.113.7", now - Duration::minutes(15))
            .await
            .unwrap();
        assert_eq!(window.count, 3);
        let oldest = window.oldest.unwrap();
        assert!(
            (oldest - (now - Duration::minutes(10)))
                .num_milliseconds()
                .abs()
                < 1
        );

        accounts
            .throttle_clear("login:ip:203.0.113.7")
            .await
            .unwrap();
        let cleared = accounts
            .throttle_window("login:ip:203.0.113.7", now - Duration::hours(1))
            .await
            .unwrap();
        assert_eq!((cleared.count, cleared.oldest), (0, None));
        assert_eq!(
            accounts
                .throttle_prune(now + Duration::seconds(1))
                .await
                .unwrap(),
            1
        );
    }
);
