//! The B2B meeting scheduler: model, readers, validator and solvers.
//!
//! Pure library: no I/O, no async, no dependency on any other Corridor crate. Numbering is
//! 0-based inside (see [`model`]); readers and writers convert from and to the 1-based files.
//!
//! # Architecture
//!
//! ```text
//!  .dzn ──► dzn::parse_dzn ─┐                       ┌─► json::write_schedule (CLI JSON)
//!  .json ─► json::parse_instance ─► Problem ─► solve::solve ─► Outcome ─► text::per_participant
//!  generate::generate ──────┘          │        │   ▲
//!                                      │        │   └── validate::validate (every result)
//!                      incremental::apply_change│
//!                      incremental::reoptimise ─┘
//! ```
//!
//! - [`solve::solve`] is the entry point. Up to [`solve::EXACT_MEETINGS`] meetings it runs a
//!   short heuristic, then the exact SAT solver ([`exact`], proves optimality and bounds), and
//!   the annealer for the last 15 % of the time when the gap is still open; above
//!   that the [`heuristic`] module: greedy construction, then simulated annealing over Kempe
//!   chain swaps and ejection moves, one independent run per thread, plus a cheap valid bound
//!   raised at the end by a Lagrangian bound from the tables' capacity.
//! - `tables` seats the meetings once their slots are chosen, for both solvers: a per-slot
//!   matching that keeps participants at the table of their previous meeting where it can.
//! - [`validate::validate`] shares no code with the solvers and checks every hard constraint;
//!   a schedule that fails it is never returned.
//! - [`incremental`] re-optimises a published schedule after cancellations and new requests,
//!   moving as few meetings as it can.
//! - [`generate`] makes deterministic synthetic instances (own PRNG) for benchmarks and tests.
//!
//! File formats are described in `FORMAT.md` next to this crate's `Cargo.toml`.

pub mod dzn;
pub mod error;
pub mod exact;
pub mod generate;
pub mod heuristic;
pub mod incremental;
pub mod json;
pub mod model;
pub mod names;
pub(crate) mod rng;
pub mod solve;
pub(crate) mod tables;
pub mod text;
pub mod validate;

pub use error::ParseError;
pub use names::Names;
