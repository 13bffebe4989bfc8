//! Export in the import shapes, so an exported file imports back unchanged.

use serde_json::Value;

use super::formula;
use super::schema::{ColumnKind, Schema};

/// Quotes a CSV field when it holds a separator, quote or line break
/// (RFC 4180), or is blank space that a reader might trim.
fn push_field(out: &mut String, field: &str) {
    let needs_quotes = field.contains([',', '"', '\n', '\r'])
        || field.starts_with(char::is_whitespace)
        || field.ends_with(char::is_whitespace);
    if needs_quotes {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

fn cell(kind: ColumnKind, value: Option<&Value>) -> String {
    match (kind, value) {
        (ColumnKind::List, Some(Value::Array(items))) => {
            let items: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            items.join(";")
        }
        (ColumnKind::Flag, Some(Value::Bool(b))) => b.to_string(),
        (_, Some(Value::String(s))) => s.clone(),
        _ => String::new(),
    }
}

pub(super) fn csv<S: Schema>(outputs: impl Iterator<Item = S::Input>) -> String {
    let mut out = String::new();
    let names: Vec<&str> = S::COLUMNS.iter().map(|c| c.name).collect();
    out.push_str(&names.join(","));
    out.push('\n');
    for input in outputs {
        // Inputs are plain structs of strings, so they always serialise.
        let value = serde_json::to_value(&input).unwrap_or(Value::Null);
        for (i, column) in S::COLUMNS.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let text = cell(column.kind, value.get(column.name));
            push_field(&mut out, &formula::escape(&text));
        }
        out.push('\n');
    }
    out
}

pub(super) fn json<S: Schema>(outputs: impl Iterator<Item = S::Input>) -> String {
    let inputs: Vec<S::Input> = outputs.collect();
    serde_json::to_string_pretty(&inputs).unwrap_or_else(|_| "[]".to_owned())
}
