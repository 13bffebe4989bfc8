//! A tiny seeded generator of our own (splitmix64), so the demo data never
//! changes when a dependency's random-number algorithm does.

/// SplitMix64 (Steele, Lea and Flood, 2014; the constants of Vigna's
/// public-domain reference implementation).
#[derive(Debug, Clone)]
pub(super) struct Rng(u64);

impl Rng {
    /// A generator whose stream depends only on `label`, so adding a new
    /// stream never shifts the values of another.
    pub(super) fn for_label(label: &str) -> Rng {
        Rng(fnv1a(label.as_bytes()))
    }

    pub(super) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0). The modulo bias is irrelevant here.
    pub(super) fn below(&mut self, n: usize) -> usize {
        assert!(n > 0, "Rng::below(0)");
        // `n` is a small list length, so the cast to u64 and back is exact.
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `low..=high`.
    pub(super) fn between(&mut self, low: i32, high: i32) -> i32 {
        let span = usize::try_from(high - low).expect("low <= high") + 1;
        low + i32::try_from(self.below(span)).expect("span fits i32")
    }

    /// True with probability `percent`/100.
    pub(super) fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Up to `n` distinct items, in list order.
    pub(super) fn some<'a, T>(&mut self, items: &'a [T], n: usize) -> Vec<&'a T> {
        let mut chosen: Vec<usize> = Vec::new();
        while chosen.len() < n.min(items.len()) {
            let i = self.below(items.len());
            if !chosen.contains(&i) {
                chosen.push(i);
            }
        }
        chosen.sort_unstable();
        chosen.into_iter().map(|i| &items[i]).collect()
    }
}

/// FNV-1a, 64 bits: seeds the generator and fingerprints the data set.
pub(super) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}
