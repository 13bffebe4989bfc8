//! The OpenAPI document at `/api/v1/openapi.json`: OpenAPI 3.1, and in step with the router. The
//! paths served are read from the router itself and their methods from the `Allow` header of a
//! 405 answer, so a route added without `#[utoipa::path]` (or documented but not served) fails
//! here.

use std::collections::{BTreeMap, BTreeSet};

use corridor_app::App;
use reqwest::Method;

use crate::helpers::{TestApp, config};

/// Every `/api/v1` path pattern the router serves. axum has no public list of routes; its `Debug`
/// output names every path pattern, quoted, which is enough to find them.
fn served_paths(router: &axum::Router) -> BTreeSet<String> {
    let debug = format!("{router:?}");
    debug
        .split('"')
        .filter(|piece| piece.starts_with("/api/v1"))
        .map(str::to_owned)
        .collect()
}

/// A request path matching `pattern` (`{id}` becomes `x`).
fn concrete(pattern: &str) -> String {
    pattern
        .split('/')
        .map(|segment| {
            if segment.starts_with('{') {
                "x"
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The methods the router answers at `pattern`: TRACE is served nowhere, so axum answers 405 and
/// lists the methods that are (HEAD comes with GET and is not documented separately).
async fn served_methods(app: &TestApp, pattern: &str) -> BTreeSet<String> {
    let response = app
        .client
        .request(Method::TRACE, app.url(&concrete(pattern)))
        .send()
        .await
        .expect("TRACE");
    assert_eq!(response.status(), 405, "{pattern}");
    let allow = response.headers()["allow"].to_str().unwrap().to_owned();
    allow
        .split(',')
        .map(|m| m.trim().to_ascii_uppercase())
        .filter(|m| !m.is_empty() && m != "HEAD")
        .collect()
}

#[tokio::test]
async fn the_openapi_document_describes_every_api_route_the_router_serves() {
    let app = TestApp::sqlite().await;
    let (status, doc) = app.get_json("/api/v1/openapi.json").await;
    assert_eq!(status, 200, "{doc}");
    let version = doc["openapi"].as_str().unwrap_or_default();
    assert!(version.starts_with("3.1."), "OpenAPI {version}");
    assert_eq!(doc["info"]["title"], "Corridor API");

    let documented: BTreeMap<String, BTreeSet<String>> = doc["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .map(|(path, item)| {
            let methods = item
                .as_object()
                .expect("a path item")
                .keys()
                .filter(|k| {
                    [
                        "get", "put", "post", "delete", "patch", "options", "head", "trace",
                    ]
                    .contains(&k.as_str())
                })
                .map(|k| k.to_ascii_uppercase())
                .collect();
            (path.clone(), methods)
        })
        .collect();

    let dir = tempfile::tempdir().unwrap();
    let router = corridor_web::router(App::with_store(
        config(dir.path(), false),
        app.db.store().clone(),
    ));
    let served = served_paths(&router);
    assert!(
        served.len() >= 25,
        "found only {served:?} in the router; has axum's Debug output changed?"
    );
    // Every operation says what its answers are, and every reference resolves.
    let text = doc.to_string();
    for reference in text.split("\"$ref\":\"").skip(1) {
        let name = reference
            .split('"')
            .next()
            .unwrap()
            .trim_start_matches("#/components/schemas/");
        assert!(
            doc["components"]["schemas"][name].is_object(),
            "unresolved schema {name}"
        );
    }
    let mut operation_ids = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let id = operation["operationId"].as_str().unwrap_or_default();
            assert!(
                operation_ids.insert(id.to_owned()),
                "operationId {id:?} of {method} {path} is not unique"
            );
            let responses = operation["responses"].as_object();
            assert!(
                responses.is_some_and(|r| !r.is_empty()),
                "{method} {path} documents no response"
            );
        }
    }

    // Every difference at once, so that one run lists all that is missing.
    let mut problems = Vec::new();
    for path in served.iter().filter(|p| !documented.contains_key(*p)) {
        problems.push(format!(
            "{path} is served but not documented: add #[utoipa::path] to its handlers and list \
             them in the module's `Doc`"
        ));
    }
    for path in documented.keys().filter(|p| !served.contains(*p)) {
        problems.push(format!("{path} is documented but not served"));
    }
    for path in served.iter().filter(|p| documented.contains_key(*p)) {
        let methods = served_methods(&app, path).await;
        if methods != documented[path] {
            problems.push(format!(
                "{path}: served {methods:?}, documented {:?}",
                documented[path]
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
