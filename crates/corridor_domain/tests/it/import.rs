//! Import of organisations and people: all-or-nothing, every error placed.

use corridor_domain::import::{
    MAX_FILE_BYTES, MAX_RECORDS, parse_organisations_csv, parse_organisations_json,
    parse_people_csv, parse_people_json,
};

const YEAR: i32 = 2026;

fn errors_of(csv: &str) -> Vec<String> {
    parse_organisations_csv(csv.as_bytes(), YEAR)
        .unwrap_err()
        .lines()
}

fn json_errors_of(json: &str) -> Vec<String> {
    parse_organisations_json(json.as_bytes(), YEAR)
        .unwrap_err()
        .lines()
}

const HEADER: &str = "kind,legal_name,country,region,city,exports";

#[test]
fn a_good_csv_file_imports_every_record() {
    let csv = format!(
        "{HEADER}\ncompany,Indus Rice,PK,PK-SD,کراچی,1006;100630\n\
         chamber,US-Pakistan Business Council,US,US-DC,Washington,\n"
    );
    let orgs = parse_organisations_csv(csv.as_bytes(), YEAR).unwrap();
    assert_eq!(orgs.len(), 2);
    assert_eq!(orgs[0].city.as_ref().unwrap().as_str(), "کراچی");
    assert_eq!(orgs[0].exports.len(), 2);
    assert!(orgs[1].exports.is_empty());
}

#[test]
fn one_bad_line_rejects_the_file_and_lists_every_error() {
    let csv = format!(
        "{HEADER}\ncompany,Good Ltd,PK,,,1006\n\
         bank,,PK,US-CA,,1006;999999\n\
         company,Also Good,US,,,\n"
    );
    assert_eq!(
        errors_of(&csv),
        [
            "line 3, column kind: unknown organisation kind \"bank\"; expected one of: company, \
             marketplace_seller, startup, investor, government_agency, association, chamber, \
             think_tank, embassy_mission, other",
            "line 3, column legal_name: is required",
            "line 3, column region: US-CA is not a subdivision of PK (Pakistan)",
            "line 3, column exports[1]: unknown HS 2022 code \"999999\"",
        ]
    );
}

#[test]
fn bom_and_crlf_are_tolerated() {
    let csv = format!("\u{feff}{HEADER}\r\ncompany,Indus Rice,PK,,,1006\r\n");
    assert_eq!(
        parse_organisations_csv(csv.as_bytes(), YEAR).unwrap().len(),
        1
    );
}

#[test]
fn crlf_files_and_leading_blank_lines_keep_physical_line_numbers() {
    let csv = "\r\nkind,legal_name,country\r\ncompany,A,PK\r\ncompany,,PK\r\n\r\ncompany,\"B\r\nC\",ZZ\r\n";
    assert_eq!(
        errors_of(csv),
        [
            "line 4, column legal_name: is required",
            "line 6, column legal_name: must not contain control characters",
            "line 6, column country: unknown ISO 3166-1 countries code \"ZZ\"",
        ]
    );
}

#[test]
fn quoted_newlines_keep_later_lines_numbered_physically() {
    let csv = "kind,legal_name,country,description\n\
               company,Indus Rice,PK,\"Millers.\r\nSince 1998.\n\"\"Best\"\" rice\"\n\
               company,,PK,fine\n";
    assert_eq!(errors_of(csv), ["line 5, column legal_name: is required"]);
}

#[test]
fn unknown_missing_and_repeated_columns_are_reported_on_line_1() {
    let errors = errors_of("kind,legal_nam,kind,colour\ncompany,X,PK,red\n");
    assert!(
        errors[0].starts_with("line 1, column \"legal_nam\": unknown column (field 2)"),
        "{errors:?}"
    );
    assert_eq!(errors[1], "line 1, column kind: column appears twice");
    assert!(errors[2].starts_with("line 1, column \"colour\": unknown column (field 4)"));
    assert_eq!(
        errors[3],
        "line 1, column legal_name: required column is missing"
    );
    assert_eq!(
        errors[4],
        "line 1, column country: required column is missing"
    );
}

#[test]
fn a_row_with_the_wrong_number_of_fields_is_named_by_line() {
    let csv = format!("{HEADER}\ncompany,A,PK,,,\ncompany,B,PK\ncompany,C,PK,,,,,\n");
    assert_eq!(
        errors_of(&csv),
        [
            "line 3: expected 6 fields as in the header, found 3",
            "line 4: expected 6 fields as in the header, found 8",
        ]
    );
}

