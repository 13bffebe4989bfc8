//! The directory's JSON API over the real router: registration to badge, field errors as 422,
//! private reads refused, contact details shown only where allowed, imports all or nothing.

use corridor_app::actor::Role;
use serde_json::{Value, json};

use crate::helpers::{LoggedIn, TestApp};
use crate::on_both_backends;

fn rice(name: &str) -> Value {
    json!({ "kind": "company", "legal_name": name, "country": "PK", "exports": ["1006", "100630"], "industries": ["311212"] })
}

async fn json_of(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    (status, response.json().await.expect("a JSON body"))
}

async fn register(member: &LoggedIn, name: &str) -> String {
    let (status, body) =
        json_of(member.post_json("/api/v1/organisations", &rice(name)).await).await;
    assert_eq!(status, 201, "{body}");
    body["id"].as_str().unwrap().to_owned()
}

async fn registration_ends_with_the_verified_badge(app: TestApp) {
    let member = app.login_as(Role::Member).await;
    let organiser = app.login_as(Role::Organiser).await;
    let id = register(&member, "Badge Rice Mills").await;
    let step = |who: &LoggedIn, action: &str| {
        let path = format!("/api/v1/organisations/{id}/verification/{action}");
        let client = who.client.clone();
        let (url, csrf) = (who.url(&path), who.csrf.clone());
        async move {
            client
                .post(url)
                .header("x-csrf-token", csrf)
                .json(&json!({}))
                .send()
                .await
                .unwrap()
        }
    };
    assert_eq!(step(&member, "submit").await.status(), 200);
    assert_eq!(step(&organiser, "start_review").await.status(), 200);
    let (status, body) = json_of(step(&organiser, "approve").await).await;
    assert_eq!(
        (status, &body["state"]),
        (200, &json!("verified")),
        "{body}"
    );

    let (status, list) = app
        .get_json("/api/v1/organisations?verified=true&hs=100630")
        .await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["verification"]["verified"], true);
    let (_, trail) = json_of(
        member
            .get(&format!("/api/v1/organisations/{id}/audit-log"))
            .await,
    )
    .await;
    let actions: Vec<&str> = trail["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "verification.approve",
            "verification.start_review",
            "verification.submit",
            "organisation.created"
        ]
    );
}
on_both_backends!(
    registration_ends_with_the_verified_badge_via_the_api,
    registration_ends_with_the_verified_badge
);

async fn unknown_codes_answer_422_listing_every_field(app: TestApp) {
    let member = app.login_as(Role::Member).await;
    let mut input = rice("Bad Codes Ltd");
    input["exports"] = json!(["1006", "999999"]);
    input["industries"] = json!(["999999"]);
    let (status, body) = json_of(member.post_json("/api/v1/organisations", &input).await).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["code"], "validation");
    let errors = body["error"]["errors"].as_array().unwrap();
    let fields: Vec<&str> = errors
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["industries[0]", "exports[1]"]);
    assert!(
        errors
            .iter()
            .all(|e| e["message"].as_str().unwrap().contains("999999")),
        "{body}"
    );
}
on_both_backends!(
    unknown_codes_are_rejected_with_every_field_named,
    unknown_codes_answer_422_listing_every_field
);

async fn private_reads_are_refused_by_role(app: TestApp) {
    let owner = app.login_as(Role::Member).await;
    let stranger = app.login_as(Role::Member).await;
    let organiser = app.login_as(Role::Organiser).await;
    let id = register(&owner, "Private Rice").await;
    let person = json!({ "name": "Sana Mir", "kind": "professional", "organisation_id": id, "email": "sana@private-rice.pk" });
    let (status, created) = json_of(owner.post_json("/api/v1/people", &person).await).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(
        created["contact"]["email"], "sana@private-rice.pk",
        "the owner sees contact details"
    );
    let person_path = format!("/api/v1/people/{}", created["id"].as_str().unwrap());

    // A draft is unpublished: not found for visitors and strangers.
    assert_eq!(
        app.get(&format!("/api/v1/organisations/{id}"))
            .await
            .status(),
        404
    );
    assert_eq!(
        stranger
            .get(&format!("/api/v1/organisations/{id}"))
            .await
            .status(),
        404
    );
    let submit = format!("/api/v1/organisations/{id}/verification/submit");
    assert_eq!(owner.post_json(&submit, &json!({})).await.status(), 200);

    let audit = format!("/api/v1/organisations/{id}/audit-log");
    assert_eq!(app.get(&audit).await.status(), 401);
    assert_eq!(stranger.get(&audit).await.status(), 403);
    assert_eq!(organiser.get(&audit).await.status(), 200);
    let evidence = format!("/api/v1/organisations/{id}/verification/evidence");
    assert_eq!(stranger.get(&evidence).await.status(), 403);

    let (_, seen) = app.get_json(&person_path).await;
    assert_eq!(
        seen["contact"],
        Value::Null,
        "visitors do not see contact details"
    );
    let (_, seen) = json_of(stranger.get(&person_path).await).await;
    assert_eq!(seen["contact"], Value::Null);
    let (_, seen) = json_of(organiser.get(&person_path).await).await;
    assert_eq!(seen["contact"]["email"], "sana@private-rice.pk");

    let edit = stranger
        .client
        .put(stranger.url(&format!("/api/v1/organisations/{id}")))
        .header("x-csrf-token", &stranger.csrf)
        .json(&rice("Hijacked"))
        .send()
        .await
        .unwrap();
    assert_eq!(edit.status(), 403);
    let approve = format!("/api/v1/organisations/{id}/verification/start_review");
    assert_eq!(
        owner.post_json(&approve, &json!({})).await.status(),
        403,
        "owners do not review"
    );
    let (status, queue) =
        json_of(organiser.get("/api/v1/review-queue?state=submitted").await).await;
    assert_eq!((status, queue["total"].as_u64()), (200, Some(1)));
    assert_eq!(owner.get("/api/v1/review-queue").await.status(), 403);
}
on_both_backends!(
    private_reads_and_writes_are_refused_to_those_not_allowed,
    private_reads_are_refused_by_role
);

async fn a_bad_import_changes_nothing(app: TestApp) {
    let organiser = app.login_as(Role::Organiser).await;
    let before = app.db.store().organisations().count().await.unwrap();
    let file =
        "kind,legal_name,country,exports\ncompany,Fine Ltd,PK,1006\ncompany,Broken Ltd,XX,1006\n";
    let response = organiser
        .client
        .post(organiser.url("/api/v1/organisations/import?format=csv"))
        .header("x-csrf-token", &organiser.csrf)
        .header("content-type", "text/csv")
        .body(file)
        .send()
        .await
        .unwrap();
    let (status, body) = json_of(response).await;
    assert_eq!(status, 422, "{body}");
    let message = body["error"]["errors"][0]["message"].as_str().unwrap();
    assert!(message.starts_with("line 3, column country: "), "{message}");
    assert_eq!(
        app.db.store().organisations().count().await.unwrap(),
        before
    );
}
on_both_backends!(
    a_rejected_import_leaves_the_directory_unchanged,
    a_bad_import_changes_nothing
);
