//! The mutable search state: slot of each meeting, busy bitsets, loads, and a cached cost that
//! every `place`/`unplace` keeps exact. Moves are sequences of those two operations recorded in
//! an undo log, so any compound move can be evaluated by doing it and rolled back cheaply.

use super::inst::{Day, Inst, clear_bit, has, set_bit};

pub const NONE: u16 = u16::MAX;

/// Cost weights; the search minimises their weighted sum.
#[derive(Debug, Clone, Copy)]
pub struct Weights {
    /// Per unit of meeting weight left unscheduled: dominates everything else.
    pub unplaced: i64,
    /// Per meeting of a previous schedule not in its previous slot (incremental mode).
    pub moved: i64,
    /// Per break above the fairness bound: soft in the search, hard in the result.
    pub excess: i64,
    pub breaks: i64,
    /// Per pair of breaks of one participant (b(b-1)/2 pairs): a small convex term that spreads
    /// breaks over participants, for the third criterion (the worst participant's breaks).
    pub spread: i64,
    pub idle: i64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            unplaced: 1 << 24,
            moved: 0,
            excess: 1 << 12,
            breaks: 16,
            spread: 1,
            idle: 1,
        }
    }
}

#[derive(Clone)]
pub struct State {
    pub wt: Weights,
    pub slot: Vec<u16>,
    busy: Vec<u64>,
    pub load: Vec<u32>,
    full: Vec<u64>,
    pub in_slot: Vec<Vec<u32>>,
    pos: Vec<u32>,
    pub days: Vec<Day>,
    pub cost: i64,
    pub breaks: u64,
    /// Participants by number of breaks (index = breaks), for the worst day.
    hist: Vec<u32>,
    pub excess: u64,
    pub unplaced_weight: u64,
    pub unplaced: u32,
    /// Previous slot of each meeting in incremental mode (`NONE` = new); empty otherwise.
    pub home: Vec<u16>,
    pub moved: u32,
    log: Vec<(u32, u16)>,
    /// Meeting of each participant in each slot (`u32::MAX` = none), `P × slots`; empty when
    /// that would be too large, and then found by scanning the participant's meetings.
    agenda: Vec<u32>,
    slots: usize,
}

/// Above this many (participant, slot) cells the agenda table is not kept.
const MAX_AGENDA: usize = 1 << 24;

impl State {
    pub fn new(inst: &Inst<'_>, wt: Weights, home: Vec<u16>) -> Self {
        let p = inst.p;
        let nm = p.meetings.len();
        let unplaced_weight: u64 = p.meetings.iter().map(|m| m.weight as u64).sum();
        let mut s = State {
            wt,
            slot: vec![NONE; nm],
            busy: vec![0; p.participants.len() * inst.w],
            load: vec![0; inst.slots],
            full: vec![0; inst.w],
            in_slot: vec![Vec::new(); inst.slots],
            pos: vec![0; nm],
            days: vec![Day::default(); p.participants.len()],
            cost: 0,
            breaks: 0,
            hist: vec![p.participants.len() as u32; 1],
            excess: 0,
            unplaced_weight,
            unplaced: nm as u32,
            moved: 0,
            home,
            log: Vec::new(),
            agenda: Vec::new(),
            slots: inst.slots,
        };
        let cells = p.participants.len() * inst.slots;
        if cells <= MAX_AGENDA {
            s.agenda = vec![u32::MAX; cells];
        }
        for t in 0..inst.slots {
            if p.tables[t] == 0 {
                set_bit(&mut s.full, t);
            }
        }
        s.moved = s.home.iter().filter(|&&h| h != NONE).count() as u32;
        s.cost = s.unplaced_weight as i64 * wt.unplaced + s.moved as i64 * wt.moved;
        s
    }

    #[inline]
    pub fn busy(&self, inst: &Inst<'_>, who: usize) -> &[u64] {
        &self.busy[who * inst.w..(who + 1) * inst.w]
    }

    #[inline]
    pub fn is_busy(&self, inst: &Inst<'_>, who: usize, t: usize) -> bool {
        has(&self.busy[who * inst.w..(who + 1) * inst.w], t)
    }

    pub fn day_cost(&self, inst: &Inst<'_>, d: Day) -> i64 {
        let excess = inst.p.max_breaks.map_or(0, |x| d.breaks.saturating_sub(x));
        let b = d.breaks as i64;
        b * self.wt.breaks
            + b * (b - 1).max(0) / 2 * self.wt.spread
            + d.idle as i64 * self.wt.idle
            + excess as i64 * self.wt.excess
    }