#[test]
fn a_truncated_file_is_reported_at_its_last_line() {
    let csv = format!("{HEADER}\ncompany,A,PK,,,1006\ncompany,B,P");
    let errors = errors_of(&csv);
    assert_eq!(
        errors,
        ["line 3: expected 6 fields as in the header, found 3"]
    );
}

#[test]
fn an_unbalanced_quote_points_at_the_lines_it_swallowed() {
    let csv = format!("{HEADER}\ncompany,\"A,PK,,,\ncompany,B,PK,,,\ncompany,C,PK,,,\n");
    let errors = errors_of(&csv);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with(
            "line 2: expected 6 fields as in the header, found 2 \
                               (a quoted field runs from line 2 to line 5"
        ),
        "{errors:?}"
    );
}

#[test]
fn binary_garbage_is_refused_without_panicking() {
    let mut bytes = b"kind,legal_name,country\ncompany,".to_vec();
    bytes.extend([0xff, 0xfe, 0x00, 0x9f]);
    bytes.extend(b",PK\n");
    let errors = parse_organisations_csv(&bytes, YEAR).unwrap_err().lines();
    assert_eq!(errors, ["line 2, column legal_name: not valid UTF-8 text"]);
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let errors = parse_organisations_csv(&garbage, YEAR).unwrap_err().lines();
    assert!(errors[0].starts_with("line 1, column "), "{errors:?}");
}

#[test]
fn a_10_mb_cell_is_refused_by_size_without_echoing_it() {
    let csv = format!("{HEADER}\ncompany,{},PK,,,\n", "x".repeat(10 * 1024 * 1024));
    let errors = errors_of(&csv);
    assert_eq!(
        errors,
        ["line 2, column legal_name: cell is 10485760 bytes; at most 65536 allowed"]
    );
}

#[test]
fn a_long_name_is_refused_with_its_length_only() {
    let csv = format!("{HEADER}\ncompany,{},PK,,,\n", "ن".repeat(300));
    assert_eq!(
        errors_of(&csv),
        ["line 2, column legal_name: is 300 characters long; at most 200 allowed"]
    );
}

#[test]
fn spreadsheet_formulas_are_refused_never_stored() {
    let csv = "kind,legal_name,country,city\ncompany,\"=cmd|' /C calc'!A0\",PK,@SUM(A1)\n";
    let errors = errors_of(csv);
    assert_eq!(
        errors,
        [
            "line 2, column legal_name: must not start with '=' (spreadsheets would read it as a formula)",
            "line 2, column city: must not start with '@' (spreadsheets would read it as a formula)",
        ]
    );
}

#[test]
fn duplicates_by_legal_name_and_country_are_reported_against_the_first() {
    let csv = format!(
        "{HEADER}\ncompany,Indus Rice,PK,,,\ncompany,Indus Rice,US,,,\ncompany,  INDUS RICE ,PK,,,\n"
    );
    assert_eq!(
        errors_of(&csv),
        ["line 4, column legal_name: duplicate of line 2 (same legal name and country)"]
    );
}

#[test]
fn an_empty_file_and_a_header_alone_are_refused() {
    assert_eq!(
        errors_of(""),
        ["line 1: the file is empty; expected a header row"]
    );
    assert_eq!(
        errors_of("\u{feff}\r\n"),
        ["line 1: the file is empty; expected a header row"]
    );
    assert_eq!(
        errors_of(&format!("{HEADER}\n")),
        ["line 2: the file has a header but no records"]
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_parsing() {
    let bytes = vec![b'x'; MAX_FILE_BYTES + 1];
    let errors = parse_organisations_csv(&bytes, YEAR).unwrap_err().lines();
    assert_eq!(
        errors,
        [format!(
            "file: the file is {} bytes; at most 20971520 bytes (20 MiB) allowed",
            MAX_FILE_BYTES + 1
        )]
    );
    assert!(parse_people_json(&bytes).is_err());
}

#[test]
fn more_records_than_the_limit_are_refused() {
    let mut csv = String::from("kind,legal_name,country\n");
    for i in 0..=MAX_RECORDS {
        csv.push_str(&format!("company,C{i},PK\n"));
    }
    let errors = errors_of(&csv);
    assert_eq!(
        errors.last().unwrap(),
        "file: more than 100000 records; split the file"
    );
    let json = format!("[{}{{}}]", "{},".repeat(MAX_RECORDS));
    let errors = json_errors_of(&json);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].contains("more than 100000 records; split the file"),
        "{errors:?}"
    );
}

#[test]
fn errors_stop_being_collected_after_a_thousand() {
    let mut csv = String::from("kind,legal_name,country\n");
    for _ in 0..2000 {
        csv.push_str("bank,X,PK\n");
    }
    let errors = errors_of(&csv);
    assert_eq!(errors.len(), 1001);
    assert_eq!(errors[1000], "file: stopped after 1000 errors");
}

