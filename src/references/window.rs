//! A short stretch of the text, folded for matching, that maps back to the
//! original byte offsets.
//!
//! Citations are broken over lines ("(Kamerstuk 29 023,⏎nr. 487)"), words
//! hyphenated at a line end ("Aanhangsel Handelin-⏎gen") and spaces doubled or
//! non-breaking. A [`Window`] folds every run of white space into one ' ',
//! undoes "letter-⏎lowercase" hyphenation and drops soft hyphens, so the
//! recognisers can match one clean line and report spans in the real text.

use crate::model::Span;
use crate::text::{line_end_hyphen, Hyphen};

/// A folded copy of `text[start..]` (at most about `max` bytes of it).
pub struct Window {
    /// The folded text.
    pub text: String,
    /// For each byte of `text`: the original range of the char it came from.
    map: Vec<(usize, usize)>,
}

impl Window {
    /// Folds `text[start..start + max]` (cut back to a char boundary).
    #[must_use]
    pub fn new(text: &str, start: usize, max: usize) -> Window {
        let end = crate::text::floor_char_boundary(text, start.saturating_add(max));
        let src = text.get(start..end).unwrap_or("");
        let bytes = src.as_bytes();
        let mut out = String::with_capacity(src.len());
        let mut map: Vec<(usize, usize)> = Vec::with_capacity(src.len());
        let mut prev_space = false;
        let mut prev_alpha = false;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if is_plain(b) {
                // A run of printable ASCII other than '-', with single spaces
                // between (a space folds to itself): copied as it is.
                let mut k = i + 1;
                while let Some(&d) = bytes.get(k) {
                    if is_plain(d) {
                        k += 1;
                    } else if d == b' ' && bytes.get(k + 1).is_some_and(|&e| is_plain(e)) {
                        k += 2;
                    } else {
                        break;
                    }
                }
                out.push_str(src.get(i..k).unwrap_or(""));
                map.extend((i..k).map(|p| (start + p, start + p + 1)));
                prev_space = false;
                prev_alpha = bytes[k - 1].is_ascii_alphabetic();
                i = k;
                continue;
            }
            if matches!(b, b'\t'..=b'\r' | b' ') && bytes.get(i + 1).is_some_and(|&d| is_plain(d)) {
                // One white-space byte between two words.
                if !prev_space {
                    out.push(' ');
                    map.push((start + i, start + i + 1));
                    prev_space = true;
                    prev_alpha = false;
                }
                i += 1;
                continue;
            }
            // The char at i and its length.
            let (c, len) = if b < 0x80 {
                (b as char, 1)
            } else {
                match src.get(i..).and_then(|r| r.chars().next()) {
                    Some(c) => (c, c.len_utf8()),
                    None => break,
                }
            };
            if c == '\u{ad}' {
                i += len;
                continue;
            }
            if c.is_whitespace() {
                let run_start = i;
                i += len;
                while let Some(d) = src.get(i..).and_then(|r| r.chars().next()).filter(|d| d.is_whitespace()) {
                    i += d.len_utf8();
                }
                if !prev_space {
                    out.push(' ');
                    map.push((start + run_start, start + i));
                    prev_space = true;
                    prev_alpha = false;
                }
                continue;
            }
            if c == '-' && prev_alpha {
                // "Handelin-⏎gen": hyphen, line break, lowercase letter.
                let mut j = i + 1;
                let mut newline = false;
                while let Some(&d) = bytes.get(j).filter(|d| d.is_ascii_whitespace()) {
                    newline |= d == b'\n';
                    j += 1;
                }
                let next = src.get(j..).unwrap_or("");
                if newline && matches!(line_end_hyphen(out.chars().next_back(), next), Hyphen::Drop) {
                    i = j;
                    continue;
                }
            }
            out.push(c);
            for _ in 0..len {
                map.push((start + i, start + i + len));
            }
            prev_space = false;
            prev_alpha = c.is_alphabetic();
            i += len;
        }
        Window { text: out, map }
    }

    /// The original span of the folded range `a..b` (empty when out of range).
    #[must_use]
    pub fn span(&self, a: usize, b: usize) -> Span {
        if a >= b || b > self.map.len() {
            return Span::new(0, 0);
        }
        Span::new(self.map[a].0, self.map[b - 1].1)
    }
}

/// Printable ASCII that folds to itself: not white space (all of which is at
/// or below ' '), not '-', not a control character.
#[inline]
fn is_plain(b: u8) -> bool {
    b > b' ' && b < 0x80 && b != b'-'
}

/// Whether `needle` (ASCII, any case) occurs in the `len` bytes from `from`:
/// a cheap test before a window is folded.
#[must_use]
pub fn ahead(text: &str, from: usize, len: usize, needle: &[u8]) -> bool {
    let bytes = text.as_bytes();
    let end = from.saturating_add(len).min(bytes.len());
    bytes.get(from..end).is_some_and(|b| b.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle)))
}

/// Whether an ASCII digit occurs in the `len` bytes from `from`.
#[must_use]
pub fn digit_ahead(text: &str, from: usize, len: usize) -> bool {
    let bytes = text.as_bytes();
    let end = from.saturating_add(len).min(bytes.len());
    bytes.get(from..end).is_some_and(|b| b.iter().any(u8::is_ascii_digit))
}

/// A cursor over the folded text of a window.
pub struct Cur<'a> {
    pub s: &'a str,
    pub i: usize,
}

impl<'a> Cur<'a> {
    pub fn rest(&self) -> &'a str {
        self.s.get(self.i..).unwrap_or("")
    }
    pub fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }
    pub fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.i += c.len_utf8();
            true
        } else {
            false
        }
    }
    pub fn eat_any(&mut self, cs: &[char]) -> bool {
        cs.iter().any(|&c| self.eat(c))
    }
    pub fn space(&mut self) -> bool {
        self.eat(' ')
    }
    /// Eats `word` (ASCII, case-insensitive).
    pub fn word_ci(&mut self, word: &str) -> bool {
        let r = self.rest();
        if r.len() >= word.len() && r.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes()) {
            self.i += word.len();
            true
        } else {
            false
        }
    }
    /// Eats a run of ASCII digits, at most `max`; fails (eating nothing) when
    /// there are none or more than `max`.
    pub fn digits(&mut self, max: usize) -> Option<&'a str> {
        let r = self.rest();
        let n = r.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 || n > max {
            return None;
        }
        self.i += n;
        r.get(..n)
    }
    pub fn at_word_end(&self) -> bool {
        !self.peek().is_some_and(char::is_alphanumeric)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_breaks_and_maps_back() {
        let text = "(Kamerstuk 29 023,\nnr. 487) en Handelin-\ngen";
        let w = Window::new(text, 1, 200);
        assert_eq!(w.text, "Kamerstuk 29 023, nr. 487) en Handelingen");
        let i = w.text.find("nr.").unwrap_or(0);
        assert_eq!(w.span(0, i + 7).slice(text), "Kamerstuk 29 023,\nnr. 487");
        let h = w.text.find("Handelingen").unwrap_or(0);
        assert_eq!(w.span(h, h + 11).slice(text), "Handelin-\ngen");
    }

    #[test]
    fn never_cuts_a_char() {
        let text = "ëëëëë";
        let w = Window::new(text, 0, 3);
        assert_eq!(w.text, "ë");
        assert!(Window::new(text, 99, 3).text.is_empty());
    }
}
