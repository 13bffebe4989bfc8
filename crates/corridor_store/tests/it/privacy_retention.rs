//! Privacy storage on both backends: run-time settings, and removing event-only registrants into
//! anonymous counts.

use chrono::{DateTime, TimeZone, Utc};
use corridor_domain::codes::CountryCode;
use corridor_store::privacy::{NewRegistrant, UNKNOWN_COUNTRY};
use corridor_store::{NewAuditEntry, Store, backend_tests};

use crate::privacy::{person, stored_person};

async fn registrant(
    store: &Store,
    name: &str,
    country: Option<&str>,
    at: DateTime<Utc>,
) -> corridor_domain::directory::PersonId {
    let new = NewRegistrant {
        person: person(
            name,
            &format!("{}@example.org", name.to_lowercase().replace(' ', ".")),
            "professional",
        ),
        country: country.map(|c| CountryCode::parse(c).unwrap()),
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

fn day(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap()
}

backend_tests!(
    a_setting_is_absent_until_set_and_then_replaced,
    |store| async move {
        let settings = store.settings();
        assert_eq!(settings.get("privacy.retention_days").await.unwrap(), None);
        let at = day(2026, 3, 1);
        for value in ["90", "30"] {
            settings
                .put(
                    "privacy.retention_days",
                    value,
                    at,
                    NewAuditEntry::new("setting.changed", "setting", "privacy.retention_days"),
                )
                .await
                .unwrap();
        }
        let stored = settings
            .get("privacy.retention_days")
            .await
            .unwrap()
            .unwrap();
        assert_eq!((stored.value.as_str(), stored.updated_at), ("30", at));
        assert_eq!(store.audit().count().await.unwrap(), 2);
    }
);

backend_tests!(
    purging_removes_registrants_before_the_cutoff_and_counts_them_anonymously,
    |store| async move {
        let old_pk = registrant(&store, "Old Registrant", Some("PK"), day(2025, 1, 10)).await;
        let old_none = registrant(&store, "Old Stranger", None, day(2025, 1, 20)).await;
        let recent = registrant(&store, "Recent Registrant", Some("US"), day(2026, 5, 1)).await;
        let official = person("Directory Person", "dir@example.org", "official");
        let directory = stored_person(&store, &official, None, None).await;
        let cutoff = day(2026, 1, 1);

        let dry = store
            .privacy()
            .purge_registrants(cutoff, true, |_| panic!("a dry run writes no audit entry"))
            .await
            .unwrap();
        assert_eq!(dry.removed, 2);
        assert!(
            store.people().get(old_pk).await.unwrap().is_some(),
            "a dry run removes nothing"
        );
        assert!(
            store
                .privacy()
                .registrant_counts()
                .await
                .unwrap()
                .is_empty()
        );

        let audits = store.audit().count().await.unwrap();
        let done = store
            .privacy()
            .purge_registrants(cutoff, false, |o| {
                Some(
                    NewAuditEntry::new("privacy.registrants_purged", "privacy", "registrants")
                        .details(serde_json::json!({ "removed": o.removed })),
                )
            })
            .await
            .unwrap();
        assert_eq!(done, dry);
        assert!(store.people().get(old_pk).await.unwrap().is_none());
        assert!(store.people().get(old_none).await.unwrap().is_none());
        assert!(store.people().get(recent).await.unwrap().is_some());
        assert!(store.people().get(directory.id).await.unwrap().is_some());
        assert_eq!(store.audit().count().await.unwrap(), audits + 1);

        // A second purge later adds to the same month's count.
        registrant(&store, "Another Old", Some("PK"), day(2025, 1, 3)).await;
        store
            .privacy()
            .purge_registrants(cutoff, false, |_| None)
            .await
            .unwrap();
        let counts: Vec<(String, String, String, u64)> = store
            .privacy()
            .registrant_counts()
            .await
            .unwrap()
            .into_iter()
            .map(|c| (c.country, c.person_kind, c.registered_month, c.registrants))
            .collect();
        assert_eq!(
            counts,
            vec![
                ("PK".into(), "professional".into(), "2025-01".into(), 2),
                (
                    UNKNOWN_COUNTRY.into(),
                    "professional".into(),
                    "2025-01".into(),
                    1
                ),
            ]
        );
    }
);
