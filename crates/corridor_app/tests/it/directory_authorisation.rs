//! Each role allowed or refused on every private read and every write of the directory, as a
//! table, on both backends. The table mirrors the one in `corridor_app::directory::access`.

use corridor_app::actor::CurrentUser;
use corridor_app::directory::evidence::{EvidenceInput, add_evidence};
use corridor_app::directory::people::person_profile;
use corridor_app::directory::verification::{act, organisation_evidence};
use corridor_app::directory::{DirectoryError, organisations};
use corridor_domain::directory::VerificationAction;
use corridor_store::backend_tests;

use crate::directory_support::{Cast, app, cast, rice_exporter, step};

#[derive(Debug, Clone, Copy)]
enum Who {
    Visitor,
    OtherMember,
    Staff,
    Owner,
    Organiser,
    Admin,
}

const EVERYONE: [Who; 6] = [
    Who::Visitor,
    Who::OtherMember,
    Who::Staff,
    Who::Owner,
    Who::Organiser,
    Who::Admin,
];

fn caller(cast: &Cast, who: Who) -> Option<&CurrentUser> {
    match who {
        Who::Visitor => None,
        Who::OtherMember => Some(&cast.other_member),
        Who::Staff => Some(&cast.staff),
        Who::Owner => Some(&cast.owner),
        Who::Organiser => Some(&cast.organiser),
        Who::Admin => Some(&cast.admin),
    }
}

#[derive(Debug, Clone, Copy)]
enum Op {
    ReadContactDetails,
    ReadAuditLog,
    ReadDraftProfile,
    ReadSubmittedProfile,
    ReadEvidence,
    EditProfile,
    AddEvidence,
    Submit,
    StartReview,
}

/// Allowed for: visitor, other member, staff of the org, owner, organiser, admin.
const TABLE: [(Op, [bool; 6]); 9] = [
    (
        Op::ReadContactDetails,
        [false, false, false, true, true, true],
    ),
    (Op::ReadAuditLog, [false, false, false, true, true, true]),
    (Op::ReadDraftProfile, [false, false, true, true, true, true]),
    (
        Op::ReadSubmittedProfile,
        [true, true, true, true, true, true],
    ),
    (Op::ReadEvidence, [false, false, false, true, true, true]),
    (Op::EditProfile, [false, false, true, true, false, true]),
    (Op::AddEvidence, [false, false, false, true, false, false]),
    (Op::Submit, [false, false, false, true, false, false]),
    (Op::StartReview, [false, false, false, false, true, true]),
];

/// Runs `op` as `who`: `Ok(true)` allowed, `Ok(false)` refused; other errors fail the test.
async fn attempt(app: &corridor_app::App, cast: &Cast, who: Who, op: Op) -> bool {
    let user = caller(cast, who);
    let id = cast.organisation.id;
    let result: Result<(), DirectoryError> = match op {
        Op::ReadContactDetails => {
            // Published, so that only the contact rule decides.
            step(app, &cast.owner, id, VerificationAction::Submit).await;
            let seen = person_profile(app, user, cast.person).await.unwrap();
            return seen.contact.is_some();
        }
        Op::ReadAuditLog => organisations::organisation_audit_log(app, user, id)
            .await
            .map(drop),
        Op::ReadDraftProfile => organisations::organisation_profile(app, user, id)
            .await
            .map(drop),
        Op::ReadSubmittedProfile => {
            step(app, &cast.owner, id, VerificationAction::Submit).await;
            organisations::organisation_profile(app, user, id)
                .await
                .map(drop)
        }
        Op::ReadEvidence => organisation_evidence(app, user, id).await.map(drop),
        Op::EditProfile => {
            let mut input = rice_exporter(cast.organisation.details.legal_name.as_str());
            input.city = "Lahore".into();
            organisations::edit_organisation(app, user, id, &input)
                .await
                .map(drop)
        }
        Op::AddEvidence => add_evidence(
            app,
            user,
            id,
            EvidenceInput::TaxNumber("NTN-7654321".into()),
        )
        .await
        .map(drop),
        Op::Submit => act(app, user, id, VerificationAction::Submit)
            .await
            .map(drop),
        Op::StartReview => {
            step(app, &cast.owner, id, VerificationAction::Submit).await;
            act(app, user, id, VerificationAction::StartReview)
                .await
                .map(drop)
        }
    };
    match result {
        Ok(()) => true,
        Err(
            DirectoryError::SignInRequired(_)
            | DirectoryError::Forbidden(_)
            | DirectoryError::NotFound(_),
        ) => false,
        Err(other) => panic!("{op:?} as {who:?} failed unexpectedly: {other}"),
    }
}

