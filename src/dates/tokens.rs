//! The date scanner's tokens: words (letters, any script), digit runs and
//! single punctuation characters, read one at a time from a byte offset.
//!
//! ```text
//! "(ingezonden 5 juni⏎2024)" → "(" "ingezonden" "5" "juni" "2024" ")"
//! ```
//!
//! Whitespace between tokens is spaces, tabs, no-break and thin spaces and
//! at most one line break for a token to follow ([`next`]): a blank line
//! ends a date. "jl.2" gives "jl" "." "2"; "2024Z18294" gives "2024" "Z" "18294".

use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    pub(super) kind: Kind,
    pub(super) start: usize,
    pub(super) end: usize,
    /// Line breaks in the whitespace before the token.
    pub(super) newlines: u32,
}

impl Tok {
    pub(super) fn span(self) -> Span {
        Span::new(self.start, self.end)
    }
    /// Directly after the previous token, no whitespace between.
    pub(super) fn glued(self, prev_end: usize) -> bool {
        self.start == prev_end
    }
}

/// Length of the whitespace character at `i` (0 if none); sets `nl` for "\n".
pub(super) fn ws_len(b: &[u8], i: usize, nl: &mut u32) -> usize {
    match b.get(i) {
        Some(b' ' | b'\t' | b'\r' | 0x0c) => 1,
        Some(b'\n') => {
            *nl += 1;
            1
        }
        Some(0xC2) if b.get(i + 1) == Some(&0xA0) => 2,
        Some(0xE2) if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x80..=0x8A | 0xAF)) => 3,
        _ => 0,
    }
}

pub(super) fn is_letter(c: char) -> bool {
    c.is_alphabetic()
}

/// The token at or after `i` (whitespace skipped, at most 64 bytes of it).
pub(super) fn tok(text: &str, i: usize) -> Option<Tok> {
    let b = text.as_bytes();
    let mut j = i;
    let mut newlines = 0;
    loop {
        let n = ws_len(b, j, &mut newlines);
        if n == 0 {
            break;
        }
        j += n;
        if j - i > 64 {
            return None;
        }
    }
    let first = *b.get(j)?;
    if first.is_ascii_digit() {
        let end = j + b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
        return Some(Tok { kind: Kind::Num, start: j, end, newlines });
    }
    let rest = text.get(j..)?;
    let c = rest.chars().next()?;
    if is_letter(c) {
        let len: usize = rest.chars().take_while(|c| is_letter(*c)).map(char::len_utf8).sum();
        return Some(Tok { kind: Kind::Word, start: j, end: j + len, newlines });
    }
    Some(Tok { kind: Kind::Punct, start: j, end: j + c.len_utf8(), newlines })
}

/// The next token if it follows within one line break.
pub(super) fn next(text: &str, i: usize) -> Option<Tok> {
    tok(text, i).filter(|t| t.newlines <= 1)
}

pub(super) fn word(text: &str, t: Tok) -> &str {
    if t.kind == Kind::Word {
        t.span().slice(text)
    } else {
        ""
    }
}

pub(super) fn is_word(text: &str, t: Tok, w: &str) -> bool {
    t.kind == Kind::Word && t.span().slice(text).eq_ignore_ascii_case(w)
}

pub(super) fn is_punct(text: &str, t: Tok, p: &str) -> bool {
    t.kind == Kind::Punct && t.span().slice(text) == p
}

pub(super) fn num_value(text: &str, t: Tok) -> Option<u32> {
    if t.kind != Kind::Num || t.end - t.start > 6 {
        return None;
    }
    t.span().slice(text).parse().ok()
}

pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The word before `i` (whitespace and one "." skipped), lowercased ASCII.
pub(super) fn prev_word(text: &str, i: usize) -> String {
    let b = text.as_bytes();
    let mut j = i.min(b.len());
    let mut steps = 0;
    while j > 0 && steps < 16 && matches!(b[j - 1], b' ' | b'\t' | b'\n' | b'\r' | b'.') {
        j -= 1;
        steps += 1;
    }
    let end = j;
    while j > 0 && b[j - 1].is_ascii_alphabetic() && end - j < 16 {
        j -= 1;
    }
    text.get(j..end).unwrap_or("").to_ascii_lowercase()
}
