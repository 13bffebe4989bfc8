use corridor_domain::codes::{CodeSystem, countries, hs2022, naics2022, subdivisions};

/// Expected parent level for each level of the strictly nested lists.
const HS_LEVELS: [(&str, Option<&str>); 4] = [
    ("section", None),
    ("chapter", Some("section")),
    ("heading", Some("chapter")),
    ("subheading", Some("heading")),
];
const NAICS_LEVELS: [(&str, Option<&str>); 5] = [
    ("sector", None),
    ("subsector", Some("sector")),
    ("industry_group", Some("subsector")),
    ("industry", Some("industry_group")),
    ("national_industry", Some("industry")),
];

fn assert_levels_nest(system: CodeSystem, levels: &[(&str, Option<&str>)]) {
    let list = system.list();
    for e in list.iter() {
        let (_, parent_level) = levels
            .iter()
            .find(|(l, _)| *l == e.level)
            .unwrap_or_else(|| panic!("{} has unexpected level {}", e.code, e.level));
        match (e.parent, parent_level) {
            (None, None) => {}
            (Some(p), Some(want)) => {
                let parent = list
                    .get(p)
                    .unwrap_or_else(|| panic!("{}: parent {p} missing", e.code));
                assert_eq!(parent.level, *want, "{}", e.code);
                assert!(list.children(p).any(|c| c.code == e.code), "{}", e.code);
            }
            other => panic!("{}: parent/level mismatch {other:?}", e.code),
        }
    }
}

#[test]
fn hs_parents_form_a_tree_of_sections_chapters_headings_and_subheadings() {
    assert_levels_nest(CodeSystem::Hs2022, &HS_LEVELS);
    for e in hs2022()
        .iter()
        .filter(|e| e.level == "heading" || e.level == "subheading")
    {
        assert!(e.code.starts_with(e.parent.unwrap()), "{}", e.code);
    }
}

#[test]
fn naics_parents_form_a_tree_from_sectors_to_national_industries() {
    assert_levels_nest(CodeSystem::Naics2022, &NAICS_LEVELS);
    for e in naics2022()
        .iter()
        .filter(|e| e.level != "sector" && e.code.len() > 3)
    {
        assert_eq!(Some(&e.code[..e.code.len() - 1]), e.parent, "{}", e.code);
    }
}

#[test]
fn subdivision_parents_are_subdivisions_of_the_same_country_or_the_country() {
    for e in subdivisions().iter() {
        let parent = e.parent.unwrap();
        if parent.len() == 2 {
            assert!(countries().get(parent).is_some(), "{}", e.code);
            assert!(e.code.starts_with(parent), "{}", e.code);
        } else {
            let p = subdivisions()
                .get(parent)
                .unwrap_or_else(|| panic!("{}: {parent}", e.code));
            assert_eq!(&p.code[..3], &e.code[..3], "{}", e.code);
        }
    }
}

#[test]
fn flat_lists_have_no_parents_and_links_point_to_zones() {
    for system in [CodeSystem::Country, CodeSystem::Currency] {
        assert!(
            system.list().iter().all(|e| e.parent.is_none()),
            "{}",
            system.title()
        );
    }
    for e in CodeSystem::TimeZone.list().iter() {
        match e.parent {
            None => assert_eq!(e.level, "time_zone", "{}", e.code),
            Some(target) => {
                assert_eq!(e.level, "link", "{}", e.code);
                let t = CodeSystem::TimeZone.list().get(target).unwrap();
                assert_eq!(t.level, "time_zone", "{} -> {target}", e.code);
            }
        }
    }
}