    /// The day of `who` if `add` were busy and `remove` free (either may be `NONE`).
    #[inline]
    pub fn day_if(&self, inst: &Inst<'_>, who: usize, add: u16, remove: u16) -> Day {
        let mut tmp = [0u64; 16];
        let w = inst.w;
        let buf: &mut [u64] = if w <= 16 {
            &mut tmp[..w]
        } else {
            return self.day_if_slow(inst, who, add, remove);
        };
        buf.copy_from_slice(self.busy(inst, who));
        if remove != NONE {
            clear_bit(buf, remove as usize);
        }
        if add != NONE {
            set_bit(buf, add as usize);
        }
        inst.day(buf)
    }

    fn day_if_slow(&self, inst: &Inst<'_>, who: usize, add: u16, remove: u16) -> Day {
        let mut buf = self.busy(inst, who).to_vec();
        if remove != NONE {
            clear_bit(&mut buf, remove as usize);
        }
        if add != NONE {
            set_bit(&mut buf, add as usize);
        }
        inst.day(&buf)
    }

    /// Cost change of moving meeting `m` from its slot to `t` (`NONE` = unplace), ignoring
    /// feasibility and other meetings.
    pub fn delta_move(&self, inst: &Inst<'_>, m: usize, t: u16) -> i64 {
        let mt = &inst.p.meetings[m];
        let from = self.slot[m];
        let mut d = 0;
        for who in [mt.a as usize, mt.b as usize] {
            let new = self.day_if(inst, who, t, from);
            d += self.day_cost(inst, new) - self.day_cost(inst, self.days[who]);
        }
        let w = mt.weight as i64 * self.wt.unplaced;
        d += match (from == NONE, t == NONE) {
            (true, false) => -w,
            (false, true) => w,
            _ => 0,
        };
        if let Some(&h) = self.home.get(m) {
            if h != NONE {
                d += ((t != h) as i64 - (from != h) as i64) * self.wt.moved;
            }
        }
        d
    }

    /// Slots where `m` could go now: allowed, both participants free, a table free.
    /// Precedences are not applied (see `prec_ok`).
    pub fn free_slots(&self, inst: &Inst<'_>, m: usize, out: &mut [u64]) {
        let mt = &inst.p.meetings[m];
        let (ba, bb, al) = (
            self.busy(inst, mt.a as usize),
            self.busy(inst, mt.b as usize),
            inst.allowed(m),
        );
        for k in 0..inst.w {
            out[k] = al[k] & !ba[k] & !bb[k] & !self.full[k];
        }
    }

    /// Every placed predecessor is strictly earlier and every placed successor strictly later.
    pub fn prec_ok(&self, inst: &Inst<'_>, m: usize, t: u16) -> bool {
        inst.p.meetings[m].after.iter().all(|&x| {
            let s = self.slot.get(x as usize).copied().unwrap_or(NONE);
            s == NONE || s < t
        }) && inst.succ[m].iter().all(|&x| {
            let s = self.slot[x as usize];
            s == NONE || s > t
        })
    }

    /// Whether `m` (currently unplaced) can go to `t` under every hard constraint.
    pub fn can_place(&self, inst: &Inst<'_>, m: usize, t: u16) -> bool {
        let mt = &inst.p.meetings[m];
        let tu = t as usize;
        has(inst.allowed(m), tu)
            && !has(&self.full, tu)
            && !self.is_busy(inst, mt.a as usize, tu)
            && !self.is_busy(inst, mt.b as usize, tu)
            && self.prec_ok(inst, m, t)
    }

    fn refresh(&mut self, inst: &Inst<'_>, who: usize) {
        let new = inst.day(self.busy(inst, who));
        let old = self.days[who];
        self.cost += self.day_cost(inst, new) - self.day_cost(inst, old);
        self.breaks = self.breaks + new.breaks as u64 - old.breaks as u64;
        if new.breaks != old.breaks {
            let (o, n) = (old.breaks as usize, new.breaks as usize);
            if self.hist.len() <= n {
                self.hist.resize(n + 1, 0);
            }
            self.hist[o] -= 1;
            self.hist[n] += 1;
        }
        if let Some(x) = inst.p.max_breaks {
            self.excess = self.excess + new.breaks.saturating_sub(x) as u64
                - old.breaks.saturating_sub(x) as u64;
        }
        self.days[who] = new;
    }

