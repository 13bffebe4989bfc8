//! The directory's storage, on both backends: organisations with their codes, the code index,
//! memberships, people with private contacts, verification transitions and evidence.

use corridor_domain::codes::{CountryCode, HsCode};
use corridor_domain::directory::{
    AccountId, Email, NewOrganisation, NewPerson, OrganisationInput, PersonInput,
    VerificationRecord, VerificationState,
};
use corridor_store::accounts::{AccountRole, NewAccount};
use corridor_store::directory::{
    DocumentMeta, EvidenceItem, MemberRole, OrganisationFilter, ProductFlow,
};
use corridor_store::{NewAuditEntry, Store, backend_tests};

fn organisation(
    name: &str,
    country: &str,
    exports: &[&str],
    industries: &[&str],
) -> NewOrganisation {
    OrganisationInput {
        kind: "company".into(),
        legal_name: name.into(),
        country: country.into(),
        exports: exports.iter().map(|s| s.to_string()).collect(),
        industries: industries.iter().map(|s| s.to_string()).collect(),
        languages: vec!["ur".into(), "en".into()],
        certifications: vec!["Halal".into()],
        year_founded: "1998".into(),
        ..Default::default()
    }
    .validate(2026)
    .unwrap()
}

fn created() -> NewAuditEntry {
    NewAuditEntry::new("organisation.created", "organisation", "-")
}

async fn account(store: &Store, email: &str) -> AccountId {
    let new = NewAccount {
        email: Email::parse(email).unwrap(),
        display_name: email.into(),
        password_hash: "$argon2id$test".into(),
        role: AccountRole::Member,
    };
    store.accounts().create(new).await.unwrap().id
}

fn listing() -> OrganisationFilter {
    OrganisationFilter {
        limit: 50,
        ..Default::default()
    }
}

