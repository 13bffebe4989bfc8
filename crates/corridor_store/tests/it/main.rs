//! Integration tests of corridor_store: one binary. Behaviour tests run on SQLite always and on
//! PostgreSQL when `CORRIDOR_TEST_POSTGRES_URL` is set (see `corridor_store::backend_tests!`).

mod accounts;
mod accounts_sessions;
mod audit;
mod audit_batches;
mod connect;
mod database_url;
mod directory;
mod migrate;
mod people_search;
mod privacy;
mod privacy_retention;
