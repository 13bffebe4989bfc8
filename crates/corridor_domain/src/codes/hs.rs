//! HS 2022 data and input normalisation.

use std::sync::LazyLock;

use super::{CodeList, CodeSystem};

/// Source and licence: header of `data/hs2022.tsv` and `docs/CODE_LISTS.md`.
pub(super) static LIST: LazyLock<CodeList> =
    LazyLock::new(|| CodeList::from_tsv(CodeSystem::Hs2022, include_str!("../../data/hs2022.tsv")));

/// Drops the spaces, dots and hyphens people write inside HS codes
/// ("1006.30", "10 06 30", "1006-30") and upper-cases section numerals.
pub(super) fn clean(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-'))
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

pub(super) fn canonical(input: &str) -> Result<String, &'static str> {
    let s = clean(input);
    if s.is_empty() {
        return Err("empty");
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return match s.len() {
            2 | 4 | 6 => Ok(s),
            // Spreadsheets drop the leading zero of chapters 01-09.
            1 | 3 | 5 => Ok(format!("0{s}")),
            _ => Err("HS codes have 2, 4 or 6 digits"),
        };
    }
    if s.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')) {
        return Ok(s);
    }
    Err("expected 2, 4 or 6 digits or a section numeral (I to XXI)")
}
