//! Corridor's use cases: wires the store (and later search, matching, jobs) together and decides
//! authorisation. Owns the typed configuration.
//!
//! Depends on the domain and the store; must not depend on the web or CLI crates (no HTTP here).

pub mod actor;
pub mod auth;
pub mod config;
pub mod demo;
pub mod directory;
pub mod mail;
pub mod privacy;
mod start;

pub use start::{check_dir, prepare_dir};

pub use start::{App, StartError};
