//! Goods sectors: food, textiles, surgical instruments, health, agriculture.

use super::{KindMix, Offer, Profile, Sector, Side, offer};

#[rustfmt::skip]
const FOOD_PK: &[Offer] = &[
    offer("Basmati and non-basmati rice miller and exporter.", &["Rice Mills", "Basmati"], &["311212", "424510"], &["1006", "100630", "100640"], &["8437"]),
    offer("Exporter of spices, ready-to-cook mixes and snack foods.", &["Foods", "Spice Co."], &["311999"], &["0910", "091030", "2106", "1905"], &[]),
    offer("Processor and exporter of mangoes and other fresh fruit.", &["Agro Foods", "Fresh Foods"], &["424480", "115114"], &["080450"], &[]),
    offer("Halal-certified food manufacturer supplying US grocery chains.", &["Foods", "Agro Foods"], &["311999", "311421"], &["2106", "1905", "190590"], &[]),
];

#[rustfmt::skip]
const FOOD_US: &[Offer] = &[
    offer("Importer and distributor of basmati rice and South Asian groceries.", &["Foods", "Grocers"], &["424510", "424490"], &[], &["100630", "1006", "091030"]),
    offer("Specialty-food wholesaler supplying US supermarket chains.", &["Specialty Foods", "Provisions"], &["424490"], &[], &["190590", "210690", "080450"]),
    offer("Food brand sourcing private-label rice and spices from Pakistan.", &["Foods", "Provisions"], &["311999", "424490"], &[], &["100630", "091030"]),
    offer("Exporter of almonds and other tree nuts to South Asia.", &["Nut Company", "Provisions"], &["424490"], &["080212", "0802"], &[]),
];

#[rustfmt::skip]
const TEXTILES_PK: &[Offer] = &[
    offer("Vertically integrated denim mill and garment exporter.", &["Denim", "Apparel"], &["313210", "315250"], &["5209", "6203", "620342"], &["5201"]),
    offer("Home-textile manufacturer: bed linen and terry towels for US retailers.", &["Home Textiles", "Textile Mills"], &["314120"], &["6302", "630231", "630260"], &["5201"]),
    offer("Spinning mill producing combed and carded cotton yarn.", &["Spinning Mills", "Textile Mills"], &["313110"], &["5205", "520512"], &["5201", "520100", "8445"]),
    offer("Knitwear exporter: T-shirts, polos and sweatshirts.", &["Knitwear", "Apparel"], &["315250", "315210"], &["6109", "610910", "6110"], &["5503"]),
    offer("Weaving mill exporting greige and finished cotton fabrics.", &["Weaving Mills", "Textile Mills"], &["313210"], &["5208", "5209"], &["8446", "5201"]),
    offer("Leather apparel and gloves manufacturer.", &["Leather Works"], &["315250"], &["4203", "420329"], &[]),
];

#[rustfmt::skip]
const TEXTILES_US: &[Offer] = &[
    offer("Apparel brand sourcing denim and knitwear from Pakistan.", &["Apparel", "Brands"], &["424350", "458110"], &[], &["620342", "6109", "6110"]),
    offer("Home-goods importer of bed linen and towels.", &["Home Goods"], &["423220"], &[], &["6302", "630231", "630260"]),
    offer("Cotton merchant selling US cotton to Pakistani spinning mills.", &["Cotton"], &["424590"], &["5201", "520100"], &[]),
    offer("Wholesale distributor of imported apparel.", &["Textiles", "Apparel"], &["424350"], &[], &["6203", "6204", "6109"]),
];

#[rustfmt::skip]
const SURGICAL_PK: &[Offer] = &[
    offer("Manufacturer of stainless-steel surgical and dental instruments.", &["Surgical", "Surgical Works", "Instruments"], &["339112"], &["9018", "901890", "901849"], &["7219"]),
    offer("Maker of beauty and manicure instruments for US salons.", &["Instruments", "Beauty Instruments"], &["332215"], &["821420", "8214"], &["7219"]),
    offer("Contract manufacturer of single-use and reusable surgical instruments.", &["Medical Instruments", "Surgical Works"], &["339112", "339113"], &["901890"], &["7219"]),
    offer("Dental-instrument maker supplying US distributors' own brands.", &["Dental Instruments"], &["339114"], &["901849"], &["7219"]),
];

