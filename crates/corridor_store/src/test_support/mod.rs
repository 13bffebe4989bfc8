//! Test helpers, behind the `test-support` feature: a fresh, migrated database per test on SQLite
//! (always) and PostgreSQL (when `CORRIDOR_TEST_POSTGRES_URL` is set), and [`backend_tests!`](crate::backend_tests)
//! to write a behaviour test once and run it on both.
//!
//! Other crates enable it as a dev-dependency:
//! `corridor_store = { workspace = true, features = ["test-support"] }`.

mod postgres;

use std::future::Future;
use std::io::Write;

use tempfile::TempDir;

use crate::{Backend, DatabaseUrl, Store};

/// The environment variable naming a PostgreSQL server where the user may `CREATE DATABASE`.
pub const POSTGRES_URL_VAR: &str = "CORRIDOR_TEST_POSTGRES_URL";

/// A fresh, migrated database for one test, removed (best effort) when dropped.
pub struct TestDb {
    store: Store,
    // Dropped after `store`: the SQLite file lives in it.
    cleanup: Cleanup,
}

/// Whether a test database starts migrated or empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Schema {
    Migrated,
    Empty,
}

enum Cleanup {
    Sqlite(TempDir),
    Postgres(postgres::Database),
}

impl TestDb {
    /// A migrated SQLite database in a file of its own temporary directory.
    pub async fn sqlite() -> TestDb {
        Self::sqlite_with(Schema::Migrated).await
    }

    /// An empty SQLite database (no migration applied), for testing migrations themselves.
    pub async fn sqlite_unmigrated() -> TestDb {
        Self::sqlite_with(Schema::Empty).await
    }

    async fn sqlite_with(schema: Schema) -> TestDb {
        let dir = tempfile::tempdir().expect("create a temporary directory for SQLite");
        let url = DatabaseUrl::sqlite_file(&dir.path().join("corridor.db"));
        let store = Store::connect(&url)
            .await
            .expect("connect to the test SQLite database");
        if schema == Schema::Migrated {
            store
                .migrate()
                .await
                .expect("migrate the test SQLite database");
        }
        TestDb {
            store,
            cleanup: Cleanup::Sqlite(dir),
        }
    }

    /// A migrated PostgreSQL database of its own, or `None` (reported on stderr) when
    /// `CORRIDOR_TEST_POSTGRES_URL` is not set. The test's name is taken from its thread.
    pub async fn postgres() -> Option<TestDb> {
        let thread = std::thread::current();
        Self::postgres_named(thread.name().unwrap_or("<unnamed test>")).await
    }

    /// As [`TestDb::postgres`], naming the test in the skip message explicitly.
    pub async fn postgres_named(test_name: &str) -> Option<TestDb> {
        Self::postgres_with(test_name, Schema::Migrated).await
    }

    /// An empty PostgreSQL database (no migration applied), or `None` as for [`TestDb::postgres`].
    pub async fn postgres_unmigrated(test_name: &str) -> Option<TestDb> {
        Self::postgres_with(test_name, Schema::Empty).await
    }

    async fn postgres_with(test_name: &str, schema: Schema) -> Option<TestDb> {
        let Some(admin_url) = std::env::var(POSTGRES_URL_VAR)
            .ok()
            .filter(|u| !u.trim().is_empty())
        else {
            // Straight to stderr, past libtest's capture: a skip must be seen.
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED (PostgreSQL): {test_name}: {POSTGRES_URL_VAR} is not set"
            );
            return None;
        };
        let database = postgres::Database::create(&admin_url, schema).await;
        let store = Store::connect(&database.url())
            .await
            .expect("connect to the test PostgreSQL database");
        Some(TestDb {
            store,
            cleanup: Cleanup::Postgres(database),
        })
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn backend(&self) -> Backend {
        self.store.backend()
    }

    /// The URL of this test's database.
    pub fn url(&self) -> DatabaseUrl {
        match &self.cleanup {
            Cleanup::Sqlite(dir) => DatabaseUrl::sqlite_file(&dir.path().join("corridor.db")),
            Cleanup::Postgres(database) => database.url(),
        }
    }
}

/// Runs an async test body on a fresh multi-threaded runtime (what [`backend_tests!`](crate::backend_tests) uses).
pub fn run<F: Future<Output = ()>>(test: F) {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("build the test runtime")
        .block_on(test);
}

/// Writes a behaviour test once and runs it on every backend: `backend_tests!(name, |store| async move { … })`
/// generates a module `name` with the tests `sqlite` and `postgres`. The closure gets a [`Store`]
/// of a fresh, migrated database; the PostgreSQL test is skipped (and says so on stderr) when
/// `CORRIDOR_TEST_POSTGRES_URL` is not set. `backend_tests!(unmigrated name, |store| …)` starts
/// from an empty database instead.
#[macro_export]
macro_rules! backend_tests {
    ($(#[$meta:meta])* $name:ident, |$store:ident| $body:expr $(,)?) => {
        $crate::backend_tests!(@tests $(#[$meta])* $name, sqlite, postgres_named, |$store| $body);
    };
    ($(#[$meta:meta])* unmigrated $name:ident, |$store:ident| $body:expr $(,)?) => {
        $crate::backend_tests!(@tests $(#[$meta])* $name, sqlite_unmigrated, postgres_unmigrated, |$store| $body);
    };
    (@tests $(#[$meta:meta])* $name:ident, $sqlite:ident, $postgres:ident, |$store:ident| $body:expr) => {
        $(#[$meta])*
        mod $name {
            #[allow(unused_imports, reason = "the body may or may not use the parent's imports")]
            use super::*;

            #[test]
            fn sqlite() {
                $crate::test_support::run(async {
                    let db = $crate::test_support::TestDb::$sqlite().await;
                    let $store: $crate::Store = db.store().clone();
                    $body.await;
                });
            }

            #[test]
            fn postgres() {
                $crate::test_support::run(async {
                    let name = concat!(module_path!(), "::postgres");
                    let Some(db) = $crate::test_support::TestDb::$postgres(name).await else {
                        return;
                    };
                    let $store: $crate::Store = db.store().clone();
                    $body.await;
                });
            }
        }
    };
}
