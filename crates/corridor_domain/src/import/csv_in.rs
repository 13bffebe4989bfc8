//! CSV import: header checks, line-numbered cells, multi-valued cells.

use serde_json::{Map, Value};

use super::error::{ImportError, ImportErrors, Place};
use super::formula;
use super::schema::{Column, ColumnKind, Records, Schema};
use super::{MAX_CELL_BYTES, MAX_ERRORS, check_size, strip_bom};
use crate::directory::{ValueError, echo};

pub(super) fn parse<S: Schema>(
    bytes: &[u8],
    current_year: i32,
) -> Result<Vec<S::Output>, ImportErrors> {
    check_size(bytes)?;
    let bytes = strip_bom(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportErrors::one(csv_error(
            1,
            None,
            "the file is empty; expected a header row",
        )));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        // Rows of the wrong length are reported by us, with their line.
        .flexible(true)
        .from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let mut lines = LineCounter::default();
    let header = match reader.read_byte_record(&mut record) {
        Ok(true) => header_columns::<S>(&record, lines.start(bytes, &record))?,
        Ok(false) => return Err(ImportErrors::one(csv_error(1, None, "no header row"))),
        Err(e) => return Err(ImportErrors::one(csv_error(1, None, e))),
    };
    let after_header = lines.after(bytes, &record);
    let mut records = Records::<S>::new(current_year);
    loop {
        let line = lines.after(bytes, &record);
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            // Reading from memory only fails on malformed input; stop there.
            Err(e) => {
                records.error(csv_error(line, None, e));
                break;
            }
        }
        if !records.next_record() {
            break;
        }
        let line = lines.start(bytes, &record);
        if record.len() != header.len() {
            records.error(csv_error(
                line,
                None,
                width_message(&record, header.len(), line),
            ));
            continue;
        }
        if let Some(input) = row_input::<S>(&record, &header, line, &mut records) {
            records.add(&input, Place::Line(line));
        }
    }
    let empty = csv_error(after_header, None, "the file has a header but no records");
    records.finish(empty)
}

fn csv_error(line: u64, column: Option<&str>, message: impl std::fmt::Display) -> ImportError {
    Place::Line(line).error(column, message)
}

/// Physical line numbers of records. The `csv` crate's own line count is
/// one short after a CRLF line end, so lines are counted from byte offsets.
#[derive(Default)]
struct LineCounter {
    offset: usize,
    /// Line breaks before `offset`.
    breaks: u64,
}

impl LineCounter {
    /// The line on which `record` starts.
    fn start(&mut self, bytes: &[u8], record: &csv::ByteRecord) -> u64 {
        let mut at = record
            .position()
            .map_or(0, |p| p.byte() as usize)
            .min(bytes.len());
        // A record never starts with a line break (blank lines are skipped),
        // but its reported offset may sit on the previous line's ending.
        while at < bytes.len() && matches!(bytes[at], b'\r' | b'\n') {
            at += 1;
        }
        if at > self.offset {
            self.breaks += bytes[self.offset..at]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64;
            self.offset = at;
        }
        self.breaks + 1
    }

    /// The line after `record`, for errors that carry no position.
    fn after(&mut self, bytes: &[u8], record: &csv::ByteRecord) -> u64 {
        let breaks = record.iter().flatten().filter(|b| **b == b'\n').count() as u64;
        self.start(bytes, record) + breaks + 1
    }
}

fn width_message(record: &csv::ByteRecord, expected: usize, line: u64) -> String {
    let found = record.len();
    let mut message = format!("expected {expected} fields as in the header, found {found}");
    let breaks = record.iter().flatten().filter(|b| **b == b'\n').count() as u64;
    if breaks > 0 {
        let last = line + breaks;
        message.push_str(&format!(
            " (a quoted field runs from line {line} to line {last}: is a closing quote missing?)"
        ));
    }
    message
}

