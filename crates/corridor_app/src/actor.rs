//! Who is acting: the signed-in account and its site-wide role. Authorisation decisions in the use
//! cases take a [`CurrentUser`] (or `None` for a visitor); the web crate only extracts it.

use corridor_domain::directory::AccountId;

/// Site-wide role of an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Runs the installation.
    Admin,
    /// Trade officer: reviews registrations, runs events.
    Organiser,
    /// Acts for the organisations it belongs to.
    Member,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Organiser => "organiser",
            Role::Member => "member",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "admin" => Some(Role::Admin),
            "organiser" => Some(Role::Organiser),
            "member" => Some(Role::Member),
            _ => None,
        }
    }

    /// Organisers and admins review registrations and see private contact details.
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Admin | Role::Organiser)
    }
}

/// An account's role within one organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MembershipRole {
    Owner,
    Staff,
}

/// The signed-in account, as loaded from a valid session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentUser {
    pub account: AccountId,
    pub email: String,
    pub display_name: String,
    pub role: Role,
}
