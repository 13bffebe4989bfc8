//! The sectors the Pakistan–US relationship actually has, and what a demo
//! company of each sector looks like on either side of the corridor.

mod goods;
mod tech;

/// A sector of the demo corridor. Each demo organisation that belongs to one
/// carries codes from its profile (NAICS 2022 industries, HS 2022 products).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Sector {
    IctServices,
    CloudDataCentres,
    Cybersecurity,
    ArtificialIntelligence,
    RiceAndFood,
    TextilesAndApparel,
    SurgicalInstruments,
    EnergyAndRenewables,
    Health,
    Agriculture,
}

impl Sector {
    pub const ALL: [Sector; 10] = [
        Sector::IctServices,
        Sector::CloudDataCentres,
        Sector::Cybersecurity,
        Sector::ArtificialIntelligence,
        Sector::RiceAndFood,
        Sector::TextilesAndApparel,
        Sector::SurgicalInstruments,
        Sector::EnergyAndRenewables,
        Sector::Health,
        Sector::Agriculture,
    ];

    /// Stable lower-case name.
    pub fn slug(self) -> &'static str {
        match self {
            Sector::IctServices => "ict_services",
            Sector::CloudDataCentres => "cloud_data_centres",
            Sector::Cybersecurity => "cybersecurity",
            Sector::ArtificialIntelligence => "ai",
            Sector::RiceAndFood => "rice_food",
            Sector::TextilesAndApparel => "textiles_apparel",
            Sector::SurgicalInstruments => "surgical_instruments",
            Sector::EnergyAndRenewables => "energy_renewables",
            Sector::Health => "health",
            Sector::Agriculture => "agriculture",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sector::IctServices => "ICT and IT services",
            Sector::CloudDataCentres => "Cloud and data centres",
            Sector::Cybersecurity => "Cybersecurity",
            Sector::ArtificialIntelligence => "Artificial intelligence",
            Sector::RiceAndFood => "Rice and food",
            Sector::TextilesAndApparel => "Textiles and apparel",
            Sector::SurgicalInstruments => "Surgical instruments",
            Sector::EnergyAndRenewables => "Energy and renewables",
            Sector::Health => "Health",
            Sector::Agriculture => "Agriculture",
        }
    }

    pub(super) fn profile(self) -> &'static Profile {
        tech::PROFILES
            .iter()
            .chain(goods::PROFILES.iter())
            .find(|p| p.sector == self)
            .expect("every sector has a profile")
    }
}

impl std::fmt::Display for Sector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// Which kinds a sector's demo companies take, in percent; the rest are
/// plain companies.
#[derive(Debug, Clone, Copy)]
pub(super) struct KindMix {
    pub startup: usize,
    pub marketplace_seller: usize,
}

/// One line of business within a sector: what such a company does, what it
/// is called and which codes go with it, so that name, description and
/// codes agree.
#[derive(Debug)]
pub(super) struct Offer {
    /// One sentence: what the company does in the corridor.
    pub line: &'static str,
    /// The last word(s) of a company name, e.g. "Softworks".
    pub nouns: &'static [&'static str],
    /// NAICS 2022 codes; the first is always used, a second may be added.
    pub naics: &'static [&'static str],
    /// HS 2022 headings or subheadings exported / imported.
    pub exports: &'static [&'static str],
    pub imports: &'static [&'static str],
}

pub(super) const fn offer(
    line: &'static str,
    nouns: &'static [&'static str],
    naics: &'static [&'static str],
    exports: &'static [&'static str],
    imports: &'static [&'static str],
) -> Offer {
    Offer {
        line,
        nouns,
        naics,
        exports,
        imports,
    }
}

/// One side (country) of a sector.
#[derive(Debug)]
pub(super) struct Side {
    /// How many demo companies of this sector the country gets.
    pub count: usize,
    /// Cities where such companies plausibly sit (names from `geography`).
    pub cities: &'static [&'static str],
    pub offers: &'static [Offer],
}

#[derive(Debug)]
pub(super) struct Profile {
    pub sector: Sector,
    pub mix: KindMix,
    /// Range of founding years of its established companies.
    pub founded: (i32, i32),
    pub pk: Side,
    pub us: Side,
    pub certifications: &'static [&'static str],
    /// Free expertise tags for the sector's people.
    pub tags: &'static [&'static str],
    /// Job titles specific to the sector (besides the generic ones).
    pub roles: &'static [&'static str],
    /// HS 2022 chapters an expert of the sector may list.
    pub chapters: &'static [&'static str],
}

impl Profile {
    pub(super) fn side(&self, country: &str) -> &Side {
        match country {
            "PK" => &self.pk,
            _ => &self.us,
        }
    }
}
