//! The verification workflow end to end with its audit trail, the appeal going to a different
//! organiser, unknown codes refused by name, and imports that store all or nothing.

use chrono::{Days, Utc};
use corridor_app::directory::import::{ImportFormat, import_organisations};
use corridor_app::directory::verification::{ReviewQuery, act, review_queue};
use corridor_app::directory::{DirectoryError, organisations};
use corridor_domain::directory::{OrganisationId, VerificationAction as A, VerificationState};
use corridor_store::{AuditEntry, backend_tests};

use crate::directory_support::{app, cast, rice_exporter, step};

/// The organisation's audit trail, oldest first, as `(action, from, to, actor, reason)`.
async fn trail(app: &corridor_app::App, id: OrganisationId) -> Vec<AuditEntry> {
    let mut entries = app
        .store
        .audit()
        .list_for_subject("organisation", &id.to_string(), 100, 0)
        .await
        .unwrap();
    entries.reverse();
    // Membership changes of the test's cast are not verification steps.
    entries.retain(|e| !e.action.starts_with("membership."));
    entries
}

fn steps(entries: &[AuditEntry]) -> Vec<(String, Option<String>, Option<String>)> {
    entries
        .iter()
        .map(|e| (e.action.clone(), e.from_state.clone(), e.to_state.clone()))
        .collect()
}

fn row(action: &str, from: Option<&str>, to: &str) -> (String, Option<String>, Option<String>) {
    (
        action.to_owned(),
        from.map(str::to_owned),
        Some(to.to_owned()),
    )
}

backend_tests!(
    a_full_verification_cycle_leaves_an_audit_entry_for_every_step,
    |store| async move {
        let test = app(store);
        let cast = cast(&test.app, "").await;
        let (app, id) = (&test.app, cast.organisation.id);
        let next_year = Utc::now()
            .date_naive()
            .checked_add_days(Days::new(365))
            .unwrap();
        step(app, &cast.owner, id, A::Submit).await;
        step(app, &cast.organiser, id, A::StartReview).await;
        step(
            app,
            &cast.organiser,
            id,
            A::RequestInfo {
                reason: "Upload the SECP certificate".into(),
            },
        )
        .await;
        step(app, &cast.owner, id, A::ProvideInfo).await;
        step(
            app,
            &cast.organiser,
            id,
            A::Approve {
                valid_until: next_year,
            },
        )
        .await;
        step(
            app,
            &cast.admin,
            id,
            A::Suspend {
                reason: "Complaint under investigation".into(),
            },
        )
        .await;
        step(app, &cast.admin, id, A::Reinstate).await;

        let entries = trail(app, id).await;
        assert_eq!(
            steps(&entries),
            [
                row("organisation.created", None, "draft"),
                row("verification.submit", Some("draft"), "submitted"),
                row(
                    "verification.start_review",
                    Some("submitted"),
                    "under_review"
                ),
                row(
                    "verification.request_info",
                    Some("under_review"),
                    "needs_info"
                ),
                row(
                    "verification.provide_info",
                    Some("needs_info"),
                    "under_review"
                ),
                row("verification.approve", Some("under_review"), "verified"),
                row("verification.suspend", Some("verified"), "suspended"),
                row("verification.reinstate", Some("suspended"), "verified"),
            ]
        );
        let who: Vec<Option<String>> = entries.iter().map(|e| e.actor.clone()).collect();
        let (owner, organiser, admin) = (
            Some(cast.owner.account.to_string()),
            Some(cast.organiser.account.to_string()),
            Some(cast.admin.account.to_string()),
        );
        assert_eq!(
            who,
            [
                owner.clone(),
                owner.clone(),
                organiser.clone(),
                organiser.clone(),
                owner,
                organiser,
                admin.clone(),
                admin
            ]
        );
        assert_eq!(
            entries[3].reason.as_deref(),
            Some("Upload the SECP certificate")
        );
        assert_eq!(
            entries[6].reason.as_deref(),
            Some("Complaint under investigation")
        );
        assert!(
            entries
                .windows(2)
                .all(|w| w[0].occurred_at <= w[1].occurred_at),
            "entries carry when"
        );

        let profile = organisations::organisation_profile(app, None, id)
            .await
            .unwrap();
        assert!(profile.verified(), "the badge is back after reinstatement");
    }
);

