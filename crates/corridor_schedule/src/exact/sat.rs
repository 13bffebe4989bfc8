#![allow(unsafe_code)] // The FFI to CaDiCaL; see the module docs.

//! A minimal safe handle on CaDiCaL through its C interface.
//!
//! The `cadical` crate compiles and links CaDiCaL (including its C interface), but its `Solver`
//! does not expose option setting, which the portfolio needs to give its workers different
//! random seeds and phases. So this module declares the few C functions it uses itself and
//! relies on the crate only for the build and link. Every `unsafe` block below calls one C
//! function on the pointer this handle owns; the pointer is valid from `new` until `drop`.

use std::ffi::{CString, c_char, c_int, c_void};

// Keep the `cadical` crate linked: its static library provides the symbols below.
use cadical as _;

unsafe extern "C" {
    fn ccadical_init() -> *mut c_void;
    fn ccadical_release(ptr: *mut c_void);
    fn ccadical_add(ptr: *mut c_void, lit: c_int);
    fn ccadical_assume(ptr: *mut c_void, lit: c_int);
    fn ccadical_solve(ptr: *mut c_void) -> c_int;
    fn ccadical_val(ptr: *mut c_void, lit: c_int) -> c_int;
    fn ccadical_failed(ptr: *mut c_void, lit: c_int) -> c_int;
    fn ccadical_set_terminate(
        ptr: *mut c_void,
        state: *mut c_void,
        terminate: Option<extern "C" fn(*mut c_void) -> c_int>,
    );
    fn ccadical_configure(ptr: *mut c_void, name: *const c_char) -> c_int;
    fn ccadical_set_option(ptr: *mut c_void, name: *const c_char, val: c_int);
    fn ccadical_limit(ptr: *mut c_void, name: *const c_char, val: c_int);
}

/// Asked now and then during a solve; returning true interrupts it (the solve returns `None`).
pub(crate) trait Interrupt {
    fn interrupt(&mut self) -> bool;
}

/// One CaDiCaL instance with an interrupt check `I`.
pub(crate) struct Solver<I: Interrupt> {
    ptr: *mut c_void,
    // Boxed so its address, handed to C, stays fixed while the handle moves.
    check: Box<I>,
}

extern "C" fn terminate_cb<I: Interrupt>(state: *mut c_void) -> c_int {
    // SAFETY: `state` is the `Box<I>` registered in `Solver::new`, alive as long as the solver.
    let check = unsafe { &mut *(state as *mut I) };
    check.interrupt() as c_int
}

impl<I: Interrupt> Solver<I> {
    /// A solver in CaDiCaL's named configuration (`default`, `sat`, `unsat`, `plain`).
    pub fn new(config: &str, check: I) -> Self {
        // SAFETY: init returns a fresh solver, owned by this handle.
        let ptr = unsafe { ccadical_init() };
        assert!(!ptr.is_null(), "CaDiCaL could not allocate a solver");
        let mut s = Solver {
            ptr,
            check: Box::new(check),
        };
        if let Ok(name) = CString::new(config) {
            // SAFETY: valid solver, NUL-terminated name; only allowed before clauses are added.
            unsafe { ccadical_configure(s.ptr, name.as_ptr()) };
        }
        let state = &mut *s.check as *mut I as *mut c_void;
        // SAFETY: `state` outlives the solver (both dropped together, solver first).
        unsafe { ccadical_set_terminate(s.ptr, state, Some(terminate_cb::<I>)) };
        s
    }

    /// Sets a CaDiCaL option (e.g. `seed`, `phase`); unknown names are ignored by CaDiCaL.
    pub fn set_option(&mut self, name: &str, value: i32) {
        if let Ok(name) = CString::new(name) {
            // SAFETY: valid solver and NUL-terminated name.
            unsafe { ccadical_set_option(self.ptr, name.as_ptr(), value) };
        }
    }

