//! One module per subcommand.

pub mod config;
pub mod migrate;
pub mod schedule;
pub mod serve;
