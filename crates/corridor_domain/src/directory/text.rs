//! Bounded free text: names, titles, cities, tags and descriptions.

use super::error::ValueError;

/// Characters that make a spreadsheet evaluate a cell.
const FORMULA_PREFIXES: [char; 4] = ['=', '+', '-', '@'];

/// Trims, normalises line ends and checks length, control characters and
/// formula prefixes. `multiline` keeps `\n` and `\t` (descriptions).
fn clean(input: &str, max: usize, multiline: bool) -> Result<String, ValueError> {
    let text = input.trim();
    let text = if multiline {
        text.replace("\r\n", "\n")
    } else {
        text.to_owned()
    };
    if text.is_empty() {
        return Err(ValueError::Empty);
    }
    let len = text.chars().count();
    if len > max {
        return Err(ValueError::TooLong { len, max });
    }
    let allowed = |c: char| multiline && matches!(c, '\n' | '\t');
    if text.chars().any(|c| c.is_control() && !allowed(c)) {
        return Err(ValueError::ControlCharacter);
    }
    match text.chars().next() {
        Some(c) if FORMULA_PREFIXES.contains(&c) => Err(ValueError::FormulaPrefix(c)),
        _ => Ok(text),
    }
}

macro_rules! bounded_text {
    ($(#[$doc:meta])* $name:ident, max = $max:expr, multiline = $multi:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub const MAX_CHARS: usize = $max;

            pub fn parse(input: &str) -> Result<Self, ValueError> {
                clean(input, $max, $multi).map(Self)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
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

bounded_text!(
    /// A single line of 1 to 200 characters: legal and trading names,
    /// person names, titles, cities, certifications, tags.
    Name,
    max = 200,
    multiline = false
);
bounded_text!(
    /// Free text of 1 to 5,000 characters; line breaks and tabs allowed.
    Description,
    max = 5000,
    multiline = true
);
