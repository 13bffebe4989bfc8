//! What templates may ask about the request being answered: who is signed in and the CSRF token.
//! The session middleware sets these for the duration of the request (a task-local), so every
//! template, including `base.html`, can call them without each page struct carrying them:
//!
//! ```text
//! <form method="post" action="/things">{{ crate::auth::view::csrf_field()|safe }} … </form>
//! {% if crate::auth::view::signed_in() %}{{ crate::auth::view::display_name() }}{% endif %}
//! ```
//! Forms that upload files (`multipart/form-data`) cannot be read by the middleware; put the token
//! in the action's query instead: `action="/things?csrf={{ crate::auth::view::csrf_token() }}"`.

use corridor_app::actor::CurrentUser;

#[derive(Debug, Clone, Default)]
pub struct RequestView {
    pub user: Option<CurrentUser>,
    pub csrf: String,
}

tokio::task_local! {
    pub(crate) static VIEW: RequestView;
}

fn with<T>(f: impl FnOnce(&RequestView) -> T) -> Option<T> {
    VIEW.try_with(f).ok()
}

/// The CSRF token of this request (the session's, or the anonymous double-submit one).
pub fn csrf_token() -> String {
    with(|v| v.csrf.clone()).unwrap_or_default()
}

/// `<input type="hidden" name="csrf" value="…">`; the token is base64url, so needs no escaping.
pub fn csrf_field() -> String {
    format!(
        r#"<input type="hidden" name="csrf" value="{}">"#,
        csrf_token()
    )
}

pub fn signed_in() -> bool {
    with(|v| v.user.is_some()).unwrap_or(false)
}

/// The signed-in user's display name, or an empty string.
pub fn display_name() -> String {
    with(|v| v.user.as_ref().map(|u| u.display_name.clone()))
        .flatten()
        .unwrap_or_default()
}

/// Whether the signed-in user is an organiser or admin.
pub fn is_staff() -> bool {
    with(|v| v.user.as_ref().is_some_and(|u| u.role.is_staff())).unwrap_or(false)
}
