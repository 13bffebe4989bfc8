//! Technology and energy sectors.

use super::{KindMix, Offer, Profile, Sector, Side, offer};

const TECH_MIX: KindMix = KindMix {
    startup: 40,
    marketplace_seller: 0,
};

#[rustfmt::skip]
const ICT_PK: &[Offer] = &[
    offer("Custom software development and dedicated engineering teams for US clients.", &["Softworks", "Technologies", "Software House"], &["541511", "541512"], &[], &["8471"]),
    offer("IT outsourcing, quality assurance and application maintenance, delivered from Pakistan.", &["Systems", "Technologies", "Tech Labs"], &["541519", "541512"], &[], &["8471", "8517"]),
    offer("Mobile and web product engineering for US start-ups and mid-sized firms.", &["Digital", "Tech Labs", "Softworks"], &["541511", "513210"], &[], &[]),
    offer("ERP implementation and business-process outsourcing for North American customers.", &["Systems", "Solutions"], &["541512", "541519"], &[], &["8471"]),
];

#[rustfmt::skip]
const ICT_US: &[Offer] = &[
    offer("Software consultancy that runs delivery centres with partners in Pakistan.", &["Software", "Digital"], &["541511", "541512"], &[], &[]),
    offer("Systems integrator looking for offshore engineering partners.", &["Systems Group", "Technologies"], &["541512"], &[], &[]),
    offer("Enterprise software vendor building a reseller network in South Asia.", &["Software", "Labs"], &["513210"], &[], &[]),
    offer("Reseller of computers and networking equipment to South Asian IT firms.", &["Technologies", "Systems Group"], &["423430"], &["8471", "8517", "8523"], &[]),
];

#[rustfmt::skip]
const CLOUD_PK: &[Offer] = &[
    offer("Colocation and managed cloud services in Pakistan.", &["Data Centres", "Cloud"], &["518210"], &[], &["847150", "8504", "8544"]),
    offer("Managed hosting and cloud migration for banks and telecom operators.", &["Hosting", "Cloud Services"], &["518210", "541512"], &[], &["8471", "8517"]),
    offer("Edge data-centre operator serving software exporters.", &["Data Centres"], &["518210"], &[], &["847150", "8504"]),
];

#[rustfmt::skip]
const CLOUD_US: &[Offer] = &[
    offer("Colocation and interconnection provider.", &["Data Centers", "Compute"], &["518210"], &[], &[]),
    offer("Cloud consultancy that migrates workloads for South Asian clients.", &["Cloud"], &["541512", "518210"], &[], &[]),
    offer("Supplier of servers, storage and networking for data-centre builds.", &["Infrastructure", "Compute"], &["423430"], &["847150", "8517", "8544", "8504"], &[]),
];

#[rustfmt::skip]
const CYBER_PK: &[Offer] = &[
    offer("Security operations centre services and penetration testing for international clients.", &["Cyber Defence", "SecureOps"], &["541512", "561621"], &[], &["8471"]),
    offer("Managed detection and response, and ISO/IEC 27001 readiness consulting.", &["Security Labs", "SecureOps"], &["541690", "541512"], &[], &["8517"]),
];

#[rustfmt::skip]
const CYBER_US: &[Offer] = &[
    offer("Cybersecurity firm seeking security-operations partners in Pakistan.", &["Cyber", "Cyber Defense"], &["541512", "561621"], &[], &[]),
    offer("Identity and cloud-security software vendor expanding into South Asia.", &["Security"], &["513210"], &[], &[]),
    offer("Distributor of network-security appliances selling into Pakistan.", &["Security", "Cyber"], &["423430"], &["8517", "8471"], &[]),
];

#[rustfmt::skip]
const AI_PK: &[Offer] = &[
    offer("Data labelling, computer vision and machine-learning engineering services.", &["AI Labs", "Vision Labs"], &["541511", "518210"], &[], &["847130"]),
    offer("Natural-language processing for Urdu and other regional languages.", &["AI Labs", "Intelligence"], &["541715", "541511"], &[], &[]),
    offer("Applied AI for agriculture and supply chains.", &["Analytics", "Intelligence"], &["541511", "541715"], &[], &["854231"]),
];

#[rustfmt::skip]
const AI_US: &[Offer] = &[
    offer("AI start-up building models with a distributed engineering team.", &["AI", "Machine Intelligence"], &["541715", "541511"], &[], &[]),
    offer("Machine-learning platform vendor seeking implementation partners.", &["AI Labs", "Analytics"], &["513210"], &[], &[]),
    offer("Applied AI research lab partnering with Pakistani universities.", &["AI Labs", "Machine Intelligence"], &["541715"], &[], &[]),
    offer("Supplier of GPU servers for AI training clusters.", &["AI Systems"], &["423430"], &["847150", "854231"], &[]),
];

#[rustfmt::skip]
const ENERGY_PK: &[Offer] = &[
    offer("Solar EPC contractor for commercial and industrial rooftops.", &["Solar", "Energy"], &["237130", "221114"], &[], &["854143", "850440"]),
    offer("Distributor of solar modules, inverters and lithium-ion storage.", &["Solar", "Power"], &["423610"], &[], &["854143", "850440", "850760"]),
    offer("Independent power producer developing wind and solar projects.", &["Power", "Renewables"], &["221115", "221114"], &[], &["8502"]),
];

