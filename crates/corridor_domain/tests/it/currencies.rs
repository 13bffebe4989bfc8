use corridor_domain::codes::{CurrencyCode, currencies};

/// ISO 4217 list one (active codes) as shipped in iso-codes 4.15.0.
#[test]
fn there_are_181_active_currencies() {
    assert_eq!(currencies().len(), 181);
    assert_eq!(currencies().count_at_level("currency"), 181);
}

#[test]
fn dollar_and_rupee_have_their_names_and_numeric_codes() {
    let usd = CurrencyCode::parse("USD").unwrap();
    assert_eq!((usd.name(), usd.numeric()), ("US Dollar", "840"));
    let pkr = CurrencyCode::parse("pkr").unwrap();
    assert_eq!((pkr.name(), pkr.numeric()), ("Pakistan Rupee", "586"));
}

#[test]
fn currency_lookups_accept_lower_case_and_numeric_codes() {
    assert_eq!(currencies().get(" usd ").unwrap().code, "USD");
    assert_eq!(currencies().get("586").unwrap().code, "PKR");
    assert_eq!(CurrencyCode::parse("978").unwrap().as_str(), "EUR");
}

#[test]
fn currency_search_matches_names_and_code_prefixes() {
    let hits: Vec<&str> = currencies()
        .search("rupee", 20)
        .iter()
        .map(|e| e.code)
        .collect();
    assert!(hits.contains(&"PKR") && hits.contains(&"INR"));
    assert_eq!(currencies().search("US", 1)[0].code, "USD");
}

#[test]
fn currency_errors_name_the_system_and_the_input() {
    assert_eq!(
        CurrencyCode::parse("ABC").unwrap_err().to_string(),
        "unknown ISO 4217 currencies code \"ABC\""
    );
    assert_eq!(
        CurrencyCode::parse("US$").unwrap_err().to_string(),
        "malformed ISO 4217 currencies code \"US$\": expected a 3-letter or 3-digit ISO 4217 code"
    );
}
