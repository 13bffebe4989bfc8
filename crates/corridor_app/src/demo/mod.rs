//! A deterministic demo corridor, Pakistan ↔ United States, for
//! `corridor serve --demo` and the README walkthrough.
//!
//! [`dataset`] is pure: no I/O, no clock, no operating-system randomness.
//! Values come from fixed tables and a small seeded generator of our own
//! (splitmix64), so the output is the same on every call and does not change
//! with dependency versions. [`DemoDataset::fingerprint`] pins it in a test.
//!
//! What it holds: real public institutions of both countries (names and, where
//! certain, their public website; no contact details, no people), fictional
//! companies and other organisations (legal names end in "(Demo)",
//! descriptions start with "Demo data: fictional"), fictional people with
//! contact details only at reserved domains and in fictional phone ranges,
//! and demo accounts sharing [`DEMO_PASSWORD`]. Every input is marked
//! `demo: true`. The set is written for the PK–US corridor only; another
//! corridor needs its own tables. See `docs/DEMO_DATA.md`.

mod accounts;
mod fingerprint;
mod geography;
mod institutions;
mod load;
mod names;
mod organisations;
mod people;
mod rng;
mod sectors;
mod support;

use std::collections::BTreeSet;

use corridor_domain::directory::{OrganisationInput, PersonInput, VerificationState};

use crate::actor::Role;

pub use load::{DemoLoadError, LoadOutcome, load};
pub use sectors::Sector;

/// The password of every demo account. Public by design: never load the
/// demo data into an installation that holds real data.
pub const DEMO_PASSWORD: &str = "corridor-demo-password";

/// The two countries of the demo corridor (ISO 3166-1 alpha-2).
pub const COUNTRIES: [&str; 2] = ["PK", "US"];

/// Every fictional organisation's description starts with this.
pub const FICTIONAL_PREFIX: &str = "Demo data: fictional";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoDataset {
    pub organisations: Vec<DemoOrganisation>,
    pub people: Vec<DemoPerson>,
    pub accounts: Vec<DemoAccount>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoOrganisation {
    /// Stable slug, unique in the set, e.g. `"pk-ministry-of-commerce"`.
    pub key: String,
    pub input: OrganisationInput,
    /// The state the loader should bring the organisation to.
    pub verification: VerificationState,
    /// A real public institution (real name, no invented details).
    pub real_institution: bool,
    /// The corridor sector it belongs to, if any (ministries, chambers and
    /// think tanks span all of them).
    pub sector: Option<Sector>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoPerson {
    /// Stable slug, unique in the set, e.g. `"pk-ayesha-qureshi"`.
    pub key: String,
    /// Key of the organisation the person belongs to. The loader sets
    /// `input.organisation_id` once that organisation has an id.
    pub organisation_key: Option<String>,
    pub input: PersonInput,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoAccount {
    pub email: String,
    pub display_name: String,
    pub role: Role,
    /// Always [`DEMO_PASSWORD`].
    pub password: &'static str,
    /// Keys of the organisations this account owns.
    pub owns: Vec<String>,
}

impl DemoDataset {
    pub fn organisation(&self, key: &str) -> Option<&DemoOrganisation> {
        self.organisations.iter().find(|o| o.key == key)
    }

    pub fn person(&self, key: &str) -> Option<&DemoPerson> {
        self.people.iter().find(|p| p.key == key)
    }

    pub fn account(&self, email: &str) -> Option<&DemoAccount> {
        self.accounts.iter().find(|a| a.email == email)
    }
}

/// The demo corridor. `current_year` bounds the founding years (a year after
/// it is left blank), exactly as `OrganisationInput::validate` does.
pub fn dataset(current_year: i32) -> DemoDataset {
    let mut taken = Taken::default();
    let mut organisations = institutions::all(current_year);
    let walkthrough = accounts::walkthrough(current_year);
    organisations.extend(walkthrough.organisations);
    for org in &organisations {
        taken.organisation(org);
    }
    for country in COUNTRIES {
        organisations.extend(organisations::companies(country, current_year, &mut taken));
        organisations.extend(support::organisations(country, current_year, &mut taken));
    }
    let mut people = walkthrough.people;
    for person in &people {
        taken.person(person);
    }
    people.extend(people::generate(&organisations, &mut taken));
    DemoDataset {
        organisations,
        people,
        accounts: walkthrough.accounts,
    }
}

/// Names and keys already used, so generated ones never repeat.
#[derive(Debug, Default)]
struct Taken {
    keys: BTreeSet<String>,
    /// (country, lower-cased name): legal names of organisations.
    legal_names: BTreeSet<(String, String)>,
    /// (country, lower-cased name) of people.
    person_names: BTreeSet<(String, String)>,
    emails: BTreeSet<String>,
}

impl Taken {
    fn organisation(&mut self, org: &DemoOrganisation) {
        self.keys.insert(org.key.clone());
        self.legal_names.insert((
            org.input.country.clone(),
            org.input.legal_name.to_lowercase(),
        ));
    }

    fn person(&mut self, person: &DemoPerson) {
        self.keys.insert(person.key.clone());
        let country = person.key[..2].to_uppercase();
        self.person_names
            .insert((country, person.input.name.to_lowercase()));
        self.emails.insert(person.input.email.to_lowercase());
    }

    /// `local@domain`, or `local2@domain`, `local3@domain` … if taken.
    fn email(&mut self, local: &str, domain: &str) -> String {
        let mut address = format!("{local}@{domain}");
        let mut n = 2;
        while !self.emails.insert(address.clone()) {
            address = format!("{local}{n}@{domain}");
            n += 1;
        }
        address
    }

    /// Claims an organisation's key and legal name if both are free.
    fn claim_organisation(&mut self, key: &str, country: &str, legal_name: &str) -> bool {
        let name = (country.to_owned(), legal_name.to_lowercase());
        if self.keys.contains(key) || self.legal_names.contains(&name) {
            return false;
        }
        self.keys.insert(key.to_owned());
        self.legal_names.insert(name);
        true
    }

    /// Claims a person's key and name (within `country`) if both are free.
    fn claim_person(&mut self, key: &str, country: &str, name: &str) -> bool {
        let name = (country.to_owned(), name.to_lowercase());
        if self.keys.contains(key) || self.person_names.contains(&name) {
            return false;
        }
        self.keys.insert(key.to_owned());
        self.person_names.insert(name);
        true
    }
}
