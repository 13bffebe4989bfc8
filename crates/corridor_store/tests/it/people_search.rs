//! Searching the people directory on both backends: filters, drafts hidden unless asked for,
//! event-only registrants never listed, wildcards in names taken literally.

use chrono::Utc;
use corridor_domain::codes::{CountryCode, HsCode};
use corridor_domain::directory::{
    NewOrganisation, NewPerson, OrganisationInput, PersonInput, PersonKind, VerificationRecord,
    VerificationState,
};
use corridor_store::directory::PersonFilter;
use corridor_store::privacy::NewRegistrant;
use corridor_store::{NewAuditEntry, Store, backend_tests};

fn organisation(name: &str, country: &str) -> NewOrganisation {
    OrganisationInput {
        kind: "company".into(),
        legal_name: name.into(),
        country: country.into(),
        ..Default::default()
    }
    .validate(2026)
    .unwrap()
}

fn person(name: &str, kind: &str, organisation: Option<String>, naics: &[&str]) -> NewPerson {
    PersonInput {
        name: name.into(),
        kind: kind.into(),
        organisation_id: organisation.unwrap_or_default(),
        email: format!(
            "{}@example.org",
            name.to_lowercase()
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(".")
        ),
        expertise_industries: naics.iter().map(|c| c.to_string()).collect(),
        // Everyone but the professional knows the rice trade.
        expertise_products: if kind == "professional" {
            vec![]
        } else {
            vec!["1006".into()]
        },
        ..Default::default()
    }
    .validate()
    .unwrap()
}

fn audit() -> NewAuditEntry {
    NewAuditEntry::new("person.created", "person", "-")
}

async fn add(store: &Store, p: NewPerson) {
    store.people().create(&p, None, audit()).await.unwrap();
}

fn names(
    page: &corridor_store::directory::Page<corridor_store::directory::StoredPerson>,
) -> Vec<String> {
    page.items
        .iter()
        .map(|p| p.person.details.name.to_string())
        .collect()
}

async fn search(store: &Store, filter: PersonFilter) -> Vec<String> {
    let filter = PersonFilter {
        limit: 50,
        ..filter
    };
    names(&store.people().search(&filter).await.unwrap())
}

backend_tests!(
    people_are_found_by_kind_country_and_expertise_but_not_in_drafts_or_as_registrants,
    |store| async move {
        let orgs = store.organisations();
        let submitted = orgs
            .create(
                &organisation("Lahore Cyber", "PK"),
                None,
                NewAuditEntry::new("organisation.created", "organisation", "-"),
            )
            .await
            .unwrap();
        let draft = VerificationRecord::default();
        let next = VerificationRecord {
            state: VerificationState::Submitted,
            ..draft.clone()
        };
        orgs.transition(
            submitted.id,
            &draft,
            &next,
            NewAuditEntry::new(
                "verification.submit",
                "organisation",
                submitted.id.to_string(),
            ),
        )
        .await
        .unwrap();
        let hidden = orgs
            .create(
                &organisation("Draft Rice", "PK"),
                None,
                NewAuditEntry::new("organisation.created", "organisation", "-"),
            )
            .await
            .unwrap();
        let us = orgs
            .create(
                &organisation("Boston Cyber", "US"),
                None,
                NewAuditEntry::new("organisation.created", "organisation", "-"),
            )
            .await
            .unwrap();
        orgs.transition(
            us.id,
            &draft,
            &next,
            NewAuditEntry::new("verification.submit", "organisation", us.id.to_string()),
        )
        .await
        .unwrap();
        add(
            &store,
            person(
                "Ayesha Official",
                "official",
                Some(submitted.id.to_string()),
                &["541512"],
            ),
        )
        .await;
        add(
            &store,
            person(
                "Bilal Expert",
                "market_expert",
                Some(submitted.id.to_string()),
                &["311212"],
            ),
        )
        .await;
        add(
            &store,
            person(
                "Carol Diplomat",
                "diplomat",
                Some(us.id.to_string()),
                &["928120"],
            ),
        )
        .await;
        add(
            &store,
            person(
                "Dawood Draft",
                "official",
                Some(hidden.id.to_string()),
                &["541512"],
            ),
        )
        .await;
        add(&store, person("Zero 100% Sure", "professional", None, &[])).await;
        let registrant = NewRegistrant {
            person: person("Erum Registrant", "official", None, &["541512"]),
            country: Some(CountryCode::parse("PK").unwrap()),
            registered_at: Utc::now(),
        };
        store
            .privacy()
            .create_event_registrant(&registrant, audit())
            .await
            .unwrap();

        assert_eq!(
            search(&store, PersonFilter::default()).await,
            [
                "Ayesha Official",
                "Bilal Expert",
                "Carol Diplomat",
                "Zero 100% Sure"
            ],
            "drafts' people and event registrants are not listed"
        );
        let with_drafts = PersonFilter {
            include_drafts: true,
            ..Default::default()
        };
        assert!(
            search(&store, with_drafts)
                .await
                .contains(&"Dawood Draft".to_owned())
        );
        let officials = PersonFilter {
            kind: Some(PersonKind::parse("official").unwrap()),
            ..Default::default()
        };
        assert_eq!(search(&store, officials).await, ["Ayesha Official"]);
        let in_us = PersonFilter {
            country: Some(CountryCode::parse("US").unwrap()),
            ..Default::default()
        };
        assert_eq!(search(&store, in_us).await, ["Carol Diplomat"]);
        let computing = PersonFilter {
            industry_prefix: Some("5415".into()),
            ..Default::default()
        };
        assert_eq!(search(&store, computing).await, ["Ayesha Official"]);
        let rice = PersonFilter {
            product: Some(HsCode::parse("1006").unwrap()),
            ..Default::default()
        };
        assert_eq!(search(&store, rice).await.len(), 3);
        let percent = PersonFilter {
            name: Some("100%".into()),
            ..Default::default()
        };
        assert_eq!(search(&store, percent).await, ["Zero 100% Sure"]);
        let wildcard = PersonFilter {
            name: Some("_".into()),
            ..Default::default()
        };
        assert!(
            search(&store, wildcard).await.is_empty(),
            "_ is not a wildcard"
        );

        let second_page = PersonFilter {
            limit: 2,
            offset: 2,
            ..Default::default()
        };
        let page = store.people().search(&second_page).await.unwrap();
        assert_eq!(page.total, 4);
        assert_eq!(names(&page), ["Carol Diplomat", "Zero 100% Sure"]);
    }
);
