//! ISO 3166-1 countries, ISO 3166-2 subdivisions and ISO 4217 currencies,
//! extracted from the Debian `iso-codes` package (see the data file headers).

use std::collections::HashMap;
use std::sync::LazyLock;

use super::{CodeList, CodeSystem};

pub(super) static COUNTRIES: LazyLock<CodeList> = LazyLock::new(|| {
    CodeList::from_tsv(
        CodeSystem::Country,
        include_str!("../../data/countries.tsv"),
    )
});

pub(super) static SUBDIVISIONS: LazyLock<CodeList> = LazyLock::new(|| {
    CodeList::from_tsv(
        CodeSystem::Subdivision,
        include_str!("../../data/subdivisions.tsv"),
    )
});

pub(super) static CURRENCIES: LazyLock<CodeList> = LazyLock::new(|| {
    CodeList::from_tsv(
        CodeSystem::Currency,
        include_str!("../../data/currencies.tsv"),
    )
});

/// Extra columns of `countries.tsv` and `currencies.tsv`.
pub(super) const COUNTRY_ALPHA3: usize = 0;
pub(super) const COUNTRY_NUMERIC: usize = 1;
pub(super) const CURRENCY_NUMERIC: usize = 0;

/// Alternative country spellings (alpha-3, numeric) → alpha-2.
static COUNTRY_ALIASES: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| aliases(&COUNTRIES, &[COUNTRY_ALPHA3, COUNTRY_NUMERIC]));

/// Numeric currency code → alpha-3.
static CURRENCY_ALIASES: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| aliases(&CURRENCIES, &[CURRENCY_NUMERIC]));

fn aliases(list: &'static CodeList, columns: &[usize]) -> HashMap<&'static str, &'static str> {
    let mut map = HashMap::new();
    for i in 0..list.len() {
        for &col in columns {
            if let Some(alias) = list.extra(i, col) {
                map.insert(alias, list.entry_at(i).code);
            }
        }
    }
    map
}

/// Extra column `n` of the entry with canonical `code` in `list`.
pub(super) fn extra(list: &CodeList, code: &str, n: usize) -> Option<&'static str> {
    list.index_of(code).and_then(|i| list.extra(i, n))
}

/// Upper-cases and writes spaces and underscores as the hyphen ISO uses.
pub(super) fn clean(input: &str) -> String {
    input
        .trim()
        .chars()
        .map(|c| match c {
            ' ' | '_' => '-',
            c => c.to_ascii_uppercase(),
        })
        .collect()
}

pub(super) fn canonical_country(input: &str) -> Result<String, &'static str> {
    let s = clean(input);
    let letters = s.bytes().all(|b| b.is_ascii_uppercase());
    let digits = s.bytes().all(|b| b.is_ascii_digit());
    match s.len() {
        2 if letters => Ok(s),
        3 if letters => Ok(resolve(&COUNTRY_ALIASES, s)),
        1..=3 if digits => Ok(resolve(&COUNTRY_ALIASES, format!("{s:0>3}"))),
        _ => Err("expected an ISO 3166-1 alpha-2, alpha-3 or numeric code"),
    }
}

pub(super) fn canonical_subdivision(input: &str) -> Result<String, &'static str> {
    let s = clean(input);
    let ok = s.split_once('-').is_some_and(|(country, rest)| {
        country.len() == 2
            && country.bytes().all(|b| b.is_ascii_uppercase())
            && (1..=3).contains(&rest.len())
            && rest.bytes().all(|b| b.is_ascii_alphanumeric())
    });
    if ok {
        Ok(s)
    } else {
        Err("expected a country code, a hyphen and 1 to 3 letters or digits, e.g. PK-PB")
    }
}

pub(super) fn canonical_currency(input: &str) -> Result<String, &'static str> {
    let s = clean(input);
    let letters = s.bytes().all(|b| b.is_ascii_uppercase());
    let digits = s.bytes().all(|b| b.is_ascii_digit());
    match s.len() {
        3 if letters => Ok(s),
        1..=3 if digits => Ok(resolve(&CURRENCY_ALIASES, format!("{s:0>3}"))),
        _ => Err("expected a 3-letter or 3-digit ISO 4217 code"),
    }
}

/// Maps an alias to its canonical code; unknown spellings pass through so
/// the lookup reports them as unknown rather than malformed.
fn resolve(aliases: &HashMap<&'static str, &'static str>, s: String) -> String {
    match aliases.get(s.as_str()) {
        Some(code) => (*code).to_owned(),
        None => s,
    }
}
