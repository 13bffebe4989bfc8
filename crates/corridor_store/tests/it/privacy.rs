//! Privacy storage on both backends: what is read for an account's data download, and erasing an
//! account.

use chrono::{Duration, Utc};
use corridor_domain::directory::{
    AccountId, Email, NewPerson, OrganisationInput, Person, PersonInput,
};
use corridor_store::accounts::{AccountRole, NewAccount, NewSession, TokenHash};
use corridor_store::directory::MemberRole;
use corridor_store::privacy::{ErasureRequest, PersonOrigin};
use corridor_store::{NewAuditEntry, Store, backend_tests};

async fn account(store: &Store, email: &str) -> AccountId {
    let new = NewAccount {
        email: Email::parse(email).unwrap(),
        display_name: "Bilal Ahmed".into(),
        password_hash: "$argon2id$secret-hash".into(),
        role: AccountRole::Member,
    };
    store.accounts().create(new).await.unwrap().id
}

async fn session(store: &Store, account: AccountId, n: u8) {
    let now = Utc::now();
    let new = NewSession {
        token_hash: TokenHash::from_digest([n; 32]),
        account,
        csrf_secret: format!("csrf-secret-{n}"),
        created_at: now,
        expires_at: now + Duration::days(1),
    };
    store.accounts().create_session(new).await.unwrap();
}

pub fn person(name: &str, email: &str, kind: &str) -> NewPerson {
    PersonInput {
        name: name.into(),
        kind: kind.into(),
        email: email.into(),
        ..Default::default()
    }
    .validate()
    .unwrap()
}

/// A [`person`] in the directory, linked to `account` when given; `by` is the audit's actor.
pub async fn stored_person(
    store: &Store,
    person: &NewPerson,
    account: Option<AccountId>,
    by: Option<AccountId>,
) -> Person {
    let audit = NewAuditEntry::new("person.created", "person", "-");
    let audit = match by {
        Some(by) => audit.by(by.to_string()),
        None => audit,
    };
    store.people().create(person, account, audit).await.unwrap()
}

async fn organisation(
    store: &Store,
    name: &str,
    owner: Option<AccountId>,
) -> corridor_domain::directory::OrganisationId {
    let details = OrganisationInput {
        kind: "company".into(),
        legal_name: name.into(),
        country: "PK".into(),
        ..Default::default()
    }
    .validate(2026)
    .unwrap();
    let audit = NewAuditEntry::new("organisation.created", "organisation", "-");
    let audit = match owner {
        Some(owner) => audit.by(owner.to_string()),
        None => audit,
    };
    store
        .organisations()
        .create(&details, owner, audit)
        .await
        .unwrap()
        .id
}

backend_tests!(
    the_data_download_reads_only_the_accounts_own_rows_and_no_secrets,
    |store| async move {
        let me = account(&store, "bilal@indus-rice.pk").await;
        let other = account(&store, "other@indus-rice.pk").await;
        session(&store, me, 1).await;
        session(&store, other, 2).await;
        let bilal = person("Bilal Ahmed", "BILAL@indus-rice.pk", "professional");
        let mine = stored_person(&store, &bilal, None, Some(other)).await;
        let someone = person("Someone Else", "else@indus-rice.pk", "professional");
        stored_person(&store, &someone, None, None).await;
        organisation(&store, "Indus Rice", Some(me)).await;
        organisation(&store, "Other Rice", Some(other)).await;

        let privacy = store.privacy();
        let sessions = privacy.sessions_of(me).await.unwrap();
        assert_eq!(sessions.len(), 1);

        let people = privacy
            .own_people(me, &Email::parse("bilal@indus-rice.pk").unwrap())
            .await
            .unwrap();
        assert_eq!(people.len(), 1, "found by address in any case: {people:?}");
        assert_eq!(people[0].id, mine.id);
        assert_eq!(people[0].origin, PersonOrigin::Directory);
        assert!(!people[0].linked_to_account);

        let audit = privacy.audit_involving(me, &[mine.id]).await.unwrap();
        let actions: Vec<(&str, Option<&str>)> = audit
            .iter()
            .map(|e| (e.action.as_str(), e.actor.as_deref()))
            .collect();
        let me_text = me.to_string();
        let other_text = other.to_string();
        assert_eq!(
            actions,
            vec![
                ("person.created", Some(other_text.as_str())),
                ("organisation.created", Some(me_text.as_str())),
            ],
            "the entry about my person record and the one I made, not the other account's"
        );
        assert!(privacy.evidence_added_by(me).await.unwrap().is_empty());
    }
);

