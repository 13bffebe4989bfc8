//! Bundled standard code lists (HS 2022, NAICS 2022, ISO 3166-1/-2,
//! ISO 4217, IANA time zones) and validated code newtypes.
//!
//! The data is compiled in from `data/*.tsv` (sources and licences in
//! `docs/CODE_LISTS.md`) and parsed once on first use.

mod error;
mod hs;
mod iso;
mod list;
mod naics;
mod newtypes;
mod tz;

pub use error::CodeError;
pub use list::{CodeEntry, CodeList};
pub use newtypes::{CountryCode, CurrencyCode, HsCode, NaicsCode, SubdivisionCode, TimeZoneName};

/// The code systems bundled with the domain crate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum CodeSystem {
    Hs2022,
    Naics2022,
    Country,
    Subdivision,
    Currency,
    TimeZone,
}

impl CodeSystem {
    pub const ALL: [CodeSystem; 6] = [
        CodeSystem::Hs2022,
        CodeSystem::Naics2022,
        CodeSystem::Country,
        CodeSystem::Subdivision,
        CodeSystem::Currency,
        CodeSystem::TimeZone,
    ];

    pub fn list(self) -> &'static CodeList {
        match self {
            CodeSystem::Hs2022 => hs2022(),
            CodeSystem::Naics2022 => naics2022(),
            CodeSystem::Country => countries(),
            CodeSystem::Subdivision => subdivisions(),
            CodeSystem::Currency => currencies(),
            CodeSystem::TimeZone => time_zones(),
        }
    }

    /// Short stable name for URLs and configuration.
    pub fn slug(self) -> &'static str {
        match self {
            CodeSystem::Hs2022 => "hs",
            CodeSystem::Naics2022 => "naics",
            CodeSystem::Country => "countries",
            CodeSystem::Subdivision => "subdivisions",
            CodeSystem::Currency => "currencies",
            CodeSystem::TimeZone => "timezones",
        }
    }

    pub fn from_slug(s: &str) -> Option<CodeSystem> {
        CodeSystem::ALL.into_iter().find(|sys| sys.slug() == s)
    }

    /// Human-readable name; also the `system` in [`CodeError`] messages.
    pub fn title(self) -> &'static str {
        match self {
            CodeSystem::Hs2022 => "HS 2022",
            CodeSystem::Naics2022 => "NAICS 2022",
            CodeSystem::Country => "ISO 3166-1 countries",
            CodeSystem::Subdivision => "ISO 3166-2 subdivisions",
            CodeSystem::Currency => "ISO 4217 currencies",
            CodeSystem::TimeZone => "IANA time zones",
        }
    }

    /// Turns a user spelling into the canonical code to look up, or says
    /// why it cannot be a code of this system at all.
    pub(crate) fn canonical(self, input: &str) -> Result<String, &'static str> {
        if input.len() > MAX_INPUT_LEN {
            return Err("too long");
        }
        if input.trim().is_empty() {
            return Err("empty");
        }
        match self {
            CodeSystem::Hs2022 => hs::canonical(input),
            CodeSystem::Naics2022 => naics::canonical(input),
            CodeSystem::Country => iso::canonical_country(input),
            CodeSystem::Subdivision => iso::canonical_subdivision(input),
            CodeSystem::Currency => iso::canonical_currency(input),
            CodeSystem::TimeZone => tz::canonical(input),
        }
    }

    /// Light clean-up for prefix matching: drops separators and spaces the
    /// way `canonical` does, but never pads, maps or rejects.
    pub(crate) fn clean(self, input: &str) -> String {
        let input = if input.len() > MAX_INPUT_LEN {
            ""
        } else {
            input
        };
        match self {
            CodeSystem::Hs2022 => hs::clean(input),
            CodeSystem::Naics2022 => naics::clean(input),
            CodeSystem::TimeZone => tz::clean(input),
            CodeSystem::Country | CodeSystem::Subdivision | CodeSystem::Currency => {
                iso::clean(input)
            }
        }
    }
}

/// Longest input worth normalising; every real code is far shorter, and the
/// cap keeps hostile input from costing work.
const MAX_INPUT_LEN: usize = 64;

/// HS 2022 sections, chapters, headings and subheadings.
pub fn hs2022() -> &'static CodeList {
    &hs::LIST
}

/// NAICS 2022, sectors to national industries.
pub fn naics2022() -> &'static CodeList {
    &naics::LIST
}

/// ISO 3166-1 countries, keyed by alpha-2.
pub fn countries() -> &'static CodeList {
    &iso::COUNTRIES
}

/// ISO 3166-2 subdivisions of all countries.
pub fn subdivisions() -> &'static CodeList {
    &iso::SUBDIVISIONS
}

/// ISO 4217 active currencies.
pub fn currencies() -> &'static CodeList {
    &iso::CURRENCIES
}

/// IANA time zone names known to `chrono-tz`, canonical zones and links.
pub fn time_zones() -> &'static CodeList {
    &tz::LIST
}
