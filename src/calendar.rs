//! The calendar's words: the Dutch (and English) day and month names, and
//! the cheap test for where a date may open.
//!
//! ```text
//! month    = "januari" | "februari" | … | "december"     (any case)
//! weekday  = "maandag" | … | "zondag" | "Monday" | … | "Sunday"
//! english  = "January" | … | "October"    (the English names Dutch spells differently)
//! opener   = month | weekday | english | "afgelopen" | "begin" | "medio" | "Q" | …
//! ```
//!
//! [`month_from_name`] reads "augustus" → 8 for the header ("(ingezonden 8
//! augustus 2024)"), the footnotes (in "maart 2024" the 2024 is a year, not a
//! footnote marker) and the Kamerstuk recogniser ("nr. 12 en 13 mei" is a
//! date, not two paper numbers). The word
//! scan (`anchors`) asks [`may_open_at`] of every ASCII word: most words
//! ("de", "het", "Kamerstuk") fail it with a table lookup, so the date scanner
//! starts only where a month, a weekday or an opener like "afgelopen" stands.

pub(crate) const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

pub(crate) const WEEKDAYS: [&str; 7] = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
pub(crate) const WEEKDAYS_EN: [&str; 7] =
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The month number of a Dutch month name ("augustus" → 8), case-insensitive.
#[must_use]
pub fn month_from_name(name: &str) -> Option<u32> {
    MONTHS.iter().position(|m| m.eq_ignore_ascii_case(name)).map(|i| i as u32 + 1)
}

pub(crate) const ENGLISH: [(&str, u32); 8] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("october", 10),
];

/// Whether the scanner tries a date at the ASCII letter run `start..end`
/// of `text` (as it tries one at every digit run): a word start, at most 12
/// letters, possibly one of the openers (see [`OPENER_WORDS`]).
#[inline]
pub(crate) fn may_open_at(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    if end - start > 12 || !b.get(start..end).is_some_and(may_open_date) {
        return false;
    }
    match start.checked_sub(1).map(|p| b[p]) {
        None => true,
        Some(p) if p < 0x80 => !p.is_ascii_alphanumeric(),
        Some(_) => !crate::text::char_before(text, start).is_some_and(char::is_alphanumeric),
    }
}

/// Every word the date scanner acts on, lowercase: these, the day and
/// month names ([`WEEKDAYS`], [`WEEKDAYS_EN`], [`MONTHS`]) and the English
/// month names of [`ENGLISH`].
const OPENER_WORDS: &[&str] = &[
    "afgelopen",
    "jongstleden",
    "begin",
    "eind",
    "einde",
    "medio",
    "halverwege",
    "midden",
    "voorjaar",
    "najaar",
    "zomer",
    "winter",
    "herfst",
    "lente",
    "zomerreces",
    "kerstreces",
    "q",
    "eerste",
    "tweede",
    "derde",
    "vierde",
    "laatste",
    "dit",
    "vorig",
    "vorige",
    "volgend",
    "volgende",
];

/// Runs `body` with `w` bound to each opener's bytes ([`OPENER_WORDS`] and the name lists), in a
/// `const` block.
macro_rules! each_opener {
    (|$w:ident| $body:expr) => {{
        let lists: [&[&str]; 4] = [OPENER_WORDS, &WEEKDAYS, &WEEKDAYS_EN, &MONTHS];
        let mut l = 0;
        while l < lists.len() {
            let mut i = 0;
            while i < lists[l].len() {
                let $w = lists[l][i].as_bytes();
                $body;
                i += 1;
            }
            l += 1;
        }
        let mut i = 0;
        while i < ENGLISH.len() {
            let $w = ENGLISH[i].0.as_bytes();
            $body;
            i += 1;
        }
    }};
}

/// A bit per (length, first, second, last letter) hash: most words fail it
/// without a string comparison.
const fn opener_key(w: &[u8]) -> usize {
    let n = w.len();
    let first = (w[0] | 0x20) as usize;
    let second = (w[if n > 1 { 1 } else { 0 }] | 0x20) as usize;
    let last = (w[n - 1] | 0x20) as usize;
    (n * 131 + first * 31 + second * 7 + last) & 4095
}

const OPENER_BITS: [u64; 64] = {
    let mut bits = [0u64; 64];
    each_opener!(|w| {
        let k = opener_key(w);
        bits[k / 64] |= 1 << (k % 64);
    });
    bits
};

/// For each first letter (its low five bits, so either case): a bit for
/// each length of the openers that start with it.
const OPENER_LENGTHS: [u16; 32] = {
    let mut lengths = [0u16; 32];
    each_opener!(|w| lengths[(w[0] & 31) as usize] |= 1 << w.len());
    lengths
};

/// A cheap test that an ASCII word (non-empty) may be one of the openers:
/// first letter and length, then the hash.
fn may_open_date(w: &[u8]) -> bool {
    let Some(&first) = w.first() else { return false };
    if w.len() > 15 || OPENER_LENGTHS[usize::from(first & 31)] & (1 << w.len()) == 0 {
        return false;
    }
    let k = opener_key(w);
    OPENER_BITS[k / 64] & (1 << (k % 64)) != 0
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_opener_passes_the_cheap_test_in_any_case() {
        let names = [&super::WEEKDAYS[..], &super::WEEKDAYS_EN, &super::MONTHS].concat();
        let english = super::ENGLISH.map(|(w, _)| w);
        for w in super::OPENER_WORDS.iter().chain(&names).chain(&english) {
            for v in [w.to_string(), w.to_uppercase(), format!("{}{}", w[..1].to_uppercase(), &w[1..])] {
                assert!(super::may_open_date(v.as_bytes()), "{v}");
            }
        }
        assert!(!super::may_open_date(b"de"));
        assert!(!super::may_open_date(b""));
    }
}
