use corridor_domain::codes::{self, CodeSystem};

#[test]
fn every_system_round_trips_through_its_slug() {
    let slugs: Vec<&str> = CodeSystem::ALL.iter().map(|s| s.slug()).collect();
    assert_eq!(
        slugs,
        [
            "hs",
            "naics",
            "countries",
            "subdivisions",
            "currencies",
            "timezones"
        ]
    );
    for system in CodeSystem::ALL {
        assert_eq!(CodeSystem::from_slug(system.slug()), Some(system));
        assert_eq!(system.list().system(), system);
        assert!(!system.list().is_empty(), "{}", system.title());
    }
    assert_eq!(CodeSystem::from_slug("HS"), None);
    assert_eq!(CodeSystem::Hs2022.title(), "HS 2022");
    assert_eq!(CodeSystem::Naics2022.title(), "NAICS 2022");
}

#[test]
fn accessor_functions_return_the_same_lists_as_the_systems() {
    assert!(std::ptr::eq(codes::hs2022(), CodeSystem::Hs2022.list()));
    assert!(std::ptr::eq(
        codes::naics2022(),
        CodeSystem::Naics2022.list()
    ));
    assert!(std::ptr::eq(codes::countries(), CodeSystem::Country.list()));
    assert!(std::ptr::eq(
        codes::subdivisions(),
        CodeSystem::Subdivision.list()
    ));
    assert!(std::ptr::eq(
        codes::currencies(),
        CodeSystem::Currency.list()
    ));
    assert!(std::ptr::eq(
        codes::time_zones(),
        CodeSystem::TimeZone.list()
    ));
}

#[test]
fn every_list_iterates_in_code_order_without_duplicates() {
    for system in CodeSystem::ALL {
        let codes: Vec<&str> = system.list().iter().map(|e| e.code).collect();
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "{}", system.title());
        assert_eq!(system.list().with_prefix("").count(), codes.len());
    }
}

#[test]
fn every_canonical_code_is_found_by_get_as_itself() {
    for system in CodeSystem::ALL {
        for e in system.list().iter() {
            let found = system.list().get(e.code).map(|f| f.code);
            assert_eq!(found, Some(e.code), "{}", system.title());
        }
    }
}

#[test]
fn titles_are_single_trimmed_lines() {
    for system in CodeSystem::ALL {
        for e in system.list().iter() {
            assert!(!e.title.is_empty(), "{}", e.code);
            assert_eq!(e.title.trim(), e.title, "{}", e.code);
            assert!(!e.title.contains(['\t', '\n', '\r']), "{}", e.code);
        }
    }
}

#[test]
fn entries_serialise_with_code_title_level_and_parent() {
    let json = serde_json::to_value(codes::hs2022().get("1006").unwrap()).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"code": "1006", "title": "Rice", "level": "heading", "parent": "10"})
    );
    let json = serde_json::to_string(&CodeSystem::Hs2022).unwrap();
    assert_eq!(
        serde_json::from_str::<CodeSystem>(&json).unwrap(),
        CodeSystem::Hs2022
    );
}

#[test]
fn iterators_outlive_the_query_string_they_were_made_from() {
    let children = {
        let query = String::from("pk");
        codes::subdivisions().children(&query)
    };
    assert_eq!(children.count(), 7);
    let prefixed = {
        let query = String::from("54");
        codes::naics2022().with_prefix(&query)
    };
    assert!(prefixed.count() > 10);
}
