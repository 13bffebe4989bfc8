use std::path::Path;

use corridor_store::{Backend, DatabaseUrl, StoreError};

#[test]
fn sqlite_urls_name_absolute_relative_and_in_memory_databases() {
    let absolute = DatabaseUrl::parse("sqlite:///var/lib/corridor/corridor.db").unwrap();
    assert_eq!(absolute.backend(), Backend::Sqlite);
    assert_eq!(
        absolute.sqlite_path(),
        Some(Path::new("/var/lib/corridor/corridor.db"))
    );

    let relative = DatabaseUrl::parse("sqlite://data/corridor.db").unwrap();
    assert_eq!(relative.sqlite_path(), Some(Path::new("data/corridor.db")));

    let memory = DatabaseUrl::parse("sqlite::memory:").unwrap();
    assert_eq!(memory.backend(), Backend::Sqlite);
    assert_eq!(memory.sqlite_path(), None);
    assert_eq!(memory.to_string(), "sqlite::memory:");
}

#[test]
fn a_sqlite_file_url_displays_as_a_url_that_parses_back_to_the_same_file() {
    let url = DatabaseUrl::sqlite_file(Path::new("/srv/corridor/corridor.db"));
    assert_eq!(url.to_string(), "sqlite:///srv/corridor/corridor.db");
    let again = DatabaseUrl::parse(&url.to_string()).unwrap();
    assert_eq!(again.sqlite_path(), url.sqlite_path());
}

#[test]
fn both_postgres_schemes_are_accepted() {
    for s in [
        "postgres://corridor@localhost/corridor",
        "postgresql://corridor@localhost:5433/corridor",
    ] {
        let url = DatabaseUrl::parse(s).unwrap();
        assert_eq!(url.backend(), Backend::Postgres, "{s}");
        assert_eq!(url.sqlite_path(), None);
    }
}

#[test]
fn the_password_never_appears_in_debug_or_display() {
    let url = DatabaseUrl::parse("postgres://corridor:hunter2@db.internal:5432/corridor").unwrap();
    assert_eq!(
        url.to_string(),
        "postgres://corridor:***@db.internal:5432/corridor"
    );
    assert_eq!(url.redacted(), url.to_string());
    assert!(!format!("{url:?}").contains("hunter2"));
    assert!(format!("{url:?}").contains("corridor:***@"));
}

#[test]
fn a_password_in_the_query_string_is_redacted_too() {
    let url = DatabaseUrl::parse("postgres://db.internal/corridor?user=corridor&password=hunter2")
        .unwrap();
    let shown = format!("{url} {url:?}");
    assert!(!shown.contains("hunter2"), "{shown}");
    assert!(shown.contains("password=***"), "{shown}");
}

#[test]
fn backends_display_as_their_lowercase_names() {
    assert_eq!(Backend::Sqlite.to_string(), "sqlite");
    assert_eq!(Backend::Postgres.to_string(), "postgres");
}

fn invalid(s: &str) -> String {
    match DatabaseUrl::parse(s) {
        Err(e @ StoreError::InvalidUrl { .. }) => {
            assert!(e.is_caller_fault());
            e.to_string()
        }
        other => panic!("{s} should be an invalid URL, got {other:?}"),
    }
}

#[test]
fn unknown_schemes_are_rejected_without_echoing_the_url() {
    let message = invalid("mysql://corridor:hunter2@localhost/corridor");
    assert!(!message.contains("hunter2"), "{message}");
}

#[test]
fn malformed_postgres_urls_are_rejected_without_echoing_the_url() {
    let message = invalid("postgres://corridor:hunter2@localhost:notaport/corridor");
    assert!(!message.contains("hunter2"), "{message}");
}

#[test]
fn sqlite_urls_without_a_file_or_with_options_are_rejected() {
    invalid("sqlite:");
    invalid("sqlite://");
    invalid("sqlite://corridor.db?mode=ro");
}
