//! NAICS 2022 data and input normalisation.

use std::sync::LazyLock;

use super::{CodeList, CodeSystem};

/// Source and licence: header of `data/naics2022.tsv` and `docs/CODE_LISTS.md`.
pub(super) static LIST: LazyLock<CodeList> = LazyLock::new(|| {
    CodeList::from_tsv(
        CodeSystem::Naics2022,
        include_str!("../../data/naics2022.tsv"),
    )
});

/// Drops spaces and dots and turns typographic dashes ("31–33") into '-'.
pub(super) fn clean(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        })
        .collect()
}

pub(super) fn canonical(input: &str) -> Result<String, &'static str> {
    let s = clean(input);
    let b = s.as_bytes();
    if b.len() == 5 && b[2] == b'-' && b.iter().filter(|c| c.is_ascii_digit()).count() == 4 {
        return Ok(s);
    }
    if !b.is_empty() && b.iter().all(u8::is_ascii_digit) {
        return match b.len() {
            // Manufacturing, retail and transportation are sectors spanning
            // several two-digit prefixes; any of those prefixes names the sector.
            2 => Ok(match s.as_str() {
                "31" | "32" | "33" => "31-33".to_owned(),
                "44" | "45" => "44-45".to_owned(),
                "48" | "49" => "48-49".to_owned(),
                _ => s,
            }),
            3..=6 => Ok(s),
            _ => Err("NAICS codes have 2 to 6 digits"),
        };
    }
    Err("expected 2 to 6 digits or a sector range such as 31-33")
}
