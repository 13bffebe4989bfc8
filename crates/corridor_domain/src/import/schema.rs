//! The import columns of organisations and people, and what CSV and JSON
//! import share: validation, duplicate detection, the error cap.

use std::collections::HashMap;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::error::{ImportError, ImportErrors, Place};
use super::{MAX_ERRORS, MAX_RECORDS};
use crate::directory::{FieldErrors, NewOrganisation, NewPerson, OrganisationInput, PersonInput};

/// How a column's cells are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// One value; blank means not given.
    Text,
    /// Several values: `;`-separated in CSV, an array of strings in JSON.
    List,
    /// `true`/`false` (CSV also takes `yes`/`no`, `1`/`0`, blank = false).
    Flag,
}

/// One documented import column (also a JSON field name).
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub required: bool,
    pub kind: ColumnKind,
}

const fn col(name: &'static str, required: bool, kind: ColumnKind) -> Column {
    Column {
        name,
        required,
        kind,
    }
}

use ColumnKind::{Flag, List, Text};

/// Organisation columns, in export order.
pub const ORGANISATION_COLUMNS: &[Column] = &[
    col("kind", true, Text),
    col("legal_name", true, Text),
    col("trading_name", false, Text),
    col("country", true, Text),
    col("region", false, Text),
    col("city", false, Text),
    col("year_founded", false, Text),
    col("size_band", false, Text),
    col("website", false, Text),
    col("description", false, Text),
    col("industries", false, List),
    col("exports", false, List),
    col("imports", false, List),
    col("certifications", false, List),
    col("languages", false, List),
    col("demo", false, Flag),
];

/// Person columns, in export order.
pub const PERSON_COLUMNS: &[Column] = &[
    col("name", true, Text),
    col("title", false, Text),
    col("organisation_id", false, Text),
    col("kind", true, Text),
    col("expertise_industries", false, List),
    col("expertise_products", false, List),
    col("tags", false, List),
    col("languages", false, List),
    col("time_zone", false, Text),
    col("email", false, Text),
    col("phone", false, Text),
    col("profile_url", false, Text),
    col("demo", false, Flag),
];

/// What CSV and JSON import need to know about one record type.
pub(super) trait Schema {
    type Input: Serialize + DeserializeOwned;
    type Output;
    const COLUMNS: &'static [Column];
    /// The column a duplicate is reported on, and what makes two records
    /// the same, for the message.
    const DUPLICATE: (&'static str, &'static str);
    fn validate(input: &Self::Input, current_year: i32) -> Result<Self::Output, FieldErrors>;
    fn duplicate_key(output: &Self::Output) -> Option<String>;
}

pub(super) struct Organisations;
pub(super) struct People;

impl Schema for Organisations {
    type Input = OrganisationInput;
    type Output = NewOrganisation;
    const COLUMNS: &'static [Column] = ORGANISATION_COLUMNS;
    const DUPLICATE: (&'static str, &'static str) = ("legal_name", "same legal name and country");

    fn validate(input: &OrganisationInput, year: i32) -> Result<NewOrganisation, FieldErrors> {
        input.validate(year)
    }

    fn duplicate_key(o: &NewOrganisation) -> Option<String> {
        Some(format!(
            "{}\t{}",
            o.legal_name.as_str().to_lowercase(),
            o.country
        ))
    }
}

impl Schema for People {
    type Input = PersonInput;
    type Output = NewPerson;
    const COLUMNS: &'static [Column] = PERSON_COLUMNS;
    const DUPLICATE: (&'static str, &'static str) = ("email", "same e-mail address");

    fn validate(input: &PersonInput, _year: i32) -> Result<NewPerson, FieldErrors> {
        input.validate()
    }

    /// People without an e-mail address cannot be told apart reliably
    /// (two "Ali Khan"s are common), so only e-mails count.
    fn duplicate_key(p: &NewPerson) -> Option<String> {
        let email = p.contact.email.as_ref()?;
        Some(email.as_str().to_lowercase())
    }
}

/// Accumulates the records of one file and every error found in it.
pub(super) struct Records<S: Schema> {
    current_year: i32,
    out: Vec<S::Output>,
    seen: HashMap<String, Place>,
    errors: Vec<ImportError>,
    count: usize,
}

impl<S: Schema> Records<S> {
    pub(super) fn new(current_year: i32) -> Self {
        Records {
            current_year,
            out: Vec::new(),
            seen: HashMap::new(),
            errors: Vec::new(),
            count: 0,
        }
    }

    /// Counts a record; false once the file has too many, or too many
    /// errors, to go on reading.
    pub(super) fn next_record(&mut self) -> bool {
        self.count += 1;
        if self.count > MAX_RECORDS {
            self.errors.push(ImportError::File {
                message: format!("more than {MAX_RECORDS} records; split the file"),
            });
            return false;
        }
        !self.full()
    }

    pub(super) fn full(&self) -> bool {
        self.errors.len() >= MAX_ERRORS
    }

    pub(super) fn error(&mut self, error: ImportError) {
        self.errors.push(error);
    }

    /// Validates one record's input and checks it against earlier records.
    pub(super) fn add(&mut self, input: &S::Input, place: Place) {
        match S::validate(input, self.current_year) {
            Err(FieldErrors(errors)) => {
                for e in errors {
                    self.errors.push(place.error(Some(&e.field), e.message));
                }
            }
            Ok(output) => {
                if let Some(key) = S::duplicate_key(&output) {
                    if let Some(first) = self.seen.get(&key) {
                        let (column, rule) = S::DUPLICATE;
                        let message = format!("duplicate of {first} ({rule})");
                        self.errors.push(place.error(Some(column), message));
                        return;
                    }
                    self.seen.insert(key, place);
                }
                self.out.push(output);
            }
        }
    }

    /// All records, or every error. `empty` is the error for a file
    /// without records.
    pub(super) fn finish(mut self, empty: ImportError) -> Result<Vec<S::Output>, ImportErrors> {
        if self.count == 0 && self.errors.is_empty() {
            self.errors.push(empty);
        }
        if self.errors.len() >= MAX_ERRORS {
            self.errors.truncate(MAX_ERRORS);
            self.errors.push(ImportError::File {
                message: format!("stopped after {MAX_ERRORS} errors"),
            });
        }
        if self.errors.is_empty() {
            Ok(self.out)
        } else {
            Err(ImportErrors(self.errors))
        }
    }
}