    /// Sets a limit for the next solve only (e.g. `conflicts`).
    pub fn set_limit(&mut self, name: &str, value: i32) {
        if let Ok(name) = CString::new(name) {
            // SAFETY: valid solver and NUL-terminated name.
            unsafe { ccadical_limit(self.ptr, name.as_ptr(), value) };
        }
    }

    pub fn add_clause(&mut self, lits: impl IntoIterator<Item = i32>) {
        for l in lits {
            debug_assert!(l != 0);
            // SAFETY: valid solver.
            unsafe { ccadical_add(self.ptr, l) };
        }
        // SAFETY: valid solver; 0 ends the clause.
        unsafe { ccadical_add(self.ptr, 0) };
    }

    /// `Some(true)` satisfiable, `Some(false)` unsatisfiable, `None` interrupted.
    pub fn solve(&mut self) -> Option<bool> {
        self.solve_with([])
    }

    /// Solves under assumptions, which hold for this call only.
    pub fn solve_with(&mut self, assumptions: impl IntoIterator<Item = i32>) -> Option<bool> {
        for a in assumptions {
            // SAFETY: valid solver.
            unsafe { ccadical_assume(self.ptr, a) };
        }
        // SAFETY: valid solver; the terminate callback's state is alive.
        match unsafe { ccadical_solve(self.ptr) } {
            10 => Some(true),
            20 => Some(false),
            _ => None,
        }
    }

    /// The value of `lit` in the last model (after `Some(true)`).
    pub fn value(&self, lit: i32) -> Option<bool> {
        // Asked for the variable: this CaDiCaL version's answer for a negative literal follows
        // the variable's value, not the literal's.
        let var = lit.abs();
        // SAFETY: valid solver; CaDiCaL answers for any variable index.
        let v = unsafe { ccadical_val(self.ptr, var) };
        let var_true = match v {
            v if v == var => true,
            v if v == -var => false,
            _ => return None,
        };
        Some(var_true == (lit > 0))
    }

    /// Whether assumption `lit` was part of the reason for the last `Some(false)`.
    pub fn failed(&self, lit: i32) -> bool {
        // SAFETY: valid solver, called after an unsatisfiable solve with `lit` assumed.
        unsafe { ccadical_failed(self.ptr, lit) == 1 }
    }

    pub fn check(&mut self) -> &mut I {
        &mut self.check
    }
}

impl<I: Interrupt> Drop for Solver<I> {
    fn drop(&mut self) {
        // SAFETY: the pointer came from `ccadical_init` and is released exactly once.
        unsafe { ccadical_release(self.ptr) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Never;
    impl Interrupt for Never {
        fn interrupt(&mut self) -> bool {
            false
        }
    }

    struct Always;
    impl Interrupt for Always {
        fn interrupt(&mut self) -> bool {
            true
        }
    }

    #[test]
    fn solves_and_reports_models_and_failed_assumptions() {
        let mut s = Solver::new("default", Never);
        s.set_option("seed", 7);
        s.add_clause([1, 2]);
        s.add_clause([-1, 2]);
        assert_eq!(s.solve(), Some(true));
        assert_eq!(s.value(2), Some(true));
        assert_eq!(s.value(-2), Some(false));
        assert_eq!(s.solve_with([-2]), Some(false));
        assert!(s.failed(-2));
        // Assumptions hold for one call only.
        assert_eq!(s.solve(), Some(true));
        s.add_clause([-2]);
        assert_eq!(s.solve(), Some(false));
    }

    #[test]
    fn an_interrupt_stops_a_hard_solve() {
        // Pigeonhole 9 into 8: far too hard to finish before the first interrupt check.
        let mut s = Solver::new("default", Always);
        let v = |p: i32, h: i32| p * 8 + h + 1;
        for p in 0..9 {
            s.add_clause((0..8).map(|h| v(p, h)));
        }
        for h in 0..8 {
            for p in 0..9 {
                for q in p + 1..9 {
                    s.add_clause([-v(p, h), -v(q, h)]);
                }
            }
        }
        assert_eq!(s.solve(), None);
    }
}
