//! Block text: the parts of a block joined into readable running text.
//!
//! - line-end hyphenation undone: "besprekin-⏎gen" → "besprekingen", while a
//!   hyphen that belongs to the word stays: "Inlichtingen- en",
//!   "Oost-⏎Jeruzalem" (capital after the break), "CO2-⏎opslag" (digit before);
//! - footnote markers removed: "veiligheid?1" → "veiligheid?";
//! - the lines of a paragraph joined with one space; a line of closing
//!   punctuation only ("TNO) 12⏎.") joins without one.
//!
//! # What each PDF reader does to it
//!
//! - **pdfminer** (and Word): "besprekin-⏎gen", read as above.
//! - **PDFium** (Chrome, Edge) marks a word broken at a line end with U+FFFE
//!   and drops the line break: "vredesonderhande￾lingen". U+FFFE is read as
//!   the hyphen and the break together ([`line_end`] ends a line after it):
//!   the word joins ("vredesonderhandelingen"), or keeps its hyphen before a
//!   capital ("Noord￾Holland" → "Noord-Holland"). A soft hyphen (U+00AD) is a
//!   hyphenation point too. Neither is ever shown in block text; the text
//!   itself keeps them (spans index it as pasted).
//! - **pdf.js** (Firefox) and **poppler** (Evince, Okular, `pdftotext`) give
//!   "besprekin-⏎gen" like pdfminer, or poppler's own "besprekingen" (its
//!   dehyphenation): nothing to undo.

use crate::model::Span;

/// Joins `parts` of `text` into running text, leaving out the `markers`
/// (sorted by start).
#[must_use]
pub fn block_text(text: &str, parts: &[Span], markers: &[Span]) -> String {
    let mut raw = String::with_capacity(parts.iter().map(|p| p.end.saturating_sub(p.start) + 1).sum());
    for part in parts {
        let mut at = part.start;
        // `markers` is sorted: only those from the first one at or after the part start.
        let first = markers.partition_point(|m| m.start < part.start);
        let inside = markers.get(first..).unwrap_or(&[]).iter().take_while(|m| m.start < part.end);
        let mut after_marker = false;
        for m in inside.filter(|m| part.contains(**m)) {
            if m.start < at {
                continue;
            }
            let gap = Span::new(at, m.start).slice(text);
            // "?1, 2": the separator between two markers goes with them.
            let between = after_marker && matches!(gap.trim_matches([' ', ',']), "" | "en");
            if !between {
                raw.push_str(gap);
            }
            at = m.end;
            after_marker = true;
        }
        raw.push_str(Span::new(at, part.end).slice(text));
        raw.push('\n');
    }
    join_lines(&raw)
}

pub(crate) enum Hyphen {
    /// "besprekin-⏎gen": a word broken at the line end.
    Drop,
    /// "Oost-⏎Jeruzalem", "CO2-⏎opslag": the hyphen belongs to the word.
    Keep,
    /// No hyphen at the line end, or "Inlichtingen-⏎en": an ordinary break.
    None,
}

/// What a hyphen at a line end means: the one rule for block text
/// ([`join_lines`]), reference windows and header names. `before` is the
/// character before the hyphen, `next` the text after the line break.
/// "besprekin-⏎gen" drops it, "Oost-⏎Jeruzalem" and "CO2-⏎opslag" keep it
/// (no space), "Inlichtingen-⏎en Veiligheidsdienst" and "- ⏎" are ordinary
/// breaks.
pub(crate) fn line_end_hyphen(before: Option<char>, next: &str) -> Hyphen {
    if next.is_empty() {
        return Hyphen::None;
    }
    let first_word = next.split_whitespace().next().unwrap_or("");
    if !before.is_some_and(char::is_alphanumeric) || matches!(first_word, "en" | "of" | "tot" | "en/of") {
        return Hyphen::None;
    }
    let after = next.chars().next();
    if before.is_some_and(char::is_alphabetic) && after.is_some_and(char::is_lowercase) {
        Hyphen::Drop
    } else {
        Hyphen::Keep
    }
}

