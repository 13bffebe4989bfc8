//! Deterministic instance generator for benchmarks and tests.
//!
//! Same parameters and seed, same instance, forever: the PRNG is our own (`rng.rs`). Shape:
//! each participant requests 5–15 meetings, choosing partners by a Zipf-like attractiveness
//! (a few participants are very popular); two sessions; a fifth of the participants have
//! restricted availability (mornings only, afternoons only, or a few forbidden slots); no
//! duplicate pairs; a participant's degree is capped at three quarters of its available slots
//! so that a compact day stays possible; weights 1–3 (mostly 1).
//!
//! Tables: 30–60 % of participants / 2, raised when needed so that the tables can hold 110 %
//! of the requests (otherwise capacity, not the scheduler, decides how many meetings fit).
//!
//! [`planted`] makes instances of another kind: built around a schedule with (nearly) no
//! breaks, so that a solver's result can be measured against a known good schedule rather
//! than only against its own bound.

mod planted;

pub use planted::{PlantParams, Planted, planted};

use std::collections::HashSet;

use crate::model::{Meeting, Participant, Problem, Session};
use crate::names::Names;
use crate::rng::Rng;

#[derive(Debug, Clone)]
pub struct GenParams {
    pub participants: usize,
    pub seed: u64,
    /// Slots per session; `None` = drawn from 8..=16.
    pub slots_per_session: Option<u16>,
    /// Requests each participant makes, drawn uniformly from this range.
    pub requests: (usize, usize),
    pub max_breaks: Option<u32>,
    /// Share of participants with restricted availability.
    pub restricted_share: f64,
}

impl Default for GenParams {
    fn default() -> Self {
        GenParams {
            participants: 100,
            seed: 1,
            slots_per_session: None,
            requests: (5, 15),
            max_breaks: None,
            restricted_share: 0.2,
        }
    }
}

const CITIES: [&str; 12] = [
    "Karachi",
    "Lahore",
    "Sialkot",
    "Faisalabad",
    "Peshawar",
    "Multan",
    "Houston",
    "Chicago",
    "Atlanta",
    "Seattle",
    "Newark",
    "Fresno",
];
const TRADES: [&str; 12] = [
    "Rice",
    "Textile",
    "Surgical",
    "Software",
    "Leather",
    "Sports Goods",
    "Mango",
    "Cotton",
    "Solar",
    "Logistics",
    "Seafood",
    "Ceramics",
];
const KINDS: [&str; 6] = [
    "Exporters",
    "Traders",
    "Industries",
    "Partners",
    "Labs",
    "Importers",
];

/// A made-up firm's name, numbered `i + 1` so that names stay distinct.
fn firm_name(rng: &mut Rng, i: usize) -> String {
    format!(
        "{} {} {} {}",
        CITIES[rng.below(CITIES.len())],
        TRADES[rng.below(TRADES.len())],
        KINDS[rng.below(KINDS.len())],
        i + 1
    )
}

/// A request of `a` to meet `b`, with no session, slot or order imposed; weights 1–3,
/// mostly 1.
fn request(a: usize, b: usize, rng: &mut Rng) -> Meeting {
    let weight = match rng.below(10) {
        0..=5 => 1,
        6..=8 => 2,
        _ => 3,
    };
    Meeting {
        a: a as u32,
        b: b as u32,
        weight,
        session: None,
        fixed: None,
        after: Vec::new(),
    }
}

/// Ids `p1…` and `m1…`.
fn plain_names(participants: usize, meetings: usize) -> Names {
    Names {
        participants: (1..=participants).map(|i| format!("p{i}")).collect(),
        meetings: (1..=meetings).map(|i| format!("m{i}")).collect(),
        numeric: false,
    }
}

/// A morning and an afternoon of `per` slots each.
fn two_sessions(per: u16) -> Vec<Session> {
    vec![
        Session {
            name: "morning".into(),
            start: 0,
            len: per,
        },
        Session {
            name: "afternoon".into(),
            start: per,
            len: per,
        },
    ]
}

/// Generates an instance (participants clamped to 2..=100_000, slots per session to 1..=32).
pub fn generate(g: &GenParams) -> (Problem, Names) {
    let mut rng = Rng::new(g.seed);
    let n = g.participants.clamp(2, 100_000);
    let per = g
        .slots_per_session
        .unwrap_or_else(|| rng.range(8, 16) as u16)
        .clamp(1, 32);
    let slots = per * 2;
    let all: u64 = u64::MAX >> (64 - slots);
    let morning: u64 = u64::MAX >> (64 - per);
    let afternoon = all & !morning;
    let mut masks = vec![all; n];
    let mut participants = Vec::with_capacity(n);
    for (i, mask) in masks.iter_mut().enumerate() {
        if rng.unit() < g.restricted_share {
            *mask = match rng.below(3) {
                0 => morning,
                1 => afternoon,
                _ => {
                    let mut m = all;
                    for _ in 0..rng.range(1, 3) {
                        m &= !(1u64 << rng.below(slots as usize));
                    }
                    m
                }
            };
        }
        let name = firm_name(&mut rng, i);
        let forbidden = (0..slots).filter(|&t| *mask >> t & 1 == 0).collect();
        participants.push(Participant { name, forbidden });
    }
    let cap: Vec<usize> = masks
        .iter()
        .map(|m| m.count_ones() as usize * 3 / 4)
        .collect();
    // Zipf-like attractiveness over a random ranking; cumulative for sampling by bisection.
    let mut rank: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        rank.swap(i, rng.below(i + 1));
    }
    let mut cumulative = Vec::with_capacity(n);
    let mut acc = 0.0;
    for &r in &rank {
        acc += 1.0 / ((r + 1) as f64).powf(0.6);
        cumulative.push(acc);
    }
    let mut degree = vec![0usize; n];
    let mut pairs = HashSet::new();
    let mut meetings = Vec::new();
    let (lo, hi) = (
        g.requests.0.min(g.requests.1),
        g.requests.0.max(g.requests.1),
    );
    for a in 0..n {
        let want = rng.range(lo, hi);
        let mut made = 0;
        let mut tries = 0;
        while made < want && tries < want * 20 && degree[a] < cap[a] {
            tries += 1;
            let x = rng.unit() * acc;
            let b = cumulative.partition_point(|&c| c < x).min(n - 1);
            let key = (a.min(b), a.max(b));
            if b == a || degree[b] >= cap[b] || masks[a] & masks[b] == 0 || pairs.contains(&key) {
                continue;
            }
            pairs.insert(key);
            degree[a] += 1;
            degree[b] += 1;
            made += 1;
            meetings.push(request(a, b, &mut rng));
        }
    }
    let frac = 0.3 + 0.3 * rng.unit();
    let tables = ((frac * n as f64 / 2.0).ceil() as usize)
        .max((meetings.len() * 11).div_ceil(10 * slots as usize));
    let names = plain_names(n, meetings.len());
    let problem = Problem {
        name: format!("generated-{n}-seed{}", g.seed),
        slots,
        sessions: two_sessions(per),
        tables: vec![tables as u32; slots as usize],
        participants,
        meetings,
        max_breaks: g.max_breaks,
        require_all: false,
        idle_spans_sessions: true,
    };
    (problem, names)
}