    fn set_moved(&mut self, m: usize, before: u16, after: u16) {
        if let Some(&h) = self.home.get(m) {
            if h != NONE && (before == h) != (after == h) {
                let d: i64 = if after == h { -1 } else { 1 };
                self.moved = (self.moved as i64 + d) as u32;
                self.cost += d * self.wt.moved;
            }
        }
    }

    /// Puts unplaced meeting `m` in slot `t`; the caller has checked `can_place`.
    pub fn place(&mut self, inst: &Inst<'_>, m: usize, t: u16) {
        debug_assert_eq!(self.slot[m], NONE);
        let mt = &inst.p.meetings[m];
        let (a, b, tu, w) = (mt.a as usize, mt.b as usize, t as usize, inst.w);
        self.log.push((m as u32, NONE));
        self.set_moved(m, NONE, t);
        if !self.agenda.is_empty() {
            self.agenda[a * self.slots + tu] = m as u32;
            self.agenda[b * self.slots + tu] = m as u32;
        }
        self.slot[m] = t;
        set_bit(&mut self.busy[a * w..(a + 1) * w], tu);
        set_bit(&mut self.busy[b * w..(b + 1) * w], tu);
        self.load[tu] += 1;
        if self.load[tu] >= inst.p.tables[tu] {
            set_bit(&mut self.full, tu);
        }
        self.pos[m] = self.in_slot[tu].len() as u32;
        self.in_slot[tu].push(m as u32);
        self.unplaced -= 1;
        self.unplaced_weight -= mt.weight as u64;
        self.cost -= mt.weight as i64 * self.wt.unplaced;
        self.refresh(inst, a);
        self.refresh(inst, b);
    }

    pub fn unplace(&mut self, inst: &Inst<'_>, m: usize) {
        let t = self.slot[m];
        debug_assert_ne!(t, NONE);
        let mt = &inst.p.meetings[m];
        let (a, b, tu, w) = (mt.a as usize, mt.b as usize, t as usize, inst.w);
        self.log.push((m as u32, t));
        self.set_moved(m, t, NONE);
        if !self.agenda.is_empty() {
            self.agenda[a * self.slots + tu] = u32::MAX;
            self.agenda[b * self.slots + tu] = u32::MAX;
        }
        self.slot[m] = NONE;
        clear_bit(&mut self.busy[a * w..(a + 1) * w], tu);
        clear_bit(&mut self.busy[b * w..(b + 1) * w], tu);
        self.load[tu] -= 1;
        clear_bit(&mut self.full, tu);
        let i = self.pos[m] as usize;
        self.in_slot[tu].swap_remove(i);
        if let Some(&moved) = self.in_slot[tu].get(i) {
            self.pos[moved as usize] = i as u32;
        }
        self.unplaced += 1;
        self.unplaced_weight += mt.weight as u64;
        self.cost += mt.weight as i64 * self.wt.unplaced;
        self.refresh(inst, a);
        self.refresh(inst, b);
    }

    /// The worst participant's breaks.
    pub fn worst(&self) -> u32 {
        self.hist.iter().rposition(|&n| n > 0).unwrap_or(0) as u32
    }

    /// Starts recording a move.
    pub fn begin(&mut self) {
        self.log.clear();
    }

    /// Undoes everything since `begin`.
    pub fn rollback(&mut self, inst: &Inst<'_>) {
        let log = std::mem::take(&mut self.log);
        for &(m, before) in log.iter().rev() {
            let m = m as usize;
            if self.slot[m] != NONE {
                self.unplace(inst, m);
            }
            if before != NONE {
                self.place(inst, m, before);
            }
        }
        self.log = log;
        self.log.clear();
    }

    /// The meeting participant `who` has in slot `t`, if any.
    pub fn meeting_at(&self, inst: &Inst<'_>, who: usize, t: u16) -> Option<u32> {
        if !self.agenda.is_empty() {
            let m = self.agenda[who * self.slots + t as usize];
            return (m != u32::MAX).then_some(m);
        }
        if !self.is_busy(inst, who, t as usize) {
            return None;
        }
        inst.of[who]
            .iter()
            .copied()
            .find(|&m| self.slot[m as usize] == t)
    }
}
