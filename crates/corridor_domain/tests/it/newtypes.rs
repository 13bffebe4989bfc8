use std::str::FromStr;

use corridor_domain::codes::{
    CodeError, CountryCode, CurrencyCode, HsCode, NaicsCode, SubdivisionCode, TimeZoneName,
};

#[test]
fn newtypes_serialise_as_their_canonical_string() {
    let hs = HsCode::parse("1006.30").unwrap();
    assert_eq!(serde_json::to_string(&hs).unwrap(), "\"100630\"");
    let tz = TimeZoneName::parse("asia/karachi").unwrap();
    assert_eq!(serde_json::to_string(&tz).unwrap(), "\"Asia/Karachi\"");
}

#[test]
fn deserialising_validates_and_normalises() {
    let pk: CountryCode = serde_json::from_str("\"pak\"").unwrap();
    assert_eq!(pk.as_str(), "PK");
    let sd: SubdivisionCode = serde_json::from_str("\"pk-pb\"").unwrap();
    assert_eq!(sd.as_str(), "PK-PB");
    let err = serde_json::from_str::<CurrencyCode>("\"XYZ\"").unwrap_err();
    assert!(
        err.to_string()
            .contains("unknown ISO 4217 currencies code \"XYZ\""),
        "{err}"
    );
    assert!(
        serde_json::from_str::<NaicsCode>("541512").is_err(),
        "numbers are not codes"
    );
}

#[test]
fn from_str_try_from_and_display_agree_with_parse() {
    let a = NaicsCode::from_str("541512").unwrap();
    let b = NaicsCode::try_from(String::from(" 541512 ")).unwrap();
    let c: NaicsCode = "541512".parse().unwrap();
    assert_eq!(a, b);
    assert_eq!(b, c);
    assert_eq!(a.to_string(), "541512");
    assert_eq!(a.title(), "Computer Systems Design Services");
    assert_eq!(HsCode::try_from("1006").unwrap().entry().title, "Rice");
}

#[test]
fn errors_distinguish_unknown_from_malformed_codes() {
    assert_eq!(
        HsCode::parse("9999"),
        Err(CodeError::Unknown {
            system: "HS 2022",
            code: "9999".into()
        })
    );
    assert_eq!(
        HsCode::parse("rice"),
        Err(CodeError::Malformed {
            system: "HS 2022",
            input: "rice".into(),
            reason: "expected 2, 4 or 6 digits or a section numeral (I to XXI)",
        })
    );
    assert!(matches!(
        CountryCode::parse(""),
        Err(CodeError::Malformed {
            reason: "empty",
            ..
        })
    ));
}
