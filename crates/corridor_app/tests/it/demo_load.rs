//! `corridor serve --demo` loads the demo corridor into an empty database: everything in the
//! dataset, in the verification states it asks for, reached through the workflow, once.

use std::collections::BTreeMap;

use chrono::{Datelike, Utc};
use corridor_app::auth::password;
use corridor_app::demo::{DEMO_PASSWORD, LoadOutcome, dataset, load};
use corridor_app::mail::Outbox;
use corridor_domain::directory::{Email, VerificationState};
use corridor_store::backend_tests;
use corridor_store::directory::OrganisationFilter;

use crate::directory_support::app;

async fn stored_states(app: &corridor_app::App) -> BTreeMap<String, usize> {
    let mut states = BTreeMap::new();
    let mut offset = 0;
    loop {
        let filter = OrganisationFilter {
            limit: 100,
            offset,
            ..Default::default()
        };
        let page = app.store.organisations().search(&filter).await.unwrap();
        if page.items.is_empty() {
            return states;
        }
        for o in &page.items {
            *states
                .entry(o.verification.state.as_str().to_owned())
                .or_default() += 1;
        }
        offset += 100;
    }
}

backend_tests!(
    the_demo_loads_into_an_empty_database_once_in_the_states_it_asks_for,
    |store| async move {
        let test = app(store);
        let app = &test.app;
        let data = dataset(Utc::now().year());

        let outcome = load(app).await.unwrap();
        assert_eq!(
            outcome,
            LoadOutcome::Loaded {
                organisations: data.organisations.len(),
                people: data.people.len(),
                accounts: data.accounts.len(),
            }
        );
        assert_eq!(
            app.store.organisations().count().await.unwrap(),
            data.organisations.len() as u64
        );
        assert_eq!(
            app.store.people().count().await.unwrap(),
            data.people.len() as u64
        );

        let mut wanted = BTreeMap::new();
        for o in &data.organisations {
            *wanted
                .entry(o.verification.as_str().to_owned())
                .or_insert(0usize) += 1;
        }
        assert_eq!(stored_states(app).await, wanted);
        assert!(wanted.len() >= 6, "the demo shows most states: {wanted:?}");

        // The organiser of the README walkthrough can sign in with the demo password.
        let organiser = Email::parse("organiser.islamabad@example.org").unwrap();
        let (account, hash) = app
            .store
            .accounts()
            .credentials(&organiser)
            .await
            .unwrap()
            .expect("the demo organiser exists");
        assert!(password::verify(DEMO_PASSWORD, Some(hash)).await.unwrap());
        assert_eq!(account.role.as_str(), "organiser");

        // A walkthrough member owns its organisation.
        let amina = Email::parse("amina.rahman@example.com").unwrap();
        let (amina, _) = app
            .store
            .accounts()
            .credentials(&amina)
            .await
            .unwrap()
            .unwrap();
        let memberships = app.store.memberships().of_account(amina.id).await.unwrap();
        assert_eq!(memberships.len(), 1, "{memberships:?}");

        // A verified organisation got there through submit, review and approval.
        let filter = OrganisationFilter {
            states: vec![VerificationState::Expired],
            limit: 1,
            ..Default::default()
        };
        let expired = app.store.organisations().search(&filter).await.unwrap();
        let expired = &expired.items[0];
        let trail: Vec<String> = app
            .store
            .audit()
            .list_for_subject("organisation", &expired.id.to_string(), 20, 0)
            .await
            .unwrap()
            .into_iter()
            .rev()
            .map(|e| e.action)
            .collect();
        assert_eq!(
            trail,
            [
                "organisation.created",
                "verification.submit",
                "verification.start_review",
                "verification.approve",
                "verification.expire"
            ]
        );
        assert!(
            expired.verification.valid_until.unwrap() < Utc::now().date_naive(),
            "an expired verification's validity has ended"
        );

        // Replayed history sends no mail.
        let outbox = Outbox::new(app.config.mail.outbox_dir.clone());
        assert!(outbox.messages().unwrap_or_default().is_empty());

        // A second start finds the data and writes nothing.
        assert_eq!(load(app).await.unwrap(), LoadOutcome::AlreadyPopulated);
        assert_eq!(
            app.store.organisations().count().await.unwrap(),
            data.organisations.len() as u64
        );
    }
);
