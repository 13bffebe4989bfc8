//! Evidence documents over the real router: uploads from the API and from the page's plain HTML
//! form, the app's checks answered as field errors on `file`, downloads with safe headers for
//! those who may read evidence, refusals for everyone else and for posts without a CSRF token.

use corridor_app::actor::Role;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

use crate::helpers::{LoggedIn, TestApp};
use crate::on_both_backends;

/// The smallest file the content check takes for a PDF.
const PDF: &[u8] = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
/// Ten megabytes (10 x 2^20 bytes), the largest document accepted.
const LIMIT: usize = 10 * 1024 * 1024;

async fn json_of(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    (status, response.json().await.expect("a JSON body"))
}

/// A submitted (so published) organisation owned by `owner`.
async fn submitted(owner: &LoggedIn, name: &str) -> String {
    let input =
        json!({ "kind": "company", "legal_name": name, "country": "PK", "exports": ["1006"] });
    let (status, body) = json_of(owner.post_json("/api/v1/organisations", &input).await).await;
    assert_eq!(status, 201, "{body}");
    let id = body["id"].as_str().unwrap().to_owned();
    let submit = format!("/api/v1/organisations/{id}/verification/submit");
    assert_eq!(owner.post_json(&submit, &json!({})).await.status(), 200);
    id
}

fn file(name: &str, bytes: Vec<u8>) -> Form {
    Form::new().part("file", Part::bytes(bytes).file_name(name.to_owned()))
}

/// Uploads through the API with the session's `X-CSRF-Token`.
async fn upload(who: &LoggedIn, id: &str, form: Form) -> reqwest::Response {
    let path = format!("/api/v1/organisations/{id}/verification/evidence/documents");
    who.client
        .post(who.url(&path))
        .header("x-csrf-token", &who.csrf)
        .multipart(form)
        .send()
        .await
        .expect("upload")
}

async fn refused_on_file(response: reqwest::Response, status: u16, says: &str) {
    let (got, body) = json_of(response).await;
    assert_eq!(got, status, "{body}");
    assert_eq!(body["error"]["field"], "file", "{body}");
    let message = body["error"]["message"].as_str().unwrap_or_default();
    assert!(message.contains(says), "{message:?} should say {says:?}");
}

async fn a_pdf_is_stored_and_read_back_by_owner_and_organiser(app: TestApp) {
    let owner = app.login_as(Role::Member).await;
    let organiser = app.login_as(Role::Organiser).await;
    let id = submitted(&owner, "Evidence Rice Mills").await;

    let (status, added) =
        json_of(upload(&owner, &id, file("Registration \"2024\".pdf", PDF.to_vec())).await).await;
    assert_eq!(status, 201, "{added}");
    assert_eq!(added["kind"], "document");
    assert_eq!(added["document"]["content_type"], "application/pdf");
    assert_eq!(added["document"]["size"], PDF.len());
    assert_eq!(added["document"]["file_name"], "Registration \"2024\".pdf");
    let evidence = added["id"].as_str().unwrap();

    let api = format!("/api/v1/organisations/{id}/verification/evidence/{evidence}/document");
    let page = format!("/organisations/{id}/evidence/{evidence}/document");
    for (who, path) in [(&owner, &api), (&organiser, &page), (&organiser, &api)] {
        let response = who.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        assert_eq!(header("content-type"), "application/pdf");
        assert_eq!(header("x-content-type-options"), "nosniff");
        assert_eq!(
            header("content-disposition"),
            "attachment; filename=\"Registration _2024_.pdf\"; \
             filename*=UTF-8''Registration%20%222024%22.pdf"
        );
        assert!(header("cache-control").contains("no-store"));
        assert_eq!(response.bytes().await.unwrap().as_ref(), PDF);
    }

    let (status, list) = json_of(
        organiser
            .get(&format!("/api/v1/organisations/{id}/verification/evidence"))
            .await,
    )
    .await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(list["items"][0]["id"], evidence);
}
on_both_backends!(
    an_uploaded_pdf_downloads_byte_for_byte_for_owner_and_organiser,
    a_pdf_is_stored_and_read_back_by_owner_and_organiser
);

async fn wrong_empty_and_oversized_files_are_refused(app: TestApp) {
    let owner = app.login_as(Role::Member).await;
    let id = submitted(&owner, "Careful Rice Mills").await;

    let html = b"<html><script>alert(1)</script></html>".to_vec();
    refused_on_file(
        upload(&owner, &id, file("report.pdf", html)).await,
        422,
        "only PDF, PNG and JPEG",
    )
    .await;
    refused_on_file(
        upload(&owner, &id, file("empty.pdf", Vec::new())).await,
        422,
        "empty",
    )
    .await;
    let mut large = PDF.to_vec();
    large.resize(LIMIT + 1, b' ');
    refused_on_file(
        upload(&owner, &id, file("large.pdf", large)).await,
        422,
        "at most",
    )
    .await;
    let no_file = Form::new().text("note", "no file here");
    refused_on_file(upload(&owner, &id, no_file).await, 422, "choose a file").await;

    let mut exact = PDF.to_vec();
    exact.resize(LIMIT, b' ');
    let (status, body) = json_of(upload(&owner, &id, file("exact.pdf", exact)).await).await;
    assert_eq!(status, 201, "a file of exactly 10 MB is accepted: {body}");

    let (_, list) = json_of(
        owner
            .get(&format!("/api/v1/organisations/{id}/verification/evidence"))
            .await,
    )
    .await;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(1), "{list}");
}
on_both_backends!(
    wrong_empty_and_oversized_files_are_refused_naming_the_file_field,
    wrong_empty_and_oversized_files_are_refused
);

