//! A growable CNF in DIMACS literals plus the cardinality encodings the model needs.
//!
//! Clauses are stored flat (0-terminated) so that one encoding can be built once and loaded
//! into several solvers (one per thread) cheaply.

/// A CNF under construction. Variable 1 is the constant `true`.
#[derive(Clone)]
pub(crate) struct Cnf {
    pub nvars: i32,
    pub lits: Vec<i32>,
}

impl Cnf {
    pub fn new() -> Self {
        let mut c = Cnf {
            nvars: 1,
            lits: Vec::new(),
        };
        c.clause(&[1]);
        c
    }

    /// An empty CNF that continues this one's variable numbering (for clauses added on top of
    /// a shared base by one solver only).
    pub fn extension(&self) -> Self {
        Cnf {
            nvars: self.nvars,
            lits: Vec::new(),
        }
    }

    /// The constant-true literal.
    pub const TRUE: i32 = 1;
    /// The constant-false literal.
    pub const FALSE: i32 = -1;

    pub fn var(&mut self) -> i32 {
        self.nvars += 1;
        self.nvars
    }

    pub fn clause(&mut self, c: &[i32]) {
        self.lits.extend_from_slice(c);
        self.lits.push(0);
    }

    /// Makes the formula unsatisfiable (used when a constraint is trivially violated).
    pub fn fail(&mut self) {
        self.clause(&[Self::FALSE]);
    }

    /// Iterates the clauses added since flat offset `from`.
    pub fn clauses_from(&self, from: usize) -> impl Iterator<Item = &[i32]> {
        self.lits[from..]
            .split(|&l| l == 0)
            .filter(|c| !c.is_empty())
    }

    /// `out <-> OR(ins)`.
    pub fn or_def(&mut self, out: i32, ins: &[i32]) {
        let mut big = Vec::with_capacity(ins.len() + 1);
        big.push(-out);
        for &i in ins {
            self.clause(&[-i, out]);
            big.push(i);
        }
        self.clause(&big);
    }

    /// `out <-> AND(ins)`.
    pub fn and_def(&mut self, out: i32, ins: &[i32]) {
        let mut big = Vec::with_capacity(ins.len() + 1);
        big.push(out);
        for &i in ins {
            self.clause(&[-out, i]);
            big.push(-i);
        }
        self.clause(&big);
    }

    /// At most one of `xs`: pairwise for short lists (best propagation), a sequential
    /// "ladder" with auxiliary variables for long ones (linear size).
    pub fn at_most_one(&mut self, xs: &[i32]) {
        if xs.len() <= 6 {
            for i in 0..xs.len() {
                for j in i + 1..xs.len() {
                    self.clause(&[-xs[i], -xs[j]]);
                }
            }
            return;
        }
        // s[i] = "some of xs[0..=i] is true".
        let mut prev = xs[0];
        for (i, &x) in xs.iter().enumerate().skip(1) {
            self.clause(&[-prev, -x]);
            if i + 1 < xs.len() {
                let s = self.var();
                self.clause(&[-prev, s]);
                self.clause(&[-x, s]);
                prev = s;
            }
        }
    }

    /// Totalizer (Bailleux & Boufkhad) over `xs`, outputs truncated to `cap`:
    /// returns `o` with `o[i]` meaning "at least i+1 of xs are true", `o.len() = min(cap, n)`.
    /// `up` adds "count >= i+1 -> o[i]" (needed to bound from above by assuming `!o[k]`);
    /// `down` adds "o[i] -> count >= i+1" (needed to bound from below by asserting `o[k-1]`).
    pub fn totalizer(&mut self, xs: &[i32], cap: usize, up: bool, down: bool) -> Vec<i32> {
        if xs.len() <= 1 || cap == 0 {
            return xs.iter().copied().take(cap).collect();
        }
        let (l, r) = xs.split_at(xs.len() / 2);
        let a = self.totalizer(l, cap, up, down);
        let b = self.totalizer(r, cap, up, down);
        let n = (a.len() + b.len()).min(cap);
        let o: Vec<i32> = (0..n).map(|_| self.var()).collect();
        // With a[-1] = true and a[len] = false conventions, sum semantics:
        for i in 0..=a.len() {
            for j in 0..=b.len() {
                // up: a>=i and b>=j -> o >= i+j
                if up && i + j >= 1 && i + j <= n {
                    let mut c = vec![o[i + j - 1]];
                    if i > 0 {
                        c.push(-a[i - 1]);
                    }
                    if j > 0 {
                        c.push(-b[j - 1]);
                    }
                    self.clause(&c);
                }
                // down: a<i+1 and b<j+1 -> o < i+j+1, i.e. o[i+j] -> a[i] or b[j]
                if down && i + j < n {
                    let mut c = vec![-o[i + j]];
                    if i < a.len() {
                        c.push(a[i]);
                    }
                    if j < b.len() {
                        c.push(b[j]);
                    }
                    self.clause(&c);
                }
            }
        }
        o
    }

    /// At most `k` of `xs`.
    pub fn at_most(&mut self, xs: &[i32], k: usize) {
        if xs.len() <= k {
            return;
        }
        if k == 0 {
            for &x in xs {
                self.clause(&[-x]);
            }
            return;
        }
        if k == 1 {
            self.at_most_one(xs);
            return;
        }
        let o = self.totalizer(xs, k + 1, true, false);
        self.clause(&[-o[k]]);
    }

    /// Exactly `k` of `xs` (both directions of the totalizer, so it propagates both ways).
    pub fn exactly(&mut self, xs: &[i32], k: usize) {
        if k > xs.len() {
            self.fail();
            return;
        }
        if k == 0 {
            for &x in xs {
                self.clause(&[-x]);
            }
            return;
        }
        if k == xs.len() {
            for &x in xs {
                self.clause(&[x]);
            }
            return;
        }
        let o = self.totalizer(xs, k + 1, true, true);
        self.clause(&[o[k - 1]]);
        self.clause(&[-o[k]]);
    }
}