#[rustfmt::skip]
const SURGICAL_US: &[Offer] = &[
    offer("Distributor of surgical instruments to hospitals and clinics.", &["Medical Supply", "Surgical"], &["423450"], &[], &["901890", "9018"]),
    offer("Dental-supply company sourcing private-label instruments.", &["Dental Supply"], &["423450"], &[], &["901849"]),
    offer("Veterinary and medical instrument importer.", &["Instruments", "Medical Supply"], &["423450"], &[], &["901890"]),
    offer("Salon-supply wholesaler importing manicure instruments.", &["Salon Supply"], &["423850"], &[], &["821420"]),
];

#[rustfmt::skip]
const HEALTH_PK: &[Offer] = &[
    offer("Pharmaceutical manufacturer of generics and nutraceuticals.", &["Pharma", "Life Sciences"], &["325412"], &["3004", "300490"], &["2941"]),
    offer("Hospital group expanding telehealth with US partners.", &["Healthcare", "Medical"], &["622110", "621111"], &[], &["9018", "9022"]),
    offer("Manufacturer of medical gloves and disposables.", &["Medical", "Healthcare"], &["339113"], &["401512", "3006"], &[]),
    offer("Distributor of vaccines and imported medicines.", &["Pharma", "Healthcare"], &["424210"], &[], &["3002", "300241", "3004"]),
];

#[rustfmt::skip]
const HEALTH_US: &[Offer] = &[
    offer("Pharmaceutical company seeking distributors in Pakistan.", &["Therapeutics"], &["325412"], &["3004", "300490"], &[]),
    offer("Medical-imaging equipment maker.", &["Imaging", "Medical"], &["334517"], &["9022", "9018"], &[]),
    offer("Biotech firm partnering on clinical research.", &["Biosciences", "Therapeutics"], &["541714", "325414"], &["3002", "300241"], &[]),
    offer("Telehealth provider offering remote consultations and diagnostics.", &["Health"], &["621111"], &[], &[]),
    offer("Medical-supplies importer of gloves and disposables.", &["Medical Supply", "Health"], &["423450"], &[], &["401512", "3006"]),
];

#[rustfmt::skip]
const AGRI_PK: &[Offer] = &[
    offer("Citrus grower and exporter of kinnow mandarins.", &["Orchards", "Farms"], &["111320"], &["080521", "0805"], &[]),
    offer("Mango orchards and post-harvest treatment for export.", &["Orchards", "Agri"], &["111339", "115114"], &["080450"], &[]),
    offer("Agritech start-up offering precision irrigation and crop advisory.", &["Agritech"], &["541690"], &[], &["8432"]),
    offer("Cotton ginning and farm-inputs distributor.", &["Ginners", "Agri"], &["115111", "424910"], &[], &["3102", "8432", "8701"]),
    offer("Trader exporting sesame and importing pulses and soybeans.", &["Commodities", "Agri"], &["424510"], &["120740"], &["071320", "1201"]),
];

#[rustfmt::skip]
const AGRI_US: &[Offer] = &[
    offer("Cotton and soybean exporter.", &["Growers", "Farms"], &["111920", "424510"], &["5201", "520100", "1201", "120190"], &[]),
    offer("Farm-machinery manufacturer seeking dealers in Pakistan.", &["Equipment"], &["333111"], &["8701", "8432", "8433"], &[]),
    offer("Grain and pulses merchant exporting to South Asia.", &["Ag", "Growers"], &["424510"], &["071320", "100199", "1201"], &[]),
    offer("Agritech firm selling precision-farming software.", &["AgTech"], &["513210"], &[], &[]),
    offer("Importer of sesame seeds and tropical fruit.", &["Ag", "Growers"], &["424510", "424480"], &[], &["120740", "080450"]),
];

