//! Small dated values.

use super::error::{ValueError, echo};

/// The year an organisation was founded: 1800 to the current year, which
/// the caller passes in (the domain reads no clock).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct YearFounded(u16);

impl YearFounded {
    pub const EARLIEST: i32 = 1800;

    pub fn new(year: i32, current_year: i32) -> Result<Self, ValueError> {
        if !(Self::EARLIEST..=current_year).contains(&year) {
            return Err(ValueError::Invalid(format!(
                "{year} is not between {} and {current_year}",
                Self::EARLIEST
            )));
        }
        u16::try_from(year)
            .map(YearFounded)
            .map_err(|_| ValueError::Invalid(format!("{year} is not a plausible year")))
    }

    pub fn parse(input: &str, current_year: i32) -> Result<Self, ValueError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(ValueError::Empty);
        }
        let year = input
            .parse::<i32>()
            .map_err(|_| ValueError::Invalid(format!("{} is not a year", echo(input))))?;
        Self::new(year, current_year)
    }

    pub fn get(self) -> i32 {
        i32::from(self.0)
    }
}

impl std::fmt::Display for YearFounded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}
