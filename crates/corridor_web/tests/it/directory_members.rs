//! Members through the API and the page: the owner adds a colleague as staff, the colleague sees
//! the list but cannot change it, the last owner cannot be removed, removing needs the CSRF token.

use corridor_app::actor::Role;

use crate::helpers::TestApp;
use crate::on_both_backends;

async fn owner_adds_and_removes_a_colleague(app: TestApp) {
    let owner = app.login_as(Role::Member).await;
    let colleague = app.login_as(Role::Member).await;
    let created = owner
        .post_form(
            "/directory/new",
            &[
                ("kind", "company"),
                ("legal_name", "Sialkot Steel Works"),
                ("country", "PK"),
            ],
        )
        .await;
    assert_eq!(created.status(), 303);
    let profile = created.headers()["location"].to_str().unwrap().to_owned();
    let id = profile.trim_start_matches("/organisations/").to_owned();
    let profile_page = owner.get(&profile).await.text().await.unwrap();
    assert!(
        profile_page.contains(&format!("{profile}/members")),
        "{profile_page}"
    );

    // By the page form, as staff.
    let page = owner
        .get(&format!("{profile}/members"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Add a colleague"), "{page}");
    let added = owner
        .post_form(
            &format!("{profile}/members"),
            &[
                ("email", colleague.account.email.as_str()),
                ("role", "staff"),
            ],
        )
        .await;
    assert_eq!(added.status(), 303);
    let seen = colleague
        .get(&format!("{profile}/members"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        seen.contains(colleague.account.email.as_str()) && seen.contains("<td>staff</td>"),
        "{seen}"
    );
    assert!(
        !seen.contains("Add a colleague"),
        "staff do not manage members: {seen}"
    );
    let unknown = owner
        .post_form(
            &format!("{profile}/members"),
            &[("email", "nobody@corridor.test"), ("role", "staff")],
        )
        .await;
    assert_eq!(unknown.status(), 422);
    assert!(
        unknown
            .text()
            .await
            .unwrap()
            .contains(r#"data-field="email""#)
    );

    // By the API: the list, a refusal for staff, the last owner kept, removal.
    let (status, _) = app
        .get_json(&format!("/api/v1/organisations/{id}/members"))
        .await;
    assert_eq!(status, 401);
    let list: serde_json::Value = owner
        .get(&format!("/api/v1/organisations/{id}/members"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 2, "{list}");
    assert_eq!(list[0]["role"], "owner");
    let by_staff = colleague
        .post_json(
            &format!("/api/v1/organisations/{id}/members"),
            &serde_json::json!({ "email": colleague.account.email.as_str(), "role": "owner" }),
        )
        .await;
    assert_eq!(by_staff.status(), 403);
    let owner_id = list[0]["account"].as_str().unwrap().to_owned();
    let colleague_id = list[1]["account"].as_str().unwrap().to_owned();
    let delete = |who: &crate::helpers::LoggedIn, account: &str, csrf: bool| {
        let mut request = who
            .client
            .delete(who.url(&format!("/api/v1/organisations/{id}/members/{account}")));
        if csrf {
            request = request.header("x-csrf-token", &who.csrf);
        }
        request.send()
    };
    assert_eq!(delete(&owner, &owner_id, true).await.unwrap().status(), 409);
    assert_eq!(
        delete(&owner, &colleague_id, false).await.unwrap().status(),
        403
    );
    assert_eq!(
        delete(&owner, &colleague_id, true).await.unwrap().status(),
        204
    );
    let after: serde_json::Value = owner
        .get(&format!("/api/v1/organisations/{id}/members"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(after.as_array().unwrap().len(), 1, "{after}");
}
on_both_backends!(
    an_owner_adds_and_removes_a_colleague,
    owner_adds_and_removes_a_colleague
);
