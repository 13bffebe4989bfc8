//! Corridor's storage layer: one [`Store`] over SQLite (embedded, the default) or PostgreSQL,
//! with the same behaviour on both.
//!
//! # What it owns
//! - Connecting ([`DatabaseUrl`], [`Store::connect`]), embedded migrations ([`Store::migrate`],
//!   `migrations/sqlite` and `migrations/postgres`, same file names), readiness ([`Store::ping`]).
//! - One narrow storage trait per aggregate, reached from the `Store`: the audit log
//!   ([`AuditStore`], [`Store::audit`]), accounts, the directory, run-time settings
//!   ([`Store::settings`]) and privacy (data download, erasure, registrant retention:
//!   [`Store::privacy`]).
//! - Every line of SQL in Corridor. Callers see Rust types and [`StoreError`], never SQL or sqlx rows.
//!
//! # Implementation choice
//! The store holds an enum of concrete pools (`SqlitePool` or `PgPool`) rather than sqlx's `Any`
//! driver: `Any` cannot carry chrono timestamps or JSON, and the concrete drivers let each backend use
//! its native types (`TIMESTAMPTZ`, `JSONB`, identity columns); SQLite keeps timestamps as fixed-width
//! UTC text (see `time.rs`) and JSON as checked text. Queries are written once with `$n`
//! placeholders, which both drivers accept, and expanded per backend by a small internal macro;
//! where the SQL must differ it is spelled out per backend next to each other.
//!
//! # Dependencies
//! This crate may depend on `corridor_domain` (once domain types move there) but on no other Corridor
//! crate. The web and CLI crates must not depend on sqlx; they go through `corridor_app`, which uses
//! this crate's traits.
//!
//! # Tests
//! The `test-support` feature adds `test_support::TestDb` and `backend_tests!`, which run one
//! behaviour test on SQLite always and on PostgreSQL when `CORRIDOR_TEST_POSTGRES_URL` is set.

pub mod accounts;
mod audit;
pub mod directory;
mod error;
pub mod privacy;
mod settings;
mod store;
mod time;
mod url;

#[cfg(feature = "test-support")]
pub mod test_support;

pub use audit::{AuditEntry, AuditEntryId, AuditLog, AuditStore, NewAuditEntry};
pub use error::StoreError;
pub use settings::{Setting, Settings};
pub use store::{AppliedMigration, Store};
pub use url::{Backend, DatabaseUrl};
