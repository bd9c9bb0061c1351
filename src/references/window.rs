//! A short stretch of the text, folded for matching, that maps back to the
//! original byte offsets.
//!
//! Citations are broken over lines ("(Kamerstuk 29 023,⏎nr. 487)"), words
//! hyphenated at a line end ("Aanhangsel Handelin-⏎gen") and spaces doubled or
//! non-breaking. A [`Window`] folds every run of white space into one ' ',
//! undoes "letter-⏎lowercase" hyphenation and drops soft hyphens, so the
//! recognisers can match one clean line and report spans in the real text.

use crate::model::Span;

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
        let mut end = start.saturating_add(max).min(text.len());
        while end > start && !text.is_char_boundary(end) {
            end -= 1;
        }
        let src = text.get(start..end).unwrap_or("");
        let mut out = String::with_capacity(src.len());
        let mut map = Vec::with_capacity(src.len());
        let mut it = src.char_indices().peekable();
        let mut prev: Option<char> = None;
        while let Some((i, c)) = it.next() {
            let at = start + i;
            if c == '\u{ad}' {
                continue;
            }
            if c.is_whitespace() {
                let mut e = at + c.len_utf8();
                while let Some(&(j, d)) = it.peek() {
                    if !d.is_whitespace() {
                        break;
                    }
                    e = start + j + d.len_utf8();
                    it.next();
                }
                if prev != Some(' ') {
                    out.push(' ');
                    map.push((at, e));
                    prev = Some(' ');
                }
                continue;
            }
            if c == '-' && prev.is_some_and(char::is_alphabetic) {
                // "Handelin-⏎gen": hyphen, line break, lowercase letter.
                let rest = src.get(i + 1..).unwrap_or("");
                let ws = rest.len() - rest.trim_start().len();
                let broken = rest.get(..ws).is_some_and(|w| w.contains('\n'));
                if broken && rest.trim_start().chars().next().is_some_and(char::is_lowercase) {
                    while it.peek().is_some_and(|&(_, d)| d.is_whitespace()) {
                        it.next();
                    }
                    continue;
                }
            }
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf);
            out.push_str(s);
            for _ in 0..s.len() {
                map.push((at, at + c.len_utf8()));
            }
            prev = Some(c);
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
