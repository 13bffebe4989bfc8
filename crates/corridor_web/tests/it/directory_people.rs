//! The people directory page: found by kind and expertise, each with their organisation's badge,
//! contact details only for those allowed, people of drafts unpublished, bad filters named.

use corridor_app::actor::Role;

use crate::helpers::TestApp;
use crate::on_both_backends;

async fn people_listed_with_badge_and_private_contacts(app: TestApp) {
    let member = app.login_as(Role::Member).await;
    let organiser = app.login_as(Role::Organiser).await;
    let created = member
        .post_form(
            "/directory/new",
            &[
                ("kind", "company"),
                ("legal_name", "Margalla Secure Systems"),
                ("country", "PK"),
                ("industries", "541512"),
            ],
        )
        .await;
    assert_eq!(created.status(), 303);
    let profile = created.headers()["location"].to_str().unwrap().to_owned();
    let organisation_id = profile.trim_start_matches("/organisations/");
    let added = member
        .post_form(
            "/people/new",
            &[
                ("name", "Sadia Karim"),
                ("title", "Head of Partnerships"),
                ("organisation_id", organisation_id),
                ("kind", "professional"),
                ("expertise_industries", "541512"),
                ("email", "sadia.karim@margalla.example"),
            ],
        )
        .await;
    assert_eq!(added.status(), 303, "{}", added.text().await.unwrap());

    // A draft is unpublished, and so are its people.
    let (_, before) = app.get_text("/people?q=sadia").await;
    assert!(!before.contains("Sadia Karim"), "{before}");
    let staff_view = organiser.get("/people?q=sadia").await.text().await.unwrap();
    assert!(staff_view.contains("Sadia Karim"), "{staff_view}");

    let submitted = member
        .post_form(&format!("{profile}/verification/submit"), &[])
        .await;
    assert_eq!(submitted.status(), 303);
    let (status, visitor) = app.get_text("/people?naics=5415&kind=professional").await;
    assert_eq!(status, 200);
    assert!(
        visitor.contains("Sadia Karim")
            && visitor.contains("Margalla Secure Systems")
            && visitor.contains("Unverified (submitted)"),
        "{visitor}"
    );
    assert!(
        !visitor.contains("sadia.karim@margalla.example"),
        "contacts are private: {visitor}"
    );
    let staff_view = organiser.get("/people?q=sadia").await.text().await.unwrap();
    assert!(
        staff_view.contains("sadia.karim@margalla.example"),
        "organisers see contacts: {staff_view}"
    );
    // The API lists the same, with the organisation's badge and the same contact rule.
    let (status, json) = app.get_json("/api/v1/people?naics=541512&country=PK").await;
    assert_eq!(status, 200, "{json}");
    let sadia = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Sadia Karim")
        .unwrap_or_else(|| panic!("{json}"));
    assert_eq!(
        sadia["organisation_details"]["legal_name"],
        "Margalla Secure Systems"
    );
    assert_eq!(sadia["organisation_details"]["verified"], false);
    assert_eq!(
        sadia["organisation_details"]["verification_state"],
        "submitted"
    );
    assert!(sadia["contact"].is_null(), "{sadia}");
    let staff_json: serde_json::Value = organiser
        .get("/api/v1/people?q=Sadia")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        staff_json["items"][0]["contact"]["email"],
        "sadia.karim@margalla.example"
    );
    let (status, bad) = app.get_json("/api/v1/people?kind=astronaut").await;
    assert_eq!(status, 422);
    assert_eq!(bad["error"]["field"], "kind", "{bad}");

    let (_, officials) = app.get_text("/people?kind=official&q=sadia").await;
    assert!(!officials.contains("Sadia Karim"), "{officials}");

    let (status, bad) = app.get_text("/people?kind=astronaut&naics=99999").await;
    assert_eq!(status, 422);
    assert!(
        bad.contains(r#"data-field="kind""#) && bad.contains(r#"data-field="naics""#),
        "{bad}"
    );
}
on_both_backends!(
    people_are_listed_with_their_badge_and_private_contacts,
    people_listed_with_badge_and_private_contacts
);
