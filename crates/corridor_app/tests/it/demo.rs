//! The demo corridor: big enough, valid, fictional where it must be, and
//! the same on every call.

use std::collections::{BTreeMap, BTreeSet};

use corridor_app::actor::Role;
use corridor_app::demo::{
    COUNTRIES, DEMO_PASSWORD, DemoDataset, FICTIONAL_PREFIX, Sector, dataset,
};
use corridor_domain::directory::{OrganisationKind, VerificationState};

/// The year the pinned fingerprint was computed with; any later year gives
/// the same data (founding years are all earlier).
const YEAR: i32 = 2026;

/// `DemoDataset::fingerprint()` of `dataset(YEAR)`. When you change the demo
/// data on purpose, run `cargo test -p corridor_app --test it demo::`, copy
/// the new value from the failure message here and say in the commit
/// message what changed (see docs/DEMO_DATA.md).
const PINNED_FINGERPRINT: u64 = 0xad39_bc6f_73b0_49a3;

fn demo() -> DemoDataset {
    dataset(YEAR)
}

fn is_reserved_domain(domain: &str) -> bool {
    matches!(domain, "example.com" | "example.org" | "example.net") || domain.ends_with(".example")
}

#[test]
fn the_demo_has_at_least_300_organisations_and_300_people_in_both_countries() {
    let d = demo();
    assert!(
        d.organisations.len() >= 300,
        "{} organisations",
        d.organisations.len()
    );
    assert!(d.people.len() >= 300, "{} people", d.people.len());
    for country in COUNTRIES {
        let orgs = d
            .organisations
            .iter()
            .filter(|o| o.input.country == country)
            .count();
        let people = d
            .people
            .iter()
            .filter(|p| p.key.starts_with(&country.to_lowercase()))
            .count();
        assert!(orgs >= 100, "{country}: {orgs} organisations");
        assert!(people >= 100, "{country}: {people} people");
    }
}

#[test]
fn every_demo_input_validates() {
    let d = demo();
    for o in &d.organisations {
        let valid = o
            .input
            .validate(YEAR)
            .unwrap_or_else(|e| panic!("{}: {e:?}", o.key));
        assert!(valid.demo, "{} is not marked as demo data", o.key);
    }
    for p in &d.people {
        let valid = p
            .input
            .validate()
            .unwrap_or_else(|e| panic!("{}: {e:?}", p.key));
        assert!(valid.demo, "{} is not marked as demo data", p.key);
    }
}

#[test]
fn founding_years_never_lie_in_the_future() {
    for o in dataset(2010).organisations {
        o.input
            .validate(2010)
            .unwrap_or_else(|e| panic!("{}: {e:?}", o.key));
    }
}

#[test]
fn keys_are_unique_and_legal_names_unique_per_country() {
    let d = demo();
    let mut keys = BTreeSet::new();
    for key in d
        .organisations
        .iter()
        .map(|o| &o.key)
        .chain(d.people.iter().map(|p| &p.key))
    {
        assert!(keys.insert(key.clone()), "duplicate key {key}");
    }
    let mut names = BTreeSet::new();
    for o in &d.organisations {
        let name = (o.input.country.clone(), o.input.legal_name.to_lowercase());
        assert!(
            names.insert(name),
            "duplicate legal name {}",
            o.input.legal_name
        );
    }
    let mut emails = BTreeSet::new();
    for p in d.people.iter().filter(|p| !p.input.email.is_empty()) {
        assert!(
            emails.insert(p.input.email.to_lowercase()),
            "duplicate e-mail {}",
            p.input.email
        );
    }
}

#[test]
fn references_point_at_demo_organisations() {
    let d = demo();
    for p in &d.people {
        if let Some(key) = &p.organisation_key {
            let org = d
                .organisation(key)
                .unwrap_or_else(|| panic!("{}: no organisation {key}", p.key));
            assert!(
                p.key.starts_with(&org.input.country.to_lowercase()),
                "{} works abroad",
                p.key
            );
        }
        assert!(
            p.input.organisation_id.is_empty(),
            "the loader sets organisation ids"
        );
    }
    for a in &d.accounts {
        for key in &a.owns {
            assert!(
                d.organisation(key).is_some(),
                "{} owns missing {key}",
                a.email
            );
        }
    }
}

#[test]
fn no_e_mail_or_website_leaves_the_reserved_domains_except_real_institutions_sites() {
    let d = demo();
    let emails = d
        .people
        .iter()
        .map(|p| &p.input.email)
        .chain(d.accounts.iter().map(|a| &a.email));
    for email in emails.filter(|e| !e.is_empty()) {
        let (_, domain) = email.rsplit_once('@').expect("an address");
        assert!(
            is_reserved_domain(domain),
            "{email} is not at a reserved domain"
        );
    }
    for o in d.organisations.iter().filter(|o| !o.real_institution) {
        let host = o
            .input
            .website
            .trim_start_matches("https://")
            .trim_end_matches('/');
        assert!(
            o.input.website.is_empty() || is_reserved_domain(host),
            "{}",
            o.input.website
        );
    }
    for p in d.people.iter().filter(|p| !p.input.profile_url.is_empty()) {
        assert!(
            p.input.profile_url.starts_with("https://social.example/"),
            "{}",
            p.input.profile_url
        );
    }
}

#[test]
fn phone_numbers_are_in_fictional_ranges() {
    for p in demo().people.iter().filter(|p| !p.input.phone.is_empty()) {
        let phone: String = p
            .input
            .phone
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let fictional = if let Some(rest) = phone.strip_prefix("+1") {
            rest.len() == 10 && rest[3..8] == *"55501"
        } else if let Some(rest) = phone.strip_prefix("+92") {
            // Two-digit area code, then a subscriber number starting with 0.
            rest.len() == 10 && rest[2..8] == *"055501"
        } else {
            false
        };
        assert!(
            fictional,
            "{}: {} may be a real number",
            p.key, p.input.phone
        );
    }
}

