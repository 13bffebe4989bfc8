//! A stable fingerprint of the whole data set, pinned in a test so that any
//! change to the demo data is deliberate.
//!
//! The text hashed is written field by field here rather than through a
//! serialiser, so it depends on nothing but this file and the data.

use super::DemoDataset;
use super::rng::fnv1a;

/// Separates fields.
const FIELD: char = '\u{1f}';
/// Separates list items.
const ITEM: char = '\u{1e}';

impl DemoDataset {
    /// FNV-1a (64 bits) over a canonical text of every organisation, person
    /// and account, in order. Equal data sets have equal fingerprints.
    pub fn fingerprint(&self) -> u64 {
        fnv1a(self.canonical_text().as_bytes())
    }

    fn canonical_text(&self) -> String {
        let mut t = Text::default();
        for o in &self.organisations {
            let i = &o.input;
            t.line("organisation");
            for v in [
                &o.key,
                &i.kind,
                &i.legal_name,
                &i.trading_name,
                &i.country,
                &i.region,
            ] {
                t.field(v);
            }
            for v in [
                &i.city,
                &i.year_founded,
                &i.size_band,
                &i.website,
                &i.description,
            ] {
                t.field(v);
            }
            for list in [
                &i.industries,
                &i.exports,
                &i.imports,
                &i.certifications,
                &i.languages,
            ] {
                t.list(list);
            }
            t.field(&i.demo.to_string());
            t.field(o.verification.as_str());
            t.field(&o.real_institution.to_string());
            t.field(o.sector.map(|s| s.slug()).unwrap_or_default());
        }
        for p in &self.people {
            let i = &p.input;
            t.line("person");
            t.field(&p.key);
            t.field(p.organisation_key.as_deref().unwrap_or_default());
            for v in [&i.name, &i.title, &i.organisation_id, &i.kind] {
                t.field(v);
            }
            for list in [
                &i.expertise_industries,
                &i.expertise_products,
                &i.tags,
                &i.languages,
            ] {
                t.list(list);
            }
            for v in [&i.time_zone, &i.email, &i.phone, &i.profile_url] {
                t.field(v);
            }
            t.field(&i.demo.to_string());
        }
        for a in &self.accounts {
            t.line("account");
            for v in [
                a.email.as_str(),
                &a.display_name,
                a.role.as_str(),
                a.password,
            ] {
                t.field(v);
            }
            t.list(&a.owns);
        }
        t.0
    }
}

#[derive(Default)]
struct Text(String);

impl Text {
    fn line(&mut self, what: &str) {
        self.0.push('\n');
        self.0.push_str(what);
    }

    fn field(&mut self, value: &str) {
        self.0.push(FIELD);
        self.0.push_str(value);
    }

    fn list(&mut self, values: &[String]) {
        self.0.push(FIELD);
        for v in values {
            self.0.push_str(v);
            self.0.push(ITEM);
        }
    }
}
