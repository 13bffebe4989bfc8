//! Fictional organisations around the companies: investors, associations,
//! chambers, think tanks and service providers.

use corridor_domain::directory::OrganisationInput;

use super::geography::city_named;
use super::organisations::{fictional_name, languages, located, verification, year};
use super::rng::Rng;
use super::{DemoOrganisation, FICTIONAL_PREFIX, Sector, Taken};

/// One kind of supporting organisation.
struct Template {
    kind: &'static str,
    /// What the description calls it, after "Demo data: fictional".
    noun: &'static str,
    /// Last words of the name, per country.
    pk_nouns: &'static [&'static str],
    us_nouns: &'static [&'static str],
    pk_cities: &'static [&'static str],
    us_cities: &'static [&'static str],
    naics: &'static [&'static str],
    /// Sectors it serves, one per organisation in turn; empty for all.
    sectors: &'static [Sector],
    count: usize,
    founded: (i32, i32),
    line: &'static str,
}

const TEMPLATES: [Template; 5] = [
    Template {
        kind: "investor",
        noun: "investor",
        pk_nouns: &["Ventures", "Capital Partners", "Growth Fund"],
        us_nouns: &["Ventures", "Capital Partners", "Frontier Fund"],
        pk_cities: &["Karachi", "Lahore", "Islamabad"],
        us_cities: &[
            "New York",
            "San Francisco",
            "Boston",
            "Washington",
            "Houston",
        ],
        naics: &["523999", "523940"],
        sectors: &[
            Sector::ArtificialIntelligence,
            Sector::IctServices,
            Sector::EnergyAndRenewables,
            Sector::Health,
            Sector::Agriculture,
            Sector::CloudDataCentres,
        ],
        count: 6,
        founded: (2005, 2022),
        line: "Invests in companies that trade or build across the Pakistan–US corridor.",
    },
    Template {
        kind: "association",
        noun: "association",
        pk_nouns: &["Exporters Association", "Producers Association"],
        us_nouns: &["Importers Association", "Trade Association"],
        pk_cities: &["Karachi", "Lahore", "Faisalabad", "Sialkot", "Multan"],
        us_cities: &["New York", "Chicago", "Houston", "Atlanta", "Memphis"],
        naics: &["813910"],
        sectors: &[
            Sector::TextilesAndApparel,
            Sector::RiceAndFood,
            Sector::SurgicalInstruments,
            Sector::IctServices,
            Sector::Agriculture,
        ],
        count: 5,
        founded: (1975, 2015),
        line: "Represents its members' interests in corridor trade and organises buyer visits.",
    },
    Template {
        kind: "chamber",
        noun: "chamber of commerce",
        pk_nouns: &["Corridor Chamber of Commerce"],
        us_nouns: &["Corridor Chamber of Commerce"],
        pk_cities: &["Karachi", "Lahore", "Islamabad"],
        us_cities: &["New York", "Houston", "Chicago"],
        naics: &["813910"],
        sectors: &[],
        count: 2,
        founded: (1985, 2015),
        line: "Brings together businesses trading between Pakistan and the United States.",
    },
    Template {
        kind: "think_tank",
        noun: "think tank",
        pk_nouns: &["Institute for Trade Studies", "Centre for Economic Policy"],
        us_nouns: &["Institute for Trade Studies", "Center for Economic Policy"],
        pk_cities: &["Islamabad", "Lahore", "Karachi"],
        us_cities: &["Washington", "Boston", "New York"],
        naics: &["541720"],
        sectors: &[],
        count: 3,
        founded: (1990, 2020),
        line: "Research on trade, investment and the digital economy between Pakistan and the United States.",
    },
    Template {
        kind: "other",
        noun: "service provider",
        pk_nouns: &["Freight and Customs", "Trade Logistics"],
        us_nouns: &["Freight Forwarding", "Customs Brokerage"],
        pk_cities: &["Karachi", "Lahore"],
        us_cities: &["Jersey City", "Houston", "Los Angeles"],
        naics: &["488510"],
        sectors: &[],
        count: 3,
        founded: (1980, 2020),
        line: "Freight forwarding, customs clearance and compliance paperwork for corridor shipments.",
    },
];

pub(super) fn organisations(
    country: &str,
    current_year: i32,
    taken: &mut Taken,
) -> Vec<DemoOrganisation> {
    let mut out = Vec::new();
    for template in &TEMPLATES {
        let mut rng = Rng::for_label(&format!("support/{country}/{}", template.kind));
        for i in 0..template.count {
            out.push(organisation(
                country,
                template,
                i,
                &mut rng,
                current_year,
                taken,
            ));
        }
    }
    out
}

fn organisation(
    country: &str,
    t: &Template,
    i: usize,
    rng: &mut Rng,
    current_year: i32,
    taken: &mut Taken,
) -> DemoOrganisation {
    let (nouns, cities) = match country {
        "PK" => (t.pk_nouns, t.pk_cities),
        _ => (t.us_nouns, t.us_cities),
    };
    let city = city_named(country, cities[i % cities.len()]);
    let sector = (!t.sectors.is_empty()).then(|| t.sectors[i % t.sectors.len()]);
    // "Indus Heron Exporters Association (Private) Limited" would read
    // oddly: associations, chambers and think tanks carry no legal form.
    let legal_form = !matches!(t.kind, "association" | "chamber" | "think_tank");
    let name = fictional_name(country, nouns, legal_form, rng, taken);
    let focus = sector
        .map(|s| format!(" Focus: {}.", s.label().to_lowercase()))
        .unwrap_or_default();
    DemoOrganisation {
        key: name.key,
        input: OrganisationInput {
            kind: t.kind.to_owned(),
            legal_name: name.legal,
            trading_name: name.trading,
            year_founded: year(rng.between(t.founded.0, t.founded.1), current_year),
            size_band: rng.pick(&["1-9", "10-49", "50-249"]).to_string(),
            website: name.website,
            description: format!(
                "{FICTIONAL_PREFIX} {}. {}{focus} Based in {}.",
                t.noun, t.line, city.name
            ),
            industries: t.naics.iter().map(|c| (*c).to_owned()).collect(),
            languages: languages(&city, rng),
            demo: true,
            ..located(&city)
        },
        verification: verification(rng),
        real_institution: false,
        sector,
    }
}
