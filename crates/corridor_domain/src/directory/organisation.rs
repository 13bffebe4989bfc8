//! Organisations: the form input, the validated profile and the entity.

use serde::{Deserialize, Serialize};

use super::check::{Check, hs_at, or_blank, strings};
use super::error::FieldErrors;
use super::{
    Description, LanguageCode, Name, OrganisationId, OrganisationKind, SizeBand,
    VerificationRecord, WebUrl, YearFounded,
};
use crate::codes::{CountryCode, HsCode, NaicsCode, SubdivisionCode};

/// What a form, a JSON object or a CSV row carries: plain strings, blank
/// meaning "not given". Turn it into a [`NewOrganisation`] with
/// [`OrganisationInput::validate`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OrganisationInput {
    pub kind: String,
    pub legal_name: String,
    pub trading_name: String,
    pub country: String,
    pub region: String,
    pub city: String,
    pub year_founded: String,
    pub size_band: String,
    pub website: String,
    pub description: String,
    pub industries: Vec<String>,
    pub exports: Vec<String>,
    pub imports: Vec<String>,
    pub certifications: Vec<String>,
    pub languages: Vec<String>,
    pub demo: bool,
}

/// A validated organisation profile without an id: what registration and
/// import create, and the editable part of an [`Organisation`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewOrganisation {
    pub kind: OrganisationKind,
    pub legal_name: Name,
    pub trading_name: Option<Name>,
    pub country: CountryCode,
    /// Always a subdivision of `country`.
    pub region: Option<SubdivisionCode>,
    pub city: Option<Name>,
    pub year_founded: Option<YearFounded>,
    pub size_band: Option<SizeBand>,
    pub website: Option<WebUrl>,
    pub description: Option<Description>,
    /// NAICS 2022 codes at any level (sector to national industry).
    pub industries: Vec<NaicsCode>,
    /// HS 2022 headings or subheadings the organisation exports.
    pub exports: Vec<HsCode>,
    /// HS 2022 headings or subheadings the organisation imports.
    pub imports: Vec<HsCode>,
    pub certifications: Vec<Name>,
    pub languages: Vec<LanguageCode>,
    /// Generated demo data, shown as such.
    pub demo: bool,
}

/// An organisation in the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Organisation {
    pub id: OrganisationId,
    pub details: NewOrganisation,
    pub verification: VerificationRecord,
}

impl Organisation {
    /// A freshly registered organisation: verification starts as a draft.
    pub fn new(id: OrganisationId, details: NewOrganisation) -> Self {
        Organisation {
            id,
            details,
            verification: VerificationRecord::default(),
        }
    }
}

/// Products are traded at heading or subheading level; a chapter ("52:
/// cotton") is too coarse for matching buyers and sellers.
const PRODUCT_LEVELS: [&str; 2] = ["heading", "subheading"];
const PRODUCT_HINT: &str = "a heading (4 digits) or subheading (6 digits)";

impl OrganisationInput {
    /// Checks every field and reports every problem. `current_year` bounds
    /// `year_founded`.
    pub fn validate(&self, current_year: i32) -> Result<NewOrganisation, FieldErrors> {
        let mut c = Check::default();
        let kind = c.required("kind", &self.kind, OrganisationKind::parse);
        let legal_name = c.required("legal_name", &self.legal_name, Name::parse);
        let trading_name = c.optional("trading_name", &self.trading_name, Name::parse);
        let country = c.required("country", &self.country, CountryCode::parse);
        let region = c.optional("region", &self.region, SubdivisionCode::parse);
        if let (Some(country), Some(region)) = (country, region) {
            if region.country() != country {
                c.push(
                    "region",
                    format!(
                        "{region} is not a subdivision of {country} ({})",
                        country.name()
                    ),
                );
            }
        }
        let city = c.optional("city", &self.city, Name::parse);
        let year_founded = c.optional("year_founded", &self.year_founded, |s| {
            YearFounded::parse(s, current_year)
        });
        let size_band = c.optional("size_band", &self.size_band, SizeBand::parse);
        let website = c.optional("website", &self.website, WebUrl::parse);
        let description = c.optional("description", &self.description, Description::parse);
        let industries = c.list("industries", &self.industries, NaicsCode::parse);
        let product = |s: &str| hs_at(s, &PRODUCT_LEVELS, PRODUCT_HINT);
        let exports = c.list("exports", &self.exports, product);
        let imports = c.list("imports", &self.imports, product);
        let certifications = c.list("certifications", &self.certifications, Name::parse);
        let languages = c.list("languages", &self.languages, LanguageCode::parse);
        c.finish(|| {
            Some(NewOrganisation {
                kind: kind?,
                legal_name: legal_name?,
                trading_name,
                country: country?,
                region,
                city,
                year_founded,
                size_band,
                website,
                description,
                industries,
                exports,
                imports,
                certifications,
                languages,
                demo: self.demo,
            })
        })
    }
}

/// The input that validates back to the same profile (used by export).
impl From<&NewOrganisation> for OrganisationInput {
    fn from(o: &NewOrganisation) -> Self {
        OrganisationInput {
            kind: o.kind.as_str().to_owned(),
            legal_name: o.legal_name.to_string(),
            trading_name: or_blank(&o.trading_name),
            country: o.country.to_string(),
            region: or_blank(&o.region),
            city: or_blank(&o.city),
            year_founded: or_blank(&o.year_founded),
            size_band: o
                .size_band
                .map(|b| b.as_str().to_owned())
                .unwrap_or_default(),
            website: or_blank(&o.website),
            description: or_blank(&o.description),
            industries: strings(&o.industries),
            exports: strings(&o.exports),
            imports: strings(&o.imports),
            certifications: strings(&o.certifications),
            languages: strings(&o.languages),
            demo: o.demo,
        }
    }
}
