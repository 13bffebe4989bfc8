//! Exporting organisations and people in the shapes import reads (`docs/IMPORT.md`), so an
//! exported file imports back to the same records. Organisers and admins only: drafts are
//! unpublished and people files carry private contact details, so every export is audited.

use corridor_domain::directory::{Organisation, Person};
use corridor_domain::import;
use corridor_store::NewAuditEntry;
use corridor_store::directory::OrganisationFilter;

use super::DirectoryError;
use super::import::ImportFormat;
use crate::App;
use crate::actor::CurrentUser;

/// Records read from the store at a time.
const PAGE: u32 = 500;

fn staff(user: Option<&CurrentUser>) -> Result<&CurrentUser, DirectoryError> {
    let user = user.ok_or(DirectoryError::SignInRequired("export"))?;
    if !user.role.is_staff() {
        return Err(DirectoryError::Forbidden(
            "only organisers and admins export the directory".into(),
        ));
    }
    Ok(user)
}

async fn audit(
    app: &App,
    user: &CurrentUser,
    what: &str,
    count: usize,
    format: ImportFormat,
) -> Result<(), DirectoryError> {
    let format = match format {
        ImportFormat::Csv => "csv",
        ImportFormat::Json => "json",
    };
    let entry = NewAuditEntry::new("directory.exported", "export", what)
        .by(user.account.to_string())
        .details(serde_json::json!({ "records": count, "format": format }));
    app.store.audit().append(entry).await?;
    Ok(())
}

/// Every organisation, drafts included, by legal name.
pub async fn export_organisations(
    app: &App,
    user: Option<&CurrentUser>,
    format: ImportFormat,
) -> Result<String, DirectoryError> {
    let user = staff(user)?;
    let mut all: Vec<Organisation> = Vec::new();
    loop {
        let filter = OrganisationFilter {
            limit: PAGE,
            offset: u32::try_from(all.len()).unwrap_or(u32::MAX),
            ..OrganisationFilter::default()
        };
        let page = app.store.organisations().search(&filter).await?;
        let done = page.items.len() < PAGE as usize;
        all.extend(page.items);
        if done {
            break;
        }
    }
    audit(app, user, "organisations", all.len(), format).await?;
    Ok(match format {
        ImportFormat::Csv => import::write_organisations_csv(&all),
        ImportFormat::Json => import::write_organisations_json(&all),
    })
}

/// Every person with their contact details, by name.
pub async fn export_people(
    app: &App,
    user: Option<&CurrentUser>,
    format: ImportFormat,
) -> Result<String, DirectoryError> {
    let user = staff(user)?;
    let mut all: Vec<Person> = Vec::new();
    loop {
        let offset = u32::try_from(all.len()).unwrap_or(u32::MAX);
        let page = app.store.people().list(PAGE, offset).await?;
        let done = page.items.len() < PAGE as usize;
        all.extend(page.items.into_iter().map(|stored| stored.person));
        if done {
            break;
        }
    }
    audit(app, user, "people", all.len(), format).await?;
    Ok(match format {
        ImportFormat::Csv => import::write_people_csv(&all),
        ImportFormat::Json => import::write_people_json(&all),
    })
}
