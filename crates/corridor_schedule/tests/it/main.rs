//! The crate's integration tests, one binary with a module per area.

mod common;
mod dzn_reader;
mod exact;
mod generator;
mod heuristics;
mod incremental;
mod json_reader;
mod properties;
mod validator;
