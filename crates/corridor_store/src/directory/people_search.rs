//! Finding people in the directory: by name, kind, country and expertise. Event-only registrants
//! are not directory entries and never appear; people of draft organisations appear only to
//! those who asked for them (staff).

use corridor_domain::codes::{CountryCode, HsCode};
use corridor_domain::directory::PersonKind;

use super::filter::{contains_pattern, next, upper_bound};
use super::people::SELECT;
use super::tx::Arg;
use super::{Page, People, StoredPerson, count};
use crate::StoreError;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonFilter {
    pub kind: Option<PersonKind>,
    /// Words in the name (case-insensitive substring).
    pub name: Option<String>,
    /// The person's organisation's country, or their own for people without one.
    pub country: Option<CountryCode>,
    /// A NAICS code prefix of the person's industry expertise.
    pub industry_prefix: Option<String>,
    /// An HS code of the person's product expertise (codes under it match too).
    pub product: Option<HsCode>,
    /// Also people of organisations still in draft (for organisers and admins).
    pub include_drafts: bool,
    pub limit: u32,
    pub offset: u32,
}

/// The WHERE clause of a people listing and its arguments.
fn conditions(filter: &PersonFilter) -> (String, Vec<Arg>) {
    let mut parts = vec!["p.origin = 'directory'".to_owned()];
    let mut args = Vec::new();
    if !filter.include_drafts {
        parts.push("(v.state IS NULL OR v.state <> 'draft')".to_owned());
    }
    if let Some(kind) = filter.kind {
        let p = next(&mut args, Arg::text(kind.as_str()));
        parts.push(format!("p.kind = {p}"));
    }
    if let Some(country) = filter.country {
        let p = next(&mut args, Arg::text(country.as_str()));
        parts.push(format!("COALESCE(o.country, p.country) = {p}"));
    }
    let mut expertise = |system: &str, code: &str| {
        let low = next(&mut args, Arg::text(code));
        let high = next(&mut args, Arg::text(upper_bound(code)));
        parts.push(format!(
            "EXISTS (SELECT 1 FROM person_codes pc WHERE pc.person_id = p.id \
             AND pc.system = '{system}' AND pc.code >= {low} AND pc.code < {high})"
        ));
    };
    if let Some(prefix) = filter.industry_prefix.as_deref().filter(|p| !p.is_empty()) {
        expertise("industry", prefix);
    }
    if let Some(code) = filter.product {
        expertise("product", code.as_str());
    }
    if let Some(name) = filter
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        let p = next(&mut args, Arg::text(contains_pattern(name)));
        parts.push(format!("lower(p.name) LIKE {p} ESCAPE '\\'"));
    }
    (parts.join(" AND "), args)
}

const FROM_ORGANISATION: &str = "LEFT JOIN organisations o ON o.id = p.organisation_id \
     LEFT JOIN verification_records v ON v.organisation_id = p.organisation_id";

impl People<'_> {
    /// One page of the people matching `filter`, by name.
    pub async fn search(&self, filter: &PersonFilter) -> Result<Page<StoredPerson>, StoreError> {
        let (condition, args) = conditions(filter);
        let count_sql =
            format!("SELECT COUNT(*) FROM people p {FROM_ORGANISATION} WHERE {condition}");
        let total = self.scalar(&count_sql, &args).await?;
        let n = args.len();
        let sql = format!(
            "{SELECT} {FROM_ORGANISATION} WHERE {condition} \
             ORDER BY lower(p.name), p.id LIMIT ${} OFFSET ${}",
            n + 1,
            n + 2
        );
        let mut page_args = args;
        page_args.push(Arg::Int(Some(i64::from(filter.limit))));
        page_args.push(Arg::Int(Some(i64::from(filter.offset))));
        Ok(Page {
            total: count(total),
            items: self.fetch(&sql, &page_args).await?,
        })
    }
}
