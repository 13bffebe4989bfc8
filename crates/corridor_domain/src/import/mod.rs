//! Import and export of organisations and people as CSV and JSON.
//!
//! Import is all-or-nothing per file: either every record is valid and
//! distinct and the whole list is returned, or every problem found is
//! returned as [`ImportErrors`] (`line N, column X: reason` for CSV,
//! `index N, field X: reason` for JSON) and nothing should be stored.
//! Exported files import back to the same values. The columns, formats and
//! limits are documented in `docs/IMPORT.md`.
//!
//! Cells are data, never formulas: free text starting with `=`, `+`, `-` or
//! `@` is refused by the value types, and the CSV writer also prefixes any
//! cell a spreadsheet would evaluate (a phone number's `+`) with an
//! apostrophe that the reader removes again (see [`formula`]).

mod csv_in;
mod error;
mod export;
mod formula;
mod json_in;
mod schema;

pub use error::{ImportError, ImportErrors};
pub use schema::{Column, ColumnKind, ORGANISATION_COLUMNS, PERSON_COLUMNS};

use schema::{Organisations, People};

use crate::directory::{NewOrganisation, NewPerson, Organisation, Person};

/// Largest file accepted, checked before anything is parsed.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// Most records in one file.
pub const MAX_RECORDS: usize = 100_000;
/// Largest single CSV cell; the longest valid value (a 5,000-character
/// description) fits with room to spare.
pub const MAX_CELL_BYTES: usize = 64 * 1024;
/// Errors listed before a file is given up on.
pub const MAX_ERRORS: usize = 1000;

fn check_size(bytes: &[u8]) -> Result<(), ImportErrors> {
    if bytes.len() > MAX_FILE_BYTES {
        let message = format!(
            "the file is {} bytes; at most {MAX_FILE_BYTES} bytes (20 MiB) allowed",
            bytes.len()
        );
        return Err(ImportErrors::one(ImportError::File { message }));
    }
    Ok(())
}

/// Spreadsheet programs often start UTF-8 files with a byte-order mark.
fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Reads organisations from CSV with a header row. `current_year` bounds
/// `year_founded`.
pub fn parse_organisations_csv(
    bytes: &[u8],
    current_year: i32,
) -> Result<Vec<NewOrganisation>, ImportErrors> {
    csv_in::parse::<Organisations>(bytes, current_year)
}

/// Reads organisations from a JSON array of objects.
pub fn parse_organisations_json(
    bytes: &[u8],
    current_year: i32,
) -> Result<Vec<NewOrganisation>, ImportErrors> {
    json_in::parse::<Organisations>(bytes, current_year)
}

/// Reads people from CSV with a header row.
pub fn parse_people_csv(bytes: &[u8]) -> Result<Vec<NewPerson>, ImportErrors> {
    csv_in::parse::<People>(bytes, 0)
}

/// Reads people from a JSON array of objects.
pub fn parse_people_json(bytes: &[u8]) -> Result<Vec<NewPerson>, ImportErrors> {
    json_in::parse::<People>(bytes, 0)
}

pub fn write_organisations_csv(organisations: &[Organisation]) -> String {
    export::csv::<Organisations>(organisations.iter().map(|o| (&o.details).into()))
}

pub fn write_organisations_json(organisations: &[Organisation]) -> String {
    export::json::<Organisations>(organisations.iter().map(|o| (&o.details).into()))
}

pub fn write_people_csv(people: &[Person]) -> String {
    export::csv::<People>(people.iter().map(|p| (&p.details).into()))
}

pub fn write_people_json(people: &[Person]) -> String {
    export::json::<People>(people.iter().map(|p| (&p.details).into()))
}
