//! What every page shares: the chrome (site name, corridor, demo marker), rendering, and the HTML
//! face of [`AppError`].

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use corridor_app::config::Config;

use crate::error::AppError;

/// Site-wide values every layout needs.
#[derive(Debug, Clone)]
pub struct Chrome {
    pub site_name: String,
    pub demo: bool,
    /// "Pakistan ↔ United States", from the configured pair.
    pub corridor_title: String,
}

impl Chrome {
    pub fn from_config(config: &Config) -> Self {
        let [a, b] = &config.corridor.countries;
        Chrome {
            site_name: config.site.name.clone(),
            demo: config.site.demo,
            corridor_title: format!("{} ↔ {}", a.code.name(), b.code.name()),
        }
    }
}

/// Renders a template into an HTML response; a template failure is our bug, answered as 500.
pub fn render(template: &impl Template) -> Result<Html<String>, AppError> {
    template.render().map(Html).map_err(AppError::internal)
}

/// An [`AppError`] met while building a page, rendered with the site's layout.
pub struct PageError {
    pub chrome: Chrome,
    pub error: AppError,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    chrome: &'a Chrome,
    title: String,
    status: u16,
    message: String,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = self.error.status();
        let body = self.error.body();
        let title = status.canonical_reason().unwrap_or("Error").to_owned();
        let page = ErrorPage {
            chrome: &self.chrome,
            title,
            status: status.as_u16(),
            message: body.error.message,
        };
        match page.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response(),
        }
    }
}

impl Chrome {
    /// For `map_err`: wraps an error so it renders as a page.
    pub fn fail(&self) -> impl FnOnce(AppError) -> PageError + '_ {
        move |error| PageError {
            chrome: self.clone(),
            error,
        }
    }
}
