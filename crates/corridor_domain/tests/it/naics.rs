use corridor_domain::codes::{NaicsCode, naics2022};

/// US Census Bureau, 2022 NAICS structure: 20 sectors, 96 subsectors,
/// 308 industry groups, 689 NAICS industries (5-digit), 1,012 national
/// industries (6-digit); 2,125 codes in all. Figures of "692 industries"
/// count the three five-character sector ranges (31-33, 44-45, 48-49) as
/// industries; see docs/CODE_LISTS.md.
#[test]
fn naics_counts_match_the_2022_structure() {
    let naics = naics2022();
    assert_eq!(naics.count_at_level("sector"), 20);
    assert_eq!(naics.count_at_level("subsector"), 96);
    assert_eq!(naics.count_at_level("industry_group"), 308);
    assert_eq!(naics.count_at_level("industry"), 689);
    assert_eq!(naics.count_at_level("national_industry"), 1012);
    assert_eq!(naics.len(), 2125);
}

#[test]
fn computer_systems_design_is_found_at_every_level() {
    let naics = naics2022();
    let expect = [
        (
            "541512",
            "Computer Systems Design Services",
            "national_industry",
            Some("54151"),
        ),
        (
            "54151",
            "Computer Systems Design and Related Services",
            "industry",
            Some("5415"),
        ),
        (
            "5415",
            "Computer Systems Design and Related Services",
            "industry_group",
            Some("541"),
        ),
        (
            "541",
            "Professional, Scientific, and Technical Services",
            "subsector",
            Some("54"),
        ),
        (
            "54",
            "Professional, Scientific, and Technical Services",
            "sector",
            None,
        ),
    ];
    for (code, title, level, parent) in expect {
        let e = naics.get(code).unwrap();
        assert_eq!(
            (e.code, e.title, e.level, e.parent),
            (code, title, level, parent)
        );
    }
}

#[test]
fn range_sectors_are_parents_of_their_subsectors() {
    let naics = naics2022();
    assert_eq!(naics.get("31-33").unwrap().title, "Manufacturing");
    assert_eq!(naics.get("311").unwrap().parent, Some("31-33"));
    assert_eq!(naics.get("445").unwrap().parent, Some("44-45"));
    assert_eq!(naics.get("493").unwrap().parent, Some("48-49"));
    let subsectors: Vec<&str> = naics.children("31-33").map(|e| e.code).collect();
    assert!(subsectors.contains(&"311") && subsectors.contains(&"339"));
    assert!(subsectors.iter().all(|c| c.len() == 3));
}

#[test]
fn naics_lookups_accept_spaces_dashes_and_any_prefix_of_a_range_sector() {
    let naics = naics2022();
    assert_eq!(naics.get(" 541 512 ").unwrap().code, "541512");
    assert_eq!(naics.get("31–33").unwrap().code, "31-33");
    assert_eq!(naics.get("32").unwrap().code, "31-33");
    assert_eq!(naics.get("45").unwrap().code, "44-45");
    assert_eq!(naics.get("49").unwrap().code, "48-49");
    assert_eq!(NaicsCode::parse("5415.12").unwrap().as_str(), "541512");
}

#[test]
fn naics_prefix_54_lists_the_professional_services_sector() {
    let codes: Vec<&str> = naics2022().with_prefix("54").map(|e| e.code).collect();
    assert_eq!(codes.first(), Some(&"54"));
    assert!(codes.contains(&"541512"));
    assert!(codes.iter().all(|c| c.starts_with("54")));
    assert!(codes.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn naics_search_finds_titles_by_all_words() {
    let hits = naics2022().search("computer design", 10);
    assert!(hits.iter().any(|e| e.code == "541512"));
    let hits = naics2022().search("5415", 2);
    assert_eq!(
        hits.iter().map(|e| e.code).collect::<Vec<_>>(),
        ["5415", "54151"]
    );
}

#[test]
fn naics_errors_name_the_system_and_the_input() {
    assert_eq!(
        NaicsCode::parse("1234567").unwrap_err().to_string(),
        "malformed NAICS 2022 code \"1234567\": NAICS codes have 2 to 6 digits"
    );
    assert_eq!(
        NaicsCode::parse("999999").unwrap_err().to_string(),
        "unknown NAICS 2022 code \"999999\""
    );
    assert!(NaicsCode::parse("12-34").is_err());
}
