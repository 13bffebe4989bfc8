//! IANA time zones, taken from the tz database compiled into `chrono-tz`.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::{CodeEntry, CodeList, CodeSystem};

/// Backward-compatibility link names → target zone, from the same tz release
/// as `chrono-tz` (see `data/tz_links.tsv`); `chrono-tz` itself does not say
/// which of its names are links.
const LINKS: &str = include_str!("../../data/tz_links.tsv");

pub(super) static LIST: LazyLock<CodeList> = LazyLock::new(|| {
    let links: HashMap<&str, &str> = LINKS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .collect();
    let rows = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| {
            let code = tz.name();
            let parent = links.get(code).copied();
            let entry = CodeEntry {
                code,
                title: title(code),
                level: if parent.is_some() {
                    "link"
                } else {
                    "time_zone"
                },
                parent,
            };
            (entry, "")
        })
        .collect();
    CodeList::from_entries(CodeSystem::TimeZone, rows)
});

/// Lower-cased name → canonical spelling, for case-insensitive lookup.
static BY_LOWER: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| (tz.name().to_ascii_lowercase(), tz.name()))
        .collect()
});

/// Titles read as place names ("America/New York"); leaked once per zone
/// because entries must hold `&'static str` and the set is fixed.
fn title(code: &'static str) -> &'static str {
    if code.contains('_') {
        Box::leak(code.replace('_', " ").into_boxed_str())
    } else {
        code
    }
}

/// Trims and writes spaces as the underscores IANA names use.
pub(super) fn clean(input: &str) -> String {
    input.trim().replace(' ', "_")
}

pub(super) fn canonical(input: &str) -> Result<String, &'static str> {
    let s = clean(input);
    if !s
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'_' | b'-' | b'+'))
    {
        return Err("time zone names use only letters, digits and / _ - +");
    }
    Ok(match BY_LOWER.get(&s.to_ascii_lowercase()) {
        Some(name) => (*name).to_owned(),
        None => s,
    })
}

/// The `chrono-tz` zone for a name already validated against [`LIST`].
pub(super) fn tz_of(name: &str) -> chrono_tz::Tz {
    // Names come from TZ_VARIANTS, so parsing cannot fail; UTC is an
    // unreachable fallback rather than a panic.
    name.parse().unwrap_or(chrono_tz::Tz::UTC)
}
