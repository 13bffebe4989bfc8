//! Real public institutions of the corridor, under their public names.
//!
//! Only facts we are sure of: name, kind, country, and where certain the
//! city, the founding year and the official website. No contact details, no
//! people: officials are never invented. Descriptions are one neutral
//! sentence about the institution's public role.

use corridor_domain::directory::{OrganisationInput, VerificationState};

use super::{DemoOrganisation, Sector};

struct Institution {
    key: &'static str,
    kind: &'static str,
    legal_name: &'static str,
    trading_name: &'static str,
    country: &'static str,
    region: &'static str,
    city: &'static str,
    year: Option<i32>,
    website: &'static str,
    naics: &'static str,
    sector: Option<Sector>,
    description: &'static str,
}

const GOV: &str = "government_agency";
const MISSION: &str = "embassy_mission";
const CHAMBER: &str = "chamber";
const ASSOCIATION: &str = "association";
const THINK_TANK: &str = "think_tank";

/// Economic programmes; international affairs; business associations.
const ECON: &str = "926110";
const DIPLOMACY: &str = "928120";
const BUSINESS: &str = "813910";

#[rustfmt::skip]
const INSTITUTIONS: &[Institution] = &[
    // Pakistan: federal government.
    inst("pk-ministry-of-commerce", GOV, "Ministry of Commerce", "", "PK", "PK-IS", "Islamabad", None, "https://www.commerce.gov.pk/", ECON, None, "Federal ministry of Pakistan responsible for trade policy and export promotion."),
    inst("pk-ministry-of-it-and-telecommunication", GOV, "Ministry of Information Technology and Telecommunication", "MoITT", "PK", "PK-IS", "Islamabad", None, "https://moitt.gov.pk/", "926130", Some(Sector::IctServices), "Federal ministry of Pakistan responsible for IT and telecommunication policy."),
    inst("pk-board-of-investment", GOV, "Board of Investment", "BOI", "PK", "PK-IS", "Islamabad", None, "https://invest.gov.pk/", ECON, None, "Pakistan's federal agency for investment promotion and facilitation."),
    inst("pk-special-investment-facilitation-council", GOV, "Special Investment Facilitation Council", "SIFC", "PK", "PK-IS", "Islamabad", Some(2023), "", ECON, None, "Federal body set up in 2023 to facilitate foreign and domestic investment in Pakistan."),
    inst("pk-trade-development-authority", GOV, "Trade Development Authority of Pakistan", "TDAP", "PK", "PK-SD", "Karachi", None, "https://tdap.gov.pk/", ECON, None, "Pakistan's export promotion agency, under the Ministry of Commerce."),
    inst("pk-software-export-board", GOV, "Pakistan Software Export Board", "PSEB", "PK", "PK-IS", "Islamabad", None, "https://pseb.org.pk/", ECON, Some(Sector::IctServices), "Federal body that promotes Pakistan's software and IT services exports."),
    inst("pk-special-technology-zones-authority", GOV, "Special Technology Zones Authority", "STZA", "PK", "PK-IS", "Islamabad", None, "", ECON, Some(Sector::IctServices), "Federal authority that licenses and regulates special technology zones in Pakistan."),
    inst("pk-telecommunication-authority", GOV, "Pakistan Telecommunication Authority", "PTA", "PK", "PK-IS", "Islamabad", None, "https://www.pta.gov.pk/", "926130", Some(Sector::IctServices), "Pakistan's telecommunication regulator."),
    inst("pk-securities-and-exchange-commission", GOV, "Securities and Exchange Commission of Pakistan", "SECP", "PK", "PK-IS", "Islamabad", None, "https://www.secp.gov.pk/", "926150", None, "Pakistan's corporate and capital-markets regulator, which also registers companies."),
    inst("pk-state-bank", GOV, "State Bank of Pakistan", "SBP", "PK", "PK-SD", "Karachi", Some(1948), "https://www.sbp.org.pk/", "521110", None, "Pakistan's central bank."),
    inst("pk-drug-regulatory-authority", GOV, "Drug Regulatory Authority of Pakistan", "DRAP", "PK", "PK-IS", "Islamabad", None, "", "923120", Some(Sector::Health), "Pakistan's regulator of medicines and medical devices."),
    // Pakistan: missions in the United States.
    inst("pk-embassy-washington", MISSION, "Embassy of Pakistan, Washington, D.C.", "", "US", "US-DC", "Washington", None, "", DIPLOMACY, None, "Pakistan's embassy in the United States."),
    inst("pk-consulate-new-york", MISSION, "Consulate General of Pakistan, New York", "", "US", "US-NY", "New York", None, "", DIPLOMACY, None, "Pakistan's consulate general in New York."),
    inst("pk-consulate-chicago", MISSION, "Consulate General of Pakistan, Chicago", "", "US", "US-IL", "Chicago", None, "", DIPLOMACY, None, "Pakistan's consulate general in Chicago."),
    inst("pk-consulate-houston", MISSION, "Consulate General of Pakistan, Houston", "", "US", "US-TX", "Houston", None, "", DIPLOMACY, None, "Pakistan's consulate general in Houston."),
    inst("pk-consulate-los-angeles", MISSION, "Consulate General of Pakistan, Los Angeles", "", "US", "US-CA", "Los Angeles", None, "", DIPLOMACY, None, "Pakistan's consulate general in Los Angeles."),
    // Pakistan: chambers and associations.
    inst("pk-fpcci", CHAMBER, "Federation of Pakistan Chambers of Commerce and Industry", "FPCCI", "PK", "PK-SD", "Karachi", None, "", BUSINESS, None, "The apex body of Pakistan's chambers of commerce and trade associations."),
    inst("pk-karachi-chamber", CHAMBER, "Karachi Chamber of Commerce and Industry", "KCCI", "PK", "PK-SD", "Karachi", None, "", BUSINESS, None, "Chamber of commerce of Karachi."),
    inst("pk-lahore-chamber", CHAMBER, "Lahore Chamber of Commerce and Industry", "LCCI", "PK", "PK-PB", "Lahore", None, "", BUSINESS, None, "Chamber of commerce of Lahore."),
    inst("pk-islamabad-chamber", CHAMBER, "Islamabad Chamber of Commerce and Industry", "ICCI", "PK", "PK-IS", "Islamabad", None, "", BUSINESS, None, "Chamber of commerce of Islamabad."),
    inst("pk-sialkot-chamber", CHAMBER, "Sialkot Chamber of Commerce and Industry", "SCCI", "PK", "PK-PB", "Sialkot", None, "", BUSINESS, Some(Sector::SurgicalInstruments), "Chamber of commerce of Sialkot, an export centre for surgical instruments and sports goods."),
    inst("pk-overseas-investors-chamber", CHAMBER, "Overseas Investors Chamber of Commerce and Industry", "OICCI", "PK", "PK-SD", "Karachi", None, "", BUSINESS, None, "Chamber of foreign investors operating in Pakistan."),
    inst("pk-pasha", ASSOCIATION, "Pakistan Software Houses Association for IT and ITeS", "P@SHA", "PK", "", "", None, "", BUSINESS, Some(Sector::IctServices), "Trade association of Pakistan's software and IT-enabled services companies."),
    inst("pk-rice-exporters-association", ASSOCIATION, "Rice Exporters Association of Pakistan", "REAP", "PK", "PK-SD", "Karachi", None, "", BUSINESS, Some(Sector::RiceAndFood), "Trade association of Pakistan's rice exporters."),
    inst("pk-aptma", ASSOCIATION, "All Pakistan Textile Mills Association", "APTMA", "PK", "", "", None, "", BUSINESS, Some(Sector::TextilesAndApparel), "Trade association of Pakistan's spinning, weaving and composite textile mills."),
    inst("pk-simap", ASSOCIATION, "Surgical Instruments Manufacturers Association of Pakistan", "SIMAP", "PK", "PK-PB", "Sialkot", None, "", BUSINESS, Some(Sector::SurgicalInstruments), "Trade association of surgical-instrument manufacturers, based in Sialkot."),
    inst("pk-american-business-council", ASSOCIATION, "American Business Council of Pakistan", "ABC", "PK", "", "", None, "", BUSINESS, None, "Association of US companies doing business in Pakistan."),
    inst("pk-pide", THINK_TANK, "Pakistan Institute of Development Economics", "PIDE", "PK", "PK-IS", "Islamabad", None, "https://pide.org.pk/", "541720", None, "Public research institute in development economics."),
    // United States: federal government.
    inst("us-department-of-commerce", GOV, "U.S. Department of Commerce", "", "US", "US-DC", "Washington", Some(1913), "https://www.commerce.gov/", ECON, None, "Federal department responsible for trade promotion, export controls and economic statistics."),
    inst("us-international-trade-administration", GOV, "International Trade Administration", "ITA", "US", "US-DC", "Washington", None, "https://www.trade.gov/", ECON, None, "The trade agency of the U.S. Department of Commerce."),
    inst("us-commercial-service", GOV, "U.S. Commercial Service", "", "US", "US-DC", "Washington", None, "", ECON, None, "The trade-promotion arm of the International Trade Administration, with offices in US cities and at US embassies."),
    inst("us-selectusa", GOV, "SelectUSA", "", "US", "US-DC", "Washington", None, "https://www.selectusa.gov/", ECON, None, "The federal programme that promotes investment into the United States, part of the International Trade Administration."),
    inst("us-trade-representative", GOV, "Office of the United States Trade Representative", "USTR", "US", "US-DC", "Washington", None, "https://ustr.gov/", ECON, None, "The federal office that develops US trade policy and leads trade negotiations."),
    inst("us-department-of-state", GOV, "U.S. Department of State", "", "US", "US-DC", "Washington", None, "https://www.state.gov/", DIPLOMACY, None, "The US foreign ministry, which runs the embassies and consulates."),
    inst("us-agency-for-international-development", GOV, "U.S. Agency for International Development", "USAID", "US", "US-DC", "Washington", Some(1961), "", DIPLOMACY, None, "As of 2024, the US government's international development agency; its status changed in 2025."),
    inst("us-exim", GOV, "Export-Import Bank of the United States", "EXIM", "US", "US-DC", "Washington", Some(1934), "https://www.exim.gov/", "522299", None, "The official export credit agency of the United States."),
    inst("us-development-finance-corporation", GOV, "U.S. International Development Finance Corporation", "DFC", "US", "US-DC", "Washington", Some(2019), "https://www.dfc.gov/", "522299", None, "The US government's development finance institution."),
    inst("us-trade-and-development-agency", GOV, "U.S. Trade and Development Agency", "USTDA", "US", "", "", None, "https://www.ustda.gov/", ECON, None, "Federal agency that funds project preparation linking US businesses to infrastructure projects abroad."),
    inst("us-usda-foreign-agricultural-service", GOV, "Foreign Agricultural Service", "USDA Foreign Agricultural Service", "US", "US-DC", "Washington", None, "https://www.fas.usda.gov/", "926140", Some(Sector::Agriculture), "The US Department of Agriculture's agency for foreign markets and agricultural trade."),
    inst("us-food-and-drug-administration", GOV, "U.S. Food and Drug Administration", "FDA", "US", "US-MD", "Silver Spring", None, "https://www.fda.gov/", "923120", Some(Sector::Health), "The US regulator of food, medicines and medical devices, including imports."),
    // United States: missions in Pakistan.
    inst("us-embassy-islamabad", MISSION, "U.S. Embassy Islamabad", "", "PK", "PK-IS", "Islamabad", None, "https://pk.usembassy.gov/", DIPLOMACY, None, "The embassy of the United States in Pakistan."),
    inst("us-consulate-karachi", MISSION, "U.S. Consulate General Karachi", "", "PK", "PK-SD", "Karachi", None, "", DIPLOMACY, None, "The US consulate general in Karachi."),
    inst("us-consulate-lahore", MISSION, "U.S. Consulate General Lahore", "", "PK", "PK-PB", "Lahore", None, "", DIPLOMACY, None, "The US consulate general in Lahore."),
    inst("us-consulate-peshawar", MISSION, "U.S. Consulate General Peshawar", "", "PK", "PK-KP", "Peshawar", None, "", DIPLOMACY, None, "The US consulate general in Peshawar."),
    // United States: business organisations.
    inst("us-chamber-of-commerce", CHAMBER, "Chamber of Commerce of the United States of America", "U.S. Chamber of Commerce", "US", "US-DC", "Washington", Some(1912), "https://www.uschamber.com/", BUSINESS, None, "The national business federation of the United States."),
    inst("us-pakistan-business-council", ASSOCIATION, "U.S.-Pakistan Business Council", "USPBC", "US", "US-DC", "Washington", None, "", BUSINESS, None, "Business council of US companies active in Pakistan, part of the U.S. Chamber of Commerce."),
];

