use crate::helpers::TestApp;

#[tokio::test]
async fn an_hs_subheading_comes_with_its_chapter_heading_and_section() {
    let app = TestApp::sqlite().await;
    let (status, body) = app.get_json("/api/v1/codes/hs/100630").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["system"], "hs");
    assert_eq!(body["code"], "100630");
    assert!(
        body["title"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("rice"),
        "{body}"
    );
    let ancestors: Vec<&str> = body["ancestors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["code"].as_str().unwrap())
        .collect();
    assert_eq!(ancestors, ["II", "10", "1006"]);
    assert!(body["children"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn a_dotted_hs_code_is_understood() {
    let app = TestApp::sqlite().await;
    let (status, body) = app.get_json("/api/v1/codes/hs/1006.30").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["code"], "100630");
}

#[tokio::test]
async fn a_heading_lists_its_subheadings() {
    let app = TestApp::sqlite().await;
    let (_, body) = app.get_json("/api/v1/codes/hs/1006").await;
    let children: Vec<&str> = body["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert_eq!(children, ["100610", "100620", "100630", "100640"]);
}

#[tokio::test]
async fn naics_prefix_54_lists_professional_services() {
    let app = TestApp::sqlite().await;
    let (status, body) = app
        .get_json("/api/v1/codes/naics?prefix=54&limit=1000")
        .await;
    assert_eq!(status, 200, "{body}");
    let items = body["items"].as_array().unwrap();
    assert_eq!(body["total"].as_u64().unwrap() as usize, items.len());
    assert!(
        items
            .iter()
            .all(|i| i["code"].as_str().unwrap().starts_with("54"))
    );
    let codes: Vec<&str> = items.iter().map(|i| i["code"].as_str().unwrap()).collect();
    for code in ["54", "541", "5415", "54151", "541512"] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
}

#[tokio::test]
async fn listing_is_paginated_with_limit_and_offset() {
    let app = TestApp::sqlite().await;
    let (_, first) = app.get_json("/api/v1/codes/countries?limit=10").await;
    let (_, second) = app
        .get_json("/api/v1/codes/countries?limit=10&offset=10")
        .await;
    assert_eq!(first["items"].as_array().unwrap().len(), 10);
    assert_eq!(first["total"], second["total"]);
    assert_ne!(first["items"][0]["code"], second["items"][0]["code"]);
}

#[tokio::test]
async fn text_search_finds_rice_in_hs() {
    let app = TestApp::sqlite().await;
    let (status, body) = app.get_json("/api/v1/codes/hs?q=rice").await;
    assert_eq!(status, 200);
    let codes: Vec<&str> = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"1006"), "{codes:?}");
}

#[tokio::test]
async fn pakistan_subdivisions_are_listed_by_prefix() {
    let app = TestApp::sqlite().await;
    let (_, body) = app.get_json("/api/v1/codes/subdivisions?prefix=PK-").await;
    let codes: Vec<&str> = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    for code in [
        "PK-BA", "PK-GB", "PK-IS", "PK-JK", "PK-KP", "PK-PB", "PK-SD",
    ] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
}

#[tokio::test]
async fn an_unknown_code_is_a_404_in_the_json_error_shape() {
    let app = TestApp::sqlite().await;
    let (status, body) = app.get_json("/api/v1/codes/hs/999999").await;
    assert_eq!(status, 404);
    assert_eq!(body["error"]["code"], "not_found");
    assert_eq!(body["error"]["status"], 404);
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("999999"),
        "{body}"
    );
}

#[tokio::test]
async fn an_unknown_code_list_names_the_known_ones() {
    let app = TestApp::sqlite().await;
    let (status, body) = app.get_json("/api/v1/codes/sitc/01").await;
    assert_eq!(status, 404);
    assert!(
        body["error"]["message"].as_str().unwrap().contains("naics"),
        "{body}"
    );
}

#[tokio::test]
async fn a_bad_parameter_is_a_400_naming_the_field() {
    let app = TestApp::sqlite().await;
    for (path, field) in [
        ("/api/v1/codes/naics?limit=abc", "limit"),
        ("/api/v1/codes/naics?limit=0", "limit"),
        ("/api/v1/codes/naics?limit=100000", "limit"),
        ("/api/v1/codes/naics?offset=-1", "offset"),
    ] {
        let (status, body) = app.get_json(path).await;
        assert_eq!(status, 400, "{path}: {body}");
        assert_eq!(body["error"]["field"], field, "{path}: {body}");
    }
    let (status, body) = app.get_json("/api/v1/codes/naics?colour=red").await;
    assert_eq!(status, 400, "{body}");
}

#[tokio::test]
async fn hostile_codes_never_break_the_server() {
    let app = TestApp::sqlite().await;
    let long = "9".repeat(10_000);
    for code in [
        "%00",
        "..%2F..%2Fetc%2Fpasswd",
        "%F0%9F%8C%BE",
        long.as_str(),
        "'%3B%20drop%20table",
    ] {
        let response = app.get(&format!("/api/v1/codes/hs/{code}")).await;
        assert!(
            [400, 404, 414].contains(&response.status().as_u16()),
            "{code}: {}",
            response.status()
        );
    }
    assert_eq!(app.get("/healthz").await.status(), 200);
}

#[tokio::test]
async fn unknown_api_paths_answer_json() {
    let app = TestApp::sqlite().await;
    let (status, body) = app.get_json("/api/v1/nothing-here").await;
    assert_eq!(status, 404);
    assert_eq!(body["error"]["code"], "not_found");
}
