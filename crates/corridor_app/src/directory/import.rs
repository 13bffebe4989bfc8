//! Importing organisations and people from CSV or JSON: all or nothing. The file is parsed
//! whole first (every problem listed, see `docs/IMPORT.md`), then stored in one transaction, so a
//! record the database refuses (a name already registered) also leaves nothing behind.

use corridor_domain::directory::{OrganisationId, PersonId};
use corridor_domain::import;
use corridor_store::NewAuditEntry;

use super::organisations::current_year;
use super::{DirectoryError, SUBJECT};
use crate::App;
use crate::actor::CurrentUser;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFormat {
    Csv,
    Json,
}

impl ImportFormat {
    /// From a file name's extension, defaulting to CSV.
    pub fn from_file_name(name: &str) -> ImportFormat {
        if name.to_ascii_lowercase().ends_with(".json") {
            ImportFormat::Json
        } else {
            ImportFormat::Csv
        }
    }
}

/// Who imports: a signed-in organiser or admin, or the operator at the command line (whoever
/// runs `corridor` on the server already holds the whole database).
#[derive(Debug, Clone, Copy)]
enum Importer<'a> {
    User(&'a CurrentUser),
    Operator,
}

impl Importer<'_> {
    fn actor(&self) -> Option<String> {
        match self {
            Importer::User(user) => Some(user.account.to_string()),
            Importer::Operator => None,
        }
    }
}

fn staff(user: Option<&CurrentUser>) -> Result<Importer<'_>, DirectoryError> {
    let user = user.ok_or(DirectoryError::SignInRequired("import"))?;
    if !user.role.is_staff() {
        return Err(DirectoryError::Forbidden(
            "only organisers and admins import files".into(),
        ));
    }
    Ok(Importer::User(user))
}

fn entry(importer: Importer<'_>, action: &str, kind: &str, id: String) -> NewAuditEntry {
    let entry = NewAuditEntry::new(action, kind, id);
    match importer.actor() {
        Some(actor) => entry.by(actor),
        None => entry,
    }
}

/// Imports organisations (as drafts without owners) for an organiser or admin.
pub async fn import_organisations(
    app: &App,
    user: Option<&CurrentUser>,
    bytes: &[u8],
    format: ImportFormat,
) -> Result<Vec<OrganisationId>, DirectoryError> {
    organisations(app, staff(user)?, bytes, format).await
}

/// Imports organisations from the command line.
pub async fn import_organisations_as_operator(
    app: &App,
    bytes: &[u8],
    format: ImportFormat,
) -> Result<Vec<OrganisationId>, DirectoryError> {
    organisations(app, Importer::Operator, bytes, format).await
}

async fn organisations(
    app: &App,
    importer: Importer<'_>,
    bytes: &[u8],
    format: ImportFormat,
) -> Result<Vec<OrganisationId>, DirectoryError> {
    let parsed = match format {
        ImportFormat::Csv => import::parse_organisations_csv(bytes, current_year()),
        ImportFormat::Json => import::parse_organisations_json(bytes, current_year()),
    }
    .map_err(DirectoryError::Import)?;
    let audit =
        |id: OrganisationId| entry(importer, "organisation.imported", SUBJECT, id.to_string());
    app.store
        .organisations()
        .create_all(&parsed, audit)
        .await
        .map_err(already_there)
}

/// Imports people for an organiser or admin.
pub async fn import_people(
    app: &App,
    user: Option<&CurrentUser>,
    bytes: &[u8],
    format: ImportFormat,
) -> Result<Vec<PersonId>, DirectoryError> {
    people(app, staff(user)?, bytes, format).await
}

/// Imports people from the command line.
pub async fn import_people_as_operator(
    app: &App,
    bytes: &[u8],
    format: ImportFormat,
) -> Result<Vec<PersonId>, DirectoryError> {
    people(app, Importer::Operator, bytes, format).await
}

async fn people(
    app: &App,
    importer: Importer<'_>,
    bytes: &[u8],
    format: ImportFormat,
) -> Result<Vec<PersonId>, DirectoryError> {
    let parsed = match format {
        ImportFormat::Csv => import::parse_people_csv(bytes),
        ImportFormat::Json => import::parse_people_json(bytes),
    }
    .map_err(DirectoryError::Import)?;
    let audit = |id: PersonId| entry(importer, "person.imported", "person", id.to_string());
    app.store
        .people()
        .create_all(&parsed, audit)
        .await
        .map_err(already_there)
}

/// The file was valid on its own but clashes with what is stored (or names an unknown
/// organisation): the whole file is refused.
fn already_there(error: corridor_store::StoreError) -> DirectoryError {
    use corridor_domain::import::{ImportError, ImportErrors};
    if error.is_caller_fault() {
        let message = format!("nothing was imported: {error}");
        DirectoryError::Import(ImportErrors::one(ImportError::File { message }))
    } else {
        DirectoryError::Store(error)
    }
}
