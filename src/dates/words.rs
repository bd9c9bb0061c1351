//! Month and weekday words as the scanner reads them, and how sure each is.
//!
//! ```text
//! month   = Dutch name ("augustus", any case)              — anywhere
//!         | English-only name ("October", "May")           — with a day or a year
//!         | abbreviation ("okt.", "sept", "mrt")           — after a day, before a year
//!         | one edit from a long Dutch name ("febuari")    — after a day
//! weekday = "woensdag" | "Wednesday" | …                   (0 = Monday)
//! ```
//!
//! "October" alone is not a date (an English-only name needs a day or a
//! year: "25 October 2024"); "okt." only in "3 okt. 2024"; "febuari" only in
//! "21 febuari 2023".

use super::*;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum MonthForm {
    /// A Dutch month name (also the ones English spells the same).
    Dutch,
    /// An English-only name ("October", "May"): needs a day or a year.
    English,
    /// "okt.", "sept": after a day and before a year only.
    Abbrev,
    /// "febuari": after a day only.
    Typo,
}

pub(super) const ABBREV: [(&str, u32); 15] = [
    ("jan", 1),
    ("feb", 2),
    ("febr", 2),
    ("mrt", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("okt", 10),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("mar", 3),
];

/// True when `a` and `b` are at most one edit apart (insertion, deletion,
/// substitution or a swap of neighbours).
pub(super) fn one_edit(a: &[u8], b: &[u8]) -> bool {
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if p == la && p == lb {
        return true;
    }
    let (ra, rb) = (&a[p..], &b[p..]);
    if la == lb {
        ra.get(1..) == rb.get(1..) || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
    } else if la > lb {
        ra.get(1..) == Some(rb)
    } else {
        rb.get(1..) == Some(ra)
    }
}

/// The month a word names, and how sure that is.
pub(super) fn month_word(w: &str, after_day: bool) -> Option<(u32, MonthForm)> {
    if w.len() < 3 || w.len() > 10 || !w.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 10];
    let lower = &mut buf[..w.len()];
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    let lower: &[u8] = lower;
    if let Some(i) = MONTHS.iter().position(|m| m.as_bytes() == lower) {
        return Some((i as u32 + 1, MonthForm::Dutch));
    }
    if let Some((_, m)) = ENGLISH.iter().find(|(n, _)| n.as_bytes() == lower) {
        return Some((*m, MonthForm::English));
    }
    if !after_day {
        return None;
    }
    if let Some((_, m)) = ABBREV.iter().find(|(n, _)| n.as_bytes() == lower) {
        return Some((*m, MonthForm::Abbrev));
    }
    if lower.len() >= 6 {
        let mut hits = MONTHS.iter().enumerate().filter(|(_, m)| m.len() >= 7 && one_edit(m.as_bytes(), lower));
        if let (Some((i, _)), None) = (hits.next(), hits.next()) {
            return Some((i as u32 + 1, MonthForm::Typo));
        }
    }
    None
}

/// 0 = Monday.
pub(super) fn weekday_word(w: &str) -> Option<u32> {
    WEEKDAYS
        .iter()
        .position(|d| d.eq_ignore_ascii_case(w))
        .or_else(|| WEEKDAYS_EN.iter().position(|d| d.eq_ignore_ascii_case(w)))
        .map(|i| i as u32)
}
