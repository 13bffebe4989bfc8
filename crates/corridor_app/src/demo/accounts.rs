//! Demo accounts and the organisations their members own, written by hand
//! so the README walkthrough and the review queue have known content.

use corridor_domain::directory::{OrganisationInput, PersonInput, VerificationState};

use super::geography::{City, city_named, fictional_phone};
use super::organisations::located;
use super::{DEMO_PASSWORD, DemoAccount, DemoOrganisation, DemoPerson, FICTIONAL_PREFIX, Sector};
use crate::actor::Role;

pub(super) struct Walkthrough {
    pub organisations: Vec<DemoOrganisation>,
    pub people: Vec<DemoPerson>,
    pub accounts: Vec<DemoAccount>,
}

/// A member and the one organisation they own.
struct Member {
    email: &'static str,
    name: &'static str,
    title: &'static str,
    country: &'static str,
    city: &'static str,
    org_key: &'static str,
    kind: &'static str,
    legal_name: &'static str,
    trading_name: &'static str,
    year: i32,
    size: &'static str,
    sector: Sector,
    naics: &'static [&'static str],
    exports: &'static [&'static str],
    imports: &'static [&'static str],
    line: &'static str,
    state: VerificationState,
}

#[rustfmt::skip]
const MEMBERS: &[Member] = &[
    Member { email: "amina.rahman@example.com", name: "Amina Rahman", title: "Managing Director", country: "PK", city: "Lahore", org_key: "pk-ravi-heron-home-textiles", kind: "company", legal_name: "Ravi Heron Home Textiles (Private) Limited (Demo)", trading_name: "Ravi Heron", year: 1998, size: "250-999", sector: Sector::TextilesAndApparel, naics: &["314120"], exports: &["6302", "630231", "630260"], imports: &["5201"], line: "Bed linen and terry towels for US retailers.", state: VerificationState::Verified },
    Member { email: "hamza.khattak@example.com", name: "Hamza Khattak", title: "Founder and CEO", country: "PK", city: "Peshawar", org_key: "pk-naltar-markhor-cyber-defence", kind: "startup", legal_name: "Naltar Markhor Cyber Defence (Pvt) Ltd (Demo)", trading_name: "Naltar Markhor", year: 2019, size: "10-49", sector: Sector::Cybersecurity, naics: &["541512"], exports: &[], imports: &["8471"], line: "Security operations centre services for US small businesses.", state: VerificationState::Verified },
    Member { email: "daniel.brooks@example.com", name: "Daniel Brooks", title: "President", country: "US", city: "Houston", org_key: "us-bayou-pelican-energy", kind: "company", legal_name: "Bayou Pelican Energy LLC (Demo)", trading_name: "Bayou Pelican", year: 2006, size: "50-249", sector: Sector::EnergyAndRenewables, naics: &["423610"], exports: &["850440", "850760"], imports: &[], line: "Distributor of inverters and battery storage, looking for partners in Pakistan.", state: VerificationState::Verified },
    Member { email: "daniel.brooks@example.com", name: "Daniel Brooks", title: "President", country: "US", city: "Houston", org_key: "us-bayou-pelican-grid-services", kind: "company", legal_name: "Bayou Pelican Grid Services LLC (Demo)", trading_name: "Bayou Pelican Grid", year: 2021, size: "10-49", sector: Sector::EnergyAndRenewables, naics: &["541330"], exports: &[], imports: &[], line: "Grid-integration engineering for solar and storage projects.", state: VerificationState::UnderReview },
    Member { email: "sana.memon@example.com", name: "Sana Memon", title: "Director, Exports", country: "PK", city: "Karachi", org_key: "pk-keenjhar-lotus-foods", kind: "company", legal_name: "Keenjhar Lotus Foods (Private) Limited (Demo)", trading_name: "Keenjhar Lotus", year: 2004, size: "50-249", sector: Sector::RiceAndFood, naics: &["311212"], exports: &["1006", "100630"], imports: &[], line: "Basmati rice miller and exporter.", state: VerificationState::Submitted },
    Member { email: "rachel.kim@example.com", name: "Rachel Kim", title: "Chief Executive Officer", country: "US", city: "Seattle", org_key: "us-cascade-heron-cloud", kind: "startup", legal_name: "Cascade Heron Cloud Inc. (Demo)", trading_name: "Cascade Heron", year: 2020, size: "10-49", sector: Sector::CloudDataCentres, naics: &["518210"], exports: &["847150"], imports: &[], line: "Cloud migration for companies with engineering teams in Pakistan.", state: VerificationState::UnderReview },
    Member { email: "bilal.awan@example.com", name: "Bilal Awan", title: "Owner", country: "PK", city: "Sialkot", org_key: "pk-shigar-ibex-surgical-works", kind: "company", legal_name: "Shigar Ibex Surgical Works (SMC-Private) Limited (Demo)", trading_name: "Shigar Ibex", year: 2011, size: "10-49", sector: Sector::SurgicalInstruments, naics: &["339112"], exports: &["901890"], imports: &["7219"], line: "Maker of stainless-steel surgical instruments.", state: VerificationState::Rejected },
    Member { email: "grace.okafor@example.com", name: "Grace Okafor", title: "Head of Sourcing", country: "US", city: "New York", org_key: "us-hudson-wren-apparel", kind: "company", legal_name: "Hudson Wren Apparel Inc. (Demo)", trading_name: "Hudson Wren", year: 2012, size: "50-249", sector: Sector::TextilesAndApparel, naics: &["424350"], exports: &[], imports: &["6203", "620342", "6109"], line: "Apparel importer sourcing denim and knitwear from Pakistan.", state: VerificationState::NeedsInfo },
    Member { email: "usman.tariq@example.com", name: "Usman Tariq", title: "Co-founder", country: "PK", city: "Islamabad", org_key: "pk-margalla-saker-ai-labs", kind: "startup", legal_name: "Margalla Saker AI Labs (Pvt) Ltd (Demo)", trading_name: "Margalla Saker", year: 2023, size: "1-9", sector: Sector::ArtificialIntelligence, naics: &["541715"], exports: &[], imports: &[], line: "Urdu speech recognition for call centres.", state: VerificationState::Draft },
];

