//! The directory pages: the list with its badge, the form with errors next to their fields, the
//! profile with verification steps, the audit log and the review queue.

use corridor_app::actor::Role;

use crate::helpers::TestApp;
use crate::on_both_backends;

const RICE: [(&str, &str); 4] = [
    ("kind", "company"),
    ("legal_name", "Page Rice Co"),
    ("country", "PK"),
    ("exports", "1006; 100630"),
];

/// Registers through the form and returns the organisation's page path.
async fn register(member: &crate::helpers::LoggedIn) -> String {
    let response = member.post_form("/directory/new", &RICE).await;
    assert_eq!(
        response.status(),
        303,
        "{}",
        response.text().await.unwrap_or_default()
    );
    response.headers()["location"].to_str().unwrap().to_owned()
}

async fn register_review_and_see_the_badge(app: TestApp) {
    let member = app.login_as(Role::Member).await;
    let organiser = app.login_as(Role::Organiser).await;
    let profile = register(&member).await;
    let page = member.get(&profile).await.text().await.unwrap();
    assert!(
        page.contains("Unverified (draft)") && page.contains("Submit for verification"),
        "{page}"
    );
    assert_eq!(
        member
            .post_form(&format!("{profile}/verification/submit"), &[])
            .await
            .status(),
        303
    );

    let queue = organiser
        .get("/review?state=submitted&country=PK&kind=company")
        .await
        .text()
        .await
        .unwrap();
    assert!(queue.contains("Page Rice Co"), "{queue}");
    assert_eq!(member.get("/review").await.status(), 403);
    for action in ["start_review", "approve"] {
        let done = organiser
            .post_form(&format!("{profile}/verification/{action}"), &[])
            .await;
        assert_eq!(done.status(), 303, "{action}");
    }
    let (status, list) = app.get_text("/directory?verified=true").await;
    assert_eq!(status, 200);
    assert!(
        list.contains("Page Rice Co") && list.contains("✓ Verified"),
        "{list}"
    );
    let audit = member
        .get(&format!("{profile}/audit"))
        .await
        .text()
        .await
        .unwrap();
    // People read names and words, not account ids and stored values.
    assert!(
        audit.contains("<td>approve</td>")
            && audit.contains("<td>under review</td>")
            && audit.contains("<td>Test organiser "),
        "{audit}"
    );
    assert!(
        !audit.contains("under_review") && !audit.contains("verification.approve"),
        "{audit}"
    );
    let account = member.get("/account").await.text().await.unwrap();
    let mine = account
        .split("Your organisations")
        .nth(1)
        .expect("the account page lists the user's organisations");
    assert!(
        mine.contains("Page Rice Co") && mine.contains("✓ Verified"),
        "{account}"
    );
    assert_eq!(
        app.get(&format!("{profile}/audit")).await.status(),
        200,
        "visitors are sent to log in"
    );
}
on_both_backends!(
    a_member_registers_and_an_organiser_verifies_through_the_pages,
    register_review_and_see_the_badge
);

async fn form_errors_are_shown_next_to_their_fields(app: TestApp) {
    let member = app.login_as(Role::Member).await;
    let mut fields = RICE.to_vec();
    fields[3] = ("exports", "1006; 999999");
    let response = member.post_form("/directory/new", &fields).await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    let error = page
        .find(r#"id="exports-error""#)
        .expect("an error next to the exports field");
    assert!(
        page[error..].contains("999999"),
        "the code is named: {page}"
    );
    assert!(
        page.contains(r#"value="1006; 999999""#),
        "the input is kept"
    );
}
on_both_backends!(
    an_unknown_code_in_the_form_is_shown_next_to_its_field,
    form_errors_are_shown_next_to_their_fields
);

async fn unverified_organisations_are_listed_and_marked(app: TestApp) {
    let member = app.login_as(Role::Member).await;
    let profile = register(&member).await;
    let (_, list) = app.get_text("/directory").await;
    assert!(!list.contains("Page Rice Co"), "drafts are not published");
    member
        .post_form(&format!("{profile}/verification/submit"), &[])
        .await;
    let (_, list) = app.get_text("/directory?hs=1006").await;
    assert!(
        list.contains("Page Rice Co") && list.contains("Unverified (submitted)"),
        "{list}"
    );
    let (status, bad) = app.get_text("/directory?hs=999999").await;
    assert_eq!(status, 422);
    assert!(bad.contains(r#"data-field="hs""#), "{bad}");
}
on_both_backends!(
    unverified_organisations_are_visible_but_marked,
    unverified_organisations_are_listed_and_marked
);

async fn paging_keeps_every_filter(app: TestApp) {
    let member = app.login_as(Role::Member).await;
    for name in ["Page Rice Co", "Second Page Rice Co"] {
        let mut form = RICE;
        form[1].1 = name;
        let response = member.post_form("/directory/new", &form).await;
        assert_eq!(response.status(), 303, "{name}");
        let profile = response.headers()["location"].to_str().unwrap().to_owned();
        member
            .post_form(&format!("{profile}/verification/submit"), &[])
            .await;
    }
    // Filters the old pager dropped: trade, verified and the page size.
    let (status, first) = app
        .get_text("/directory?q=rice&hs=1006&trade=any&limit=1")
        .await;
    assert_eq!(status, 200, "{first}");
    let next = first
        .split(r#"rel="next" href=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a link to the next page")
        .replace("&#38;", "&");
    assert_eq!(next, "?q=rice&hs=1006&trade=any&limit=1&offset=1");
    let (status, second) = app.get_text(&format!("/directory{next}")).await;
    assert_eq!(status, 200, "{second}");
    assert!(!second.contains(r#"rel="next""#), "{second}");
    let both = ["Page Rice Co", "Second Page Rice Co"];
    let shown = |html: &str| {
        both.iter()
            .filter(|n| html.contains(&format!(">{n}<")))
            .count()
    };
    assert_eq!((shown(&first), shown(&second)), (1, 1), "{first}\n{second}");
    // The form shows the filters again.
    assert!(
        first.contains(r#"<option value="any" selected>"#),
        "{first}"
    );
    let (_, verified) = app.get_text("/directory?verified=true&limit=1").await;
    assert!(
        verified.contains(r#"name="verified" value="true" checked"#),
        "{verified}"
    );
}
on_both_backends!(the_next_page_keeps_every_filter, paging_keeps_every_filter);
