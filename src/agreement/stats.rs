//! Agreement statistics on reliability data: pure functions, no I/O.
//!
//! Reliability data are a matrix of units × coders; each cell is the value a
//! coder gave the unit: a small integer standing for a category (nominal: only
//! equal / not equal matters), or `None` when the coder did not code the unit.
//!
//! - [`percent_agreement`]: the share of the units both coders coded on which
//!   they gave the same value.
//! - [`cohen_kappa`] (Cohen 1960): on the units both coded,
//!   κ = (p_o − p_e) / (1 − p_e), with p_o the observed agreement and p_e the
//!   agreement expected from each coder's own distribution of values,
//!   p_e = Σ_c (a_c / n)(b_c / n). Computed in integers as
//!   (n·agree − Σ a_c b_c) / (n² − Σ a_c b_c), so it is exact up to the one
//!   division and exactly symmetric in the coders.
//! - [`krippendorff_alpha`] (nominal; Krippendorff 2011, "Computing
//!   Krippendorff's Alpha-Reliability"): any number of coders, missing values
//!   allowed. A unit with m_u ≥ 2 values is pairable; each ordered pair of its
//!   values adds 1/(m_u − 1) to the coincidence matrix o_ck; n_c = Σ_k o_ck,
//!   n = Σ_c n_c (the pairable values). α = 1 − D_o / D_e
//!   = 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k. Units with fewer than
//!   two values drop out.
//!
//! A figure is **undefined** (`None`), never NaN or a made-up 1.0, when no unit
//! was coded by both coders, or when every value is the same (p_e = 1,
//! D_e = 0: there is no variation to agree on); [`undefined`] says which.
//!
//! ```
//! use kamervragen::agreement::stats::{cohen_kappa, krippendorff_alpha, percent_agreement};
//! // Two coders, five units; the third unit was not coded by the second coder.
//! let data = [[Some(1), Some(1)], [Some(2), Some(2)], [Some(1), None], [Some(2), Some(1)], [Some(1), Some(1)]];
//! assert_eq!(percent_agreement(&data), Some(0.75));
//! assert!((cohen_kappa(&data).unwrap() - 0.5).abs() < 1e-12);
//! // n = 8 pairable values (five 1s, three 2s), one disagreeing unit: α = 1 − 7 · 2 / 30.
//! assert!((krippendorff_alpha(&data).unwrap() - (1.0 - 14.0 / 30.0)).abs() < 1e-12);
//! assert_eq!(cohen_kappa(&[[Some(3), Some(3)], [Some(3), Some(3)]]), None); // one value: undefined
//! ```

/// A coder's value for a unit: a category, or `None` (missing).
pub type Value = Option<u32>;

/// Why a figure is undefined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undefined {
    /// No unit has values from two coders.
    NoUnits,
    /// Every value of the pairable units is this one: no variation.
    OneValue(u32),
}

/// Why the figures of `units` are undefined, or `None` when they are defined.
#[must_use]
pub fn undefined<R: AsRef<[Value]>>(units: &[R]) -> Option<Undefined> {
    let mut only = None;
    let mut pairable = false;
    for unit in units {
        let values = unit.as_ref();
        if values.iter().flatten().count() < 2 {
            continue;
        }
        pairable = true;
        for &v in values.iter().flatten() {
            match only {
                None => only = Some(v),
                Some(o) if o != v => return None,
                Some(_) => {}
            }
        }
    }
    match only {
        Some(v) if pairable => Some(Undefined::OneValue(v)),
        _ => Some(Undefined::NoUnits),
    }
}

/// The number of units both of two coders coded.
#[must_use]
pub fn both_coded(pairs: &[[Value; 2]]) -> usize {
    pairs.iter().filter(|[a, b]| a.is_some() && b.is_some()).count()
}

/// The share of the units both coders coded on which they agree; `None` when
/// no unit was coded by both.
#[must_use]
pub fn percent_agreement(pairs: &[[Value; 2]]) -> Option<f64> {
    let (mut n, mut agree) = (0u64, 0u64);
    for pair in pairs {
        if let [Some(a), Some(b)] = pair {
            n += 1;
            agree += u64::from(a == b);
        }
    }
    (n > 0).then(|| agree as f64 / n as f64)
}

/// Cohen's κ on the units both coders coded; `None` when there are none or
/// both coders gave every unit the same one value (p_e = 1).
#[must_use]
pub fn cohen_kappa(pairs: &[[Value; 2]]) -> Option<f64> {
    // (value, count by the first coder, count by the second coder)
    let mut counts: Vec<(u32, u64, u64)> = Vec::new();
    let (mut n, mut agree) = (0u64, 0u64);
    for pair in pairs {
        let [Some(a), Some(b)] = *pair else { continue };
        n += 1;
        agree += u64::from(a == b);
        count(&mut counts, a, (1, 0));
        count(&mut counts, b, (0, 1));
    }
    let n = u128::from(n);
    let chance: u128 = counts.iter().map(|&(_, a, b)| u128::from(a) * u128::from(b)).sum();
    let denominator = n * n - chance; // Σ a_c b_c ≤ (Σ a_c)(Σ b_c) = n²
    if denominator == 0 {
        return None;
    }
    let numerator = i128::try_from(n * u128::from(agree)).ok()? - i128::try_from(chance).ok()?;
    Some(numerator as f64 / denominator as f64)
}

