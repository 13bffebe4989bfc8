use corridor_store::backend_tests;

backend_tests!(unmigrated a_new_database_has_every_migration_pending_until_migrated, |store| async move {
    let pending = store.pending_migrations().await.unwrap();
    assert!(!pending.is_empty());
    assert!(pending.iter().any(|m| m.description == "create audit log"), "{pending:?}");
    assert!(pending.windows(2).all(|w| w[0].version < w[1].version), "oldest first");

    let applied = store.migrate().await.unwrap();
    assert_eq!(applied, pending);
    assert!(store.pending_migrations().await.unwrap().is_empty());
});

backend_tests!(
    migrating_a_migrated_database_again_applies_nothing,
    |store| async move {
        assert!(store.migrate().await.unwrap().is_empty());
        assert!(store.migrate().await.unwrap().is_empty());
        assert!(store.pending_migrations().await.unwrap().is_empty());
        store.ping().await.unwrap();
    }
);
