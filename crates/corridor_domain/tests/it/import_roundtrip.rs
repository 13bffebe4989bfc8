//! Export then import gives back the same data; no input panics a parser.

use corridor_domain::directory::{Organisation, OrganisationId, Person, PersonId};
use corridor_domain::import::{
    parse_organisations_csv, parse_organisations_json, parse_people_csv, parse_people_json,
    write_organisations_csv, write_organisations_json, write_people_csv, write_people_json,
};
use proptest::prelude::*;
use uuid::Uuid;

const YEAR: i32 = 2026;

fn with_ids(details: Vec<corridor_domain::directory::NewOrganisation>) -> Vec<Organisation> {
    let id = |i: usize| OrganisationId::from_uuid(Uuid::from_u128(i as u128 + 1));
    details
        .into_iter()
        .enumerate()
        .map(|(i, d)| Organisation::new(id(i), d))
        .collect()
}

fn people_with_ids(details: Vec<corridor_domain::directory::NewPerson>) -> Vec<Person> {
    let id = |i: usize| PersonId::from_uuid(Uuid::from_u128(i as u128 + 1));
    details
        .into_iter()
        .enumerate()
        .map(|(i, details)| Person { id: id(i), details })
        .collect()
}

#[test]
fn exported_organisations_import_back_identically_as_csv_and_json() {
    let rice = super::directory::rice_exporter();
    let mut chamber = rice.clone();
    chamber.legal_name = "Karachi \"Chamber\", of Commerce".into();
    chamber.city = "کراچی".into();
    chamber.region = "PK-SD".into();
    chamber.kind = "chamber".into();
    chamber.demo = true;
    let details = vec![
        rice.validate(YEAR).unwrap(),
        chamber.validate(YEAR).unwrap(),
    ];
    let orgs = with_ids(details.clone());

    let csv = write_organisations_csv(&orgs);
    assert!(
        csv.starts_with("kind,legal_name,trading_name,country,region,city,"),
        "{csv}"
    );
    assert!(
        csv.contains("\"Basmati rice millers.\nExporting since 1998.\""),
        "{csv}"
    );
    assert_eq!(
        parse_organisations_csv(csv.as_bytes(), YEAR).unwrap(),
        details
    );

    let json = write_organisations_json(&orgs);
    assert_eq!(
        parse_organisations_json(json.as_bytes(), YEAR).unwrap(),
        details
    );
}

#[test]
fn exported_people_import_back_identically_as_csv_and_json() {
    let official = super::directory::trade_officer();
    let mut investor = official.clone();
    investor.name = "John Miller".into();
    investor.kind = "investor".into();
    investor.email = String::new();
    investor.organisation_id = String::new();
    let details = vec![official.validate().unwrap(), investor.validate().unwrap()];
    let people = people_with_ids(details.clone());
    let csv = write_people_csv(&people);
    assert_eq!(parse_people_csv(csv.as_bytes()).unwrap(), details);
    let json = write_people_json(&people);
    assert_eq!(parse_people_json(json.as_bytes()).unwrap(), details);
}

#[test]
fn csv_cells_a_spreadsheet_would_evaluate_get_an_apostrophe_that_import_removes() {
    let details = vec![super::directory::trade_officer().validate().unwrap()];
    let people = people_with_ids(details.clone());
    let csv = write_people_csv(&people);
    // The phone number starts with `+`, which a spreadsheet would evaluate (and drop).
    assert!(csv.contains(",'+92519201234,"), "{csv}");
    for line in csv.lines() {
        for cell in line.split(',') {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} in {csv}"
            );
        }
    }
    assert_eq!(parse_people_csv(csv.as_bytes()).unwrap(), details);
    // JSON is not opened by spreadsheets: values stay as they are.
    assert!(write_people_json(&people).contains("\"+92519201234\""));
}

/// A cell typed into a spreadsheet as text (`'+92…`) imports as the value.
#[test]
fn a_leading_apostrophe_before_a_formula_character_is_not_part_of_the_value() {
    let csv = "name,kind,phone,title\nAyesha,official,'+92 51 920-1234,'s-Hertogenbosch envoy\n";
    let people = parse_people_csv(csv.as_bytes()).unwrap();
    assert_eq!(
        people[0].contact.phone.as_ref().map(|p| p.as_str()),
        Some("+92519201234")
    );
    assert_eq!(
        people[0].title.as_ref().map(|t| t.as_str()),
        Some("'s-Hertogenbosch envoy")
    );
}