/// Adds `by` to the counts of `value`.
fn count(counts: &mut Vec<(u32, u64, u64)>, value: u32, by: (u64, u64)) {
    if let Some(c) = counts.iter_mut().find(|c| c.0 == value) {
        c.1 += by.0;
        c.2 += by.1;
    } else {
        counts.push((value, by.0, by.1));
    }
}

/// Krippendorff's α for nominal data: `units` × coders, any number of coders,
/// missing values as `None`. `None` when no unit has two values or every
/// pairable value is the same (D_e = 0).
#[must_use]
pub fn krippendorff_alpha<R: AsRef<[Value]>>(units: &[R]) -> Option<f64> {
    // n_c: the pairable values of each category; D: Σ over units of the
    // unit's disagreeing ordered pairs / (m_u − 1), i.e. Σ_{c≠k} o_ck.
    let mut totals: Vec<(u32, u64, u64)> = Vec::new();
    let mut in_unit: Vec<(u32, u64, u64)> = Vec::new();
    let mut observed = 0.0f64;
    for unit in units {
        in_unit.clear();
        for &v in unit.as_ref().iter().flatten() {
            count(&mut in_unit, v, (1, 0));
        }
        let m: u64 = in_unit.iter().map(|c| c.1).sum();
        if m < 2 {
            continue;
        }
        let same: u64 = in_unit.iter().map(|c| c.1 * c.1).sum();
        observed += (m * m - same) as f64 / (m - 1) as f64;
        for c in &in_unit {
            count(&mut totals, c.0, (c.1, 0));
        }
    }
    let n: u128 = totals.iter().map(|c| u128::from(c.1)).sum();
    let squares: u128 = totals.iter().map(|c| u128::from(c.1) * u128::from(c.1)).sum();
    let expected = n * n - squares; // Σ_{c≠k} n_c n_k
    if expected == 0 {
        return None;
    }
    Some(1.0 - (n - 1) as f64 * observed / expected as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(x: Option<f64>, want: f64, places: i32) -> bool {
        x.is_some_and(|x| (x - want).abs() < 0.5 * 10f64.powi(-places))
    }

    fn pairs(a: &[u32], b: &[u32]) -> Vec<[Value; 2]> {
        a.iter().zip(b).map(|(&a, &b)| [Some(a), Some(b)]).collect()
    }

    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
    /// section A, "Binary or dichotomous data, two observers, no missing
    /// data" (https://repository.upenn.edu/asc_papers/43):
    ///
    /// | unit       | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 |
    /// |------------|---|---|---|---|---|---|---|---|---|----|
    /// | Observer A | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 0  |
    /// | Observer B | 1 | 1 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0  |
    ///
    /// o_00 = 10, o_01 = o_10 = 4, o_11 = 2; n_0 = 14, n_1 = 6, n = 20;
    /// α = 1 − 19 · 4 / (14 · 6) = 0.095.
    #[test]
    fn krippendorff_2011_binary_two_observers_is_0_095() {
        let data = pairs(&[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], &[1, 1, 1, 0, 0, 1, 0, 0, 0, 0]);
        let alpha = krippendorff_alpha(&data);
        assert!(close(alpha, 0.095, 3), "{alpha:?}");
        assert!(close(alpha, 1.0 - 76.0 / 84.0, 12), "{alpha:?}");
        assert_eq!(percent_agreement(&data), Some(0.6));
    }

    /// Krippendorff (2011), section C, "Nominal data, any number of
    /// observers, missing values" (4 observers, 12 units; "." is missing);
    /// the same table is the doctest of the Python package `krippendorff`
    /// (pln-fing-udelar/fast-krippendorff), also 0.743:
    ///
    /// | unit       | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 |
    /// |------------|---|---|---|---|---|---|---|---|---|----|----|----|
    /// | Observer A | 1 | 2 | 3 | 3 | 2 | 1 | 4 | 1 | 2 | .  | .  | .  |
    /// | Observer B | 1 | 2 | 3 | 3 | 2 | 2 | 4 | 1 | 2 | 5  | .  | 3  |
    /// | Observer C | . | 3 | 3 | 3 | 2 | 3 | 4 | 2 | 2 | 5  | 1  | .  |
    /// | Observer D | 1 | 2 | 3 | 3 | 2 | 4 | 4 | 1 | 2 | 5  | 1  | .  |
    ///
    /// Unit 12 has one value and drops out (n = 40 pairable values).
    #[test]
    fn krippendorff_2011_nominal_four_observers_missing_values_is_0_743() {
        let coders: [[u32; 12]; 4] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3],
            [0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0],
        ];
        let units: Vec<Vec<Value>> =
            (0..12).map(|u| coders.iter().map(|c| Some(c[u]).filter(|&v| v != 0)).collect()).collect();
        let alpha = krippendorff_alpha(&units);
        assert!(close(alpha, 0.743, 3), "{alpha:?}");
    }

    /// Cohen's κ on the 2×2 table of Wikipedia's "Cohen's kappa", worked
    /// example (https://en.wikipedia.org/wiki/Cohen%27s_kappa#Simple_example):
    /// 50 applications, both Yes 20, A Yes B No 5, A No B Yes 10, both No 15:
    /// p_o = 0.7, p_e = 0.5, κ = 0.4.
    #[test]
    fn cohen_kappa_on_the_textbook_table_is_0_4() {
        let mut data = Vec::new();
        for (a, b, times) in [(1, 1, 20), (1, 0, 5), (0, 1, 10), (0, 0, 15)] {
            data.extend(std::iter::repeat([Some(a), Some(b)]).take(times));
        }
        assert!(close(cohen_kappa(&data), 0.4, 12), "{:?}", cohen_kappa(&data));
        assert!(close(percent_agreement(&data), 0.7, 12));
    }

    #[test]
    fn identical_codings_give_1() {
        let data = pairs(&[1, 2, 3, 1, 2], &[1, 2, 3, 1, 2]);
        assert_eq!(cohen_kappa(&data), Some(1.0));
        assert_eq!(krippendorff_alpha(&data), Some(1.0));
        assert_eq!(percent_agreement(&data), Some(1.0));
        assert_eq!(undefined(&data), None);
    }

    #[test]
    fn one_value_everywhere_is_undefined_not_1() {
        let data = pairs(&[0, 0, 0, 0], &[0, 0, 0, 0]);
        assert_eq!(cohen_kappa(&data), None);
        assert_eq!(krippendorff_alpha(&data), None);
        assert_eq!(percent_agreement(&data), Some(1.0));
        assert_eq!(undefined(&data), Some(Undefined::OneValue(0)));
    }

    #[test]
    fn no_unit_coded_by_both_is_undefined() {
        let data = [[Some(1), None], [None, Some(2)], [None, None]];
        assert_eq!(percent_agreement(&data), None);
        assert_eq!(cohen_kappa(&data), None);
        assert_eq!(krippendorff_alpha(&data), None);
        assert_eq!(undefined(&data), Some(Undefined::NoUnits));
        assert_eq!(undefined::<[Value; 2]>(&[]), Some(Undefined::NoUnits));
        assert_eq!(both_coded(&data), 0);
    }

    #[test]
    fn opposite_single_values_give_kappa_0_and_negative_alpha() {
        // A always 1, B always 2: no agreement, and none expected by κ.
        let data = pairs(&[1, 1, 1], &[2, 2, 2]);
        assert_eq!(cohen_kappa(&data), Some(0.0));
        let alpha = krippendorff_alpha(&data).unwrap_or(f64::NAN);
        assert!(alpha < 0.0, "{alpha}");
    }

    fn value() -> impl Strategy<Value = Value> {
        prop_oneof![1 => Just(None), 4 => (0u32..4).prop_map(Some)]
    }

    proptest! {
        #[test]
        fn kappa_and_alpha_are_symmetric_at_most_1_and_never_nan(
            data in proptest::collection::vec([value(), value()], 0..40)
        ) {
            let swapped: Vec<[Value; 2]> = data.iter().map(|[a, b]| [*b, *a]).collect();
            prop_assert_eq!(cohen_kappa(&data), cohen_kappa(&swapped));
            prop_assert_eq!(krippendorff_alpha(&data), krippendorff_alpha(&swapped));
            prop_assert_eq!(percent_agreement(&data), percent_agreement(&swapped));
            for x in [cohen_kappa(&data), krippendorff_alpha(&data)].into_iter().flatten() {
                prop_assert!(x.is_finite() && x <= 1.0, "{}", x);
            }
            if let Some(p) = percent_agreement(&data) {
                prop_assert!((0.0..=1.0).contains(&p));
            }
            // Defined exactly when `undefined` says so.
            let defined = undefined(&data).is_none();
            prop_assert_eq!(cohen_kappa(&data).is_some(), defined);
            prop_assert_eq!(krippendorff_alpha(&data).is_some(), defined);
        }

        #[test]
        fn alpha_of_many_coders_is_at_most_1_and_never_nan(
            data in proptest::collection::vec(proptest::collection::vec(value(), 0..5), 0..20)
        ) {
            if let Some(x) = krippendorff_alpha(&data) {
                prop_assert!(x.is_finite() && x <= 1.0, "{}", x);
            }
            prop_assert_eq!(krippendorff_alpha(&data).is_some(), undefined(&data).is_none());
        }
    }
}