backend_tests!(
    each_role_is_allowed_or_refused_as_the_table_says,
    |store| async move {
        let test = app(store);
        let mut wrong = Vec::new();
        for (row, (op, expected)) in TABLE.iter().enumerate() {
            for (column, who) in EVERYONE.iter().enumerate() {
                // A fresh organisation per cell: writes must not see each other's effects.
                let cast = cast(&test.app, &format!("{row}x{column}")).await;
                let allowed = attempt(&test.app, &cast, *who, *op).await;
                if allowed != expected[column] {
                    wrong.push(format!(
                        "{op:?} as {who:?}: allowed = {allowed}, expected {}",
                        expected[column]
                    ));
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "authorisation table violated:\n{}",
            wrong.join("\n")
        );
    }
);

backend_tests!(
    a_visitor_is_asked_to_sign_in_and_a_member_is_forbidden,
    |store| async move {
        let test = app(store);
        let cast = cast(&test.app, "").await;
        let id = cast.organisation.id;
        // Published: a draft would be "not found" to both.
        step(&test.app, &cast.owner, id, VerificationAction::Submit).await;
        let visitor = organisations::organisation_audit_log(&test.app, None, id).await;
        assert!(
            matches!(visitor, Err(DirectoryError::SignInRequired(_))),
            "{visitor:?}"
        );
        let staff = organisations::organisation_audit_log(&test.app, Some(&cast.staff), id).await;
        assert!(
            matches!(staff, Err(DirectoryError::Forbidden(_))),
            "{staff:?}"
        );
    }
);

backend_tests!(
    a_person_linked_to_an_account_sees_their_own_contact_details,
    |store| async move {
        use corridor_domain::directory::PersonInput;
        let test = app(store);
        let cast = cast(&test.app, "").await;
        let details = PersonInput {
            name: "Bilal Khan".into(),
            kind: "professional".into(),
            email: "bilal@example.pk".into(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        let audit = corridor_store::NewAuditEntry::new("person.created", "person", "-");
        let person = test
            .app
            .store
            .people()
            .create(&details, Some(cast.other_member.account), audit)
            .await
            .unwrap();
        let own = person_profile(&test.app, Some(&cast.other_member), person.id)
            .await
            .unwrap();
        assert_eq!(
            own.contact.unwrap().email.unwrap().as_str(),
            "bilal@example.pk"
        );
        let someone = person_profile(&test.app, Some(&cast.staff), person.id)
            .await
            .unwrap();
        assert_eq!(someone.contact, None);
        assert!(
            someone.person.details.contact.email.is_none(),
            "hidden details are not carried along"
        );
    }
);

backend_tests!(
    an_organiser_who_belongs_to_an_organisation_may_not_review_it,
    |store| async move {
        let test = app(store);
        let cast = cast(&test.app, "").await;
        let id = cast.organisation.id;
        let added =
            corridor_store::NewAuditEntry::new("membership.added", "organisation", id.to_string());
        let staff_role = corridor_store::directory::MemberRole::Staff;
        test.app
            .store
            .memberships()
            .put(cast.organiser.account, id, staff_role, added)
            .await
            .unwrap();
        step(&test.app, &cast.owner, id, VerificationAction::Submit).await;
        let review = act(
            &test.app,
            Some(&cast.organiser),
            id,
            VerificationAction::StartReview,
        )
        .await;
        assert!(
            matches!(review, Err(DirectoryError::Forbidden(_))),
            "{review:?}"
        );
    }
);
