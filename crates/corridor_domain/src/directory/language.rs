//! ISO 639-1 language codes.
//!
//! The 184 two-letter codes and their English names are bundled in
//! `language_table.rs`, generated from Debian's `iso-codes` 4.15.0
//! (`json/iso_639-2.json`, the entries with an `alpha_2`; LGPL-2.1-or-later).

use super::error::{ValueError, echo};
use super::language_table::LANGUAGES;

/// A language as its ISO 639-1 code, e.g. `"ur"` (Urdu), stored lower-case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct LanguageCode(&'static str);

impl LanguageCode {
    pub fn parse(input: &str) -> Result<Self, ValueError> {
        let wanted = input.trim().to_ascii_lowercase();
        if wanted.is_empty() {
            return Err(ValueError::Empty);
        }
        LANGUAGES
            .binary_search_by(|(code, _)| (*code).cmp(wanted.as_str()))
            .map(|i| LanguageCode(LANGUAGES[i].0))
            .map_err(|_| {
                ValueError::Invalid(format!("unknown ISO 639-1 language code {}", echo(input)))
            })
    }

    pub fn as_str(&self) -> &'static str {
        self.0
    }

    /// English name, e.g. "Urdu".
    pub fn name(&self) -> &'static str {
        LANGUAGES
            .binary_search_by(|(code, _)| (*code).cmp(self.0))
            .map(|i| LANGUAGES[i].1)
            .unwrap_or_default()
    }

    /// Every bundled language, sorted by code.
    pub fn all() -> impl Iterator<Item = LanguageCode> {
        LANGUAGES.iter().map(|(code, _)| LanguageCode(code))
    }
}

impl std::fmt::Display for LanguageCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl std::str::FromStr for LanguageCode {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
        Self::parse(s)
    }
}

impl<'de> serde::Deserialize<'de> for LanguageCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Self::parse(&s).map_err(serde::de::Error::custom)
    }
}
