//! Fictional people: staff of the fictional organisations and independent
//! experts, former officials and diplomats, and angel investors. Nobody is
//! attached to a real institution: officials are never invented.

use corridor_domain::directory::PersonInput;

use super::geography::{City, city_named, fictional_phone};
use super::names::{PK_GIVEN_FEMALE, PK_GIVEN_MALE, US_GIVEN, US_SURNAMES, pk_surnames, slug};
use super::organisations::some_codes;
use super::rng::Rng;
use super::{COUNTRIES, DemoOrganisation, DemoPerson, Sector, Taken};

/// Tags for people whose organisation spans every sector.
const GENERAL_TAGS: &[&str] = &[
    "trade policy",
    "export promotion",
    "market entry",
    "trade finance",
    "customs",
    "investment facilitation",
];

/// Independent people per country: (kind, titles, how many).
const INDEPENDENTS: [(&str, &[&str], usize); 4] = [
    (
        "market_expert",
        &[
            "Independent trade consultant",
            "Market-entry adviser",
            "Customs and compliance adviser",
            "Export marketing consultant",
        ],
        10,
    ),
    (
        "diplomat",
        &[
            "Retired commercial diplomat",
            "Former economic counsellor",
            "Former trade attaché",
        ],
        5,
    ),
    (
        "official",
        &[
            "Former trade-promotion officer",
            "Former customs official",
            "Retired investment-promotion officer",
        ],
        4,
    ),
    ("investor", &["Angel investor", "Family-office investor"], 4),
];

pub(super) fn generate(orgs: &[DemoOrganisation], taken: &mut Taken) -> Vec<DemoPerson> {
    let mut out = Vec::new();
    for org in orgs.iter().filter(|o| !o.real_institution) {
        let mut rng = Rng::for_label(&format!("people/{}", org.key));
        let city = city_named(&org.input.country, &org.input.city);
        for (kind, title) in staff(org, &mut rng) {
            out.push(person(&city, Some(org), kind, title, &mut rng, taken));
        }
    }
    for country in COUNTRIES {
        let mut rng = Rng::for_label(&format!("people/{country}/independent"));
        let cities: &[&str] = match country {
            "PK" => &[
                "Karachi",
                "Lahore",
                "Islamabad",
                "Peshawar",
                "Quetta",
                "Faisalabad",
            ],
            _ => &[
                "Washington",
                "New York",
                "Houston",
                "Chicago",
                "San Francisco",
                "Atlanta",
            ],
        };
        for (kind, titles, count) in INDEPENDENTS {
            for i in 0..count {
                let city = city_named(country, cities[i % cities.len()]);
                let title = rng.pick(titles).to_string();
                out.push(person(&city, None, kind, title, &mut rng, taken));
            }
        }
    }
    out
}

/// Who works at `org`: (person kind, title).
fn staff(org: &DemoOrganisation, rng: &mut Rng) -> Vec<(&'static str, String)> {
    let pk = org.input.country == "PK";
    let pick = |rng: &mut Rng, titles: &[&str]| rng.pick(titles).to_string();
    match org.input.kind.as_str() {
        "investor" => vec![
            (
                "investor",
                pick(rng, &["Managing Partner", "General Partner"]),
            ),
            (
                "investor",
                pick(
                    rng,
                    &["Principal", "Investment Director", "Venture Partner"],
                ),
            ),
        ],
        "association" | "chamber" => vec![(
            "official",
            pick(
                rng,
                &[
                    "Secretary General",
                    "Chairperson",
                    "Director, Trade Services",
                    "Vice President",
                ],
            ),
        )],
        "think_tank" => vec![
            (
                "market_expert",
                pick(rng, &["Director of Research", "Senior Fellow"]),
            ),
            (
                "market_expert",
                pick(
                    rng,
                    &[
                        "Research Fellow, Trade Policy",
                        "Economist",
                        "Research Associate",
                    ],
                ),
            ),
        ],
        "other" => vec![(
            "professional",
            pick(
                rng,
                &[
                    "Operations Director",
                    "Head of Customs Compliance",
                    "Managing Director",
                ],
            ),
        )],
        kind => {
            let lead: &[&str] = match kind {
                "startup" => &["Founder and CEO", "Co-founder", "Co-founder and CTO"],
                "marketplace_seller" => &["Owner", "Founder"],
                _ if pk => &[
                    "Chief Executive Officer",
                    "Managing Director",
                    "Director",
                    "Chief Operating Officer",
                ],
                _ => &[
                    "Chief Executive Officer",
                    "President",
                    "Chief Operating Officer",
                    "Vice President, Sourcing",
                ],
            };
            let mut out = vec![("professional", pick(rng, lead))];
            if rng.chance(40) {
                let mut titles: Vec<&str> = org
                    .sector
                    .map(|s| s.profile().roles.to_vec())
                    .unwrap_or_default();
                titles.push("Business Development Manager");
                titles.push(if pk {
                    "Sales Director, North America"
                } else {
                    "Sourcing Manager, South Asia"
                });
                out.push(("professional", pick(rng, &titles)));
            }
            out
        }
    }
}