backend_tests!(
    an_appeal_is_decided_by_a_different_organiser_and_hidden_from_the_one_who_rejected,
    |store| async move {
        let test = app(store);
        let cast = cast(&test.app, "").await;
        let (app, id) = (&test.app, cast.organisation.id);
        step(app, &cast.owner, id, A::Submit).await;
        step(app, &cast.organiser, id, A::StartReview).await;
        step(
            app,
            &cast.organiser,
            id,
            A::Reject {
                reason: "Registration number does not match".into(),
            },
        )
        .await;
        step(
            app,
            &cast.owner,
            id,
            A::Appeal {
                statement: "The number was updated in 2025".into(),
            },
        )
        .await;

        let everything = ReviewQuery::default();
        let queue = |who| review_queue(app, Some(who), &everything);
        let rejecter_sees: Vec<OrganisationId> = queue(&cast.organiser)
            .await
            .unwrap()
            .items
            .iter()
            .map(|o| o.id)
            .collect();
        assert!(
            !rejecter_sees.contains(&id),
            "the appeal is not offered to the organiser who rejected"
        );
        let other_sees: Vec<OrganisationId> = queue(&cast.second_organiser)
            .await
            .unwrap()
            .items
            .iter()
            .map(|o| o.id)
            .collect();
        assert!(other_sees.contains(&id));

        let same = act(
            app,
            Some(&cast.organiser),
            id,
            A::Approve {
                valid_until: tomorrow_plus(300),
            },
        )
        .await;
        assert!(
            matches!(same, Err(DirectoryError::Forbidden(_))),
            "{same:?}"
        );
        step(
            app,
            &cast.second_organiser,
            id,
            A::Approve {
                valid_until: tomorrow_plus(300),
            },
        )
        .await;

        let entries = trail(app, id).await;
        let last = entries.last().unwrap();
        assert_eq!(last.action, "verification.approve");
        assert_eq!(last.actor, Some(cast.second_organiser.account.to_string()));
        let appeal = entries
            .iter()
            .find(|e| e.action == "verification.appeal")
            .unwrap();
        assert_eq!(
            (appeal.from_state.as_deref(), appeal.to_state.as_deref()),
            (Some("rejected"), Some("under_review"))
        );
        assert_eq!(
            appeal.reason.as_deref(),
            Some("The number was updated in 2025")
        );
        let again = act(
            app,
            Some(&cast.owner),
            id,
            A::Appeal {
                statement: "again".into(),
            },
        )
        .await;
        assert!(
            matches!(again, Err(DirectoryError::Conflict(_))),
            "only rejected applications are appealed: {again:?}"
        );
    }
);

fn tomorrow_plus(days: u64) -> chrono::NaiveDate {
    Utc::now()
        .date_naive()
        .checked_add_days(Days::new(days + 1))
        .unwrap()
}

backend_tests!(
    review_queue_filters_by_state_country_and_kind_and_is_for_staff_only,
    |store| async move {
        let test = app(store);
        let cast = cast(&test.app, "").await;
        let app = &test.app;
        step(app, &cast.owner, cast.organisation.id, A::Submit).await;
        let query = |state: &str, country: &str| ReviewQuery {
            state: Some(state.into()),
            country: Some(country.into()),
            kind: Some("company".into()),
            ..Default::default()
        };
        let found = review_queue(app, Some(&cast.organiser), &query("submitted", "PK"))
            .await
            .unwrap();
        assert_eq!(found.items.len(), 1);
        assert!(
            review_queue(app, Some(&cast.organiser), &query("submitted", "US"))
                .await
                .unwrap()
                .items
                .is_empty()
        );
        assert!(
            review_queue(app, Some(&cast.organiser), &query("verified", "PK"))
                .await
                .unwrap()
                .items
                .is_empty()
        );
        let bad = review_queue(app, Some(&cast.organiser), &query("pending", "PK"))
            .await
            .unwrap_err();
        assert!(
            matches!(&bad, DirectoryError::Invalid(e) if e.get("state").is_some()),
            "{bad:?}"
        );
        let member = review_queue(app, Some(&cast.owner), &ReviewQuery::default()).await;
        assert!(matches!(member, Err(DirectoryError::Forbidden(_))));
    }
);