backend_tests!(
    erasing_an_account_removes_its_rows_and_pseudonymises_its_audit_entries,
    |store| async move {
        let me = account(&store, "owner@lahore-looms.pk").await;
        let partner = account(&store, "partner@lahore-looms.pk").await;
        session(&store, me, 3).await;
        session(&store, partner, 4).await;
        let alone = organisation(&store, "Lahore Looms", Some(me)).await;
        let shared = organisation(&store, "Shared Looms", Some(partner)).await;
        let audit = NewAuditEntry::new("membership.added", "organisation", shared.to_string());
        store
            .memberships()
            .put(me, shared, MemberRole::Owner, audit.by(partner.to_string()))
            .await
            .unwrap();
        let owner = person("Owner Person", "someone@elsewhere.pk", "professional");
        let own = stored_person(&store, &owner, Some(me), Some(me)).await;
        let again = person("Owner Again", "Owner@Lahore-Looms.pk", "professional");
        let by_address = stored_person(&store, &again, None, Some(partner)).await;
        store
            .accounts()
            .throttle_record("login:email:owner@lahore-looms.pk", Utc::now())
            .await
            .unwrap();
        let before = store.audit().count().await.unwrap();
        let mine_before = store
            .privacy()
            .audit_involving(me, &[])
            .await
            .unwrap()
            .len() as u64;

        let buckets = vec!["login:email:owner@lahore-looms.pk".to_owned()];
        let erasure = store
            .privacy()
            .erase_account(ErasureRequest {
                account: me,
                pseudonym: "deleted-account:test",
                throttle_buckets: &buckets,
                at: Utc::now(),
            })
            .await
            .unwrap();

        assert_eq!(erasure.email.as_str(), "owner@lahore-looms.pk");
        assert_eq!((erasure.sessions, erasure.memberships), (1, 2));
        let mut people = erasure.people.clone();
        people.sort();
        let mut expected = vec![own.id, by_address.id];
        expected.sort();
        assert_eq!(people, expected);
        assert_eq!(erasure.organisations_left_without_owner, vec![alone]);
        assert!(store.accounts().get(me).await.unwrap().is_none());
        assert!(store.people().get(own.id).await.unwrap().is_none());
        assert!(store.people().get(by_address.id).await.unwrap().is_none());
        assert!(
            store.organisations().get(alone).await.unwrap().is_some(),
            "the business record stays"
        );
        assert!(
            store
                .memberships()
                .of_organisation(alone)
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            store
                .memberships()
                .of_organisation(shared)
                .await
                .unwrap()
                .len(),
            1
        );
        assert_eq!(
            store
                .accounts()
                .session_count(partner, Utc::now())
                .await
                .unwrap(),
            1
        );
        let throttled = store
            .accounts()
            .throttle_window(
                "login:email:owner@lahore-looms.pk",
                Utc::now() - Duration::hours(1),
            )
            .await
            .unwrap();
        assert_eq!(throttled.count, 0);

        // Every earlier event is still there: 2 people deleted, 1 ownerless organisation, 1 account.
        assert_eq!(store.audit().count().await.unwrap(), before + 4);
        assert!(
            store
                .privacy()
                .audit_involving(me, &[])
                .await
                .unwrap()
                .is_empty(),
            "the id is gone from the log"
        );
        assert_eq!(
            store
                .privacy()
                .audit_count_by("deleted-account:test")
                .await
                .unwrap(),
            mine_before + 4
        );
        assert!(store.accounts().get(partner).await.unwrap().is_some());

        let again = store
            .privacy()
            .erase_account(ErasureRequest {
                account: me,
                pseudonym: "x",
                throttle_buckets: &[],
                at: Utc::now(),
            })
            .await;
        assert!(again.unwrap_err().is_not_found());
    }
);
