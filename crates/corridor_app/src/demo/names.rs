//! Word lists for fictional names. Company names pair a place or landscape
//! word with an animal or plant and always end in "(Demo)"; person names
//! combine common given names and surnames, so any match with a real person
//! is a coincidence of common names.

/// First words of Pakistani demo companies: rivers, mountains, valleys.
pub(super) const PK_PLACES: &[&str] = &[
    "Indus",
    "Ravi",
    "Chenab",
    "Jhelum",
    "Sutlej",
    "Margalla",
    "Karakoram",
    "Hunza",
    "Thar",
    "Makran",
    "Kaghan",
    "Potohar",
    "Kirthar",
    "Cholistan",
    "Shandur",
    "Deosai",
    "Neelum",
    "Hingol",
    "Ziarat",
    "Naltar",
    "Passu",
    "Soan",
    "Haleji",
    "Keenjhar",
    "Bolan",
    "Kunhar",
    "Rohtas",
    "Khewra",
    "Astore",
    "Shigar",
];

/// First words of US demo companies: landscapes.
pub(super) const US_PLACES: &[&str] = &[
    "Cobalt",
    "Harbor",
    "Prairie",
    "Granite",
    "Maple",
    "Cascade",
    "Juniper",
    "Redwood",
    "Mesa",
    "Lakeshore",
    "Bluewater",
    "Copperline",
    "Ironwood",
    "Sagebrush",
    "Tidewater",
    "Pinecrest",
    "Larkspur",
    "Northwind",
    "Silverleaf",
    "Driftwood",
    "Highland",
    "Canyon",
    "Bayou",
    "Palisade",
    "Sandhill",
    "Riverbend",
    "Timberline",
    "Brightwater",
    "Stonegate",
    "Windrow",
];

/// Second words of company names, on both sides.
pub(super) const CREATURES: &[&str] = &[
    "Kestrel",
    "Ibex",
    "Markhor",
    "Heron",
    "Lantern",
    "Quill",
    "Saker",
    "Tamarind",
    "Mulberry",
    "Sandpiper",
    "Lotus",
    "Pomegranate",
    "Jasmine",
    "Cypress",
    "Starling",
    "Otter",
    "Wren",
    "Osprey",
    "Finch",
    "Marten",
    "Badger",
    "Robin",
    "Pelican",
    "Bison",
    "Lark",
    "Falconet",
];

pub(super) const PK_GIVEN_FEMALE: &[&str] = &[
    "Ayesha", "Fatima", "Zainab", "Sana", "Hira", "Maryam", "Mahnoor", "Amna", "Sadia", "Nida",
    "Rabia", "Iqra", "Farah", "Saima", "Bushra", "Kiran", "Uzma", "Naila", "Mehwish", "Sidra",
];

pub(super) const PK_GIVEN_MALE: &[&str] = &[
    "Imran", "Bilal", "Usman", "Hamza", "Ali", "Hassan", "Faisal", "Omer", "Kamran", "Adnan",
    "Junaid", "Zeeshan", "Waqar", "Tariq", "Asad", "Salman", "Shahid", "Arif", "Naveed", "Fahad",
];

/// Surnames by region, so a Sindhi city mostly has Sindhi surnames.
pub(super) fn pk_surnames(region: &str) -> &'static [&'static str] {
    match region {
        "PK-SD" => &[
            "Memon", "Soomro", "Jatoi", "Siddiqui", "Shaikh", "Qureshi", "Abro", "Channa",
            "Hashmi", "Rizvi",
        ],
        "PK-KP" | "PK-BA" => &[
            "Khattak",
            "Yousafzai",
            "Afridi",
            "Durrani",
            "Khan",
            "Bangash",
            "Marwat",
            "Tareen",
            "Kakar",
            "Achakzai",
        ],
        _ => &[
            "Malik", "Chaudhry", "Butt", "Sheikh", "Raza", "Abbasi", "Mirza", "Bhatti", "Awan",
            "Rana", "Gillani", "Kazmi", "Naqvi", "Lodhi", "Niazi", "Paracha", "Cheema", "Warraich",
        ],
    }
}

pub(super) const US_GIVEN: &[&str] = &[
    "Emily", "Michael", "Sarah", "David", "Jessica", "Daniel", "Laura", "James", "Maria", "Carlos",
    "Grace", "Kevin", "Rachel", "Andre", "Nicole", "Marcus", "Olivia", "Ethan", "Hannah", "Tyler",
    "Megan", "Jordan", "Sofia", "Luis", "Wei", "Naomi", "Caleb", "Elena", "Victor", "Claire",
];

pub(super) const US_SURNAMES: &[&str] = &[
    "Johnson",
    "Carter",
    "Nguyen",
    "Rodriguez",
    "Miller",
    "Thompson",
    "Kim",
    "Brooks",
    "Sullivan",
    "Bennett",
    "Hayes",
    "Morales",
    "Foster",
    "Reyes",
    "Coleman",
    "Price",
    "Ward",
    "Hughes",
    "Ramirez",
    "Chen",
    "Okafor",
    "Walsh",
    "Fischer",
    "Delgado",
    "Lindqvist",
    "Park",
];

/// Lower-case ASCII words joined by `-`, for keys, addresses and e-mails.
pub(super) fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}