async fn far_too_large_uploads_are_refused_before_they_are_read_whole(app: TestApp) {
    let owner = app.login_as(Role::Member).await;
    let id = submitted(&owner, "Bulky Rice Mills").await;
    // Past the route's body limit (10 MB and 64 KiB): the body is not read to its end.
    let mut huge = PDF.to_vec();
    huge.resize(LIMIT + 256 * 1024, b' ');
    refused_on_file(
        upload(&owner, &id, file("huge.pdf", huge)).await,
        413,
        "at most",
    )
    .await;
}
on_both_backends!(
    far_too_large_uploads_are_refused_with_413_naming_the_file_field,
    far_too_large_uploads_are_refused_before_they_are_read_whole
);

async fn outsiders_cannot_upload_or_download(app: TestApp) {
    let owner = app.login_as(Role::Member).await;
    let stranger = app.login_as(Role::Member).await;
    let organiser = app.login_as(Role::Organiser).await;
    let id = submitted(&owner, "Guarded Rice Mills").await;
    let (_, added) = json_of(upload(&owner, &id, file("deed.pdf", PDF.to_vec())).await).await;
    let evidence = added["id"].as_str().unwrap();
    let api = format!("/api/v1/organisations/{id}/verification/evidence/{evidence}/document");
    let page = format!("/organisations/{id}/evidence/{evidence}/document");

    assert_eq!(app.get(&api).await.status(), 401);
    assert_eq!(stranger.get(&api).await.status(), 403);
    assert_eq!(stranger.get(&page).await.status(), 403);
    let anonymous = crate::helpers::browser();
    let response = anonymous.get(app.url(&page)).send().await.unwrap();
    assert_eq!(response.status(), 303, "visitors are sent to log in");
    let location = response.headers()["location"].to_str().unwrap();
    assert!(location.starts_with("/login?next="), "{location}");
    let other = format!(
        "/api/v1/organisations/{id}/verification/evidence/{}/document",
        uuid_like()
    );
    assert_eq!(owner.get(&other).await.status(), 404);

    // Only the owner speaks for the organisation; a CSRF token does not make a stranger one.
    assert_eq!(
        upload(&stranger, &id, file("x.pdf", PDF.to_vec()))
            .await
            .status(),
        403
    );
    assert_eq!(
        upload(&organiser, &id, file("x.pdf", PDF.to_vec()))
            .await
            .status(),
        403
    );
}
on_both_backends!(
    documents_are_refused_to_visitors_and_unrelated_members,
    outsiders_cannot_upload_or_download
);

fn uuid_like() -> &'static str {
    "0190d7a4-5b3c-7d2e-8f10-123456789abc"
}

async fn uploads_without_the_csrf_token_are_refused(app: TestApp) {
    let owner = app.login_as(Role::Member).await;
    let id = submitted(&owner, "Forged Rice Mills").await;
    let api = format!("/api/v1/organisations/{id}/verification/evidence/documents");
    let response = owner
        .client
        .post(owner.url(&api))
        .multipart(file("x.pdf", PDF.to_vec()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    let page = format!("/organisations/{id}/evidence");
    for path in [page.clone(), format!("{page}?csrf=not-the-token")] {
        let response = owner
            .client
            .post(owner.url(&path))
            .multipart(file("x.pdf", PDF.to_vec()))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 403, "{path}");
    }
    let (_, list) = json_of(
        owner
            .get(&format!("/api/v1/organisations/{id}/verification/evidence"))
            .await,
    )
    .await;
    assert_eq!(list["items"], json!([]), "nothing was stored");
}
on_both_backends!(
    document_uploads_without_a_csrf_token_are_refused_with_403,
    uploads_without_the_csrf_token_are_refused
);

/// The action of the page's upload form, as a browser would post to it.
fn upload_action(html: &str) -> String {
    let form = html
        .find("enctype=\"multipart/form-data\"")
        .expect("an upload form");
    let rest = &html[form..];
    let start = rest.find("action=\"").expect("an action") + "action=\"".len();
    rest[start..]
        .split('"')
        .next()
        .unwrap()
        .replace("&amp;", "&")
}

async fn the_page_form_uploads_without_javascript(app: TestApp) {
    let owner = app.login_as(Role::Member).await;
    let id = submitted(&owner, "Form Rice Mills").await;
    let profile = format!("/organisations/{id}");
    let html = owner.get(&profile).await.text().await.unwrap();
    let action = upload_action(&html);
    assert!(
        action.starts_with(&format!("/organisations/{id}/evidence?csrf=")),
        "{action}"
    );

    let png = b"\x89PNG\r\n\x1a\nnot really an image".to_vec();
    let response = owner
        .client
        .post(owner.url(&action))
        .multipart(file("stamp.png", png.clone()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], profile.as_str());

    let html = owner.get(&profile).await.text().await.unwrap();
    let link = html
        .split("href=\"")
        .find(|s| s.contains("/document\""))
        .and_then(|s| s.split('"').next())
        .expect("a download link on the profile")
        .to_owned();
    let download = owner.get(&link).await;
    assert_eq!(download.headers()["content-type"], "image/png");
    assert_eq!(download.bytes().await.unwrap().as_ref(), png.as_slice());

    // A refused file shows the profile again with the message beside the forms.
    let response = owner
        .client
        .post(owner.url(&upload_action(&html)))
        .multipart(file("notes.txt", b"plain text".to_vec()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("data-field=\"file\""), "{html}");
    assert!(html.contains("only PDF, PNG and JPEG"), "{html}");
}
on_both_backends!(
    the_profile_page_form_uploads_a_document_without_javascript,
    the_page_form_uploads_without_javascript
);
