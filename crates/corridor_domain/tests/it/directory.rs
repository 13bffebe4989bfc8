//! Directory values and the validation of organisation and person inputs.

use corridor_domain::directory::{
    Description, Email, LanguageCode, Name, OrganisationId, OrganisationInput, OrganisationKind,
    PersonInput, PersonKind, Phone, SizeBand, ValueError, WebUrl, YearFounded,
};

const YEAR: i32 = 2026;

pub fn rice_exporter() -> OrganisationInput {
    OrganisationInput {
        kind: "company".into(),
        legal_name: "Indus Basmati Exports (Pvt) Ltd".into(),
        trading_name: "Indus Basmati".into(),
        country: "PK".into(),
        region: "PK-PB".into(),
        city: "Lahore".into(),
        year_founded: "1998".into(),
        size_band: "50-249".into(),
        website: "https://Indus-Basmati.example.com".into(),
        description: "Basmati rice millers.\r\nExporting since 1998.".into(),
        industries: vec!["311212".into(), "42".into()],
        exports: vec!["1006.30".into(), "1006".into()],
        imports: vec!["8437".into()],
        certifications: vec!["ISO 22000".into(), "Halal".into()],
        languages: vec!["ur".into(), "EN".into()],
        demo: false,
    }
}

pub fn trade_officer() -> PersonInput {
    PersonInput {
        name: "Ayesha Siddiqui".into(),
        title: "Trade and Investment Officer".into(),
        organisation_id: "0190d7a4-5b3c-7d2e-8f10-123456789abc".into(),
        kind: "official".into(),
        expertise_industries: vec!["5415".into()],
        expertise_products: vec!["52".into(), "6109".into()],
        tags: vec!["textiles".into(), "halal certification".into()],
        languages: vec!["ur".into(), "en".into(), "pa".into()],
        time_zone: "Asia/Karachi".into(),
        email: "Ayesha.Siddiqui@Trade.GOV.pk".into(),
        phone: "+92 (51) 920-1234".into(),
        profile_url: "https://www.linkedin.com/in/example".into(),
        demo: true,
    }
}

#[test]
fn a_complete_organisation_validates_to_canonical_values() {
    let org = rice_exporter().validate(YEAR).unwrap();
    assert_eq!(org.kind, OrganisationKind::Company);
    assert_eq!(org.country.as_str(), "PK");
    assert_eq!(org.region.unwrap().as_str(), "PK-PB");
    assert_eq!(org.year_founded.unwrap().get(), 1998);
    assert_eq!(org.size_band, Some(SizeBand::Medium));
    assert_eq!(
        org.website.unwrap().as_str(),
        "https://indus-basmati.example.com/"
    );
    assert_eq!(
        org.description.unwrap().as_str(),
        "Basmati rice millers.\nExporting since 1998."
    );
    let exports: Vec<&str> = org.exports.iter().map(|c| c.as_str()).collect();
    assert_eq!(exports, ["100630", "1006"]);
    let languages: Vec<&str> = org.languages.iter().map(|l| l.name()).collect();
    assert_eq!(languages, ["Urdu", "English"]);
}

#[test]
fn every_problem_of_an_organisation_is_reported_at_once() {
    let input = OrganisationInput {
        kind: "bank".into(),
        legal_name: "  ".into(),
        country: "PK".into(),
        region: "US-CA".into(),
        year_founded: "2031".into(),
        size_band: "huge".into(),
        website: "ftp://example.com".into(),
        industries: vec!["311212".into(), "99".into()],
        exports: vec!["1006".into(), "999999".into(), "10".into()],
        imports: vec!["XI".into()],
        languages: vec!["urdu".into()],
        certifications: vec!["=HYPERLINK(\"http://x\")".into()],
        ..Default::default()
    };
    let errors = input.validate(YEAR).unwrap_err();
    let text = errors.to_string();
    assert!(
        text.starts_with("kind: unknown organisation kind \"bank\""),
        "{text}"
    );
    assert_eq!(errors.get("legal_name"), Some("is required"));
    assert_eq!(
        errors.get("region"),
        Some("US-CA is not a subdivision of PK (Pakistan)")
    );
    assert_eq!(
        errors.get("year_founded"),
        Some("2031 is not between 1800 and 2026")
    );
    assert!(
        errors
            .get("size_band")
            .unwrap()
            .contains("1-9, 10-49, 50-249, 250-999, 1000+")
    );
    assert!(
        errors
            .get("website")
            .unwrap()
            .contains("http:// or https://")
    );
    assert_eq!(
        errors.get("industries[1]"),
        Some("unknown NAICS 2022 code \"99\"")
    );
    assert_eq!(
        errors.get("exports[1]"),
        Some("unknown HS 2022 code \"999999\"")
    );
    assert!(
        errors
            .get("exports[2]")
            .unwrap()
            .contains("\"10\" is a chapter")
    );
    assert!(errors.get("imports[0]").unwrap().contains("is a section"));
    assert_eq!(
        errors.get("languages[0]"),
        Some("unknown ISO 639-1 language code \"urdu\"")
    );
    assert!(errors.get("certifications[0]").unwrap().contains("formula"));
    assert_eq!(errors.0.len(), 12, "{text}");
}