/// Mostly valid cells, sometimes an invalid one, so that both outcomes are
/// common; the valid ones include everything awkward to quote.
fn cell(valid: &'static [&'static str], invalid: &'static [&'static str]) -> BoxedStrategy<String> {
    prop_oneof![
        9 => prop::sample::select(valid).prop_map(str::to_owned),
        1 => prop::sample::select(invalid).prop_map(str::to_owned),
    ]
    .boxed()
}

fn name() -> impl Strategy<Value = String> {
    let valid = &[
        "Indus Rice",
        "  Spaced  ",
        "Comma, Ltd",
        "Quote \"Q\" Ltd",
        "کراچی ٹیکسٹائل",
        "Semi;colon",
    ];
    let invalid = &["Line\nbreak", "=1+1", ""];
    // A numeric suffix keeps accidental duplicates rare.
    (cell(valid, invalid), prop::option::of(0..1000u16)).prop_map(|(name, n)| match n {
        Some(n) if !name.is_empty() => format!("{name} {n}"),
        _ => name,
    })
}

fn place() -> impl Strategy<Value = (String, String)> {
    let valid: &[(&str, &str)] = &[
        ("PK", ""),
        ("PAK", "pk-sd"),
        ("us", "US-CA"),
        ("840", ""),
        ("PK", "PK-PB"),
    ];
    let invalid: &[(&str, &str)] = &[("ZZ", ""), ("us", "PK-PB"), ("", "")];
    prop_oneof![9 => prop::sample::select(valid), 1 => prop::sample::select(invalid)]
        .prop_map(|(c, r)| (c.to_owned(), r.to_owned()))
}

fn csv_file() -> impl Strategy<Value = String> {
    let row = (
        cell(
            &["company", "Start-up", "think tank", "Embassy or mission"],
            &["bank", ""],
        ),
        name(),
        place(),
        cell(
            &[
                "",
                "1006",
                "1006.30;6109",
                "100630; 100630 ;;",
                "8471;847130",
            ],
            &["52", "999999", "xi"],
        ),
        cell(
            &["", "Two\r\nlines", "\"quoted\"", " ,\n, ", "tab\there"],
            &["-dash"],
        ),
        cell(&["", "true", "no", "1", "YES"], &["maybe"]),
        cell(&["", "ur;en", "EN", "ur;ur", " pa ; ps "], &["xx"]),
    );
    prop::collection::vec(row, 1..4).prop_map(|rows| {
        let mut out =
            String::from("kind,legal_name,country,region,exports,description,demo,languages\r\n");
        for (k, n, (c, r), e, d, f, l) in rows {
            let quoted = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
            let fields = [k, quoted(&n), c, r, quoted(&e), quoted(&d), f, l];
            out.push_str(&fields.join(","));
            out.push_str("\r\n");
        }
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic_the_parsers(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse_organisations_csv(&bytes, YEAR);
        let _ = parse_organisations_json(&bytes, YEAR);
        let _ = parse_people_csv(&bytes);
        let _ = parse_people_json(&bytes);
    }

    #[test]
    fn random_text_with_a_valid_header_never_panics(body in "[a-z0-9,;\"\\n\\r =+é]{0,400}") {
        let csv = format!("kind,legal_name,country,exports\n{body}");
        if let Err(errors) = parse_organisations_csv(csv.as_bytes(), YEAR) {
            prop_assert!(errors.lines().iter().all(|e| e.starts_with("line ") || e.starts_with("file: ")));
        }
    }

    #[test]
    fn every_parsed_csv_exports_and_imports_identically(csv in csv_file()) {
        if let Ok(details) = parse_organisations_csv(csv.as_bytes(), YEAR) {
            let orgs = with_ids(details.clone());
            let again = parse_organisations_csv(write_organisations_csv(&orgs).as_bytes(), YEAR);
            prop_assert_eq!(again.as_ref(), Ok(&details));
            let again = parse_organisations_json(write_organisations_json(&orgs).as_bytes(), YEAR);
            prop_assert_eq!(again.as_ref(), Ok(&details));
        }
    }
}