#[test]
fn a_header_of_endless_unknown_columns_stops_at_a_thousand_errors() {
    let header = vec!["x"; 5000].join(",");
    let errors = errors_of(&format!("{header}\n"));
    assert_eq!(errors.len(), 1001);
    assert!(errors[0].starts_with("line 1, column \"x\": unknown column (field 1)"));
    assert_eq!(errors[1000], "file: stopped after 1000 errors");
}

#[test]
fn flags_accept_yes_no_and_refuse_anything_else() {
    let csv = "kind,legal_name,country,demo\ncompany,A,PK,yes\ncompany,B,PK,perhaps\n";
    assert_eq!(
        errors_of(csv),
        ["line 3, column demo: \"perhaps\" is not true or false"]
    );
}

#[test]
fn a_good_json_file_imports_every_record() {
    let json = r#"[{"kind": "startup", "legal_name": "Lahore AI Labs", "country": "PK",
                    "year_founded": 2021, "industries": ["541511"], "demo": true,
                    "region": null}]"#;
    let orgs = parse_organisations_json(json.as_bytes(), YEAR).unwrap();
    assert_eq!(orgs[0].year_founded.unwrap().get(), 2021);
    assert!(orgs[0].demo);
}

#[test]
fn json_errors_name_the_index_and_field_path() {
    let json = r#"[
        {"kind": "company", "legal_name": "A", "country": "PK"},
        {"kind": "company", "legal_name": "B", "country": "PK", "exports": ["1006", 7, "999999"]},
        {"kind": "company", "legal_name": "C", "country": "PK", "exports": ["1006", "999999"],
         "colour": "red", "demo": "yes", "city": ["x"]},
        "not an object",
        {"kind": "company", "legal_name": "a", "country": "pk"}
    ]"#;
    assert_eq!(
        json_errors_of(json),
        [
            "index 1, field exports[1]: HS 2022 code \"07\" is a chapter; give a heading (4 digits) \
             or subheading (6 digits)",
            "index 1, field exports[2]: unknown HS 2022 code \"999999\"",
            "index 2, field city: expected a string, found an array",
            "index 2, field \"colour\": unknown field",
            "index 2, field demo: expected true or false, found a string",
            "index 3: expected an object, found a string",
            "index 4, field legal_name: duplicate of index 0 (same legal name and country)",
        ]
    );
}

#[test]
fn json_syntax_errors_give_line_and_column() {
    let json = "[\n  {\"kind\": \"company\",\n   \"legal_name\": \"A\" \"country\": \"PK\"}\n]";
    assert_eq!(
        json_errors_of(json),
        ["line 3, column 22: expected `,` or `}`"]
    );
    assert_eq!(
        json_errors_of("[{\"kind\": \"comp"),
        ["line 1, column 15: EOF while parsing a string"]
    );
    assert_eq!(
        json_errors_of("{}"),
        ["line 1, column 1: invalid type: map, expected a JSON array of objects"]
    );
    assert_eq!(
        json_errors_of("[] []"),
        ["line 1, column 4: trailing characters"]
    );
    assert_eq!(
        json_errors_of(""),
        ["line 1, column 1: the file is empty; expected a JSON array of objects"]
    );
    assert_eq!(json_errors_of("[]"), ["index 0: the array has no records"]);
}

#[test]
fn people_import_from_csv_and_json_with_duplicate_e_mails_refused() {
    let csv = "name,kind,email,time_zone,languages\n\
               Ayesha Siddiqui,official,ayesha@trade.gov.pk,Asia/Karachi,ur;en\n\
               John Miller,investor,,America/New_York,en\n\
               Ayesha S.,official,Ayesha@TRADE.gov.pk,,\n";
    let errors = parse_people_csv(csv.as_bytes()).unwrap_err().lines();
    assert_eq!(
        errors,
        ["line 4, column email: duplicate of line 2 (same e-mail address)"]
    );
    let json = r#"[{"name": "John Miller", "kind": "investor"}, {"name": "John Miller", "kind": "investor"}]"#;
    assert_eq!(parse_people_json(json.as_bytes()).unwrap().len(), 2);
    let json = r#"[{"name": "Ali", "kind": "diplomat", "phone": "12"}]"#;
    let errors = parse_people_json(json.as_bytes()).unwrap_err().lines();
    assert!(
        errors[0].starts_with("index 0, field phone: \"12\" must start with +"),
        "{errors:?}"
    );
}