const STAFF: [(&str, &str, Role); 3] = [
    ("admin@example.org", "Demo Administrator", Role::Admin),
    (
        "organiser.islamabad@example.org",
        "Demo Organiser (Islamabad)",
        Role::Organiser,
    ),
    (
        "organiser.washington@example.org",
        "Demo Organiser (Washington)",
        Role::Organiser,
    ),
];

pub(super) fn walkthrough(current_year: i32) -> Walkthrough {
    let mut accounts: Vec<DemoAccount> = STAFF
        .iter()
        .map(|(email, name, role)| account(email, name, *role))
        .collect();
    let mut people: Vec<DemoPerson> = Vec::new();
    let mut organisations = Vec::new();
    for (i, m) in MEMBERS.iter().enumerate() {
        let city = city_named(m.country, m.city);
        organisations.push(organisation(m, &city, current_year));
        match accounts.iter_mut().find(|a| a.email == m.email) {
            Some(existing) => existing.owns.push(m.org_key.to_owned()),
            None => {
                let mut member = account(m.email, m.name, Role::Member);
                member.owns.push(m.org_key.to_owned());
                accounts.push(member);
                people.push(person(m, &city, i));
            }
        }
    }
    Walkthrough {
        organisations,
        people,
        accounts,
    }
}

fn account(email: &str, name: &str, role: Role) -> DemoAccount {
    DemoAccount {
        email: email.to_owned(),
        display_name: name.to_owned(),
        role,
        password: DEMO_PASSWORD,
        owns: Vec::new(),
    }
}

fn organisation(m: &Member, city: &City, current_year: i32) -> DemoOrganisation {
    let codes = |codes: &[&str]| codes.iter().map(|c| (*c).to_owned()).collect();
    let noun = if m.kind == "startup" {
        "start-up"
    } else {
        "company"
    };
    DemoOrganisation {
        key: m.org_key.to_owned(),
        input: OrganisationInput {
            kind: m.kind.to_owned(),
            legal_name: m.legal_name.to_owned(),
            trading_name: m.trading_name.to_owned(),
            year_founded: super::organisations::year(m.year, current_year),
            size_band: m.size.to_owned(),
            website: format!("https://{}.example/", &m.org_key[3..]),
            description: format!(
                "{FICTIONAL_PREFIX} {noun}. {} Based in {}.",
                m.line, city.name
            ),
            industries: codes(m.naics),
            exports: codes(m.exports),
            imports: codes(m.imports),
            languages: if m.country == "PK" {
                codes(&["en", "ur"])
            } else {
                codes(&["en"])
            },
            demo: true,
            ..located(city)
        },
        verification: m.state,
        real_institution: false,
        sector: Some(m.sector),
    }
}

/// The member's own profile, with the account's e-mail address.
fn person(m: &Member, city: &City, i: usize) -> DemoPerson {
    DemoPerson {
        key: format!(
            "{}-{}",
            m.country.to_lowercase(),
            super::names::slug(m.name)
        ),
        organisation_key: Some(m.org_key.to_owned()),
        input: PersonInput {
            name: m.name.to_owned(),
            title: m.title.to_owned(),
            kind: "professional".to_owned(),
            expertise_industries: m.naics.iter().map(|c| (*c).to_owned()).collect(),
            languages: if m.country == "PK" {
                vec!["ur".to_owned(), "en".to_owned()]
            } else {
                vec!["en".to_owned()]
            },
            time_zone: city.time_zone.to_owned(),
            email: m.email.to_owned(),
            phone: fictional_phone(city, 90 + i),
            demo: true,
            ..PersonInput::default()
        },
    }
}
