use chrono::{TimeZone, Utc};
use corridor_store::{AuditEntry, AuditStore, NewAuditEntry, backend_tests};
use serde_json::json;

fn company(id: &str, action: &str) -> NewAuditEntry {
    NewAuditEntry::new(action, "company", id)
}

fn actions(entries: &[AuditEntry]) -> Vec<&str> {
    entries.iter().map(|e| e.action.as_str()).collect()
}

backend_tests!(
    entries_are_listed_newest_first_for_their_subject_only,
    |store| async move {
        let audit = store.audit();
        for action in ["registered", "submitted", "approved"] {
            audit.append(company("42", action)).await.unwrap();
        }
        audit.append(company("7", "registered")).await.unwrap();
        audit
            .append(NewAuditEntry::new("registered", "user", "42"))
            .await
            .unwrap();

        let listed = audit
            .list_for_subject("company", "42", 10, 0)
            .await
            .unwrap();
        assert_eq!(actions(&listed), ["approved", "submitted", "registered"]);
        assert!(listed.windows(2).all(|w| w[0].id > w[1].id), "ids descend");
        assert!(
            listed
                .iter()
                .all(|e| e.subject_kind == "company" && e.subject_id == "42")
        );
        assert_eq!(audit.count().await.unwrap(), 5);
    }
);

backend_tests!(
    pages_cover_every_entry_once_without_gaps,
    |store| async move {
        let audit = store.audit();
        let mut appended = Vec::new();
        for n in 0..7 {
            appended.push(
                audit
                    .append(company("1", &format!("step-{n}")))
                    .await
                    .unwrap(),
            );
        }
        appended.reverse();

        let mut paged = Vec::new();
        for offset in [0, 3, 6] {
            let page = audit
                .list_for_subject("company", "1", 3, offset)
                .await
                .unwrap();
            assert!(page.len() <= 3);
            paged.extend(page);
        }
        assert_eq!(paged, appended);
        assert!(
            audit
                .list_for_subject("company", "1", 3, 7)
                .await
                .unwrap()
                .is_empty()
        );
        assert!(
            audit
                .list_for_subject("company", "1", 0, 0)
                .await
                .unwrap()
                .is_empty()
        );
    }
);

backend_tests!(
    entries_with_equal_timestamps_keep_insertion_order,
    |store| async move {
        let at = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap();
        let audit = store.audit();
        for action in ["first", "second", "third"] {
            audit.append(company("9", action).at(at)).await.unwrap();
        }
        let listed = audit.list_for_subject("company", "9", 10, 0).await.unwrap();
        assert_eq!(actions(&listed), ["third", "second", "first"]);
    }
);

backend_tests!(
    every_field_and_json_details_round_trip,
    |store| async move {
        let details = json!({
            "documents": [{"name": "NTN certificate.pdf", "pages": 3}],
            "score": 0.75,
            "flags": {"manual": true, "note": null},
            "city": "Lahore — لاہور",
        });
        let occurred_at = Utc.timestamp_opt(1_790_000_000, 123_456_789).unwrap();
        let new = company("42", "verification.approved")
            .by("user-17")
            .at(occurred_at)
            .transition(Some("pending"), Some("verified"))
            .reason("documents match the registry")
            .details(details.clone());

        let stored = store.audit().append(new).await.unwrap();
        assert_eq!(stored.actor.as_deref(), Some("user-17"));
        assert_eq!(stored.from_state.as_deref(), Some("pending"));
        assert_eq!(stored.to_state.as_deref(), Some("verified"));
        assert_eq!(
            stored.reason.as_deref(),
            Some("documents match the registry")
        );
        assert_eq!(stored.details, details);
        // Microsecond precision on both backends.
        assert_eq!(
            stored.occurred_at,
            Utc.timestamp_opt(1_790_000_000, 123_456_000).unwrap()
        );

        let listed = store
            .audit()
            .list_for_subject("company", "42", 1, 0)
            .await
            .unwrap();
        assert_eq!(listed, [stored]);
    }
);

backend_tests!(
    optional_fields_may_be_absent_and_details_default_to_an_empty_object,
    |store| async move {
        let before = Utc::now();
        let stored = store.audit().append(company("3", "deleted")).await.unwrap();
        assert_eq!(stored.actor, None);
        assert_eq!(
            (stored.from_state, stored.to_state, stored.reason),
            (None, None, None)
        );
        assert_eq!(stored.details, json!({}));
        assert!(stored.occurred_at >= before - chrono::Duration::seconds(1));
        assert!(stored.occurred_at <= Utc::now());
    }
);

backend_tests!(
    an_entry_without_an_action_is_rejected_as_the_callers_fault,
    |store| async move {
        let error = store.audit().append(company("1", "")).await.unwrap_err();
        assert!(error.is_caller_fault(), "{error:?}");
        assert!(
            matches!(error, corridor_store::StoreError::Rejected { .. }),
            "{error:?}"
        );
        assert_eq!(store.audit().count().await.unwrap(), 0);
    }
);

async fn record_through_the_trait(audit: &impl AuditStore) -> u64 {
    audit.append(company("5", "viewed")).await.unwrap();
    audit.count().await.unwrap()
}

backend_tests!(
    the_audit_log_can_be_used_through_its_trait,
    |store| async move {
        assert_eq!(record_through_the_trait(&store.audit()).await, 1);
    }
);
