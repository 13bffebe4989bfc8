//! Spreadsheet formula injection in CSV cells (OWASP "CSV injection").
//!
//! A spreadsheet evaluates a cell that starts with `=`, `+`, `-` or `@` (and some also after a tab
//! or carriage return). Free text with those first characters is refused at the door (see
//! `directory::text`), but other values legitimately start with one, phone numbers with `+`, and
//! older data may not have passed today's rules. So the CSV writer prefixes such a cell with an
//! apostrophe, which spreadsheets take as "this is text" and hide, and the CSV reader removes it
//! again, so exported files still import back unchanged.
//!
//! The escape is reversible: a cell whose value already starts with apostrophes followed by a
//! formula character gets one more apostrophe, and the reader removes exactly one.

/// Characters that make a spreadsheet evaluate a cell.
const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `cell`, after any leading apostrophes, starts with a formula trigger.
fn needs_escape(cell: &str) -> bool {
    cell.trim_start_matches('\'')
        .starts_with(|c: char| TRIGGERS.contains(&c))
}

/// The cell as written: with a leading apostrophe when a spreadsheet would evaluate it.
pub(super) fn escape(cell: &str) -> std::borrow::Cow<'_, str> {
    if needs_escape(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The cell as read: without the apostrophe [`escape`] added.
pub(super) fn unescape(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_escape(rest) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::{escape, unescape};

    #[test]
    fn escaping_is_undone_by_unescaping() {
        for cell in [
            "",
            "plain",
            "+92519201234",
            "=1+1",
            "-x",
            "@sum",
            "\tx",
            "'=x",
            "''+1",
            "'s-Hertogenbosch",
            "'",
        ] {
            assert_eq!(unescape(&escape(cell)), cell, "{cell:?}");
        }
        assert_eq!(escape("+92519201234"), "'+92519201234");
        assert_eq!(escape("'=x"), "''=x");
        assert_eq!(escape("'s-Hertogenbosch"), "'s-Hertogenbosch");
        assert_eq!(escape("a=b"), "a=b");
    }
}
