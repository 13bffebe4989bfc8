use corridor_domain::codes::{
    CodeError, CodeSystem, CountryCode, CurrencyCode, HsCode, NaicsCode, SubdivisionCode,
    TimeZoneName,
};

fn hostile_inputs() -> Vec<String> {
    vec![
        String::new(),
        " ".into(),
        "\t\n\r".into(),
        "\0".into(),
        "\u{7f}\u{1b}[31m".into(),
        "-".into(),
        "--".into(),
        ".".into(),
        "/".into(),
        "٣١".into(),       // Arabic-Indic digits
        "１００６".into(), // full-width digits
        "ＰＫ".into(),
        "ß".into(),
        "İ".into(),
        "😀".into(),
        "PK-😀".into(),
        "e\u{301}".into(),
        "'; DROP TABLE codes; --".into(),
        "../../etc/passwd".into(),
        "9".repeat(10_000),
        "é".repeat(10_000),
        "PK-".repeat(5_000),
        "a ".repeat(5_000),
    ]
}

#[test]
fn hostile_input_never_panics_in_any_list_operation() {
    for system in CodeSystem::ALL {
        let list = system.list();
        for input in hostile_inputs() {
            let _ = list.get(&input);
            let _ = list.children(&input).count();
            let _ = list.with_prefix(&input).count();
            let _ = list.search(&input, 10);
            let _ = list.count_at_level(&input);
        }
    }
}

#[test]
fn hostile_input_is_rejected_by_every_newtype_without_panicking() {
    for input in hostile_inputs() {
        assert!(HsCode::parse(&input).is_err(), "{input:?}");
        assert!(NaicsCode::parse(&input).is_err(), "{input:?}");
        assert!(CountryCode::parse(&input).is_err(), "{input:?}");
        assert!(SubdivisionCode::parse(&input).is_err(), "{input:?}");
        assert!(CurrencyCode::parse(&input).is_err(), "{input:?}");
        assert!(TimeZoneName::parse(&input).is_err(), "{input:?}");
    }
}

#[test]
fn errors_for_very_long_input_echo_only_a_short_prefix() {
    let long = "é".repeat(10_000);
    let Err(CodeError::Malformed { input, reason, .. }) = HsCode::parse(&long) else {
        panic!("expected a malformed-code error");
    };
    assert_eq!(reason, "too long");
    assert!(input.len() < 80, "{}", input.len());
    assert!(input.ends_with('…'));
}

#[test]
fn empty_input_is_malformed_and_search_for_nothing_finds_nothing() {
    for system in CodeSystem::ALL {
        assert!(system.list().get("").is_none());
        assert!(system.list().search("   ", 10).is_empty());
        assert!(system.list().search("rice", 0).is_empty());
        assert_eq!(system.list().children("").count(), 0);
    }
}
