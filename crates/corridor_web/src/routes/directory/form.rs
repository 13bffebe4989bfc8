//! The organisation and person forms: plain strings in, the app's input types out, and the
//! fields as the templates draw them, each with its own error messages.

use corridor_domain::directory::{
    NewOrganisation, OrganisationInput, OrganisationKind, PersonInput, PersonKind, SizeBand,
};
use serde::Deserialize;

/// One input of a form as drawn: a select when `options` is not empty.
pub struct FormField {
    pub name: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub value: String,
    pub options: Vec<(String, String)>,
    pub multiline: bool,
    /// Every message about this field or one of its items (`exports[1]`).
    pub errors: Vec<String>,
}

fn field(name: &'static str, label: &'static str, hint: &'static str, value: &str) -> FormField {
    FormField {
        name,
        label,
        hint,
        value: value.to_owned(),
        options: Vec::new(),
        multiline: false,
        errors: Vec::new(),
    }
}

fn select(mut f: FormField, options: Vec<(String, String)>) -> FormField {
    f.options = std::iter::once((String::new(), "—".to_owned()))
        .chain(options)
        .collect();
    f
}

/// Attaches each `(field, message)` to its field; messages for unknown fields go to the first.
pub fn attach(fields: &mut [FormField], errors: &[(String, String)]) {
    for (name, message) in errors {
        let base = name.split('[').next().unwrap_or(name);
        let item = name.strip_prefix(base).filter(|rest| !rest.is_empty());
        let text = match item {
            Some(index) => format!("item {}: {message}", index.trim_matches(['[', ']'])),
            None => message.clone(),
        };
        match fields.iter_mut().position(|f| f.name == base) {
            Some(i) => fields[i].errors.push(text),
            None => {
                if let Some(first) = fields.first_mut() {
                    first.errors.push(format!("{name}: {message}"));
                }
            }
        }
    }
}

/// A list typed as `a; b, c`.
fn list(text: &str) -> Vec<String> {
    text.split([';', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct OrganisationForm {
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
    pub industries: String,
    pub exports: String,
    pub imports: String,
    pub certifications: String,
    pub languages: String,
}

impl OrganisationForm {
    pub fn input(&self) -> OrganisationInput {
        OrganisationInput {
            kind: self.kind.clone(),
            legal_name: self.legal_name.clone(),
            trading_name: self.trading_name.clone(),
            country: self.country.clone(),
            region: self.region.clone(),
            city: self.city.clone(),
            year_founded: self.year_founded.clone(),
            size_band: self.size_band.clone(),
            website: self.website.clone(),
            description: self.description.clone(),
            industries: list(&self.industries),
            exports: list(&self.exports),
            imports: list(&self.imports),
            certifications: list(&self.certifications),
            languages: list(&self.languages),
            demo: false,
        }
    }

    pub fn from_details(d: &NewOrganisation) -> Self {
        let i = OrganisationInput::from(d);
        OrganisationForm {
            kind: i.kind,
            legal_name: i.legal_name,
            trading_name: i.trading_name,
            country: i.country,
            region: i.region,
            city: i.city,
            year_founded: i.year_founded,
            size_band: i.size_band,
            website: i.website,
            description: i.description,
            industries: i.industries.join("; "),
            exports: i.exports.join("; "),
            imports: i.imports.join("; "),
            certifications: i.certifications.join("; "),
            languages: i.languages.join("; "),
        }
    }

    pub fn fields(&self, errors: &[(String, String)]) -> Vec<FormField> {
        let kinds = OrganisationKind::ALL
            .iter()
            .map(|k| (k.as_str().to_owned(), k.label().to_owned()))
            .collect();
        let sizes = SizeBand::ALL
            .iter()
            .map(|b| (b.as_str().to_owned(), b.label().to_owned()))
            .collect();
        let mut description = field("description", "Description", "", &self.description);
        description.multiline = true;
        let mut fields = vec![
            select(field("kind", "Kind", "", &self.kind), kinds),
            field("legal_name", "Legal name", "", &self.legal_name),
            field("trading_name", "Trading name", "", &self.trading_name),
            field(
                "country",
                "Country",
                "ISO code, e.g. PK or US",
                &self.country,
            ),
            field("region", "Region", "ISO 3166-2, e.g. PK-PB", &self.region),
            field("city", "City", "", &self.city),
            field("year_founded", "Year founded", "", &self.year_founded),
            select(field("size_band", "Size", "", &self.size_band), sizes),
            field("website", "Website", "https://…", &self.website),
            description,
            field(
                "industries",
                "Industries",
                "NAICS 2022 codes, separated by ;",
                &self.industries,
            ),
            field(
                "exports",
                "Exports",
                "HS 2022 headings or subheadings, separated by ;",
                &self.exports,
            ),
            field(
                "imports",
                "Imports",
                "HS 2022 headings or subheadings, separated by ;",
                &self.imports,
            ),
            field(
                "certifications",
                "Certifications",
                "separated by ;",
                &self.certifications,
            ),
            field(
                "languages",
                "Languages",
                "ISO 639-1 codes, e.g. ur; en",
                &self.languages,
            ),
        ];
        attach(&mut fields, errors);
        fields
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PersonForm {
    pub name: String,
    pub title: String,
    pub organisation_id: String,
    pub kind: String,
    pub expertise_industries: String,
    pub expertise_products: String,
    pub tags: String,
    pub languages: String,
    pub time_zone: String,
    pub email: String,
    pub phone: String,
    pub profile_url: String,
}

impl PersonForm {
    pub fn input(&self) -> PersonInput {
        PersonInput {
            name: self.name.clone(),
            title: self.title.clone(),
            organisation_id: self.organisation_id.clone(),
            kind: self.kind.clone(),
            expertise_industries: list(&self.expertise_industries),
            expertise_products: list(&self.expertise_products),
            tags: list(&self.tags),
            languages: list(&self.languages),
            time_zone: self.time_zone.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            profile_url: self.profile_url.clone(),
            demo: false,
        }
    }

    pub fn fields(&self, errors: &[(String, String)]) -> Vec<FormField> {
        let kinds = PersonKind::ALL
            .iter()
            .map(|k| (k.as_str().to_owned(), k.label().to_owned()))
            .collect();
        let mut fields = vec![
            field("name", "Name", "", &self.name),
            field("title", "Title", "", &self.title),
            field(
                "organisation_id",
                "Organisation id",
                "",
                &self.organisation_id,
            ),
            select(field("kind", "Kind", "", &self.kind), kinds),
            field(
                "expertise_industries",
                "Industries",
                "NAICS 2022 codes, separated by ;",
                &self.expertise_industries,
            ),
            field(
                "expertise_products",
                "Products",
                "HS 2022 codes, separated by ;",
                &self.expertise_products,
            ),
            field("tags", "Expertise tags", "separated by ;", &self.tags),
            field("languages", "Languages", "ISO 639-1 codes", &self.languages),
            field(
                "time_zone",
                "Time zone",
                "e.g. Asia/Karachi",
                &self.time_zone,
            ),
            field("email", "E-mail (private)", "", &self.email),
            field("phone", "Phone (private)", "+92 …", &self.phone),
            field(
                "profile_url",
                "Profile page (private)",
                "https://…",
                &self.profile_url,
            ),
        ];
        attach(&mut fields, errors);
        fields
    }
}
