//! Validated code newtypes. Each holds the canonical code borrowed from the
//! bundled list, so values are `Copy` and can only name real codes.

use super::error::echo;
use super::{CodeEntry, CodeError, CodeSystem, iso, tz};

/// Defines a newtype over a canonical `&'static str` of one code system with
/// parsing, Display, FromStr, TryFrom and string (de)serialisation; the
/// six types differ only in their system.
macro_rules! code_newtype {
    ($(#[$doc:meta])* $name:ident, $system:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(&'static str);

        impl $name {
            pub const SYSTEM: CodeSystem = $system;

            /// Normalises common spellings and checks the code exists.
            pub fn parse(input: &str) -> Result<Self, CodeError> {
                parse_in(Self::SYSTEM, input).map(|entry| Self(entry.code))
            }

            pub fn as_str(&self) -> &'static str {
                self.0
            }

            /// The list entry (title, level, parent) for this code.
            pub fn entry(&self) -> &'static CodeEntry {
                entry_of(Self::SYSTEM, self.0)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = CodeError;
            fn from_str(s: &str) -> Result<Self, CodeError> {
                Self::parse(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = CodeError;
            fn try_from(s: String) -> Result<Self, CodeError> {
                Self::parse(&s)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = CodeError;
            fn try_from(s: &str) -> Result<Self, CodeError> {
                Self::parse(s)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.0
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.0)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                Self::parse(&s).map_err(serde::de::Error::custom)
            }
        }
    };
}

fn parse_in(system: CodeSystem, input: &str) -> Result<&'static CodeEntry, CodeError> {
    let canonical = system
        .canonical(input)
        .map_err(|reason| CodeError::Malformed {
            system: system.title(),
            input: echo(input),
            reason,
        })?;
    system
        .list()
        .get(&canonical)
        .ok_or_else(|| CodeError::Unknown {
            system: system.title(),
            code: echo(input),
        })
}

fn entry_of(system: CodeSystem, code: &'static str) -> &'static CodeEntry {
    let list = system.list();
    // Newtypes are only built from list entries, so the index exists.
    let index = list.index_of(code).unwrap_or_default();
    list.entry_at(index)
}

code_newtype!(
    /// An HS 2022 code: section numeral, chapter, heading or subheading.
    HsCode,
    CodeSystem::Hs2022
);
code_newtype!(
    /// A NAICS 2022 code at any level, e.g. `"541512"` or `"31-33"`.
    NaicsCode,
    CodeSystem::Naics2022
);
code_newtype!(
    /// An ISO 3166-1 country, stored as alpha-2; parses alpha-3 and numeric too.
    CountryCode,
    CodeSystem::Country
);
code_newtype!(
    /// An ISO 3166-2 subdivision code such as `"PK-PB"`.
    SubdivisionCode,
    CodeSystem::Subdivision
);
code_newtype!(
    /// An ISO 4217 currency, stored as alpha-3; parses the numeric code too.
    CurrencyCode,
    CodeSystem::Currency
);
code_newtype!(
    /// An IANA time zone name in its canonical spelling, e.g. `"Asia/Karachi"`.
    TimeZoneName,
    CodeSystem::TimeZone
);

impl HsCode {
    pub fn title(&self) -> &'static str {
        self.entry().title
    }
}

impl NaicsCode {
    pub fn title(&self) -> &'static str {
        self.entry().title
    }
}

impl CountryCode {
    /// Short English name, e.g. "Pakistan".
    pub fn name(&self) -> &'static str {
        self.entry().title
    }

    pub fn alpha3(&self) -> &'static str {
        iso::extra(super::countries(), self.0, iso::COUNTRY_ALPHA3).unwrap_or_default()
    }

    /// Three-digit numeric code, e.g. "586".
    pub fn numeric(&self) -> &'static str {
        iso::extra(super::countries(), self.0, iso::COUNTRY_NUMERIC).unwrap_or_default()
    }
}

impl SubdivisionCode {
    pub fn name(&self) -> &'static str {
        self.entry().title
    }

    /// The country the subdivision belongs to (its code's first two letters).
    pub fn country(&self) -> CountryCode {
        let alpha2 = self.0.get(..2).unwrap_or_default();
        let code = super::countries()
            .index_of(alpha2)
            .map(|i| super::countries().entry_at(i).code);
        // Every subdivision's prefix is a country (checked by the tests);
        // fall back to the raw prefix rather than panic.
        CountryCode(code.unwrap_or(alpha2))
    }
}

impl CurrencyCode {
    pub fn name(&self) -> &'static str {
        self.entry().title
    }

    /// Three-digit numeric code, e.g. "840".
    pub fn numeric(&self) -> &'static str {
        iso::extra(super::currencies(), self.0, iso::CURRENCY_NUMERIC).unwrap_or_default()
    }
}

impl TimeZoneName {
    pub fn tz(&self) -> chrono_tz::Tz {
        tz::tz_of(self.0)
    }

    /// The zone this name is an alias of, or the name itself if canonical
    /// (e.g. "US/Eastern" → "America/New_York").
    pub fn canonical(&self) -> TimeZoneName {
        match self.entry().parent {
            Some(target) => TimeZoneName::parse(target).unwrap_or(*self),
            None => *self,
        }
    }
}
