//! The B2B meeting scheduler: model, readers, validator and solvers.
//!
//! Pure library: no I/O, no async, no dependency on any other Corridor crate.

pub mod model;