#[test]
fn real_institutions_carry_no_invented_details_and_no_people() {
    let d = demo();
    let real: Vec<_> = d
        .organisations
        .iter()
        .filter(|o| o.real_institution)
        .collect();
    assert!(real.len() >= 40, "{} real institutions", real.len());
    for o in &real {
        let i = &o.input;
        assert!(
            !i.description.contains('@') && !i.description.starts_with(FICTIONAL_PREFIX),
            "{}",
            o.key
        );
        assert!(
            i.size_band.is_empty() && i.certifications.is_empty(),
            "{}",
            o.key
        );
        assert!(i.exports.is_empty() && i.imports.is_empty(), "{}", o.key);
        if !i.website.is_empty() {
            let host = i
                .website
                .trim_start_matches("https://")
                .trim_end_matches('/');
            assert!(
                host.ends_with(".gov")
                    || host.ends_with(".gov.pk")
                    || host.ends_with(".org.pk")
                    || host == "www.uschamber.com",
                "{}: {host}",
                o.key
            );
        }
        assert!(
            d.people
                .iter()
                .all(|p| p.organisation_key.as_deref() != Some(o.key.as_str())),
            "{} has people",
            o.key
        );
    }
}

#[test]
fn fictional_organisations_are_marked_as_demo_data_in_name_and_description() {
    for o in demo().organisations.iter().filter(|o| !o.real_institution) {
        assert!(
            o.input.legal_name.ends_with("(Demo)"),
            "{}",
            o.input.legal_name
        );
        assert!(
            o.input.description.starts_with(FICTIONAL_PREFIX),
            "{}",
            o.key
        );
    }
}

#[test]
fn every_sector_has_organisations_in_both_countries() {
    let d = demo();
    for sector in Sector::ALL {
        for country in COUNTRIES {
            let n = d
                .organisations
                .iter()
                .filter(|o| o.sector == Some(sector) && o.input.country == country)
                .count();
            assert!(n >= 8, "{sector} in {country}: {n} organisations");
        }
    }
}

#[test]
fn every_organisation_kind_is_present() {
    let d = demo();
    for kind in OrganisationKind::ALL {
        let n = d
            .organisations
            .iter()
            .filter(|o| o.input.kind == kind.as_str())
            .count();
        assert!(n >= 2, "{kind}: {n} organisations");
    }
}

#[test]
fn verification_states_are_spread_with_a_review_queue() {
    let d = demo();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for o in &d.organisations {
        *counts.entry(o.verification.as_str()).or_default() += 1;
    }
    for state in VerificationState::ALL {
        assert!(
            counts.get(state.as_str()).copied().unwrap_or(0) >= 1,
            "no {state}: {counts:?}"
        );
    }
    let queue: usize = ["submitted", "under_review", "needs_info"]
        .iter()
        .map(|s| counts[s])
        .sum();
    assert!(queue >= 30, "review queue of {queue}");
    assert!(counts["verified"] * 2 > d.organisations.len(), "{counts:?}");
}

#[test]
fn demo_accounts_cover_the_walkthrough() {
    let d = demo();
    let role = |r: Role| d.accounts.iter().filter(|a| a.role == r).count();
    assert_eq!(role(Role::Admin), 1);
    assert_eq!(role(Role::Organiser), 2, "appeals need a second organiser");
    assert!(d.accounts.iter().all(|a| a.password == DEMO_PASSWORD));
    let owned: Vec<VerificationState> = d
        .accounts
        .iter()
        .filter(|a| a.role == Role::Member)
        .flat_map(|a| {
            a.owns
                .iter()
                .map(|k| d.organisation(k).expect("owned").verification)
        })
        .collect();
    let count = |s: VerificationState| owned.iter().filter(|o| **o == s).count();
    assert!(count(VerificationState::Verified) >= 2);
    assert!(count(VerificationState::Submitted) + count(VerificationState::UnderReview) >= 2);
    assert_eq!(count(VerificationState::Rejected), 1);
    assert_eq!(count(VerificationState::NeedsInfo), 1);
    for a in d.accounts.iter().filter(|a| a.role == Role::Member) {
        assert!(
            d.people.iter().any(|p| p.input.email == a.email),
            "{} has no profile",
            a.email
        );
    }
    let emails: BTreeSet<_> = d.accounts.iter().map(|a| &a.email).collect();
    assert_eq!(emails.len(), d.accounts.len(), "account e-mails are unique");
}

#[test]
fn time_zones_and_regions_match_the_country() {
    let d = demo();
    for p in &d.people {
        let pk = p.key.starts_with("pk-");
        assert_eq!(
            p.input.time_zone == "Asia/Karachi",
            pk,
            "{}: {}",
            p.key,
            p.input.time_zone
        );
    }
    for o in d
        .organisations
        .iter()
        .filter(|o| !o.input.region.is_empty())
    {
        assert!(
            o.input.region.starts_with(&format!("{}-", o.input.country)),
            "{}",
            o.key
        );
    }
}

#[test]
fn the_demo_is_the_same_on_every_call() {
    assert_eq!(demo(), demo());
    assert_eq!(dataset(2030), demo(), "later years change nothing");
    let fingerprint = demo().fingerprint();
    assert!(
        fingerprint == PINNED_FINGERPRINT,
        "the demo data changed: fingerprint {fingerprint:#x}, pinned {PINNED_FINGERPRINT:#x}; \
         if on purpose, pin the new value (see PINNED_FINGERPRINT)"
    );
}
