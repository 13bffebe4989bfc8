use std::collections::BTreeSet;

use corridor_store::{NewAuditEntry, StoreError, backend_tests};

fn entry(subject_id: &str, action: &str) -> NewAuditEntry {
    NewAuditEntry::new(action, "meeting", subject_id)
}

backend_tests!(a_batch_is_stored_whole_and_in_order, |store| async move {
    let batch = vec![
        entry("1", "requested"),
        entry("1", "accepted"),
        entry("2", "requested"),
    ];
    let stored = store.audit().append_many(batch).await.unwrap();
    assert_eq!(stored.len(), 3);
    assert!(stored.windows(2).all(|w| w[0].id < w[1].id));
    assert_eq!(store.audit().count().await.unwrap(), 3);
    assert!(
        store
            .audit()
            .append_many(Vec::new())
            .await
            .unwrap()
            .is_empty()
    );
});

backend_tests!(
    a_batch_with_one_invalid_entry_stores_nothing,
    |store| async move {
        let audit = store.audit();
        audit.append(entry("0", "before")).await.unwrap();

        let batch = vec![
            entry("1", "requested"),
            entry("1", "accepted"),
            entry("1", ""),
        ];
        let error = audit.append_many(batch).await.unwrap_err();

        assert!(matches!(error, StoreError::Rejected { .. }), "{error:?}");
        assert_eq!(
            audit.count().await.unwrap(),
            1,
            "nothing of the batch was written"
        );
        assert!(
            audit
                .list_for_subject("meeting", "1", 10, 0)
                .await
                .unwrap()
                .is_empty()
        );
        // The store is still usable afterwards.
        audit.append(entry("1", "retried")).await.unwrap();
        assert_eq!(audit.count().await.unwrap(), 2);
    }
);

backend_tests!(
    concurrent_appends_from_many_tasks_all_land,
    |store| async move {
        const TASKS: usize = 8;
        const PER_TASK: usize = 25;
        let mut handles = Vec::new();
        for task in 0..TASKS {
            let store = store.clone();
            handles.push(tokio::spawn(async move {
                let mut ids = Vec::new();
                for n in 0..PER_TASK {
                    let new = entry(&task.to_string(), &format!("step-{n}"));
                    ids.push(store.audit().append(new).await.unwrap().id);
                }
                ids
            }));
        }
        let mut ids = BTreeSet::new();
        for handle in handles {
            ids.extend(handle.await.unwrap());
        }
        assert_eq!(ids.len(), TASKS * PER_TASK, "every id is distinct");
        assert_eq!(
            store.audit().count().await.unwrap(),
            (TASKS * PER_TASK) as u64
        );
        let one_task = store
            .audit()
            .list_for_subject("meeting", "3", 100, 0)
            .await
            .unwrap();
        assert_eq!(one_task.len(), PER_TASK);
        assert_eq!(one_task[0].action, format!("step-{}", PER_TASK - 1));
    }
);
