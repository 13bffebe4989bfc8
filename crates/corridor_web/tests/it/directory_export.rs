//! Export over the real router: organisers and admins only, the import shapes (an export imports
//! back to the same records), CSV safe to open in a spreadsheet.

use corridor_app::actor::Role;
use corridor_domain::directory::{NewOrganisation, NewPerson};
use corridor_domain::import::{
    parse_organisations_csv, parse_organisations_json, parse_people_csv, parse_people_json,
};
use serde_json::Value;

use crate::helpers::{LoggedIn, TestApp};
use crate::on_both_backends;

const YEAR: i32 = 2026;

const ORGANISATIONS: &str = "kind,legal_name,trading_name,country,region,city,exports,description,languages,demo\n\
company,\"Zafar Textiles, Ltd\",Zafar,PK,PK-PB,Lahore,5208;6109,\"Weavers.\nSince 1990.\",ur;en,false\n\
chamber,Atlantic Chamber of Commerce,,US,US-NY,New York,,,en,true\n";

const PEOPLE: &str = "name,title,kind,tags,languages,time_zone,email,phone,profile_url\n\
Ayesha Siddiqui,Trade Officer,official,textiles;halal certification,ur;en,Asia/Karachi,ayesha@trade.gov.pk,+92 51 920-1234,https://example.com/ayesha\n\
John Miller,,investor,,en,America/New_York,,,\n";

async fn import(organiser: &LoggedIn, what: &str, file: &str) {
    let response = organiser
        .client
        .post(organiser.url(&format!("/api/v1/{what}/import?format=csv")))
        .header("x-csrf-token", &organiser.csrf)
        .header("content-type", "text/csv")
        .body(file.to_owned())
        .send()
        .await
        .unwrap();
    let status = response.status();
    assert_eq!(status, 201, "{}", response.text().await.unwrap_or_default());
}

/// The body of a successful export, after checking it is a download of `content_type`.
async fn export(who: &LoggedIn, path: &str, content_type: &str) -> String {
    let response = who.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    let headers = response.headers();
    assert_eq!(headers["content-type"].to_str().unwrap(), content_type);
    let disposition = headers["content-disposition"].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment; filename=\"corridor-"),
        "{disposition}"
    );
    assert!(
        headers["cache-control"]
            .to_str()
            .unwrap()
            .contains("no-store")
    );
    response.text().await.unwrap()
}

fn by_legal_name(mut all: Vec<NewOrganisation>) -> Vec<NewOrganisation> {
    all.sort_by_key(|o| o.legal_name.as_str().to_lowercase());
    all
}

fn by_name(mut all: Vec<NewPerson>) -> Vec<NewPerson> {
    all.sort_by_key(|p| p.name.as_str().to_lowercase());
    all
}

async fn exports_import_back_to_the_same_records(app: TestApp) {
    let organiser = app.login_as(Role::Organiser).await;
    import(&organiser, "organisations", ORGANISATIONS).await;
    import(&organiser, "people", PEOPLE).await;
    let imported = by_legal_name(parse_organisations_csv(ORGANISATIONS.as_bytes(), YEAR).unwrap());
    let people = by_name(parse_people_csv(PEOPLE.as_bytes()).unwrap());

    let csv = export(
        &organiser,
        "/api/v1/organisations/export",
        "text/csv; charset=utf-8",
    )
    .await;
    assert!(
        csv.starts_with("kind,legal_name,trading_name,country,"),
        "{csv}"
    );
    assert_eq!(
        by_legal_name(parse_organisations_csv(csv.as_bytes(), YEAR).unwrap()),
        imported
    );
    let json = export(
        &organiser,
        "/api/v1/organisations/export?format=json",
        "application/json",
    )
    .await;
    assert_eq!(
        by_legal_name(parse_organisations_json(json.as_bytes(), YEAR).unwrap()),
        imported
    );

    let csv = export(
        &organiser,
        "/api/v1/people/export?format=csv",
        "text/csv; charset=utf-8",
    )
    .await;
    assert_eq!(by_name(parse_people_csv(csv.as_bytes()).unwrap()), people);
    let json = export(
        &organiser,
        "/api/v1/people/export?format=json",
        "application/json",
    )
    .await;
    assert_eq!(by_name(parse_people_json(json.as_bytes()).unwrap()), people);
    let parsed: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        parsed[0]["email"], "ayesha@trade.gov.pk",
        "contact details are exported"
    );

    let trail = app
        .db
        .store()
        .audit()
        .list_for_subject("export", "people", 10, 0)
        .await
        .unwrap();
    assert_eq!(trail.len(), 2, "each people export is audited");
}
on_both_backends!(
    exported_organisations_and_people_import_back_to_the_same_records,
    exports_import_back_to_the_same_records
);

async fn csv_exports_are_safe_in_spreadsheets(app: TestApp) {
    let admin = app.login_as(Role::Admin).await;
    import(&admin, "people", PEOPLE).await;
    let csv = export(&admin, "/api/v1/people/export", "text/csv; charset=utf-8").await;
    assert!(
        csv.contains(",'+92519201234,"),
        "the phone's + is escaped: {csv}"
    );
    for line in csv.lines() {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell:?} in {csv}");
        }
    }
}
on_both_backends!(
    csv_exports_prefix_formula_characters_with_an_apostrophe,
    csv_exports_are_safe_in_spreadsheets
);

async fn only_organisers_and_admins_export(app: TestApp) {
    let member = app.login_as(Role::Member).await;
    let organiser = app.login_as(Role::Organiser).await;
    for path in [
        "/api/v1/organisations/export",
        "/api/v1/people/export?format=json",
    ] {
        assert_eq!(app.get(path).await.status(), 401, "{path}");
        assert_eq!(member.get(path).await.status(), 403, "{path}");
    }
    let (status, body) = {
        let response = organiser.get("/api/v1/people/export?format=xlsx").await;
        (
            response.status().as_u16(),
            response.json::<Value>().await.unwrap(),
        )
    };
    assert_eq!(
        (status, &body["error"]["field"]),
        (400, &Value::from("format"))
    );

    // The review page links to the exports.
    let html = organiser.get("/review").await.text().await.unwrap();
    assert!(
        html.contains("href=\"/api/v1/people/export?format=csv\""),
        "{html}"
    );
    assert!(
        html.contains("href=\"/api/v1/organisations/export?format=json\""),
        "{html}"
    );
}
on_both_backends!(
    exports_are_refused_to_members_and_visitors,
    only_organisers_and_admins_export
);
