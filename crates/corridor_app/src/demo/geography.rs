//! Cities of the demo corridor with their ISO 3166-2 region, IANA time zone
//! and telephone area code. Pakistan and the United States only: another
//! corridor needs its own table (and its own demo set).

#[derive(Debug, Clone, Copy)]
pub(super) struct City {
    pub name: &'static str,
    /// ISO 3166-1 alpha-2.
    pub country: &'static str,
    /// ISO 3166-2, always a subdivision of `country`.
    pub region: &'static str,
    pub time_zone: &'static str,
    /// Area code without the trunk prefix (PK) or the country code.
    pub area_code: &'static str,
}

const fn city(
    name: &'static str,
    country: &'static str,
    region: &'static str,
    time_zone: &'static str,
    area_code: &'static str,
) -> City {
    City {
        name,
        country,
        region,
        time_zone,
        area_code,
    }
}

const PKT: &str = "Asia/Karachi";
const ET: &str = "America/New_York";
const CT: &str = "America/Chicago";
const MT: &str = "America/Denver";
const PT: &str = "America/Los_Angeles";

pub(super) const CITIES: &[City] = &[
    city("Karachi", "PK", "PK-SD", PKT, "21"),
    city("Hyderabad", "PK", "PK-SD", PKT, "22"),
    city("Lahore", "PK", "PK-PB", PKT, "42"),
    city("Faisalabad", "PK", "PK-PB", PKT, "41"),
    city("Sialkot", "PK", "PK-PB", PKT, "52"),
    city("Multan", "PK", "PK-PB", PKT, "61"),
    city("Sargodha", "PK", "PK-PB", PKT, "48"),
    city("Gujranwala", "PK", "PK-PB", PKT, "55"),
    city("Rawalpindi", "PK", "PK-PB", PKT, "51"),
    city("Islamabad", "PK", "PK-IS", PKT, "51"),
    city("Peshawar", "PK", "PK-KP", PKT, "91"),
    city("Quetta", "PK", "PK-BA", PKT, "81"),
    city("New York", "US", "US-NY", ET, "212"),
    city("Jersey City", "US", "US-NJ", ET, "201"),
    city("Boston", "US", "US-MA", ET, "617"),
    city("Philadelphia", "US", "US-PA", ET, "215"),
    city("Baltimore", "US", "US-MD", ET, "410"),
    city("Washington", "US", "US-DC", ET, "202"),
    city("Arlington", "US", "US-VA", ET, "703"),
    city("Ashburn", "US", "US-VA", ET, "703"),
    city("Charlotte", "US", "US-NC", ET, "704"),
    city("Atlanta", "US", "US-GA", ET, "404"),
    city("Miami", "US", "US-FL", ET, "305"),
    city("Columbus", "US", "US-OH", ET, "614"),
    city("Detroit", "US", "US-MI", "America/Detroit", "313"),
    city("Chicago", "US", "US-IL", CT, "312"),
    city("Minneapolis", "US", "US-MN", CT, "612"),
    city("Des Moines", "US", "US-IA", CT, "515"),
    city("Memphis", "US", "US-TN", CT, "901"),
    city("Little Rock", "US", "US-AR", CT, "501"),
    city("Houston", "US", "US-TX", CT, "713"),
    city("Dallas", "US", "US-TX", CT, "214"),
    city("Austin", "US", "US-TX", CT, "512"),
    city("Lubbock", "US", "US-TX", CT, "806"),
    city("Denver", "US", "US-CO", MT, "303"),
    city("Phoenix", "US", "US-AZ", "America/Phoenix", "602"),
    city("Seattle", "US", "US-WA", PT, "206"),
    city("San Francisco", "US", "US-CA", PT, "415"),
    city("San Jose", "US", "US-CA", PT, "408"),
    city("Los Angeles", "US", "US-CA", PT, "213"),
    city("Fresno", "US", "US-CA", PT, "559"),
];

/// The city called `name` in `country`. Panics on a name missing from
/// [`CITIES`]: the demo tables are compiled in and covered by tests.
pub(super) fn city_named(country: &str, name: &str) -> City {
    *CITIES
        .iter()
        .find(|c| c.country == country && c.name == name)
        .unwrap_or_else(|| panic!("demo city {name} ({country}) is not in CITIES"))
}

/// A phone number that cannot ring anyone.
///
/// US: the 555-0100 to 555-0199 range, reserved for fiction. Pakistan has
/// no such range, so the subscriber number starts with 0, which is the trunk
/// prefix there and never the first digit of an assigned number.
pub(super) fn fictional_phone(city: &City, n: usize) -> String {
    let nn = n % 100;
    match city.country {
        "PK" => format!("+92 {} 0555 01{nn:02}", city.area_code),
        _ => format!("+1 {} 555 01{nn:02}", city.area_code),
    }
}

/// The regional language of a Pakistani province besides Urdu and English.
pub(super) fn regional_language(region: &str) -> Option<&'static str> {
    match region {
        "PK-PB" => Some("pa"),
        "PK-SD" => Some("sd"),
        "PK-KP" | "PK-BA" => Some("ps"),
        _ => None,
    }
}
