//! Members of an organisation: owners and admins add colleagues by address and remove them; staff
//! may look and leave; nobody else may look; an organisation always keeps an owner.

use corridor_app::directory::DirectoryError;
use corridor_app::directory::members::{members, put_member, remove_member};
use corridor_store::backend_tests;
use corridor_store::directory::MemberRole;

use crate::directory_support::{app, cast};

backend_tests!(
    owners_manage_members_and_an_organisation_keeps_an_owner,
    |store| async move {
        let test = app(store);
        let cast = cast(&test.app, "").await;
        let (app, id) = (&test.app, cast.organisation.id);

        // The cast's organisation has the owner and one staff member.
        let listed = members(app, Some(&cast.owner), id).await.unwrap();
        let roles: Vec<_> = listed
            .iter()
            .map(|m| (m.display_name.as_str(), m.role))
            .collect();
        assert_eq!(
            roles,
            [("owner", MemberRole::Owner), ("staff", MemberRole::Staff)]
        );
        for who in [&cast.staff, &cast.organiser, &cast.admin] {
            assert_eq!(members(app, Some(who), id).await.unwrap().len(), 2);
        }
        // Another member cannot even see the draft organisation.
        assert!(matches!(
            members(app, Some(&cast.other_member), id).await,
            Err(DirectoryError::NotFound(_))
        ));
        assert!(matches!(
            members(app, None, id).await,
            Err(DirectoryError::SignInRequired(_))
        ));

        // Staff and organisers may not add; the owner adds a colleague as a second owner.
        for who in [&cast.staff, &cast.organiser, &cast.other_member] {
            let refused =
                put_member(app, Some(who), id, &cast.second_organiser.email, "staff").await;
            // (The other member cannot see the draft at all.)
            assert!(
                matches!(
                    refused,
                    Err(DirectoryError::Forbidden(_) | DirectoryError::NotFound(_))
                ),
                "{refused:?}"
            );
        }
        let added = put_member(
            app,
            Some(&cast.owner),
            id,
            &cast.other_member.email,
            "owner",
        )
        .await
        .unwrap();
        assert_eq!(added.role, MemberRole::Owner);
        assert_eq!(members(app, Some(&cast.owner), id).await.unwrap().len(), 3);

        // Bad input is named by field.
        for (email, role, field) in [
            ("nobody@example.org", "staff", "email"),
            ("not an address", "staff", "email"),
            (cast.staff.email.as_str(), "boss", "role"),
        ] {
            match put_member(app, Some(&cast.owner), id, email, role).await {
                Err(DirectoryError::Invalid(errors)) => assert_eq!(errors.0[0].field, field),
                other => panic!("{email} {role}: {other:?}"),
            }
        }

        // Staff may leave; the first owner may be removed while another owner remains.
        remove_member(app, Some(&cast.staff), id, cast.staff.account)
            .await
            .unwrap();
        remove_member(app, Some(&cast.other_member), id, cast.owner.account)
            .await
            .unwrap();
        // The last owner can neither be removed nor made staff.
        let last = remove_member(app, Some(&cast.admin), id, cast.other_member.account).await;
        assert!(matches!(last, Err(DirectoryError::Conflict(_))), "{last:?}");
        let demote = put_member(
            app,
            Some(&cast.admin),
            id,
            &cast.other_member.email,
            "staff",
        )
        .await;
        assert!(
            matches!(demote, Err(DirectoryError::Conflict(_))),
            "{demote:?}"
        );
        let left = members(app, Some(&cast.admin), id).await.unwrap();
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].account, cast.other_member.account);

        let actions: Vec<String> = app
            .store
            .audit()
            .list_for_subject("organisation", &id.to_string(), 50, 0)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .filter(|a| a.starts_with("membership."))
            .collect();
        assert_eq!(
            actions
                .iter()
                .filter(|a| *a == "membership.removed")
                .count(),
            2,
            "{actions:?}"
        );
    }
);