#[expect(clippy::too_many_arguments, reason = "one table row, read in place")]
const fn inst(
    key: &'static str,
    kind: &'static str,
    legal_name: &'static str,
    trading_name: &'static str,
    country: &'static str,
    region: &'static str,
    city: &'static str,
    year: Option<i32>,
    website: &'static str,
    naics: &'static str,
    sector: Option<Sector>,
    description: &'static str,
) -> Institution {
    Institution {
        key,
        kind,
        legal_name,
        trading_name,
        country,
        region,
        city,
        year,
        website,
        naics,
        sector,
        description,
    }
}

/// Every real institution, verified.
pub(super) fn all(current_year: i32) -> Vec<DemoOrganisation> {
    INSTITUTIONS
        .iter()
        .map(|i| DemoOrganisation {
            key: i.key.to_owned(),
            input: OrganisationInput {
                kind: i.kind.to_owned(),
                legal_name: i.legal_name.to_owned(),
                trading_name: i.trading_name.to_owned(),
                country: i.country.to_owned(),
                region: i.region.to_owned(),
                city: i.city.to_owned(),
                year_founded: i
                    .year
                    .filter(|y| *y <= current_year)
                    .map(|y| y.to_string())
                    .unwrap_or_default(),
                website: i.website.to_owned(),
                description: i.description.to_owned(),
                industries: vec![i.naics.to_owned()],
                languages: languages(i.country, i.kind),
                demo: true,
                ..OrganisationInput::default()
            },
            verification: VerificationState::Verified,
            real_institution: true,
            sector: i.sector,
        })
        .collect()
}

/// Institutions in Pakistan and the missions of either country work in
/// English and Urdu; the others in English.
fn languages(country: &str, kind: &str) -> Vec<String> {
    let urdu = country == "PK" || kind == MISSION;
    let mut out = vec!["en".to_owned()];
    if urdu {
        out.push("ur".to_owned());
    }
    out
}
