use crate::helpers::TestApp;

#[tokio::test]
async fn the_home_page_shows_the_corridor_and_both_local_times() {
    let app = TestApp::sqlite().await;
    let (status, html) = app.get_text("/").await;
    assert_eq!(status, 200);
    assert!(html.contains("Pakistan ↔ United States"), "{html}");
    assert!(
        html.contains("Asia/Karachi") && html.contains("America/New_York"),
        "{html}"
    );
    assert!(html.contains(r#"<link rel="stylesheet" href="/assets/corridor.css">"#));
}

#[tokio::test]
async fn the_stylesheet_is_served_by_the_binary() {
    let app = TestApp::sqlite().await;
    let response = app.get("/assets/corridor.css").await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    assert!(response.text().await.unwrap().contains(":root"));
}

#[tokio::test]
async fn pages_link_only_to_local_assets() {
    let app = TestApp::sqlite().await;
    for path in ["/", "/codes", "/codes/hs", "/codes/hs/1006"] {
        let (status, html) = app.get_text(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(
            !html.contains("src=\"http") && !html.contains("href=\"http"),
            "{path} links elsewhere"
        );
    }
}

#[tokio::test]
async fn the_code_list_page_searches_and_links_to_details() {
    let app = TestApp::sqlite().await;
    let (status, html) = app.get_text("/codes/hs?q=rice").await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"href="/codes/hs/1006""#), "{html}");
    let (status, html) = app.get_text("/codes/hs/1006").await;
    assert_eq!(status, 200);
    assert!(html.contains("100630"));
    assert!(
        html.contains(r#"href="/codes/hs/10""#),
        "breadcrumb to the chapter: {html}"
    );
}

#[tokio::test]
async fn the_code_list_page_pages_through_long_lists() {
    let app = TestApp::sqlite().await;
    let (_, html) = app.get_text("/codes/naics").await;
    assert!(html.contains(r#"rel="next""#));
    assert!(!html.contains(r#"rel="prev""#));
    let (_, html) = app.get_text("/codes/naics?offset=100").await;
    assert!(html.contains(r#"rel="prev""#));
}

#[tokio::test]
async fn search_text_is_escaped_in_the_page() {
    let app = TestApp::sqlite().await;
    let (status, html) = app
        .get_text("/codes/hs?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
        .await;
    assert_eq!(status, 200);
    assert!(!html.contains("<script>alert(1)</script>"));
    assert!(
        html.contains("&#60;script&#62;") || html.contains("&lt;script&gt;"),
        "{html}"
    );
}

#[tokio::test]
async fn an_unknown_page_is_a_404_page_in_the_layout() {
    let app = TestApp::sqlite().await;
    let response = app.get("/codes/hs/999999").await;
    assert_eq!(response.status(), 404);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = response.text().await.unwrap();
    assert!(
        html.contains("999999") && html.contains("/assets/corridor.css"),
        "{html}"
    );
    let (status, _) = app.get_text("/no/such/page").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn a_bad_page_parameter_is_a_400_page() {
    let app = TestApp::sqlite().await;
    let (status, html) = app.get_text("/codes/hs?limit=zero").await;
    assert_eq!(status, 400);
    assert!(html.contains("limit"), "{html}");
}
