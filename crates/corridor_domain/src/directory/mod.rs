//! The directory: organisations, people and the verification of
//! organisations.
//!
//! Values are parsed, not validated: every field of [`NewOrganisation`] and
//! [`NewPerson`] is a newtype that can only hold an acceptable value. Forms,
//! JSON and CSV rows arrive as [`OrganisationInput`] / [`PersonInput`]
//! (plain strings) and become domain values through `validate`, which
//! reports every problem at once as [`FieldErrors`].
//!
//! Language codes are ISO 639-1, bundled from Debian's `iso-codes`
//! (LGPL-2.1-or-later); see [`LanguageCode`].

mod check;
mod contact;
mod error;
mod ids;
mod kinds;
mod language;
mod language_table;
mod organisation;
mod person;
mod text;
mod values;
pub mod verification;

pub use check::MAX_LIST_ITEMS;
pub use contact::{Email, Phone, WebUrl};
pub(crate) use error::echo;
pub use error::{FieldError, FieldErrors, ValueError};
pub use ids::{AccountId, OrganisationId, PersonId};
pub use kinds::{OrganisationKind, PersonKind, SizeBand};
pub use language::LanguageCode;
pub use organisation::{NewOrganisation, Organisation, OrganisationInput};
pub use person::{ContactDetails, NewPerson, Person, PersonInput};
pub use text::{Description, Name};
pub use values::YearFounded;
pub use verification::{
    Actor, AuditEntry, Transition, VerificationAction, VerificationRecord, VerificationState,
    WorkflowError,
};