/// Maps header cells to known columns, reporting unknown, repeated and
/// missing ones; the rows cannot be read without a good header.
fn header_columns<S: Schema>(
    record: &csv::ByteRecord,
    line: u64,
) -> Result<Vec<&'static Column>, ImportErrors> {
    let mut errors = Vec::new();
    let mut columns: Vec<&'static Column> = Vec::new();
    for (i, cell) in record.iter().enumerate() {
        // A binary file can look like a header of a million columns.
        if errors.len() >= MAX_ERRORS {
            let message = format!("stopped after {MAX_ERRORS} errors");
            errors.push(ImportError::File { message });
            return Err(ImportErrors(errors));
        }
        let name = String::from_utf8_lossy(cell);
        let name = name.trim();
        let position = format!("{}", i + 1);
        match S::COLUMNS.iter().find(|c| c.name == name) {
            Some(column) if columns.iter().any(|c| c.name == name) => {
                errors.push(csv_error(line, Some(column.name), "column appears twice"));
            }
            Some(column) => columns.push(column),
            None => {
                let known: Vec<&str> = S::COLUMNS.iter().map(|c| c.name).collect();
                let message = format!(
                    "unknown column (field {position}); known columns: {}",
                    known.join(", ")
                );
                errors.push(csv_error(line, Some(&echo(name)), message));
            }
        }
    }
    for column in S::COLUMNS.iter().filter(|c| c.required) {
        if !columns.iter().any(|c| c.name == column.name) {
            errors.push(csv_error(
                1,
                Some(column.name),
                "required column is missing",
            ));
        }
    }
    if errors.is_empty() {
        Ok(columns)
    } else {
        Err(ImportErrors(errors))
    }
}

/// Turns one row into the schema's input, or records why it cannot.
fn row_input<S: Schema>(
    record: &csv::ByteRecord,
    header: &[&'static Column],
    line: u64,
    records: &mut Records<S>,
) -> Option<S::Input> {
    let mut map = Map::new();
    let mut ok = true;
    for (column, cell) in header.iter().zip(record.iter()) {
        let mut fail = |message: &dyn std::fmt::Display| {
            records.error(csv_error(line, Some(column.name), message));
            ok = false;
        };
        if cell.len() > MAX_CELL_BYTES {
            fail(&format!(
                "cell is {} bytes; at most {MAX_CELL_BYTES} allowed",
                cell.len()
            ));
            continue;
        }
        let Ok(text) = std::str::from_utf8(cell) else {
            fail(&"not valid UTF-8 text");
            continue;
        };
        // Export prefixes cells a spreadsheet would evaluate with an apostrophe.
        match cell_value(column.kind, formula::unescape(text)) {
            Ok(value) => {
                map.insert(column.name.to_owned(), value);
            }
            Err(e) => fail(&e),
        }
    }
    if !ok {
        return None;
    }
    // The map holds only known keys with the types the input declares.
    match serde_json::from_value(Value::Object(map)) {
        Ok(input) => Some(input),
        Err(e) => {
            records.error(csv_error(line, None, e));
            None
        }
    }
}

fn cell_value(kind: ColumnKind, text: &str) -> Result<Value, ValueError> {
    Ok(match kind {
        ColumnKind::Text => Value::String(text.to_owned()),
        ColumnKind::List => Value::Array(
            text.split(';')
                .map(str::trim)
                .filter(|item| !item.is_empty())
                .map(|item| Value::String(item.to_owned()))
                .collect(),
        ),
        ColumnKind::Flag => Value::Bool(parse_flag(text)?),
    })
}

fn parse_flag(text: &str) -> Result<bool, ValueError> {
    match text.trim().to_ascii_lowercase().as_str() {
        "" | "false" | "no" | "0" => Ok(false),
        "true" | "yes" | "1" => Ok(true),
        _ => Err(ValueError::Invalid(format!(
            "{} is not true or false",
            echo(text)
        ))),
    }
}
