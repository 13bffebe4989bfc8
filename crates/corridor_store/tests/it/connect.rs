use std::time::{Duration, Instant};

use corridor_store::{Backend, DatabaseUrl, NewAuditEntry, Store, StoreError, backend_tests};

backend_tests!(a_fresh_database_answers_ping, |store| async move {
    store.ping().await.expect("ping");
});

backend_tests!(a_closed_store_no_longer_answers_ping, |store| async move {
    store.close().await;
    assert!(store.ping().await.is_err());
});

#[tokio::test]
async fn sqlite_creates_the_database_file_in_a_directory_the_caller_created() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("new").join("data");
    std::fs::create_dir_all(&data_dir).unwrap();
    let file = data_dir.join("corridor.db");

    let store = Store::connect(&DatabaseUrl::sqlite_file(&file))
        .await
        .unwrap();
    store.migrate().await.unwrap();
    store
        .audit()
        .append(NewAuditEntry::new("created", "test", "1"))
        .await
        .unwrap();

    assert_eq!(store.backend(), Backend::Sqlite);
    assert!(file.is_file(), "the database file was created");
    assert!(
        data_dir.join("corridor.db-wal").is_file(),
        "the database is in WAL mode"
    );
    store.close().await;
}

#[tokio::test]
async fn sqlite_refuses_a_directory_that_does_not_exist_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("not-yet");
    let error = Store::connect(&DatabaseUrl::sqlite_file(&missing.join("corridor.db")))
        .await
        .unwrap_err();
    match &error {
        StoreError::MissingDirectory { dir } => assert_eq!(dir, &missing),
        other => panic!("expected MissingDirectory, got {other:?}"),
    }
    assert!(error.is_caller_fault());
    assert!(!missing.exists(), "the store never creates directories");
}

#[tokio::test]
async fn an_in_memory_sqlite_database_keeps_its_data_across_queries() {
    let store = Store::connect(&DatabaseUrl::parse("sqlite::memory:").unwrap())
        .await
        .unwrap();
    store.migrate().await.unwrap();
    store
        .audit()
        .append(NewAuditEntry::new("created", "test", "1"))
        .await
        .unwrap();
    assert_eq!(store.audit().count().await.unwrap(), 1);
}

#[tokio::test]
async fn an_unreachable_postgres_fails_fast_with_the_password_redacted() {
    // A loopback port that was just free: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = DatabaseUrl::parse(&format!(
        "postgres://corridor:hunter2@127.0.0.1:{port}/corridor"
    ))
    .unwrap();

    let started = Instant::now();
    let error = Store::connect(&url).await.unwrap_err();
    let elapsed = started.elapsed();

    assert!(elapsed < Duration::from_secs(10), "took {elapsed:?}");
    assert!(error.is_unreachable(), "{error:?}");
    assert!(!error.is_caller_fault());
    let StoreError::Unreachable { url_redacted, .. } = &error else {
        unreachable!()
    };
    assert_eq!(
        url_redacted,
        &format!("postgres://corridor:***@127.0.0.1:{port}/corridor")
    );
    let shown = format!("{error} {error:?}");
    assert!(!shown.contains("hunter2"), "{shown}");
}
