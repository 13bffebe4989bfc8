//! Last-step repairs for weight-maximising instances, where dropping meetings is allowed: the
//! search prices fairness softly and lets a successor stand without its predecessor, so a
//! result may need meetings removed before it is valid.

use super::inst::Inst;
use super::state::{NONE, State, Weights};

/// Drops meetings until every held meeting's predecessors are held and every participant is
/// within the fairness bound. Returns the repaired slots.
pub fn repair(inst: &Inst<'_>, slots: &[u16]) -> Vec<u16> {
    let mut st = State::new(inst, Weights::default(), Vec::new());
    for (m, &t) in slots.iter().enumerate() {
        if t != NONE {
            st.place(inst, m, t);
        }
    }
    loop {
        let mut changed = false;
        for m in 0..inst.p.meetings.len() {
            if st.slot[m] != NONE
                && inst.p.meetings[m]
                    .after
                    .iter()
                    .any(|&x| st.slot[x as usize] == NONE)
            {
                st.unplace(inst, m);
                changed = true;
            }
        }
        if let Some(max) = inst.p.max_breaks {
            for who in 0..inst.p.participants.len() {
                while st.days[who].breaks > max {
                    // Dropping the meeting whose removal lowers this day's breaks most (a
                    // lone meeting between gaps) fixes the excess fastest.
                    let pick = inst.of[who]
                        .iter()
                        .copied()
                        .filter(|&m| st.slot[m as usize] != NONE)
                        .min_by_key(|&m| {
                            let d = st.day_if(inst, who, NONE, st.slot[m as usize]);
                            (d.breaks, inst.p.meetings[m as usize].weight)
                        });
                    let Some(m) = pick else { break };
                    st.unplace(inst, m as usize);
                    changed = true;
                }
            }
        }
        if !changed {
            return st.slot;
        }
    }
}
