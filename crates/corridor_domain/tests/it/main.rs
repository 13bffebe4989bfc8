//! Integration tests for the bundled code lists: one binary, one module per
//! concern.

mod countries_and_subdivisions;
mod currencies;
mod directory;
mod directory_verification;
mod directory_verification_table;
mod hostile_input;
mod hs;
mod import;
mod import_roundtrip;
mod naics;
mod newtypes;
mod systems;
mod time_zones;
mod trees;