#[rustfmt::skip]
const ENERGY_US: &[Offer] = &[
    offer("Natural-gas producer and LNG supplier.", &["Energy"], &["211130"], &["271111"], &[]),
    offer("Maker of inverters and battery storage looking for distributors in Pakistan.", &["Power Systems"], &["335999", "335910"], &["850440", "850760"], &[]),
    offer("Renewable-energy developer and investor in South Asian projects.", &["Renewables"], &["221114", "221115"], &[], &[]),
    offer("Transmission and grid-engineering consultancy.", &["Grid"], &["541330"], &[], &[]),
    offer("Maker of transformers for utility grids.", &["Grid", "Power Systems"], &["335311"], &["8504"], &[]),
];

pub(super) const PROFILES: [Profile; 5] = [
    Profile {
        sector: Sector::IctServices,
        mix: TECH_MIX,
        founded: (1995, 2021),
        pk: Side {
            count: 18,
            cities: &[
                "Lahore",
                "Karachi",
                "Islamabad",
                "Rawalpindi",
                "Faisalabad",
                "Peshawar",
            ],
            offers: ICT_PK,
        },
        us: Side {
            count: 14,
            cities: &[
                "New York",
                "San Francisco",
                "San Jose",
                "Austin",
                "Dallas",
                "Seattle",
                "Chicago",
                "Atlanta",
                "Jersey City",
                "Boston",
            ],
            offers: ICT_US,
        },
        certifications: &["ISO/IEC 27001", "ISO 9001", "CMMI Level 3"],
        tags: &[
            "offshore delivery",
            "staff augmentation",
            "agile delivery",
            "ERP",
            "mobile apps",
            "US client onboarding",
        ],
        roles: &[
            "Chief Technology Officer",
            "Head of Delivery",
            "VP Engineering",
        ],
        chapters: &["84", "85"],
    },
    Profile {
        sector: Sector::CloudDataCentres,
        mix: TECH_MIX,
        founded: (2000, 2021),
        pk: Side {
            count: 9,
            cities: &["Karachi", "Lahore", "Islamabad"],
            offers: CLOUD_PK,
        },
        us: Side {
            count: 10,
            cities: &[
                "Ashburn", "Dallas", "Phoenix", "San Jose", "Chicago", "Atlanta",
            ],
            offers: CLOUD_US,
        },
        certifications: &["ISO/IEC 27001", "SOC 2 Type II", "PCI DSS"],
        tags: &[
            "colocation",
            "cloud migration",
            "Tier III facilities",
            "disaster recovery",
            "data residency",
        ],
        roles: &["Head of Data Centre Operations", "Cloud Architect"],
        chapters: &["84", "85"],
    },
    Profile {
        sector: Sector::Cybersecurity,
        mix: TECH_MIX,
        founded: (2005, 2021),
        pk: Side {
            count: 9,
            cities: &["Islamabad", "Lahore", "Karachi"],
            offers: CYBER_PK,
        },
        us: Side {
            count: 10,
            cities: &[
                "Arlington",
                "Washington",
                "Austin",
                "San Francisco",
                "Baltimore",
                "Denver",
            ],
            offers: CYBER_US,
        },
        certifications: &["ISO/IEC 27001", "SOC 2 Type II", "CREST"],
        tags: &[
            "SOC operations",
            "penetration testing",
            "incident response",
            "ISO/IEC 27001 audits",
            "cloud security",
        ],
        roles: &[
            "Chief Information Security Officer",
            "Head of Security Operations",
        ],
        chapters: &["84", "85"],
    },
    Profile {
        sector: Sector::ArtificialIntelligence,
        mix: TECH_MIX,
        founded: (2012, 2022),
        pk: Side {
            count: 10,
            cities: &["Islamabad", "Lahore", "Karachi", "Peshawar"],
            offers: AI_PK,
        },
        us: Side {
            count: 12,
            cities: &[
                "San Francisco",
                "Seattle",
                "Boston",
                "New York",
                "Austin",
                "Columbus",
            ],
            offers: AI_US,
        },
        certifications: &["ISO/IEC 27001", "ISO 9001"],
        tags: &[
            "machine learning",
            "computer vision",
            "Urdu NLP",
            "data labelling",
            "MLOps",
        ],
        roles: &["Head of AI", "Lead Data Scientist"],
        chapters: &["84", "85"],
    },
    Profile {
        sector: Sector::EnergyAndRenewables,
        mix: KindMix {
            startup: 20,
            marketplace_seller: 0,
        },
        founded: (1975, 2020),
        pk: Side {
            count: 10,
            cities: &[
                "Karachi",
                "Lahore",
                "Islamabad",
                "Quetta",
                "Peshawar",
                "Hyderabad",
            ],
            offers: ENERGY_PK,
        },
        us: Side {
            count: 12,
            cities: &[
                "Houston",
                "Denver",
                "Phoenix",
                "Dallas",
                "Charlotte",
                "Minneapolis",
            ],
            offers: ENERGY_US,
        },
        certifications: &["ISO 9001", "ISO 14001", "ISO 45001"],
        tags: &[
            "solar EPC",
            "net metering",
            "battery storage",
            "LNG",
            "grid integration",
            "project finance",
        ],
        roles: &["Project Director", "Head of Procurement"],
        chapters: &["85", "27"],
    },
];
