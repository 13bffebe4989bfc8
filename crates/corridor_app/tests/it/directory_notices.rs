//! Each verification step sends a notice to the organisation's owners through the mail outbox,
//! saying what changed, why, and what to do next.

use chrono::{Days, Utc};
use corridor_app::mail::Outbox;
use corridor_domain::directory::VerificationAction as A;
use corridor_store::backend_tests;

use crate::directory_support::{app, cast, step};

backend_tests!(
    every_verification_step_mails_the_owners_and_nobody_else,
    |store| async move {
        let test = app(store);
        let cast = cast(&test.app, "").await;
        let (app, id) = (&test.app, cast.organisation.id);
        let outbox = Outbox::new(app.config.mail.outbox_dir.clone());
        let to_owner = || outbox.messages_to(&cast.owner.email).unwrap_or_default();

        step(app, &cast.owner, id, A::Submit).await;
        step(app, &cast.organiser, id, A::StartReview).await;
        let reason = "Upload the SECP certificate of incorporation";
        step(
            app,
            &cast.organiser,
            id,
            A::RequestInfo {
                reason: reason.into(),
            },
        )
        .await;
        step(app, &cast.owner, id, A::ProvideInfo).await;
        let valid_until = Utc::now()
            .date_naive()
            .checked_add_days(Days::new(365))
            .unwrap();
        step(app, &cast.organiser, id, A::Approve { valid_until }).await;

        let mut mails = to_owner();
        mails.sort_by(|a, b| a.file.cmp(&b.file));
        let subjects: Vec<&str> = mails.iter().map(|m| m.subject.as_str()).collect();
        assert_eq!(subjects.len(), 5, "one notice per step: {subjects:?}");
        for to in ["submitted", "under review", "needs info", "verified"] {
            assert!(
                subjects
                    .iter()
                    .any(|s| s.ends_with(&format!("verification {to}"))),
                "a notice for {to}: {subjects:?}"
            );
        }
        let info = mails
            .iter()
            .find(|m| m.subject.ends_with("needs info"))
            .unwrap();
        assert!(info.body.contains(reason), "{}", info.body);
        assert!(
            info.body
                .contains("from \"under review\" to \"needs info\""),
            "{}",
            info.body
        );
        assert!(
            info.body.contains(&format!("/organisations/{id}")),
            "the notice links to the organisation: {}",
            info.body
        );
        assert!(info.body.contains("Indus Rice"), "{}", info.body);

        // Staff members and reviewers are not owners: no notice for them.
        for other in [&cast.staff, &cast.organiser, &cast.other_member] {
            assert!(
                outbox
                    .messages_to(&other.email)
                    .unwrap_or_default()
                    .is_empty(),
                "{} got mail",
                other.email
            );
        }
    }
);