/// [`line_end_hyphen`] for a line: None unless `line` ends in '-' or in a
/// hyphenation point (PDFium's U+FFFE, the soft hyphen): that one is the
/// hyphen of a word broken at the line end, whatever the letter before it:
/// "vredesonderhande￾⏎lingen" drops it, "Joseph￾⏎Agema" keeps a hyphen.
pub(crate) fn hyphen_after(line: &str, next: &str) -> Hyphen {
    if line.ends_with([HYPHENATION_POINT, SOFT_HYPHEN]) {
        return if next.is_empty() || next.starts_with(char::is_lowercase) { Hyphen::Drop } else { Hyphen::Keep };
    }
    match line.strip_suffix('-') {
        Some(body) => line_end_hyphen(body.chars().next_back(), next),
        None => Hyphen::None,
    }
}

/// PDFium's mark of a word broken at a line end ("vredesonderhande￾lingen"):
/// it stands where the hyphen and the line break were.
pub const HYPHENATION_POINT: char = '\u{fffe}';
/// The soft hyphen: a place where a word may be broken, never shown.
pub const SOFT_HYPHEN: char = '\u{ad}';

/// Joins lines, undoing line-end hyphenation and folding white space. Block
/// text never shows a hyphenation point: U+FFFE and U+00AD inside a line are
/// left out (the word joins there).
#[must_use]
pub fn join_lines(raw: &str) -> String {
    let out = join_lines_kept(raw);
    if out.contains([HYPHENATION_POINT, SOFT_HYPHEN]) {
        out.replace([HYPHENATION_POINT, SOFT_HYPHEN], "")
    } else {
        out
    }
}

fn join_lines_kept(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut lines = Lines { text: raw, at: 0 }.map(trim).filter(|l| !l.is_empty()).peekable();
    while let Some(line) = lines.next() {
        let next = lines.peek().copied().unwrap_or("");
        let hyphen = line.chars().next_back().map_or(0, char::len_utf8);
        let (body, space) = match hyphen_after(line, next) {
            Hyphen::Drop => (line.get(..line.len() - hyphen).unwrap_or(line), false),
            // "Joseph￾Agema": the hyphenation point shows as the hyphen it stands for.
            Hyphen::Keep if hyphen > 1 => {
                push_folded(&mut out, line.get(..line.len() - hyphen).unwrap_or(line));
                out.push('-');
                continue;
            }
            Hyphen::Keep => (line, false),
            // "(CWI- en TNO) 12⏎." (pdf.js): a line of closing punctuation joins without a space.
            Hyphen::None => (line, !next.is_empty() && !next.bytes().all(|b| matches!(b, b'.' | b',' | b';' | b':'))),
        };
        if body.len() > 400 {
            // A flattened page keeps its line-end hyphens mid-line: "zorgverzeke- raars".
            push_folded(&mut out, &join_broken_words(body));
        } else {
            push_folded(&mut out, body);
        }
        if space {
            out.push(' ');
        }
    }
    out
}

/// PDFium's hyphenation point U+FFFE, as UTF-8.
const FFFE: [u8; 3] = [0xEF, 0xBF, 0xBE];

/// Where the line from `at` ends and the next one starts: at a `\n` (which
/// belongs to neither), or right after a U+FFFE (which stays on its line, as
/// the hyphen of "besprekin-⏎gen" does). Past the end: `(len, len + 1)`.
#[inline]
pub(crate) fn line_end(b: &[u8], at: usize) -> (usize, usize) {
    let mut from = at;
    loop {
        match find_either(b, from, b'\n', FFFE[0]) {
            None => return (b.len(), b.len() + 1),
            Some(i) if b[i] == b'\n' => return (i, i + 1),
            Some(i) if b.get(i..i + 3) == Some(&FFFE[..]) => return (i + 3, i + 3),
            Some(i) => from = i + 1,
        }
    }
}

