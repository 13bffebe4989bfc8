//! Corridor's domain model: entities, value newtypes, bundled standard code
//! lists (HS 2022, NAICS 2022, ISO 3166, ISO 4217, IANA time zones) and
//! domain errors.
//!
//! This crate is pure: no I/O, no async, no database or web framework
//! (no tokio, sqlx, axum). Data it needs is compiled in. Depend on it from
//! the store, app and web crates, never the other way round.

pub mod codes;
pub mod directory;
pub mod import;
