//! The request bodies of registration and people, for the OpenAPI document. The handlers read
//! the domain's own input types (`OrganisationInput`, `PersonInput`), which know nothing of
//! OpenAPI; these describe them, and the tests below fail when a field is added to one and not
//! the other.

use utoipa::{IntoParams, ToSchema};

/// An organisation as typed in: plain strings, blank meaning "not given" (formats in
/// `docs/IMPORT.md`). Unknown fields are refused.
#[derive(ToSchema)]
#[schema(as = OrganisationInput)]
#[expect(
    dead_code,
    reason = "describes `OrganisationInput` for the OpenAPI document only"
)]
pub struct OrganisationInputDoc {
    #[schema(example = "company")]
    kind: String,
    legal_name: String,
    trading_name: Option<String>,
    #[schema(example = "PK")]
    country: String,
    region: Option<String>,
    city: Option<String>,
    year_founded: Option<String>,
    size_band: Option<String>,
    website: Option<String>,
    description: Option<String>,
    industries: Option<Vec<String>>,
    exports: Option<Vec<String>>,
    imports: Option<Vec<String>>,
    certifications: Option<Vec<String>>,
    languages: Option<Vec<String>>,
    demo: Option<bool>,
}

/// A person as typed in (formats in `docs/IMPORT.md`). Unknown fields are refused.
#[derive(ToSchema)]
#[schema(as = PersonInput)]
#[expect(
    dead_code,
    reason = "describes `PersonInput` for the OpenAPI document only"
)]
pub struct PersonInputDoc {
    name: String,
    title: Option<String>,
    organisation_id: Option<String>,
    #[schema(example = "official")]
    kind: String,
    expertise_industries: Option<Vec<String>>,
    expertise_products: Option<Vec<String>>,
    tags: Option<Vec<String>>,
    languages: Option<Vec<String>>,
    time_zone: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    profile_url: Option<String>,
    demo: Option<bool>,
}

/// The organisation filters the directory search and the review queue share.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(
    dead_code,
    reason = "describes query parameters for the OpenAPI document only"
)]
pub struct FilterParams {
    /// ISO 3166-1 country code
    country: Option<String>,
    /// Organisation kind, e.g. `company`
    kind: Option<String>,
}

/// Paging of the directory search and the review queue.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(
    dead_code,
    reason = "describes query parameters for the OpenAPI document only"
)]
pub struct PageParams {
    /// Page size (default 20)
    limit: Option<u32>,
    /// Records to skip
    offset: Option<u32>,
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use corridor_domain::directory::{OrganisationInput, PersonInput};
    use serde::Serialize;
    use utoipa::PartialSchema;

    use super::{OrganisationInputDoc, PersonInputDoc};

    fn schema_fields<T: PartialSchema>() -> BTreeSet<String> {
        let schema = serde_json::to_value(T::schema()).expect("a schema serialises");
        schema["properties"]
            .as_object()
            .expect("an object schema")
            .keys()
            .cloned()
            .collect()
    }

    fn serde_fields(value: impl Serialize) -> BTreeSet<String> {
        let value = serde_json::to_value(value).expect("an input serialises");
        value
            .as_object()
            .expect("an object")
            .keys()
            .cloned()
            .collect()
    }

    #[test]
    fn the_documented_inputs_have_exactly_the_fields_the_domain_reads() {
        assert_eq!(
            schema_fields::<OrganisationInputDoc>(),
            serde_fields(OrganisationInput::default())
        );
        assert_eq!(
            schema_fields::<PersonInputDoc>(),
            serde_fields(PersonInput::default())
        );
    }
}