fn person(
    city: &City,
    org: Option<&DemoOrganisation>,
    kind: &str,
    title: String,
    rng: &mut Rng,
    taken: &mut Taken,
) -> DemoPerson {
    let country = city.country;
    let (given, surname, diaspora) = name(city, rng, taken);
    let full = format!("{given} {surname}");
    let key = format!("{}-{}", country.to_lowercase(), slug(&full));
    let sector = org
        .and_then(|o| o.sector)
        .unwrap_or_else(|| *rng.pick(&Sector::ALL));
    let profile = sector.profile();
    let (industries, products) = match org {
        Some(o) => (
            o.input.industries.iter().take(2).cloned().collect(),
            o.input
                .exports
                .iter()
                .chain(&o.input.imports)
                .take(2)
                .cloned()
                .collect(),
        ),
        None => {
            let offer = rng.pick(profile.side(country).offers);
            (some_codes(rng, offer.naics, 1, 2), Vec::new())
        }
    };
    let mut products: Vec<String> = products;
    if rng.chance(50) {
        products.push(rng.pick(profile.chapters).to_string());
    }
    let general = org.is_some_and(|o| o.sector.is_none());
    let mut tags = some_codes(rng, if general { GENERAL_TAGS } else { profile.tags }, 1, 3);
    if rng.chance(30) {
        let market = if country == "PK" {
            "US market entry"
        } else {
            "Pakistan market entry"
        };
        tags.push(market.to_owned());
    }
    let domain = match org {
        Some(o) => o
            .input
            .website
            .trim_start_matches("https://")
            .trim_end_matches('/')
            .to_owned(),
        None if matches!(kind, "diplomat" | "official") => "example.org".to_owned(),
        None => "example.com".to_owned(),
    };
    let email = if rng.chance(85) {
        taken.email(&format!("{}.{}", slug(&given), slug(&surname)), &domain)
    } else {
        String::new()
    };
    let phone_serial = rng.below(100);
    DemoPerson {
        key,
        organisation_key: org.map(|o| o.key.clone()),
        input: PersonInput {
            name: full,
            title,
            kind: kind.to_owned(),
            expertise_industries: industries,
            expertise_products: products,
            tags,
            languages: languages(city, diaspora, rng),
            time_zone: city.time_zone.to_owned(),
            email,
            phone: if rng.chance(60) {
                fictional_phone(city, phone_serial)
            } else {
                String::new()
            },
            profile_url: if rng.chance(40) {
                format!(
                    "https://social.example/in/{}",
                    slug(&format!("{given} {surname} {phone_serial}"))
                )
            } else {
                String::new()
            },
            demo: true,
            ..PersonInput::default()
        },
    }
}

/// A fresh (given name, surname, Pakistani diaspora?) for `city`'s country.
/// One US person in five has a Pakistani name: the diaspora is much of the
/// corridor's business.
fn name(city: &City, rng: &mut Rng, taken: &mut Taken) -> (String, String, bool) {
    let country = city.country;
    for _ in 0..1000 {
        let diaspora = country == "US" && rng.chance(20);
        let (given, surname) = if country == "PK" || diaspora {
            let given = if rng.chance(50) {
                PK_GIVEN_FEMALE
            } else {
                PK_GIVEN_MALE
            };
            let region = if diaspora { "PK-PB" } else { city.region };
            (*rng.pick(given), *rng.pick(pk_surnames(region)))
        } else {
            (*rng.pick(US_GIVEN), *rng.pick(US_SURNAMES))
        };
        let full = format!("{given} {surname}");
        let key = format!("{}-{}", country.to_lowercase(), slug(&full));
        if taken.claim_person(&key, country, &full) {
            return (given.to_owned(), surname.to_owned(), diaspora);
        }
    }
    panic!("demo person names exhausted for {country}");
}

fn languages(city: &City, diaspora: bool, rng: &mut Rng) -> Vec<String> {
    let mut out: Vec<&str> = Vec::new();
    if city.country == "PK" {
        out.extend(["ur", "en"]);
        let regional = super::geography::regional_language(city.region);
        out.extend(regional.filter(|_| rng.chance(60)));
    } else {
        out.push("en");
        if diaspora {
            out.push("ur");
            if rng.chance(30) {
                out.push("pa");
            }
        } else if rng.chance(10) {
            out.push("es");
        }
    }
    out.into_iter().map(str::to_owned).collect()
}
