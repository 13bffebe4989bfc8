//! Closed vocabularies: organisation kinds, person kinds, size bands.

use super::error::{ValueError, echo};

/// Lower-cases and turns every run of non-alphanumerics into one `_`, so
/// `"Start-up"`, `"start_up"` and `"Embassy / mission"` compare by words.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '+' {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').to_owned()
}

/// Defines an enum of stable slugs (its serde form and storage value) and
/// human labels (its `Display`); `parse` accepts either, loosely spelled.
macro_rules! labelled_enum {
    ($(#[$doc:meta])* $name:ident, $what:literal { $($variant:ident => ($slug:literal, $label:literal)),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable value used in storage, JSON and CSV.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $slug),+
                }
            }

            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label),+
                }
            }

            pub fn parse(input: &str) -> Result<Self, ValueError> {
                if input.trim().is_empty() {
                    return Err(ValueError::Empty);
                }
                let wanted = fold(input);
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| fold(v.as_str()) == wanted || fold(v.label()) == wanted)
                    .ok_or_else(|| {
                        let expected: Vec<&str> = Self::ALL.iter().map(|v| v.as_str()).collect();
                        ValueError::Invalid(format!(
                            "unknown {} {}; expected one of: {}",
                            $what,
                            echo(input),
                            expected.join(", ")
                        ))
                    })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }

        impl std::str::FromStr for $name {
            type Err = ValueError;
            fn from_str(s: &str) -> Result<Self, ValueError> {
                Self::parse(s)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
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

labelled_enum!(
    /// What an organisation is; decides which profile fields matter most.
    OrganisationKind, "organisation kind" {
        Company => ("company", "Company"),
        MarketplaceSeller => ("marketplace_seller", "Marketplace seller"),
        Startup => ("startup", "Start-up"),
        Investor => ("investor", "Investor"),
        GovernmentAgency => ("government_agency", "Government agency"),
        Association => ("association", "Association"),
        Chamber => ("chamber", "Chamber of commerce"),
        ThinkTank => ("think_tank", "Think tank"),
        EmbassyMission => ("embassy_mission", "Embassy or mission"),
        Other => ("other", "Other"),
    }
);

labelled_enum!(
    /// The role a person plays in the corridor.
    PersonKind, "person kind" {
        Professional => ("professional", "Professional"),
        Official => ("official", "Official"),
        MarketExpert => ("market_expert", "Market expert"),
        Diplomat => ("diplomat", "Diplomat"),
        Investor => ("investor", "Investor"),
    }
);

labelled_enum!(
    /// Head-count band, close to the EU/OECD enterprise size classes.
    SizeBand, "size band" {
        Micro => ("1-9", "1–9 employees"),
        Small => ("10-49", "10–49 employees"),
        Medium => ("50-249", "50–249 employees"),
        Large => ("250-999", "250–999 employees"),
        VeryLarge => ("1000+", "1,000 or more employees"),
    }
);