pub(super) const PROFILES: [Profile; 5] = [
    Profile {
        sector: Sector::RiceAndFood,
        mix: KindMix {
            startup: 5,
            marketplace_seller: 25,
        },
        founded: (1965, 2020),
        pk: Side {
            count: 16,
            cities: &["Karachi", "Lahore", "Gujranwala", "Hyderabad", "Multan"],
            offers: FOOD_PK,
        },
        us: Side {
            count: 12,
            cities: &[
                "Jersey City",
                "Houston",
                "Chicago",
                "Los Angeles",
                "Atlanta",
                "Dallas",
            ],
            offers: FOOD_US,
        },
        certifications: &[
            "HACCP",
            "ISO 22000",
            "BRCGS Food Safety",
            "Halal certified",
            "FSSC 22000",
        ],
        tags: &[
            "basmati",
            "halal certification",
            "FDA food facility registration",
            "cold chain",
            "private label",
            "spices",
        ],
        roles: &[
            "Head of Exports",
            "Quality Assurance Manager",
            "Procurement Director",
        ],
        chapters: &["10", "08", "09", "19", "21"],
    },
    Profile {
        sector: Sector::TextilesAndApparel,
        mix: KindMix {
            startup: 0,
            marketplace_seller: 20,
        },
        founded: (1960, 2020),
        pk: Side {
            count: 20,
            cities: &["Faisalabad", "Karachi", "Lahore", "Multan", "Sialkot"],
            offers: TEXTILES_PK,
        },
        us: Side {
            count: 14,
            cities: &[
                "New York",
                "Los Angeles",
                "Charlotte",
                "Memphis",
                "Dallas",
                "Atlanta",
            ],
            offers: TEXTILES_US,
        },
        certifications: &[
            "OEKO-TEX Standard 100",
            "GOTS",
            "WRAP",
            "ISO 9001",
            "SA8000",
        ],
        tags: &[
            "denim",
            "home textiles",
            "knitwear",
            "cotton sourcing",
            "compliance audits",
            "US retail programmes",
        ],
        roles: &[
            "Head of Merchandising",
            "Compliance Manager",
            "Sourcing Director",
        ],
        chapters: &["52", "61", "62", "63"],
    },
    Profile {
        sector: Sector::SurgicalInstruments,
        mix: KindMix {
            startup: 0,
            marketplace_seller: 15,
        },
        founded: (1960, 2020),
        pk: Side {
            count: 12,
            cities: &["Sialkot", "Sialkot", "Sialkot", "Lahore", "Karachi"],
            offers: SURGICAL_PK,
        },
        us: Side {
            count: 8,
            cities: &[
                "New York",
                "Chicago",
                "Miami",
                "Minneapolis",
                "Philadelphia",
                "Atlanta",
            ],
            offers: SURGICAL_US,
        },
        certifications: &[
            "ISO 13485",
            "ISO 9001",
            "CE marking",
            "FDA establishment registration",
        ],
        tags: &[
            "ISO 13485",
            "FDA 510(k)",
            "stainless steel",
            "private label",
            "medical devices",
        ],
        roles: &[
            "Quality Manager",
            "Head of Regulatory Affairs",
            "Export Manager",
        ],
        chapters: &["90", "82"],
    },
    Profile {
        sector: Sector::Health,
        mix: KindMix {
            startup: 15,
            marketplace_seller: 0,
        },
        founded: (1970, 2020),
        pk: Side {
            count: 10,
            cities: &["Karachi", "Lahore", "Islamabad", "Peshawar"],
            offers: HEALTH_PK,
        },
        us: Side {
            count: 12,
            cities: &[
                "Boston",
                "New York",
                "Philadelphia",
                "Minneapolis",
                "Houston",
                "San Francisco",
            ],
            offers: HEALTH_US,
        },
        certifications: &["WHO GMP", "ISO 13485", "ISO 9001", "ISO 15189"],
        tags: &[
            "drug registration",
            "DRAP registration",
            "telehealth",
            "clinical trials",
            "medical devices",
            "GMP audits",
        ],
        roles: &[
            "Head of Regulatory Affairs",
            "Medical Director",
            "Business Development Director",
        ],
        chapters: &["30", "90", "40"],
    },
    Profile {
        sector: Sector::Agriculture,
        mix: KindMix {
            startup: 15,
            marketplace_seller: 0,
        },
        founded: (1960, 2020),
        pk: Side {
            count: 12,
            cities: &["Multan", "Sargodha", "Faisalabad", "Hyderabad", "Peshawar"],
            offers: AGRI_PK,
        },
        us: Side {
            count: 14,
            cities: &[
                "Lubbock",
                "Memphis",
                "Des Moines",
                "Little Rock",
                "Fresno",
                "Minneapolis",
            ],
            offers: AGRI_US,
        },
        certifications: &["GLOBALG.A.P.", "USDA Organic", "ISO 22000", "HACCP"],
        tags: &[
            "cotton",
            "citrus exports",
            "mango exports",
            "precision agriculture",
            "cold chain",
            "phytosanitary certificates",
        ],
        roles: &["Farm Operations Director", "Head of Exports", "Agronomist"],
        chapters: &["52", "12", "08", "84", "07"],
    },
];
