//! Static, precomputed data the heuristics share: slot bitsets and adjacency.

use crate::model::Problem;

/// Bitset helpers over `w` words per set.
#[inline]
pub fn has(bits: &[u64], t: usize) -> bool {
    bits[t >> 6] >> (t & 63) & 1 == 1
}

#[inline]
pub fn set_bit(bits: &mut [u64], t: usize) {
    bits[t >> 6] |= 1 << (t & 63);
}

#[inline]
pub fn clear_bit(bits: &mut [u64], t: usize) {
    bits[t >> 6] &= !(1 << (t & 63));
}

pub struct Inst<'p> {
    pub p: &'p Problem,
    /// Words per bitset.
    pub w: usize,
    pub slots: usize,
    /// Allowed slots of each meeting (forbidden, session and fixed slot applied), `M × w`.
    allowed: Vec<u64>,
    /// Session masks, `sessions × w`; used only when idle time ends at session boundaries.
    session_masks: Vec<u64>,
    /// Meetings of each participant.
    pub of: Vec<Vec<u32>>,
    /// Meetings that must come after each meeting (the reverse of `Meeting::after`).
    pub succ: Vec<Vec<u32>>,
}

/// A participant's day, as the search scores it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Day {
    pub breaks: u32,
    /// Idle slots between the first and last meeting (within a session when idle time does not
    /// span sessions). Guides the search towards compact days; not part of the objective.
    pub idle: u32,
}

impl<'p> Inst<'p> {
    pub fn new(p: &'p Problem) -> Self {
        let slots = p.slots as usize;
        let w = slots.div_ceil(64).max(1);
        let mut session_masks = vec![0u64; p.sessions.len() * w];
        for (i, s) in p.sessions.iter().enumerate() {
            for t in s.start as usize..(s.start as usize + s.len as usize).min(slots) {
                set_bit(&mut session_masks[i * w..(i + 1) * w], t);
            }
        }
        let mut all = vec![0u64; w];
        for t in 0..slots {
            set_bit(&mut all, t);
        }
        let np = p.participants.len();
        let mut forb = vec![0u64; np * w];
        for (i, pp) in p.participants.iter().enumerate() {
            for &t in &pp.forbidden {
                if (t as usize) < slots {
                    set_bit(&mut forb[i * w..(i + 1) * w], t as usize);
                }
            }
        }
        let nm = p.meetings.len();
        let mut allowed = vec![0u64; nm * w];
        let mut of = vec![Vec::new(); np];
        let mut succ = vec![Vec::new(); nm];
        for (m, mt) in p.meetings.iter().enumerate() {
            let (a, b) = (mt.a as usize, mt.b as usize);
            of[a].push(m as u32);
            of[b].push(m as u32);
            for &x in &mt.after {
                if (x as usize) < nm {
                    succ[x as usize].push(m as u32);
                }
            }
            let dst = &mut allowed[m * w..(m + 1) * w];
            for k in 0..w {
                let mut bits = all[k] & !forb[a * w + k] & !forb[b * w + k];
                if let Some(s) = mt.session {
                    bits &= session_masks.get(s as usize * w + k).copied().unwrap_or(0);
                }
                dst[k] = bits;
            }
            if let Some(f) = mt.fixed {
                let keep = (f as usize) < slots && has(dst, f as usize);
                dst.fill(0);
                if keep {
                    set_bit(dst, f as usize);
                }
            }
        }
        Inst {
            p,
            w,
            slots,
            allowed,
            session_masks,
            of,
            succ,
        }
    }

    #[inline]
    pub fn allowed(&self, m: usize) -> &[u64] {
        &self.allowed[m * self.w..(m + 1) * self.w]
    }

    /// Breaks and idle slots of a day given as a busy bitset.
    #[inline]
    pub fn day(&self, bits: &[u64]) -> Day {
        if self.p.idle_spans_sessions || self.p.sessions.len() <= 1 {
            return runs(bits, None);
        }
        let mut d = Day::default();
        for s in 0..self.p.sessions.len() {
            let part = runs(
                bits,
                Some(&self.session_masks[s * self.w..(s + 1) * self.w]),
            );
            d.breaks += part.breaks;
            d.idle += part.idle;
        }
        d
    }
}

/// Breaks (runs − 1) and idle slots of `bits`, restricted to `mask` when given.
#[inline]
fn runs(bits: &[u64], mask: Option<&[u64]>) -> Day {
    let (mut starts, mut count, mut carry) = (0u32, 0u32, 0u64);
    let (mut first, mut last) = (usize::MAX, 0usize);
    for (k, &b0) in bits.iter().enumerate() {
        let b = mask.map_or(b0, |m| b0 & m[k]);
        starts += (b & !((b << 1) | carry)).count_ones();
        carry = b >> 63;
        count += b.count_ones();
        if b != 0 {
            if first == usize::MAX {
                first = k * 64 + b.trailing_zeros() as usize;
            }
            last = k * 64 + 63 - b.leading_zeros() as usize;
        }
    }
    if count == 0 {
        return Day::default();
    }
    Day {
        breaks: starts - 1,
        idle: (last + 1 - first) as u32 - count,
    }
}
