//! The retention of event-only registrants on both backends: the period and who may set it, the
//! purge (explicit `now`: no clock, no sleeping) and the background worker.

use chrono::{DateTime, Duration, TimeZone, Utc};
use corridor_app::actor::Role;
use corridor_app::privacy::retention::{purge, registrant_counts, retention, set_retention};
use corridor_app::privacy::worker::PurgeWorker;
use corridor_app::privacy::{DEFAULT_RETENTION_DAYS, PrivacyError};
use corridor_domain::codes::CountryCode;
use corridor_domain::directory::PersonId;
use corridor_store::privacy::NewRegistrant;
use corridor_store::{NewAuditEntry, Store, backend_tests};

use crate::directory_support::{app, contact_person, stored_person, user};

async fn registrant(store: &Store, name: &str, country: &str, at: DateTime<Utc>) -> PersonId {
    let email = format!(
        "{}@registrants.example",
        name.to_lowercase().replace(' ', ".")
    );
    let new = NewRegistrant {
        person: contact_person(name, &email),
        country: Some(CountryCode::parse(country).unwrap()),
        registered_at: at,
    };
    let audit = NewAuditEntry::new("person.registered", "person", "-");
    store
        .privacy()
        .create_event_registrant(&new, audit)
        .await
        .unwrap()
        .id
}

fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 9, 0, 0).unwrap()
}

backend_tests!(
    only_organisers_and_admins_see_and_set_the_retention_period,
    |store| async move {
        let t = app(store);
        let member = user(&t.app, "member", Role::Member).await;
        let organiser = user(&t.app, "organiser", Role::Organiser).await;

        let shown = retention(&t.app, Some(&organiser)).await.unwrap();
        assert_eq!(
            (shown.days, shown.default_days, shown.updated_at),
            (DEFAULT_RETENTION_DAYS, DEFAULT_RETENTION_DAYS, None)
        );
        assert!(matches!(
            set_retention(&t.app, Some(&member), 30).await,
            Err(PrivacyError::Forbidden(_))
        ));
        assert!(matches!(
            retention(&t.app, Some(&member)).await,
            Err(PrivacyError::Forbidden(_))
        ));
        assert!(matches!(
            retention(&t.app, None).await,
            Err(PrivacyError::SignInRequired(_))
        ));
        assert!(matches!(
            registrant_counts(&t.app, Some(&member)).await,
            Err(PrivacyError::Forbidden(_))
        ));
        let zero = set_retention(&t.app, Some(&organiser), 0)
            .await
            .unwrap_err();
        assert!(
            matches!(&zero, PrivacyError::Invalid { field, .. } if field == "days"),
            "{zero:?}"
        );

        let set = set_retention(&t.app, Some(&organiser), 30).await.unwrap();
        assert_eq!(set.days, 30);
        assert!(set.updated_at.is_some());
        let entries = t
            .app
            .store
            .audit()
            .list_for_subject("setting", "privacy.event_registrant_retention_days", 5, 0)
            .await
            .unwrap();
        assert_eq!(entries.len(), 1);
        assert_eq!(
            (
                entries[0].from_state.as_deref(),
                entries[0].to_state.as_deref()
            ),
            (Some("180"), Some("30"))
        );
    }
);

backend_tests!(
    a_registrant_past_retention_is_removed_and_counted_while_others_stay,
    |store| async move {
        let t = app(store);
        let organiser = user(&t.app, "organiser", Role::Organiser).await;
        set_retention(&t.app, Some(&organiser), 90).await.unwrap();
        let now = at(2026, 6, 1);
        let store = &t.app.store;
        let past = registrant(store, "Past Retention", "PK", now - Duration::days(91)).await;
        let inside = registrant(store, "Inside Retention", "US", now - Duration::days(89)).await;
        let directory =
            stored_person(store, "Directory Person", "dir@karachi-cotton.pk", None).await;

        let dry = purge(&t.app, now, true).await.unwrap();
        assert_eq!(
            (dry.removed, dry.retention_days, dry.cutoff),
            (1, 90, now - Duration::days(90))
        );
        assert!(store.people().get(past).await.unwrap().is_some());

        let audits = t.app.store.audit().count().await.unwrap();
        let done = purge(&t.app, now, false).await.unwrap();
        assert_eq!(done.removed, 1);
        assert!(store.people().get(past).await.unwrap().is_none());
        assert!(store.people().get(inside).await.unwrap().is_some());
        assert!(store.people().get(directory.id).await.unwrap().is_some());
        let counts = registrant_counts(&t.app, Some(&organiser)).await.unwrap();
        assert_eq!(counts.len(), 1);
        assert_eq!(
            (
                counts[0].country.as_str(),
                counts[0].person_kind.as_str(),
                counts[0].registered_month.as_str(),
                counts[0].registrants
            ),
            ("PK", "professional", "2026-03", 1)
        );
        assert_eq!(t.app.store.audit().count().await.unwrap(), audits + 1);
        let entry = t
            .app
            .store
            .audit()
            .list_for_subject("privacy", "event_registrants", 1, 0)
            .await
            .unwrap()
            .remove(0);
        assert_eq!(entry.actor, None, "the system purges");
        assert_eq!(entry.details["removed"], 1);
        assert_eq!(entry.details["counts"][0]["country"], "PK");
        assert!(!entry.details.to_string().contains("Past Retention"));

        let nothing = purge(&t.app, now, false).await.unwrap();
        assert_eq!(nothing.removed, 0);
        assert_eq!(
            t.app.store.audit().count().await.unwrap(),
            audits + 1,
            "an empty purge writes no entry"
        );
    }
);

backend_tests!(
    the_purge_worker_runs_in_the_background_and_stops_when_asked,
    |store| async move {
        let t = app(store);
        let old = registrant(
            &t.app.store,
            "Long Gone",
            "PK",
            Utc::now() - Duration::days(400),
        )
        .await;
        let worker = PurgeWorker::spawn_with(
            t.app.clone(),
            std::time::Duration::ZERO,
            std::time::Duration::from_secs(3600),
        );
        worker.runs().wait_for(|n| *n >= 1).await.unwrap();
        assert!(t.app.store.people().get(old).await.unwrap().is_none());
        tokio::time::timeout(std::time::Duration::from_secs(5), worker.stop())
            .await
            .expect("the worker stops promptly");
    }
);

#[test]
fn the_default_retention_comes_from_the_file_and_the_environment_overrides_it() {
    use corridor_app::config::RawConfig;
    let file = RawConfig::from_toml_str(
        "[privacy]\nevent_registrant_retention_days = 30\n",
        "corridor.toml",
    )
    .unwrap();
    assert_eq!(
        file.clone()
            .validate()
            .unwrap()
            .privacy
            .event_registrant_retention_days,
        30
    );
    let (env, problems) = RawConfig::from_env([("CORRIDOR_EVENT_REGISTRANT_RETENTION_DAYS", "45")]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        file.merge(env)
            .validate()
            .unwrap()
            .privacy
            .event_registrant_retention_days,
        45
    );

    let too_long = RawConfig::from_toml_str(
        "[privacy]\nevent_registrant_retention_days = 0\n",
        "corridor.toml",
    )
    .unwrap();
    let problems = too_long.validate().unwrap_err();
    assert_eq!(
        problems.0[0].setting,
        "privacy.event_registrant_retention_days"
    );
}