/// `text.split('\n')` with a word-at-a-time newline search (and a line
/// break after each U+FFFE, see [`line_end`]).
struct Lines<'a> {
    text: &'a str,
    /// Start of the next line; past the end when done.
    at: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;
    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let len = self.text.len();
        if self.at > len {
            return None;
        }
        let (end, next) = line_end(self.text.as_bytes(), self.at);
        let line = self.text.get(self.at..end).unwrap_or("");
        self.at = next;
        Some(line)
    }
}

/// "zorgverzeke- raars" → "zorgverzekeraars" inside a long line, with the
/// same rule as at a line end ("Inlichtingen- en" stays).
fn join_broken_words(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(k) = rest.find("- ") {
        let (head, tail) = rest.split_at(k);
        let next = tail.get(2..).unwrap_or("");
        let word = head.rsplit(' ').next().unwrap_or("");
        // "zorg- enwelzijnsakkoord" (a word glued to "en"): not a broken word.
        let glued = ["en", "of", "tot"].iter().any(|w| next.starts_with(w));
        let drop = !glued && matches!(line_end_hyphen(word.chars().next_back(), next), Hyphen::Drop);
        out.push_str(head);
        if drop {
            rest = next;
        } else {
            out.push_str("- ");
            rest = next;
        }
    }
    out.push_str(rest);
    out
}

