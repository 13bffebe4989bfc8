//! E-mail addresses, web addresses and phone numbers.

use super::error::{ValueError, echo};

fn invalid(message: String) -> ValueError {
    ValueError::Invalid(message)
}

macro_rules! string_value {
    ($name:ident) => {
        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = ValueError;
            fn from_str(s: &str) -> Result<Self, ValueError> {
                Self::parse(s)
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

/// An e-mail address with a plausible syntax (not a full RFC 5322 parser:
/// quoted local parts, comments and IP-literal domains are refused), the
/// domain lower-cased. Internationalised domains must be given in their
/// `xn--` form.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct Email(String);
string_value!(Email);

impl Email {
    pub const MAX_LEN: usize = 254;

    pub fn parse(input: &str) -> Result<Self, ValueError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(ValueError::Empty);
        }
        if input.len() > Self::MAX_LEN {
            let (len, max) = (input.chars().count(), Self::MAX_LEN);
            return Err(ValueError::TooLong { len, max });
        }
        let bad = || invalid(format!("{} is not an e-mail address", echo(input)));
        let (local, domain) = input.rsplit_once('@').ok_or_else(bad)?;
        let local_ok = (1..=64).contains(&local.len())
            && local
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c))
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            // A leading formula character would be evaluated by spreadsheets.
            && !local.starts_with(['=', '+', '-', '@']);
        if !local_ok || !is_domain(domain) {
            return Err(bad());
        }
        Ok(Email(format!("{local}@{}", domain.to_ascii_lowercase())))
    }
}

/// A DNS host name with at least two labels and an alphabetic (or `xn--`)
/// top-level label.
fn is_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |l: &&str| {
        (1..=63).contains(&l.len())
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    let tld_ok = labels.last().is_some_and(|tld| {
        tld.len() >= 2 && (tld.bytes().all(|b| b.is_ascii_alphabetic()) || tld.starts_with("xn--"))
    });
    labels.len() >= 2 && labels.iter().all(label_ok) && tld_ok
}

/// An absolute `http` or `https` address with a host and no credentials,
/// stored in the normalised form of the WHATWG URL standard.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct WebUrl(String);
string_value!(WebUrl);

impl WebUrl {
    pub const MAX_LEN: usize = 2048;

    pub fn parse(input: &str) -> Result<Self, ValueError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(ValueError::Empty);
        }
        let too_long = |s: &str| ValueError::TooLong {
            len: s.chars().count(),
            max: Self::MAX_LEN,
        };
        if input.len() > Self::MAX_LEN {
            return Err(too_long(input));
        }
        let url = url::Url::parse(input)
            .map_err(|e| invalid(format!("{} is not a web address: {e}", echo(input))))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(invalid(format!(
                "{} must start with http:// or https://",
                echo(input)
            )));
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(invalid(format!("{} has no host", echo(input))));
        }
        // Credentials in a public profile link would leak them.
        if !url.username().is_empty() || url.password().is_some() {
            return Err(invalid(format!(
                "{} must not contain a user name or password",
                echo(input)
            )));
        }
        let normalised = String::from(url);
        if normalised.len() > Self::MAX_LEN {
            return Err(too_long(&normalised));
        }
        Ok(WebUrl(normalised))
    }
}

/// An international phone number in E.164 form: `+`, then 8 to 15 digits,
/// the first not zero. Spaces, dashes, dots and parentheses are dropped.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct Phone(String);
string_value!(Phone);

impl Phone {
    pub fn parse(input: &str) -> Result<Self, ValueError> {
        if input.trim().is_empty() {
            return Err(ValueError::Empty);
        }
        let compact: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '.' | '(' | ')'))
            .collect();
        let bad = |why: &str| invalid(format!("{} {why}", echo(input)));
        let digits = compact
            .strip_prefix('+')
            .ok_or_else(|| bad("must start with + and the country code"))?;
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("may contain only digits after the +"));
        }
        if !(8..=15).contains(&digits.len()) || digits.starts_with('0') {
            return Err(bad("must have 8 to 15 digits after the +, the first not 0"));
        }
        Ok(Phone(compact))
    }
}