#[test]
fn a_region_is_accepted_only_for_its_own_country() {
    let mut input = rice_exporter();
    input.region = "PK-SD".into();
    assert!(input.validate(YEAR).is_ok());
    input.country = "US".into();
    let errors = input.validate(YEAR).unwrap_err();
    assert_eq!(
        errors.get("region"),
        Some("PK-SD is not a subdivision of US (United States)")
    );
    input.region = "US-TX".into();
    assert!(input.validate(YEAR).is_ok());
    input.region = "XX-YY".into();
    assert!(
        input
            .validate(YEAR)
            .unwrap_err()
            .get("region")
            .unwrap()
            .contains("XX-YY")
    );
}

#[test]
fn an_unknown_country_does_not_also_blame_the_region() {
    let mut input = rice_exporter();
    input.country = "ZZ".into();
    let errors = input.validate(YEAR).unwrap_err();
    assert_eq!(errors.0.len(), 1, "{errors}");
    assert!(errors.get("country").unwrap().contains("\"ZZ\""));
}

#[test]
fn repeated_codes_are_kept_once_and_blank_items_skipped() {
    let mut input = rice_exporter();
    input.exports = vec!["100630".into(), " ".into(), "1006.30".into()];
    let org = input.validate(YEAR).unwrap();
    assert_eq!(org.exports.len(), 1);
}

#[test]
fn list_items_may_not_contain_the_csv_separator() {
    let mut input = rice_exporter();
    input.certifications = vec!["ISO 9001; ISO 14001".into()];
    let errors = input.validate(YEAR).unwrap_err();
    assert!(errors.get("certifications[0]").unwrap().contains("';'"));
}

#[test]
fn too_many_list_values_are_refused() {
    let mut input = rice_exporter();
    input.exports = vec!["1006".into(); 201];
    let errors = input.validate(YEAR).unwrap_err();
    assert_eq!(
        errors.get("exports"),
        Some("has 201 values; at most 200 allowed")
    );
}

#[test]
fn a_complete_person_validates_with_private_contact_details() {
    let person = trade_officer().validate().unwrap();
    assert_eq!(person.kind, PersonKind::Official);
    assert_eq!(
        person.contact.email.unwrap().as_str(),
        "Ayesha.Siddiqui@trade.gov.pk"
    );
    assert_eq!(person.contact.phone.unwrap().as_str(), "+92519201234");
    assert_eq!(person.time_zone.unwrap().as_str(), "Asia/Karachi");
    assert_eq!(person.expertise_products[0].as_str(), "52");
    assert!(person.organisation.is_some());
}

#[test]
fn every_problem_of_a_person_is_reported_at_once() {
    let input = PersonInput {
        name: "Bilal\u{7}".into(),
        organisation_id: "acme".into(),
        kind: "spy".into(),
        expertise_industries: vec!["1".into()],
        expertise_products: vec!["XI".into(), "123456789".into()],
        time_zone: "Mars/Olympus".into(),
        email: "bilal@@example".into(),
        phone: "0300 1234567".into(),
        profile_url: "javascript:alert(1)".into(),
        ..Default::default()
    };
    let errors = input.validate().unwrap_err();
    for field in [
        "name",
        "organisation_id",
        "kind",
        "expertise_industries[0]",
        "expertise_products[0]",
        "expertise_products[1]",
        "time_zone",
        "email",
        "phone",
        "profile_url",
    ] {
        assert!(
            errors.get(field).is_some(),
            "no error for {field}: {errors}"
        );
    }
    assert_eq!(
        errors.get("name"),
        Some("must not contain control characters")
    );
    assert!(errors.get("time_zone").unwrap().contains("Mars/Olympus"));
}

#[test]
fn names_are_trimmed_bounded_and_free_of_control_characters() {
    assert_eq!(Name::parse("  کراچی  ").unwrap().as_str(), "کراچی");
    assert_eq!(Name::parse("").unwrap_err(), ValueError::Empty);
    assert!(Name::parse(&"ا".repeat(200)).is_ok());
    let err = Name::parse(&"ا".repeat(201)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "is 201 characters long; at most 200 allowed"
    );
    assert_eq!(
        Name::parse("a\nb").unwrap_err(),
        ValueError::ControlCharacter
    );
    assert_eq!(
        Name::parse("@cmd").unwrap_err(),
        ValueError::FormulaPrefix('@')
    );
    assert!(Description::parse("line one\n\tline two").is_ok());
    assert!(Description::parse("-bullet").is_err());
}