backend_tests!(
    unknown_hs_and_naics_codes_are_rejected_naming_field_and_code,
    |store| async move {
        let test = app(store);
        let cast = cast(&test.app, "").await;
        let mut input = rice_exporter("Code Checkers");
        input.exports = vec!["1006".into(), "999999".into()];
        input.industries = vec!["999999".into()];
        let Err(DirectoryError::Invalid(errors)) =
            organisations::create_organisation(&test.app, Some(&cast.owner), &input).await
        else {
            panic!("unknown codes must be refused");
        };
        let exports = errors
            .get("exports[1]")
            .expect("the bad export is named by position");
        assert!(
            exports.contains("999999") && exports.contains("HS"),
            "{exports}"
        );
        let industries = errors.get("industries[0]").unwrap();
        assert!(
            industries.contains("999999") && industries.contains("NAICS"),
            "{industries}"
        );
    }
);

const GOOD_AND_BAD: &str = "kind,legal_name,country,exports\n\
company,Good Rice Ltd,PK,1006\n\
company,Bad Codes Ltd,PK,999999\n";

backend_tests!(
    a_rejected_import_leaves_the_database_unchanged,
    |store| async move {
        let test = app(store);
        let cast = cast(&test.app, "").await;
        let app = &test.app;
        let (orgs_before, audit_before) = (
            app.store.organisations().count().await.unwrap(),
            app.store.audit().count().await.unwrap(),
        );
        let result = import_organisations(
            app,
            Some(&cast.organiser),
            GOOD_AND_BAD.as_bytes(),
            ImportFormat::Csv,
        )
        .await;
        let Err(DirectoryError::Import(errors)) = result else {
            panic!("the file must be rejected: {result:?}")
        };
        assert_eq!(errors.lines().len(), 1);
        assert!(
            errors.lines()[0].starts_with("line 3, column exports[0]: "),
            "{errors}"
        );
        assert_eq!(
            app.store.organisations().count().await.unwrap(),
            orgs_before
        );
        assert_eq!(app.store.audit().count().await.unwrap(), audit_before);

        // Valid on its own, but one name is already registered: still nothing stored.
        let clash = format!(
            "kind,legal_name,country\ncompany,New Rice Ltd,PK\ncompany,{},PK\n",
            cast.organisation.details.legal_name
        );
        let result = import_organisations(
            app,
            Some(&cast.organiser),
            clash.as_bytes(),
            ImportFormat::Csv,
        )
        .await;
        assert!(
            matches!(result, Err(DirectoryError::Import(_))),
            "{result:?}"
        );
        assert_eq!(
            app.store.organisations().count().await.unwrap(),
            orgs_before
        );

        let good = "kind,legal_name,country\ncompany,New Rice Ltd,PK\nchamber,Lahore Chamber,PK\n";
        let denied =
            import_organisations(app, Some(&cast.owner), good.as_bytes(), ImportFormat::Csv).await;
        assert!(
            matches!(denied, Err(DirectoryError::Forbidden(_))),
            "members do not import"
        );
        let ids = import_organisations(
            app,
            Some(&cast.organiser),
            good.as_bytes(),
            ImportFormat::Csv,
        )
        .await
        .unwrap();
        assert_eq!(ids.len(), 2);
        assert_eq!(
            app.store.organisations().count().await.unwrap(),
            orgs_before + 2
        );
        let imported = app
            .store
            .organisations()
            .get(ids[0])
            .await
            .unwrap()
            .unwrap();
        assert_eq!(imported.verification.state, VerificationState::Draft);
    }
);
