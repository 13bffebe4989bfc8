//! Fictional companies, start-ups and marketplace sellers of each sector.

use corridor_domain::directory::{OrganisationInput, VerificationState};

use super::geography::{City, city_named, regional_language};
use super::names::{CREATURES, PK_PLACES, US_PLACES, slug};
use super::rng::Rng;
use super::sectors::{Profile, Side};
use super::{DemoOrganisation, FICTIONAL_PREFIX, Sector, Taken};

/// The demo companies of `country`, sector by sector. Each sector has its
/// own random stream, so changing one sector leaves the others as they are.
pub(super) fn companies(
    country: &str,
    current_year: i32,
    taken: &mut Taken,
) -> Vec<DemoOrganisation> {
    let mut out = Vec::new();
    for sector in Sector::ALL {
        let profile = sector.profile();
        let side = profile.side(country);
        let mut rng = Rng::for_label(&format!("companies/{country}/{}", sector.slug()));
        for _ in 0..side.count {
            out.push(company(
                country,
                profile,
                side,
                &mut rng,
                current_year,
                taken,
            ));
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Company,
    Startup,
    Seller,
}

fn company(
    country: &str,
    profile: &Profile,
    side: &Side,
    rng: &mut Rng,
    current_year: i32,
    taken: &mut Taken,
) -> DemoOrganisation {
    let roll = rng.below(100);
    let kind = if roll < profile.mix.startup {
        Kind::Startup
    } else if roll < profile.mix.startup + profile.mix.marketplace_seller {
        Kind::Seller
    } else {
        Kind::Company
    };
    let city_name = *rng.pick(side.cities);
    let city = city_named(country, city_name);
    let offer = rng.pick(side.offers);
    let name = fictional_name(country, offer.nouns, true, rng, taken);
    let (first_year, last_year) = match kind {
        Kind::Startup => (2016, 2024),
        Kind::Seller => (2005, 2023),
        Kind::Company => profile.founded,
    };
    let sizes: &[&str] = match kind {
        Kind::Startup | Kind::Seller => &["1-9", "10-49"],
        Kind::Company => &["10-49", "50-249", "50-249", "250-999", "1000+"],
    };
    let mut industries = vec![offer.naics[0].to_owned()];
    if offer.naics.len() > 1 && rng.chance(50) {
        industries.push(rng.pick(&offer.naics[1..]).to_string());
    }
    let exports = some_codes(rng, offer.exports, 1, 3);
    let imports = some_codes(rng, offer.imports, usize::from(exports.is_empty()), 2);
    let max_certificates = if kind == Kind::Company { 2 } else { 1 };
    let certifications = rng.below(max_certificates + 1);
    let noun = match kind {
        Kind::Startup => "start-up",
        Kind::Seller => "marketplace seller",
        Kind::Company => "company",
    };
    let description = format!(
        "{FICTIONAL_PREFIX} {noun}. {} Based in {}.",
        offer.line, city.name
    );
    DemoOrganisation {
        key: name.key,
        input: OrganisationInput {
            kind: match kind {
                Kind::Company => "company",
                Kind::Startup => "startup",
                Kind::Seller => "marketplace_seller",
            }
            .to_owned(),
            legal_name: name.legal,
            trading_name: name.trading,
            year_founded: year(rng.between(first_year, last_year), current_year),
            size_band: rng.pick(sizes).to_string(),
            website: name.website,
            description,
            industries,
            exports,
            imports,
            certifications: strings(rng.some(profile.certifications, certifications)),
            languages: languages(&city, rng),
            demo: true,
            ..located(&city)
        },
        verification: verification(rng),
        real_institution: false,
        sector: Some(profile.sector),
    }
}

/// A fictional organisation's names, key and web address.
pub(super) struct FictionalName {
    pub key: String,
    pub legal: String,
    pub trading: String,
    pub website: String,
}

/// "{place} {creature} {noun}", then a legal form if `legal_form`, then
/// "(Demo)"; unique in the country, drawn again until it is.
pub(super) fn fictional_name(
    country: &str,
    nouns: &[&str],
    legal_form: bool,
    rng: &mut Rng,
    taken: &mut Taken,
) -> FictionalName {
    let (places, suffixes): (&[&str], &[&str]) = match country {
        "PK" => (
            PK_PLACES,
            &["(Private) Limited", "(Pvt) Ltd", "(SMC-Private) Limited"],
        ),
        _ => (US_PLACES, &["LLC", "Inc.", "Corp."]),
    };
    for _ in 0..1000 {
        let trading = format!("{} {}", rng.pick(places), rng.pick(CREATURES));
        let base = format!("{trading} {}", rng.pick(nouns));
        let suffix = rng.pick(suffixes);
        let legal = if legal_form {
            format!("{base} {suffix} (Demo)")
        } else {
            format!("{base} (Demo)")
        };
        let key = format!("{}-{}", country.to_lowercase(), slug(&base));
        if taken.claim_organisation(&key, country, &legal) {
            return FictionalName {
                website: format!("https://{}.example/", slug(&base)),
                key,
                legal,
                trading,
            };
        }
    }
    panic!("demo name lists too short for {country}");
}

/// Country, region and city of an input located in `city`.
pub(super) fn located(city: &City) -> OrganisationInput {
    OrganisationInput {
        country: city.country.to_owned(),
        region: city.region.to_owned(),
        city: city.name.to_owned(),
        ..OrganisationInput::default()
    }
}

/// English everywhere; Urdu and often the provincial language in Pakistan;
/// sometimes Spanish in the United States.
pub(super) fn languages(city: &City, rng: &mut Rng) -> Vec<String> {
    let mut out = vec!["en".to_owned()];
    if city.country == "PK" {
        out.push("ur".to_owned());
        if let Some(regional) = regional_language(city.region).filter(|_| rng.chance(50)) {
            out.push(regional.to_owned());
        }
    } else if rng.chance(15) {
        out.push("es".to_owned());
    }
    out
}

/// `low..=high` distinct codes from `codes` (fewer if it is shorter).
pub(super) fn some_codes(rng: &mut Rng, codes: &[&str], low: usize, high: usize) -> Vec<String> {
    if codes.is_empty() {
        return Vec::new();
    }
    let n = low + rng.below(high - low + 1);
    strings(rng.some(codes, n))
}

pub(super) fn strings(items: Vec<&&str>) -> Vec<String> {
    items.into_iter().map(|s| (*s).to_owned()).collect()
}

/// A founding year, blank if it lies after `current_year`.
pub(super) fn year(year: i32, current_year: i32) -> String {
    if year <= current_year {
        year.to_string()
    } else {
        String::new()
    }
}

/// The target state of a fictional organisation: mostly verified, enough in
/// the review queue (submitted, under review, needs info) to work with, and
/// a few of every other state.
pub(super) fn verification(rng: &mut Rng) -> VerificationState {
    const SPREAD: [(usize, VerificationState); 8] = [
        (60, VerificationState::Verified),
        (10, VerificationState::Submitted),
        (9, VerificationState::UnderReview),
        (6, VerificationState::NeedsInfo),
        (4, VerificationState::Rejected),
        (5, VerificationState::Draft),
        (4, VerificationState::Expired),
        (2, VerificationState::Suspended),
    ];
    let mut roll = rng.below(100);
    for (percent, state) in SPREAD {
        if roll < percent {
            return state;
        }
        roll -= percent;
    }
    VerificationState::Verified
}