/// Appends `s` with each run of white space (tabs, doubled spaces, no-break
/// spaces) as one space. A byte loop: white space is ASCII or U+00A0/U+0085.
fn push_folded(out: &mut String, s: &str) {
    let b = s.as_bytes();
    // Most lines hold only single spaces between words: copied whole.
    if single_spaced(b) {
        out.push_str(s);
        return;
    }
    let mut at = 0; // start of the pending run of non-space bytes
    let mut i = 0;
    while i < b.len() {
        let width = match b[i] {
            b' ' | b'\t' | b'\r' | 0x0b | 0x0c => 1,
            0xC2 if matches!(b.get(i + 1), Some(0xA0 | 0x85)) => 2,
            _ => 0,
        };
        if width == 0 {
            i += 1;
            continue;
        }
        // The common case, one plain space between two words, stays in the run.
        if b[i] == b' ' && i > 0 && !matches!(b.get(i + 1), None | Some(b' ' | b'\t' | b'\r' | 0x0b | 0x0c | 0xC2)) {
            i += 1;
            continue;
        }
        // A white-space run from i: flush what came before it, write one space.
        out.push_str(s.get(at..i).unwrap_or(""));
        let mut j = i + width;
        loop {
            let w = match b.get(j) {
                Some(b' ' | b'\t' | b'\r' | 0x0b | 0x0c) => 1,
                Some(0xC2) if matches!(b.get(j + 1), Some(0xA0 | 0x85)) => 2,
                _ => 0,
            };
            if w == 0 {
                break;
            }
            j += w;
        }
        if i > 0 && j < b.len() {
            out.push(' ');
        }
        i = j;
        at = j;
    }
    out.push_str(s.get(at..).unwrap_or(""));
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `b` from `j` as a little-endian word, if there are eight.
#[inline]
fn word_at(b: &[u8], j: usize) -> Option<u64> {
    let chunk = b.get(j..j + 8)?;
    let mut w = [0u8; 8];
    w.copy_from_slice(chunk);
    Some(u64::from_le_bytes(w))
}

/// The top bit of each byte of `x` that is zero (exact, no false positives).
#[inline]
fn zero_bytes(x: u64) -> u64 {
    !(((x & !HIGH) + !HIGH) | x) & HIGH
}

/// The first `byte` in `b` at or after `from`, eight bytes at a time.
#[inline]
pub(crate) fn find_byte(b: &[u8], from: usize, byte: u8) -> Option<usize> {
    let pattern = ONES * u64::from(byte);
    let mut j = from;
    while let Some(x) = word_at(b, j) {
        let z = zero_bytes(x ^ pattern);
        if z != 0 {
            return Some(j + (z.trailing_zeros() / 8) as usize);
        }
        j += 8;
    }
    b.get(j..)?.iter().position(|&c| c == byte).map(|k| j + k)
}

/// The first `x` or `y` in `b` at or after `from`, eight bytes at a time.
#[inline]
pub(crate) fn find_either(b: &[u8], from: usize, x: u8, y: u8) -> Option<usize> {
    let (px, py) = (ONES * u64::from(x), ONES * u64::from(y));
    let mut j = from;
    while let Some(w) = word_at(b, j) {
        let z = zero_bytes(w ^ px) | zero_bytes(w ^ py);
        if z != 0 {
            return Some(j + (z.trailing_zeros() / 8) as usize);
        }
        j += 8;
    }
    b.get(j..)?.iter().position(|&c| c == x || c == y).map(|k| j + k)
}

/// The first ASCII digit in `b` at or after `from`, eight bytes at a time.
#[inline]
pub(crate) fn find_digit(b: &[u8], from: usize) -> Option<usize> {
    const LOW: u64 = !HIGH;
    let mut j = from;
    while let Some(x) = word_at(b, j) {
        // Per byte (top bit clear): low seven bits >= 0x30 and <= 0x39.
        let low = x & LOW;
        let ge = low + ONES * (0x80 - 0x30);
        let le = ONES * (0x80 + 0x39) - low;
        let digits = ge & le & !x & HIGH;
        if digits != 0 {
            return Some(j + (digits.trailing_zeros() / 8) as usize);
        }
        j += 8;
    }
    b.get(j..)?.iter().position(u8::is_ascii_digit).map(|k| j + k)
}

/// What `push_folded` would copy unchanged: no white space at either end, no
/// tab, CR, VT, FF, no-break space or NEL, no two spaces in a row. (May say
/// no to more: a 0xC2 lead byte or any byte below 0x0e sends it the slow way.)
fn single_spaced(b: &[u8]) -> bool {
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut j = 0;
    let mut prev_space = false;
    while let Some(x) = word_at(b, j) {
        // A byte below 0x0e (tab, CR, VT, FF) or a 0xC2 (lead of U+00A0,
        // U+0085, «, »), or a space after a space (also across chunks).
        let low = x.wrapping_sub(ONES * 0x0e) & !x & HIGH;
        let sp = zero_bytes(x ^ (ONES * 0x20));
        let carry = if prev_space { 0x80 } else { 0 };
        if low | zero_bytes(x ^ (ONES * 0xC2)) | (sp & ((sp >> 8) | carry)) != 0 {
            return false;
        }
        prev_space = sp >> 63 != 0;
        j += 8;
    }
    for &c in b.get(j..).unwrap_or(&[]) {
        if matches!(c, b'\t' | b'\r' | 0x0b | 0x0c | 0xC2) || (c < 0x0e) || (prev_space && c == b' ') {
            return false;
        }
        prev_space = c == b' ';
    }
    true
}

/// `s.trim()`, without decoding when both ends are printable ASCII.
#[inline]
#[must_use]
pub fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(&f), Some(&l)) if (0x21..0x80).contains(&f) && (0x21..0x80).contains(&l) => s,
        _ => s.trim(),
    }
}

/// `s.trim_start()`, without decoding when it opens with printable ASCII.
#[inline]
#[must_use]
pub fn trim_start(s: &str) -> &str {
    match s.as_bytes().first() {
        Some(&f) if (0x21..0x80).contains(&f) => s,
        _ => s.trim_start(),
    }
}

/// `s.trim_end()`, without decoding when it ends with printable ASCII.
#[inline]
#[must_use]
pub fn trim_end(s: &str) -> &str {
    match s.as_bytes().last() {
        Some(&l) if (0x21..0x80).contains(&l) => s,
        _ => s.trim_end(),
    }
}

/// The largest char boundary of `s` at or before byte `i` (`s.len()` when
/// `i` is past the end): where to cut a byte budget without splitting a char.
#[inline]
#[must_use]
pub fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or after byte `i` (at most `s.len()`).
#[inline]
#[must_use]
pub fn ceil_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The byte length of the white space that opens `s`.
#[inline]
#[must_use]
pub fn leading_ws(s: &str) -> usize {
    s.len() - trim_start(s).len()
}

