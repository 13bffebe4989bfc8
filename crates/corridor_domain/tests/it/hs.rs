use corridor_domain::codes::{CodeSystem, HsCode, hs2022};

/// WCO, "HS Nomenclature 2022 edition": 21 sections, 97 chapters of which
/// chapter 77 is reserved (so 96 in use), 1,228 headings, 5,612 subheadings.
#[test]
fn hs_counts_match_the_wco_2022_edition() {
    let hs = hs2022();
    assert_eq!(hs.count_at_level("section"), 21);
    assert_eq!(hs.count_at_level("chapter"), 96);
    assert_eq!(hs.count_at_level("heading"), 1228);
    assert_eq!(hs.count_at_level("subheading"), 5612);
    assert_eq!(hs.len(), 21 + 96 + 1228 + 5612);
    assert!(hs.get("77").is_none(), "chapter 77 is reserved");
}

#[test]
fn rice_is_found_at_every_level_with_its_titles() {
    let hs = hs2022();
    let sub = hs.get("100630").unwrap();
    assert_eq!(sub.level, "subheading");
    assert!(
        sub.title.contains("rice, semi-milled or wholly milled"),
        "{}",
        sub.title
    );
    assert_eq!(sub.parent, Some("1006"));
    let heading = hs.get("1006").unwrap();
    assert_eq!(
        (heading.title, heading.level, heading.parent),
        ("Rice", "heading", Some("10"))
    );
    let chapter = hs.get("10").unwrap();
    assert_eq!(
        (chapter.title, chapter.level, chapter.parent),
        ("Cereals", "chapter", Some("II"))
    );
    let section = hs.get("II").unwrap();
    assert_eq!(
        (section.title, section.level, section.parent),
        ("Vegetable products", "section", None)
    );
}

#[test]
fn codes_new_in_hs_2022_are_present() {
    let hs = hs2022();
    assert_eq!(
        hs.get("8549").unwrap().title,
        "Electrical and electronic waste and scrap"
    );
    assert!(
        hs.get("2404")
            .unwrap()
            .title
            .contains("inhalation without combustion")
    );
    assert!(
        hs.get("8524")
            .unwrap()
            .title
            .starts_with("Flat panel display modules")
    );
    assert!(hs.get("854911").is_some());
    assert!(hs.get("852411").is_some());
}

#[test]
fn codes_deleted_in_hs_2022_are_absent() {
    let hs = hs2022();
    // 8548.10 (waste of cells and batteries) moved to new heading 85.49.
    assert!(hs.get("854810").is_none());
    assert!(hs.get("854800").is_some());
    // Comtrade's "not specified" chapter 99 is not part of the nomenclature.
    assert!(hs.get("99").is_none());
}

#[test]
fn sections_are_roman_numerals_one_to_twenty_one() {
    let numerals: Vec<&str> = hs2022()
        .iter()
        .filter(|e| e.level == "section")
        .map(|e| e.code)
        .collect();
    for n in ["I", "IV", "IX", "XI", "XIV", "XVI", "XX", "XXI"] {
        assert!(numerals.contains(&n), "missing section {n}");
    }
    assert_eq!(hs2022().get("97").unwrap().parent, Some("XXI"));
    assert_eq!(hs2022().get("85").unwrap().parent, Some("XVI"));
}

#[test]
fn hs_lookups_accept_dotted_spaced_and_zero_dropped_spellings() {
    for spelling in ["100630", "1006.30", " 10 06 30 ", "1006-30", "10.06.30"] {
        assert_eq!(
            hs2022().get(spelling).unwrap().code,
            "100630",
            "{spelling:?}"
        );
    }
    assert_eq!(hs2022().get("101.21").unwrap().code, "010121");
    assert_eq!(hs2022().get("1").unwrap().code, "01");
    assert_eq!(hs2022().get("xi").unwrap().code, "XI");
    assert_eq!(HsCode::parse("0101.21").unwrap().as_str(), "010121");
}

#[test]
fn hs_children_and_prefixes_follow_the_hierarchy() {
    let hs = hs2022();
    let headings: Vec<&str> = hs.children("10").map(|e| e.code).collect();
    assert_eq!(
        headings,
        [
            "1001", "1002", "1003", "1004", "1005", "1006", "1007", "1008"
        ]
    );
    let chapters: Vec<&str> = hs.children("II").map(|e| e.code).collect();
    assert_eq!(chapters.first(), Some(&"06"));
    assert_eq!(chapters.last(), Some(&"14"));
    let rice: Vec<&str> = hs.with_prefix("1006").map(|e| e.code).collect();
    assert_eq!(rice, ["1006", "100610", "100620", "100630", "100640"]);
}

#[test]
fn hs_search_puts_code_matches_first_then_title_words() {
    let hits = hs2022().search("1006", 3);
    assert_eq!(
        hits.iter().map(|e| e.code).collect::<Vec<_>>(),
        ["1006", "100610", "100620"]
    );
    let hits = hs2022().search("Rice MILLED", 50);
    assert!(hits.iter().any(|e| e.code == "100630"));
    assert!(hits.iter().all(|e| {
        let t = e.title.to_lowercase();
        t.contains("rice") && t.contains("milled")
    }));
    assert_eq!(hs2022().search("rice", 2).len(), 2);
}

#[test]
fn hs_errors_name_the_system_and_the_input() {
    let err = HsCode::parse("123456789").unwrap_err();
    assert_eq!(
        err.to_string(),
        "malformed HS 2022 code \"123456789\": HS codes have 2, 4 or 6 digits"
    );
    let err = HsCode::parse("9999").unwrap_err();
    assert_eq!(err.to_string(), "unknown HS 2022 code \"9999\"");
    assert_eq!(HsCode::SYSTEM, CodeSystem::Hs2022);
}