backend_tests!(
    an_organisation_comes_back_as_it_was_stored_with_its_codes_in_order,
    |store| async move {
        let details = organisation(
            "Indus Basmati Exports",
            "PK",
            &["100630", "1006"],
            &["311212", "42"],
        );
        let created = store
            .organisations()
            .create(&details, None, created())
            .await
            .unwrap();
        let loaded = store
            .organisations()
            .get(created.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(loaded.details, details);
        assert_eq!(
            loaded.verification,
            VerificationRecord::default(),
            "a new organisation is a draft"
        );
        let audit = store
            .audit()
            .list_for_subject("organisation", &created.id.to_string(), 10, 0)
            .await
            .unwrap();
        assert_eq!(
            audit.len(),
            1,
            "creation is audited in the same transaction"
        );
    }
);

backend_tests!(
    who_exports_hs_1006_finds_exporters_of_the_heading_and_its_subheadings,
    |store| async move {
        let orgs = store.organisations();
        let rice = orgs
            .create(
                &organisation("Rice Heading", "PK", &["1006"], &[]),
                None,
                created(),
            )
            .await
            .unwrap();
        let basmati = orgs
            .create(
                &organisation("Basmati Mill", "PK", &["100630"], &[]),
                None,
                created(),
            )
            .await
            .unwrap();
        orgs.create(
            &organisation("Cotton Co", "PK", &["5201"], &[]),
            None,
            created(),
        )
        .await
        .unwrap();

        let mut exporters = orgs.exporters_of("1006").await.unwrap();
        exporters.sort();
        let mut expected = vec![rice.id, basmati.id];
        expected.sort();
        assert_eq!(exporters, expected);

        // Asking for the subheading also finds whoever exports the whole heading.
        let filter = OrganisationFilter {
            product: Some((ProductFlow::Exports, HsCode::parse("100630").unwrap())),
            ..listing()
        };
        let found = orgs.search(&filter).await.unwrap();
        let names: Vec<String> = found
            .items
            .iter()
            .map(|o| o.details.legal_name.to_string())
            .collect();
        assert_eq!(names, ["Basmati Mill", "Rice Heading"]);
        assert_eq!(found.total, 2);
    }
);

backend_tests!(
    filters_by_country_naics_prefix_state_and_name_combine,
    |store| async move {
        let orgs = store.organisations();
        orgs.create(
            &organisation("Lahore Software", "PK", &[], &["541512"]),
            None,
            created(),
        )
        .await
        .unwrap();
        orgs.create(
            &organisation("Austin Software", "US", &[], &["541511"]),
            None,
            created(),
        )
        .await
        .unwrap();
        orgs.create(
            &organisation("Karachi Textiles", "PK", &[], &["313"]),
            None,
            created(),
        )
        .await
        .unwrap();

        let pk_it = OrganisationFilter {
            country: Some(CountryCode::parse("PK").unwrap()),
            industry_prefix: Some("54".into()),
            ..listing()
        };
        let found = orgs.search(&pk_it).await.unwrap();
        assert_eq!(found.items.len(), 1);
        assert_eq!(
            found.items[0].details.legal_name.as_str(),
            "Lahore Software"
        );

        let by_name = OrganisationFilter {
            name: Some("SOFTWARE".into()),
            ..listing()
        };
        assert_eq!(
            orgs.search(&by_name).await.unwrap().total,
            2,
            "name search ignores case"
        );

        let verified = OrganisationFilter {
            states: vec![VerificationState::Verified],
            ..listing()
        };
        assert_eq!(
            orgs.search(&verified).await.unwrap().total,
            0,
            "all are drafts"
        );

        let wildcard = OrganisationFilter {
            name: Some("%".into()),
            ..listing()
        };
        assert_eq!(
            orgs.search(&wildcard).await.unwrap().total,
            0,
            "% is a character, not a wildcard"
        );
    }
);

backend_tests!(
    the_same_legal_name_in_the_same_country_is_a_conflict,
    |store| async move {
        let orgs = store.organisations();
        orgs.create(&organisation("Acme Pvt", "PK", &[], &[]), None, created())
            .await
            .unwrap();
        let again = orgs
            .create(&organisation("ACME PVT", "PK", &[], &[]), None, created())
            .await;
        assert!(again.unwrap_err().is_conflict());
        orgs.create(&organisation("Acme Pvt", "US", &[], &[]), None, created())
            .await
            .unwrap();
    }
);

backend_tests!(
    importing_a_batch_with_one_duplicate_stores_none_of_it,
    |store| async move {
        let orgs = store.organisations();
        orgs.create(&organisation("Taken Ltd", "PK", &[], &[]), None, created())
            .await
            .unwrap();
        let audit_before = store.audit().count().await.unwrap();
        let batch = [
            organisation("Fresh One", "PK", &["1006"], &[]),
            organisation("Taken Ltd", "PK", &[], &[]),
        ];
        let result = orgs
            .create_all(&batch, |id| {
                NewAuditEntry::new("organisation.imported", "organisation", id.to_string())
            })
            .await;
        assert!(result.unwrap_err().is_conflict());
        assert_eq!(orgs.count().await.unwrap(), 1);
        assert!(
            orgs.exporters_of("1006").await.unwrap().is_empty(),
            "no code rows left behind"
        );
        assert_eq!(store.audit().count().await.unwrap(), audit_before);
    }
);

backend_tests!(
    the_creator_becomes_owner_and_staff_can_be_added,
    |store| async move {
        let owner = account(&store, "owner@example.pk").await;
        let helper = account(&store, "helper@example.pk").await;
        let org = store
            .organisations()
            .create(
                &organisation("Owned Co", "PK", &[], &[]),
                Some(owner),
                created(),
            )
            .await
            .unwrap();
        let members = store.memberships();
        members
            .put(
                helper,
                org.id,
                MemberRole::Staff,
                NewAuditEntry::new("membership.added", "organisation", org.id.to_string()),
            )
            .await
            .unwrap();
        assert_eq!(
            members.role(owner, org.id).await.unwrap(),
            Some(MemberRole::Owner)
        );
        assert_eq!(
            members.role(helper, org.id).await.unwrap(),
            Some(MemberRole::Staff)
        );
        let roles: Vec<MemberRole> = members
            .of_organisation(org.id)
            .await
            .unwrap()
            .iter()
            .map(|m| m.role)
            .collect();
        assert_eq!(
            roles,
            [MemberRole::Owner, MemberRole::Staff],
            "owners first"
        );
        assert_eq!(members.of_account(helper).await.unwrap().len(), 1);
    }
);

backend_tests!(
    a_membership_of_an_unknown_account_is_rejected,
    |store| async move {
        let org = store
            .organisations()
            .create(&organisation("Lonely Co", "PK", &[], &[]), None, created())
            .await
            .unwrap();
        let stranger: AccountId = "00000000-0000-7000-8000-00000000002a".parse().unwrap();
        let result = store
            .memberships()
            .put(stranger, org.id, MemberRole::Owner, created())
            .await;
        assert!(result.unwrap_err().is_caller_fault());
    }
);

fn person(name: &str, email: &str, organisation: Option<String>) -> NewPerson {
    PersonInput {
        name: name.into(),
        kind: "official".into(),
        organisation_id: organisation.unwrap_or_default(),
        email: email.into(),
        phone: "+92 51 920-1234".into(),
        expertise_products: vec!["52".into()],
        tags: vec!["textiles".into()],
        ..Default::default()
    }
    .validate()
    .unwrap()
}

backend_tests!(
    people_come_back_with_their_contact_details_and_codes,
    |store| async move {
        let org = store
            .organisations()
            .create(&organisation("Trade Body", "PK", &[], &[]), None, created())
            .await
            .unwrap();
        let details = person(
            "Ayesha Siddiqui",
            "ayesha@trade.gov.pk",
            Some(org.id.to_string()),
        );
        let created = store
            .people()
            .create(
                &details,
                None,
                NewAuditEntry::new("person.created", "person", "-"),
            )
            .await
            .unwrap();
        let loaded = store.people().get(created.id).await.unwrap().unwrap();
        assert_eq!(loaded.person.details, details);
        assert_eq!(loaded.account, None);
        assert_eq!(
            store.people().of_organisation(org.id).await.unwrap().len(),
            1
        );

        let same_email = person("Someone Else", "AYESHA@trade.gov.pk", None);
        let again = store
            .people()
            .create(
                &same_email,
                None,
                NewAuditEntry::new("person.created", "person", "-"),
            )
            .await;
        assert!(
            again.unwrap_err().is_conflict(),
            "one person per e-mail address"
        );
    }
);

backend_tests!(
    a_stale_transition_is_refused_and_leaves_no_audit_entry,
    |store| async move {
        let org = store
            .organisations()
            .create(&organisation("Racy Co", "PK", &[], &[]), None, created())
            .await
            .unwrap();
        let draft = VerificationRecord::default();
        let submitted = VerificationRecord {
            state: VerificationState::Submitted,
            ..draft.clone()
        };
        let step = || NewAuditEntry::new("verification.submit", "organisation", org.id.to_string());
        store
            .organisations()
            .transition(org.id, &draft, &submitted, step())
            .await
            .unwrap();
        let before = store.audit().count().await.unwrap();
        let again = store
            .organisations()
            .transition(org.id, &draft, &submitted, step())
            .await;
        assert!(again.unwrap_err().is_conflict());
        assert_eq!(store.audit().count().await.unwrap(), before);
        let loaded = store.organisations().get(org.id).await.unwrap().unwrap();
        assert_eq!(loaded.verification.state, VerificationState::Submitted);
    }
);

backend_tests!(
    evidence_is_listed_and_the_database_refuses_oversized_or_foreign_documents,
    |store| async move {
        let owner = account(&store, "registrant@example.pk").await;
        let org = store
            .organisations()
            .create(
                &organisation("Proof Co", "PK", &[], &[]),
                Some(owner),
                created(),
            )
            .await
            .unwrap();
        let orgs = store.organisations();
        let audit = || {
            NewAuditEntry::new(
                "verification.evidence_added",
                "organisation",
                org.id.to_string(),
            )
        };
        orgs.add_evidence(
            org.id,
            EvidenceItem::TaxNumber("NTN-1234567".into()),
            Some(owner),
            audit(),
        )
        .await
        .unwrap();
        let pdf = DocumentMeta {
            file_name: "registration.pdf".into(),
            content_type: "application/pdf".into(),
            size_bytes: 1234,
            sha256: "a".repeat(64),
        };
        orgs.add_evidence(
            org.id,
            EvidenceItem::Document(pdf.clone()),
            Some(owner),
            audit(),
        )
        .await
        .unwrap();
        let listed = orgs.evidence(org.id).await.unwrap();
        assert_eq!(listed.len(), 2);
        assert_eq!(listed[1].item, EvidenceItem::Document(pdf.clone()));

        let huge = DocumentMeta {
            size_bytes: 10 * 1024 * 1024 + 1,
            ..pdf.clone()
        };
        let exe = DocumentMeta {
            content_type: "application/x-msdownload".into(),
            ..pdf
        };
        for bad in [huge, exe] {
            let refused = orgs
                .add_evidence(org.id, EvidenceItem::Document(bad), Some(owner), audit())
                .await;
            assert!(refused.unwrap_err().is_caller_fault());
        }
        assert_eq!(orgs.evidence(org.id).await.unwrap().len(), 2);
    }
);
