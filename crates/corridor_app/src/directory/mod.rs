//! The directory's use cases: organisations, people, verification, evidence, the review queue,
//! import and export. Every function takes the caller (`None` for a visitor) and decides here, in the app,
//! whether they may; the rules are listed in [`access`].

pub mod access;
mod error;
pub mod evidence;
pub mod export;
pub mod import;
pub mod members;
pub mod notice;
pub mod organisations;
pub mod people;
pub mod people_search;
pub mod verification;

pub use error::DirectoryError;

/// The audit log's `subject_kind` for organisations.
pub const SUBJECT: &str = "organisation";