/// `span` of `text` without white space at either end (an empty span at the
/// end of the white space when there is nothing else).
#[must_use]
pub fn trim_span(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let start = span.start + leading_ws(s);
    let end = span.end - (s.len() - trim_end(s).len());
    Span::new(start, end.max(start))
}

/// The end of the run of ASCII letters from `j`: the same as counting with
/// `is_ascii_alphabetic`, eight bytes at a time (most of a text is words).
pub(crate) fn ascii_letters_end(bytes: &[u8], mut j: usize) -> usize {
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    while let Some(chunk) = bytes.get(j..j + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        // Lowercased (| 0x20), a byte is a letter iff 0x61 <= x <= 0x7a and its top bit is clear.
        let x = u64::from_le_bytes(word) | 0x2020_2020_2020_2020;
        let low = x & LOW;
        let ge_a = low + 0x1f1f_1f1f_1f1f_1f1f;
        let ge_brace = low + 0x0505_0505_0505_0505;
        let letter = ge_a & !ge_brace & !x & HIGH;
        if letter == HIGH {
            j += 8;
            continue;
        }
        return j + ((!letter & HIGH).trailing_zeros() / 8) as usize;
    }
    while bytes.get(j).is_some_and(u8::is_ascii_alphabetic) {
        j += 1;
    }
    j
}

