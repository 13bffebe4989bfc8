//! JSON import: an array of objects whose fields are the CSV columns.

use std::fmt;

use serde::de::{DeserializeSeed, Error as _, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::error::{ImportError, ImportErrors, Place};
use super::schema::{Column, ColumnKind, Records, Schema};
use super::{MAX_RECORDS, check_size, strip_bom};
use crate::directory::echo;

pub(super) fn parse<S: Schema>(
    bytes: &[u8],
    current_year: i32,
) -> Result<Vec<S::Output>, ImportErrors> {
    check_size(bytes)?;
    let bytes = strip_bom(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        let message = "the file is empty; expected a JSON array of objects".to_owned();
        return Err(ImportErrors::one(ImportError::JsonSyntax {
            line: 1,
            column: 1,
            message,
        }));
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let elements = CountedArray
        .deserialize(&mut de)
        .and_then(|elements| de.end().map(|()| elements))
        .map_err(|e| ImportErrors::one(syntax_error(&e)))?;
    let mut records = Records::<S>::new(current_year);
    for (index, element) in elements.into_iter().enumerate() {
        if !records.next_record() {
            break;
        }
        if let Some(input) = element_input::<S>(element, index, &mut records) {
            records.add(&input, Place::Index(index));
        }
    }
    let empty = Place::Index(0).error(None, "the array has no records");
    records.finish(empty)
}

fn syntax_error(e: &serde_json::Error) -> ImportError {
    let mut message = e.to_string();
    // serde_json appends the position, which we report in our own format.
    if let Some(at) = message.rfind(" at line ") {
        message.truncate(at);
    }
    ImportError::JsonSyntax {
        line: e.line(),
        // serde_json reports column 0 for errors found before the first
        // character of a line; columns are 1-based for people.
        column: e.column().max(1),
        message,
    }
}

/// A top-level array read element by element, refusing more than
/// [`MAX_RECORDS`] before the rest of the file is built in memory.
struct CountedArray;

impl<'de> DeserializeSeed<'de> for CountedArray {
    type Value = Vec<Value>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Vec<Value>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for CountedArray {
    type Value = Vec<Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON array of objects")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Value>, A::Error> {
        let mut out = Vec::new();
        while let Some(element) = seq.next_element::<Value>()? {
            if out.len() == MAX_RECORDS {
                let message = format!("more than {MAX_RECORDS} records; split the file");
                return Err(A::Error::custom(message));
            }
            out.push(element);
        }
        Ok(out)
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Checks the element's shape field by field, so every misplaced type is
/// reported, then hands a well-typed object to serde.
fn element_input<S: Schema>(
    element: Value,
    index: usize,
    records: &mut Records<S>,
) -> Option<S::Input> {
    let place = Place::Index(index);
    let Value::Object(object) = element else {
        let message = format!("expected an object, found {}", type_name(&element));
        records.error(place.error(None, message));
        return None;
    };
    let mut map = Map::new();
    let mut ok = true;
    for (key, value) in object {
        let Some(column) = S::COLUMNS.iter().find(|c| c.name == key) else {
            records.error(place.error(Some(&echo(&key)), "unknown field"));
            ok = false;
            continue;
        };
        match field_value(column, value) {
            Ok(value) => {
                map.insert(key, value);
            }
            Err((field, message)) => {
                records.error(place.error(Some(&field), message));
                ok = false;
            }
        }
    }
    if !ok {
        return None;
    }
    match serde_json::from_value(Value::Object(map)) {
        Ok(input) => Some(input),
        Err(e) => {
            records.error(place.error(None, e));
            None
        }
    }
}

/// The value in the type the input struct declares, or the field path and
/// reason it is not.
fn field_value(column: &Column, value: Value) -> Result<Value, (String, String)> {
    let name = column.name;
    let wrong = |expected: &str, value: &Value| {
        let found = type_name(value);
        (
            name.to_owned(),
            format!("expected {expected}, found {found}"),
        )
    };
    match (column.kind, value) {
        (ColumnKind::Text, Value::Null) => Ok(Value::String(String::new())),
        (ColumnKind::Text, Value::String(s)) => Ok(Value::String(s)),
        // Years and ids written as numbers are still text to the form.
        (ColumnKind::Text, Value::Number(n)) => Ok(Value::String(n.to_string())),
        (ColumnKind::Text, other) => Err(wrong("a string", &other)),
        (ColumnKind::Flag, Value::Null) => Ok(Value::Bool(false)),
        (ColumnKind::Flag, Value::Bool(b)) => Ok(Value::Bool(b)),
        (ColumnKind::Flag, other) => Err(wrong("true or false", &other)),
        (ColumnKind::List, Value::Null) => Ok(Value::Array(Vec::new())),
        (ColumnKind::List, Value::Array(items)) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                match item {
                    Value::String(s) => out.push(Value::String(s)),
                    Value::Number(n) => out.push(Value::String(n.to_string())),
                    other => {
                        let found = type_name(&other);
                        return Err((
                            format!("{name}[{i}]"),
                            format!("expected a string, found {found}"),
                        ));
                    }
                }
            }
            Ok(Value::Array(out))
        }
        (ColumnKind::List, other) => Err(wrong("an array of strings", &other)),
    }
}
