//! The directory's storage: organisations with their codes and verification record, people with
//! their private contact details, memberships (account ↔ organisation), verification evidence.
//!
//! Reached from the [`Store`]: [`Store::organisations`], [`Store::people`], [`Store::memberships`].
//! Every write that changes state also appends its audit-log entry in the same transaction.
//! Values come back as domain types, re-validated on the way out: a row the domain would not
//! accept is reported as a decode error rather than passed on.
//!
//! Codes (NAICS industries, HS exports/imports, languages) are rows of `organisation_codes` and
//! `person_codes`, indexed by `(system, code)`, so "who exports HS 1006?" is a range scan of that
//! index on both backends (PostgreSQL compares the codes in the "C" collation, as SQLite does).

mod code_rows;
mod evidence;
mod filter;
pub(crate) mod id;
mod memberships;
mod organisations;
pub(crate) mod people;
mod people_search;
pub(crate) mod tx;

use corridor_domain::codes::{CountryCode, HsCode};
use corridor_domain::directory::{AccountId, OrganisationKind, VerificationState};

pub use evidence::{DocumentMeta, Evidence, EvidenceItem};
pub use memberships::{MemberRole, Membership, Memberships};
pub use organisations::Organisations;
pub use people::{People, StoredPerson};
pub use people_search::PersonFilter;

use crate::{Store, StoreError};

impl Store {
    /// Organisations, their codes, verification records and evidence.
    pub fn organisations(&self) -> Organisations<'_> {
        Organisations { store: self }
    }

    /// People and their private contact details.
    pub fn people(&self) -> People<'_> {
        People { store: self }
    }

    /// Which accounts act for which organisations.
    pub fn memberships(&self) -> Memberships<'_> {
        Memberships { store: self }
    }
}

/// Which product list a product filter looks in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProductFlow {
    Exports,
    Imports,
    Either,
}

/// What to list. Empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct OrganisationFilter {
    pub country: Option<CountryCode>,
    pub kind: Option<OrganisationKind>,
    /// A NAICS code prefix: `54` finds every professional-services industry.
    pub industry_prefix: Option<String>,
    /// An HS code: finds organisations trading it or any code under it, and those trading the
    /// heading of a subheading asked for (a 1006 exporter can supply 100630).
    pub product: Option<(ProductFlow, HsCode)>,
    /// Only these verification states; empty means any.
    pub states: Vec<VerificationState>,
    /// Leaves out appeals against this account's own rejection (it may not decide them).
    pub not_appealing_against: Option<AccountId>,
    /// Words in the legal or trading name (case-insensitive substring).
    pub name: Option<String>,
    pub limit: u32,
    pub offset: u32,
}

/// One page of a listing and the number of matches in all pages.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub total: u64,
    pub items: Vec<T>,
}

/// A stored value the domain no longer accepts: ours, not the caller's.
fn corrupt(what: &str, why: impl std::fmt::Display) -> sqlx::Error {
    sqlx::Error::Decode(format!("stored {what} is not valid: {why}").into())
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or_default()
}

impl Store {
    pub(crate) fn directory_error(&self, what: &str) -> impl Fn(sqlx::Error) -> StoreError + '_ {
        let what = what.to_owned();
        move |e| self.query_error(e, &what)
    }
}
