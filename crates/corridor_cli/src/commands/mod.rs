//! One module per subcommand.

pub mod account;
pub mod config;
pub mod import;
pub mod migrate;
pub mod privacy;
pub mod schedule;
pub mod serve;
