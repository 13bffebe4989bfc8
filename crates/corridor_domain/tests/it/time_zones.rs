use corridor_domain::codes::{TimeZoneName, time_zones};

#[test]
fn time_zones_cover_every_name_chrono_tz_knows() {
    assert_eq!(time_zones().len(), chrono_tz::TZ_VARIANTS.len());
    let zones = time_zones().count_at_level("time_zone");
    let links = time_zones().count_at_level("link");
    assert_eq!(zones + links, time_zones().len());
    // tz 2025b as built by Debian (with backzone), less `Factory`. A change
    // here means chrono-tz moved to a new tz release: regenerate
    // data/tz_links.tsv from the matching tzdata (data/README.md).
    assert_eq!((zones, links), (446, 151));
}

#[test]
fn karachi_and_new_york_are_canonical_zones() {
    for name in ["Asia/Karachi", "America/New_York"] {
        let e = time_zones().get(name).unwrap();
        assert_eq!((e.code, e.level, e.parent), (name, "time_zone", None));
    }
    assert_eq!(
        time_zones().get("America/New_York").unwrap().title,
        "America/New York"
    );
    let karachi = TimeZoneName::parse("Asia/Karachi").unwrap();
    assert_eq!(karachi.tz(), chrono_tz::Asia::Karachi);
}

#[test]
fn old_names_are_links_to_their_canonical_zone() {
    let eastern = TimeZoneName::parse("US/Eastern").unwrap();
    assert_eq!(eastern.entry().level, "link");
    assert_eq!(eastern.canonical().as_str(), "America/New_York");
    assert_eq!(
        TimeZoneName::parse("Asia/Calcutta")
            .unwrap()
            .canonical()
            .as_str(),
        "Asia/Kolkata"
    );
    let karachi = TimeZoneName::parse("Asia/Karachi").unwrap();
    assert_eq!(karachi.canonical(), karachi);
}

#[test]
fn time_zone_lookups_ignore_case_and_accept_spaces() {
    assert_eq!(
        time_zones().get("asia/karachi").unwrap().code,
        "Asia/Karachi"
    );
    assert_eq!(
        time_zones().get(" America/New York ").unwrap().code,
        "America/New_York"
    );
    assert_eq!(TimeZoneName::parse("utc").unwrap().as_str(), "UTC");
    assert!(
        time_zones()
            .with_prefix("asia/")
            .any(|e| e.code == "Asia/Karachi")
    );
}

#[test]
fn time_zone_errors_name_the_system_and_the_input() {
    assert_eq!(
        TimeZoneName::parse("Mars/Olympus").unwrap_err().to_string(),
        "unknown IANA time zones code \"Mars/Olympus\""
    );
    let err = TimeZoneName::parse("Asia/Karachi;DROP")
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("malformed IANA time zones code"), "{err}");
}