/// The character that ends before byte `i`.
#[must_use]
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    // At most four bytes back: `text[..i]` would be checked as UTF-8 in full.
    let head = text.get(i.saturating_sub(4)..i).or_else(|| text.get(i.saturating_sub(3)..i));
    let head = head.or_else(|| text.get(i.saturating_sub(2)..i)).or_else(|| text.get(i.saturating_sub(1)..i))?;
    head.chars().next_back()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_letters_end_matches_a_byte_count() {
        // Every byte value at every position of an 8-byte chunk, around letters.
        for b in 0..=255u8 {
            for at in 0..12 {
                let mut bytes = b"abcdefghijklmnopqrstuvwxyz".to_vec();
                bytes[at] = b;
                for from in 0..bytes.len() {
                    let want = from + bytes[from..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
                    assert_eq!(ascii_letters_end(&bytes, from), want, "byte {b:#x} at {at}, from {from}");
                }
            }
        }
        assert_eq!(ascii_letters_end("Tweede Kamer".as_bytes(), 1), 6);
        assert_eq!(ascii_letters_end("oktober’s".as_bytes(), 0), 7);
    }

    #[test]
    fn line_end_hyphenation_is_undone_but_real_hyphens_stay() {
        assert_eq!(join_lines("de besprekin-\ngen."), "de besprekingen.");
        assert_eq!(join_lines("Inlichtingen- en Veiligheids-\ndienst"), "Inlichtingen- en Veiligheidsdienst");
        assert_eq!(join_lines("Oost-\nJeruzalem"), "Oost-Jeruzalem");
        assert_eq!(join_lines("CO2-\nopslag"), "CO2-opslag");
    }

    #[test]
    fn broken_words_inside_a_flattened_line() {
        let long = format!("{} de zorgverzeke- raars en de Inlichtingen- en Veiligheidsdienst", "x ".repeat(210));
        let joined = join_lines(&long);
        assert!(joined.ends_with("de zorgverzekeraars en de Inlichtingen- en Veiligheidsdienst"), "{joined}");
    }

    #[test]
    fn white_space_runs_fold() {
        assert_eq!(join_lines("  een\t\ttwee  drie\u{a0}\u{a0}vier \n\n vijf "), "een twee drie vier vijf");
        assert_eq!(join_lines("auto’s  ë"), "auto’s ë");
    }

    #[test]
    fn markers_are_left_out() {
        let text = "voor de nationale veiligheid?1\n";
        let marker = Span::new(29, 30);
        assert_eq!(marker.slice(text), "1");
        assert_eq!(block_text(text, &[Span::new(0, text.len())], &[marker]), "voor de nationale veiligheid?");
        let text = "ziekenhuisnota»»?1, 2 en verder";
        let markers = [Span::new(19, 20), Span::new(22, 23)];
        assert_eq!(markers.map(|m| m.slice(text)), ["1", "2"]);
        assert_eq!(block_text(text, &[Span::new(0, text.len())], &markers), "ziekenhuisnota»»? en verder");
    }

    #[test]
    fn word_at_a_time_helpers_agree_with_byte_loops() {
        let samples = [
            "",
            " ",
            "a",
            "een twee",
            "een  twee",
            "een\ttwee",
            "a\u{a0}b",
            "«citaat»",
            "x\u{85}y",
            "abcdefgh ijklmnop",
            "abcdefg  hijklmnop",
            "abcdefgh\rijk",
            " lead",
            "trail ",
            "éé éé éé éé",
        ];
        for s in samples {
            let b = s.as_bytes();
            let naive = !b.first().is_some_and(|&c| c == b' ')
                && !b.last().is_some_and(|&c| c == b' ')
                && !b.iter().any(|&c| matches!(c, b'\t' | b'\r' | 0x0b | 0x0c | 0xC2))
                && !b.windows(2).any(|w| w == b"  ");
            // Conservative: it may say no where the byte test says yes, never the reverse.
            assert!(!single_spaced(b) || naive, "{s:?}");
            if !s.contains(['«', '»']) {
                assert_eq!(single_spaced(b), naive, "{s:?}");
            }
            for from in 0..=b.len() + 1 {
                let want = b.get(from..).and_then(|r| r.iter().position(|&c| c == b' ')).map(|k| from + k);
                assert_eq!(find_byte(b, from, b' '), want, "{s:?} from {from}");
                let want = b.get(from..).and_then(|r| r.iter().position(|&c| c == b' ' || c == 0xAB)).map(|k| from + k);
                assert_eq!(find_either(b, from, b' ', 0xAB), want, "{s:?} from {from}");
                let want = b.get(from..).and_then(|r| r.iter().position(u8::is_ascii_digit)).map(|k| from + k);
                assert_eq!(find_digit(b, from), want, "{s:?} from {from}");
            }
            assert_eq!(trim(s), s.trim());
            assert_eq!(trim_start(s), s.trim_start());
            assert_eq!(trim_end(s), s.trim_end());
            assert_eq!(Lines { text: s, at: 0 }.collect::<Vec<_>>(), s.split('\n').collect::<Vec<_>>());
        }
        let all: Vec<u8> = (0..=255u8).collect();
        for from in 0..all.len() {
            assert_eq!(find_digit(&all, from), (from <= 0x39).then(|| from.max(0x30)), "from {from}");
        }
        for len in 0..40 {
            for pos in 0..len {
                let mut v = vec![b'a'; len];
                v[pos] = b' ';
                if pos + 1 < len {
                    v[pos + 1] = b' ';
                }
                let s = std::str::from_utf8(&v).unwrap();
                let naive = !s.starts_with(' ') && !s.ends_with(' ') && !s.contains("  ");
                assert_eq!(single_spaced(&v), naive, "{s:?}");
                let nl = s.replace(' ', "\n");
                assert_eq!(Lines { text: &nl, at: 0 }.collect::<Vec<_>>(), nl.split('\n').collect::<Vec<_>>());
            }
        }
    }
}

/// `s` in lower case for matching words: ASCII and the Latin-1 capitals
/// ("É" → "é", "Ü" → "ü"); every other character as it is. Unlike
/// `str::to_lowercase` it keeps each character's UTF-8 length (so an offset in
/// the result is one in `s`) and needs no Unicode case tables in the wasm
/// (8 KB gzip).
#[must_use]
pub fn lowercase(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'A'..='Z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{DE}' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod lowercase_tests {
    use super::lowercase;

    #[test]
    fn ascii_and_latin1_capitals_keep_their_length() {
        assert_eq!(
            lowercase("Minister van Économische Zaken, ÜBER Ø × Ω"),
            "minister van économische zaken, über ø × Ω"
        );
        for s in ["İstanbul", "ǅ", "ẞ", "Ÿ"] {
            assert_eq!(lowercase(s).len(), s.len());
        }
    }
}
