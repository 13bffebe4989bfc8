use corridor_domain::codes::{CountryCode, SubdivisionCode, countries, subdivisions};

/// ISO 3166-1 as shipped in iso-codes 4.15.0: 249 officially assigned codes.
#[test]
fn there_are_249_countries_with_alpha3_and_numeric_codes() {
    assert_eq!(countries().len(), 249);
    assert_eq!(countries().count_at_level("country"), 249);
    let pk = CountryCode::parse("PK").unwrap();
    assert_eq!(
        (pk.name(), pk.alpha3(), pk.numeric()),
        ("Pakistan", "PAK", "586")
    );
    let us = CountryCode::parse("us").unwrap();
    assert_eq!(
        (us.name(), us.alpha3(), us.numeric()),
        ("United States", "USA", "840")
    );
}

#[test]
fn country_lookups_accept_lower_case_alpha3_and_numeric() {
    for spelling in ["PK", "pk", " Pk ", "PAK", "pak", "586"] {
        assert_eq!(
            countries().get(spelling).unwrap().code,
            "PK",
            "{spelling:?}"
        );
    }
    assert_eq!(CountryCode::parse("4").unwrap().as_str(), "AF");
    assert!(countries().get("ZZ").is_none());
}

/// ISO 3166-2:PK lists 7 first-level subdivisions: 4 provinces, 2
/// Pakistan-administered areas and the federal capital territory.
#[test]
fn pakistan_has_seven_first_level_subdivisions() {
    let pk: Vec<(&str, &str, &str)> = subdivisions()
        .children("PK")
        .map(|e| (e.code, e.title, e.level))
        .collect();
    assert_eq!(
        pk,
        [
            ("PK-BA", "Balochistan", "province"),
            ("PK-GB", "Gilgit-Baltistan", "pakistan_administered_area"),
            ("PK-IS", "Islamabad", "federal_capital_territory"),
            (
                "PK-JK",
                "Azad Jammu and Kashmir",
                "pakistan_administered_area"
            ),
            ("PK-KP", "Khyber Pakhtunkhwa", "province"),
            ("PK-PB", "Punjab", "province"),
            ("PK-SD", "Sindh", "province"),
        ]
    );
    assert_eq!(subdivisions().with_prefix("pk-").count(), 7);
}

/// ISO 3166-2:US lists 57 codes: 50 states, 1 district, 6 outlying areas.
#[test]
fn the_united_states_has_fifty_states_a_district_and_six_outlying_areas() {
    let us: Vec<_> = subdivisions().children("US").collect();
    assert_eq!(us.len(), 57);
    let count = |level: &str| us.iter().filter(|e| e.level == level).count();
    assert_eq!(
        (count("state"), count("district"), count("outlying_area")),
        (50, 1, 6)
    );
    assert_eq!(subdivisions().get("US-NY").unwrap().title, "New York");
    assert_eq!(
        subdivisions().get("US-DC").unwrap().title,
        "District of Columbia"
    );
    assert_eq!(subdivisions().get("US-PR").unwrap().title, "Puerto Rico");
}

#[test]
fn subdivision_lookups_accept_lower_case_and_other_separators() {
    for spelling in ["PK-PB", "pk-pb", " pk_pb ", "pk pb"] {
        assert_eq!(
            subdivisions().get(spelling).unwrap().title,
            "Punjab",
            "{spelling:?}"
        );
    }
    let sd = SubdivisionCode::parse("pk-sd").unwrap();
    assert_eq!((sd.as_str(), sd.name()), ("PK-SD", "Sindh"));
    assert_eq!(sd.country().name(), "Pakistan");
}

#[test]
fn every_subdivision_belongs_to_a_listed_country() {
    for e in subdivisions().iter() {
        assert!(countries().get(&e.code[..2]).is_some(), "{}", e.code);
    }
}

#[test]
fn country_and_subdivision_errors_name_the_system_and_the_input() {
    assert_eq!(
        CountryCode::parse("XQ").unwrap_err().to_string(),
        "unknown ISO 3166-1 countries code \"XQ\""
    );
    assert_eq!(
        SubdivisionCode::parse("PK-ZZ").unwrap_err().to_string(),
        "unknown ISO 3166-2 subdivisions code \"PK-ZZ\""
    );
    let err = SubdivisionCode::parse("Punjab").unwrap_err().to_string();
    assert!(
        err.starts_with("malformed ISO 3166-2 subdivisions code \"Punjab\""),
        "{err}"
    );
}