#[test]
fn e_mail_addresses_need_a_sane_shape() {
    assert_eq!(
        Email::parse(" A.B+tag@Example.COM ").unwrap().as_str(),
        "A.B+tag@example.com"
    );
    for bad in [
        "plain",
        "@example.com",
        "a@b",
        "a@-b.com",
        "a..b@example.com",
        ".a@example.com",
        "a@example.c0m",
        "a b@example.com",
        "=cmd@example.com",
        "a@exa_mple.com",
    ] {
        assert!(Email::parse(bad).is_err(), "{bad} accepted");
    }
    let long = format!("{}@example.com", "a".repeat(250));
    assert!(matches!(
        Email::parse(&long),
        Err(ValueError::TooLong { .. })
    ));
}

#[test]
fn web_addresses_must_be_http_with_a_host_and_no_credentials() {
    assert_eq!(
        WebUrl::parse("http://EXAMPLE.pk").unwrap().as_str(),
        "http://example.pk/"
    );
    for bad in [
        "example.com",
        "mailto:a@example.com",
        "file:///etc/passwd",
        "https://user:pw@example.com",
        "http://",
    ] {
        assert!(WebUrl::parse(bad).is_err(), "{bad} accepted");
    }
    let long = format!("https://example.com/{}", "a".repeat(2040));
    assert!(matches!(
        WebUrl::parse(&long),
        Err(ValueError::TooLong { .. })
    ));
}

#[test]
fn phone_numbers_are_normalised_to_e164() {
    assert_eq!(
        Phone::parse("+1 (202) 555-0143").unwrap().as_str(),
        "+12025550143"
    );
    assert!(Phone::parse("+9230012345").is_ok());
    for bad in [
        "03001234567",
        "+1234567",
        "+1234567890123456",
        "+92 300 CALL NOW",
        "+0123456789",
    ] {
        assert!(Phone::parse(bad).is_err(), "{bad} accepted");
    }
}

#[test]
fn the_year_founded_lies_between_1800_and_the_given_year() {
    assert_eq!(YearFounded::parse("1800", YEAR).unwrap().get(), 1800);
    assert!(YearFounded::parse("1799", YEAR).is_err());
    assert!(YearFounded::parse("2026", YEAR).is_ok());
    assert!(YearFounded::parse("2027", YEAR).is_err());
    assert!(YearFounded::parse("nineteen", YEAR).is_err());
}

#[test]
fn kinds_and_bands_parse_slugs_and_labels_and_serialise_as_slugs() {
    assert_eq!(
        OrganisationKind::parse("Start-up").unwrap(),
        OrganisationKind::Startup
    );
    assert_eq!(
        OrganisationKind::parse("embassy_mission").unwrap(),
        OrganisationKind::EmbassyMission
    );
    assert_eq!(OrganisationKind::ThinkTank.to_string(), "Think tank");
    assert_eq!(
        serde_json::to_string(&OrganisationKind::MarketplaceSeller).unwrap(),
        "\"marketplace_seller\""
    );
    assert_eq!(
        PersonKind::parse("Market expert").unwrap(),
        PersonKind::MarketExpert
    );
    assert_eq!(SizeBand::parse("1000+").unwrap(), SizeBand::VeryLarge);
    assert_eq!(SizeBand::parse("10-49").unwrap().as_str(), "10-49");
    assert_eq!(OrganisationKind::ALL.len(), 10);
}

#[test]
fn the_184_iso_639_1_languages_are_bundled_with_english_names() {
    assert_eq!(LanguageCode::all().count(), 184);
    assert_eq!(LanguageCode::parse("UR").unwrap().name(), "Urdu");
    assert_eq!(LanguageCode::parse("pa").unwrap().name(), "Panjabi");
    assert_eq!(LanguageCode::parse("ps").unwrap().name(), "Pushto");
    assert!(LanguageCode::parse("xx").is_err());
    assert!(LanguageCode::parse("urd").is_err());
}

#[test]
fn ids_round_trip_through_text_and_json() {
    let text = "0190d7a4-5b3c-7d2e-8f10-123456789abc";
    let id: OrganisationId = text.parse().unwrap();
    assert_eq!(id.to_string(), text);
    assert_eq!(serde_json::to_string(&id).unwrap(), format!("\"{text}\""));
    assert_eq!(
        serde_json::from_str::<OrganisationId>(&format!("\"{text}\"")).unwrap(),
        id
    );
    assert!("not-a-uuid".parse::<OrganisationId>().is_err());
}
