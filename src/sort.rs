//! One sort for the whole crate. Every `sort`, `sort_by_key` or
//! `sort_unstable` call compiles the standard library's sort algorithms
//! again for its element type and comparison (2–4 KB of wasm each, ~65 KB for
//! the ~30 call sites). Here every sort goes through the same instantiation:
//! the elements' keys, `(usize, usize, usize)` plus the element's index, are
//! sorted once, and the elements are then moved into that order. The index
//! makes every key distinct, so the result is the stable order.
//!
//! ```
//! use kamervragen::model::Span;
//! let mut spans = vec![Span::new(9, 12), Span::new(2, 5), Span::new(2, 3)];
//! kamervragen::sort::sort(&mut spans);
//! assert_eq!(spans, vec![Span::new(2, 3), Span::new(2, 5), Span::new(9, 12)]);
//!
//! // Stable: equal keys keep their order ("b" before "a").
//! let mut words = vec![(7, "b"), (3, "c"), (7, "a")];
//! kamervragen::sort::by_key(&mut words, |w| (w.0, 0, 0));
//! assert_eq!(words, vec![(3, "c"), (7, "b"), (7, "a")]);
//! ```

use crate::model::Span;

/// What elements are ordered by, compared left to right.
pub type Key = (usize, usize, usize);

/// Sorts `v` by `key`, keeping the order of elements with equal keys.
pub fn by_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> Key) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<(Key, usize)> = v.iter().enumerate().map(|(i, x)| (key(x), i)).collect();
    sort_keys(&mut order);
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.iter().filter_map(|&(_, i)| slots.get_mut(i).and_then(Option::take)));
}

/// The one instantiation of the standard sort.
#[inline(never)]
fn sort_keys(order: &mut [(Key, usize)]) {
    // The crate's one std sort (clippy.toml disallows the rest).
    #[allow(clippy::disallowed_methods)]
    order.sort_unstable();
}

/// A value that is its own sort key.
pub trait SortKey {
    fn key(&self) -> Key;
}

impl SortKey for usize {
    fn key(&self) -> Key {
        (*self, 0, 0)
    }
}

impl SortKey for Span {
    fn key(&self) -> Key {
        (self.start, self.end, 0)
    }
}

impl SortKey for (usize, usize) {
    fn key(&self) -> Key {
        (self.0, self.1, 0)
    }
}

impl SortKey for (usize, bool) {
    fn key(&self) -> Key {
        (self.0, usize::from(self.1), 0)
    }
}

/// Sorts `v` in ascending order (as `v.sort()` would).
pub fn sort<T: SortKey>(v: &mut Vec<T>) {
    by_key(v, T::key);
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // compares with the std sort
mod tests {
    use super::*;

    #[test]
    fn same_order_as_the_standard_stable_sort() {
        let mut seed = 12345u32;
        let mut next = move || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (seed >> 16) as usize % 7
        };
        for len in [0, 1, 2, 3, 10, 40, 300] {
            let items: Vec<(usize, usize, usize)> = (0..len).map(|i| (next(), next(), i)).collect();
            let mut ours = items.clone();
            by_key(&mut ours, |x| (x.0, x.1, 0));
            let mut std = items;
            std.sort_by_key(|x| (x.0, x.1));
            assert_eq!(ours, std);
        }
    }

    #[test]
    fn spans_and_numbers() {
        let mut v = vec![5usize, 1, 3, 1];
        sort(&mut v);
        assert_eq!(v, vec![1, 1, 3, 5]);
        let mut hits = vec![(4usize, true), (4, false), (1, true)];
        sort(&mut hits);
        assert_eq!(hits, vec![(1, true), (4, false), (4, true)]);
    }
}
