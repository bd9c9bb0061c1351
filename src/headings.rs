//! Question and answer headings: how a line (or a place inside a long line)
//! reads as "Vraag 6 en 7" or "Antwoord op vraag 1:", and how a block is
//! named by its heading. Used by `blocks` to cut the text into
//! blocks, by `footnotes` to end a footnote before a heading, and by
//! the view and the annotation import to label blocks.
//!
//! # Grammar
//!
//! ```text
//! question-heading = ("Vraag" | "Vragen") [numbers] [":" | "." | ")"]
//! answer-heading   = "Antwoord" [("op" | "bij") ["de"] ("vraag" | "vragen")] [numbers] [":" | "." | ")"]
//!                    (any of them in capitals too: "ANTWOORD OP VRAAG 2 EN 3")
//! numbers          = number { ["," | "en" | "&" | "t/m"] number }
//! ```
//!
//! A line: "Vraag 1", "Vraag 3, 4 en 5", "Antwoord op vragen 3 en 4",
//! "Antwoord:", "Vraag 1: Kunt u …" (the heading ends at the colon),
//! "Vraag 1. Kunt u …" (at the full stop after the number, before a
//! capital; "Vraag 1)" likewise). Not a heading: "Vraagstuk", "Antwoordde", "Vragen" alone (a section title).
//! Inside a long line, after the end of a sentence or with the number
//! expected next: "… geven? Antwoord 2 en 3 De uitkomsten …", "Antwoord 9 Ja
//! Vraag 10 Wilt u …". The label of a block: "Vraag 6 en 7", "Antwoord 3, 4
//! en 5".

use crate::model::{Block, BlockKind, Span};

pub(crate) const NUMS: &str = r"[0-9]{1,3}(?:[\t-\r \x{A0}]*(?:,|en|&|t/m|tot en met|–|-)?[\t-\r \x{A0}]*[0-9]{1,3})*";

/// The numbers in a heading's number list: "3, 4 en 5" → [3, 4, 5];
/// "3 t/m 5" → [3, 4, 5].
pub(crate) fn numbers(list: &str) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    let mut range = false;
    let mut rest = list;
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 {
            let n: u32 = rest.get(..digits).and_then(|d| d.parse().ok()).unwrap_or(0);
            match out.last() {
                Some(&from) if range && n > from && n - from <= 50 => out.extend(from + 1..=n),
                _ => out.push(n),
            }
            range = false;
            rest = rest.get(digits..).unwrap_or("");
        } else {
            if rest.starts_with("t/m")
                || rest.starts_with("T/M")
                || rest.starts_with("tot en met")
                || rest.starts_with(['-', '–'])
            {
                range = true;
            }
            let skip = rest.chars().next().map_or(1, char::len_utf8);
            rest = rest.get(skip..).unwrap_or("");
        }
    }
    out
}

/// A heading's kind, numbers and length within its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadingShape {
    pub kind: BlockKind,
    /// Empty for "Antwoord:" labels and a bare "Vraag".
    pub numbers: Vec<u32>,
    /// Byte length of the heading at the start of the (trimmed) line.
    pub len: usize,
}

/// Reads a trimmed line as a heading: "Vraag 3, 4 en 5", "Antwoord op vraag
/// 1:", "Antwoord:", or "Vraag 1: Kunt u …" (heading before the colon).
/// Hand-written: it runs on every line that opens with a heading word.
#[must_use]
pub fn parse_heading(t: &str) -> Option<HeadingShape> {
    const Q: [&str; 4] = ["Vragen", "Vraag", "VRAGEN", "VRAAG"];
    const A: [&str; 3] = ["Antwoorden", "Antwoord", "ANTWOORD"];
    // Every heading word opens with 'V' or 'A': most lines stop here.
    if !matches!(t.as_bytes().first(), Some(b'V' | b'A')) {
        return None;
    }
    let (kind, word) = if let Some(w) = Q.iter().find(|w| t.starts_with(**w)) {
        (BlockKind::Question, *w)
    } else {
        (BlockKind::Answer, *A.iter().find(|w| t.starts_with(**w))?)
    };
    let mut rest = t.get(word.len()..)?;
    if rest.chars().next().is_some_and(char::is_alphanumeric) {
        return None; // "Vraagstuk", "Antwoordde"
    }
    if kind == BlockKind::Answer {
        // "Antwoord op (de) vraag/vragen", "Antwoord bij vraag".
        let mut words = rest.split_whitespace();
        let first = words.next();
        if matches!(first, Some("vraag" | "vragen" | "Vraag" | "Vragen" | "VRAAG" | "VRAGEN")) {
            // "Antwoord vraag 1"
            let w = first.unwrap_or("");
            let at = rest.find(w).unwrap_or(0) + w.len();
            rest = rest.get(at..)?;
        } else if matches!(first, Some("op" | "bij" | "OP" | "BIJ")) {
            let mut next = words.next();
            if matches!(next, Some("de" | "DE")) {
                next = words.next();
            }
            let w = next?;
            if !matches!(w, "vraag" | "vragen" | "Vraag" | "Vragen" | "VRAAG" | "VRAGEN") {
                return None;
            }
            let at = rest.find(w)? + w.len();
            rest = rest.get(at..)?;
        }
    }
    let (list, after) = match rest.find(':') {
        Some(k) => (rest.get(..k)?, rest.get(k + 1..)),
        // "Vraag 1. Kunt u …": the heading ends at the full stop after its
        // number when a capital opens the text after it.
        None => match number_stop(rest) {
            Some(k) => (rest.get(..k)?, rest.get(k + 1..)),
            None => (rest, None),
        },
    };
    // "Vraag 1." / "Vraag 1)" as printed in some conversions.
    let list = list.trim_end();
    let list = list.strip_suffix(['.', ')']).unwrap_or(list);
    let mut has_number = false;
    for tok in list.split(|c: char| c.is_whitespace() || c == ',') {
        match tok {
            "" | "en" | "&" | "t/m" | "tot" | "met" | "–" | "-" | "nr." | "nr" | "EN" | "T/M" => {}
            d if !d.is_empty() && d.len() <= 3 && d.bytes().all(|b| b.is_ascii_digit()) => has_number = true,
            _ => return None,
        }
    }
    let nums = if has_number { numbers(list) } else { Vec::new() };
    let after = after.unwrap_or("");
    let len = if after.trim().is_empty() {
        // "Vragen" and "Antwoorden" alone are section titles, not blocks; a
        // bare label is "Antwoord", "Antwoord:" or "Vraag".
        if !has_number && (matches!(word, "Vragen" | "VRAGEN" | "Antwoorden") || !list.trim().is_empty()) {
            return None;
        }
        t.trim_end().len()
    } else {
        // "Vraag 1: Kunt u …": the heading ends at the colon.
        if !has_number || !after.starts_with(char::is_whitespace) {
            return None;
        }
        t.len() - after.len()
    };
    if len > 90 {
        return None;
    }
    Some(HeadingShape { kind, numbers: nums, len })
}

/// Where "1. Kunt u …" (after the heading word) has its full stop: right
/// after a number, followed by white space and a capital.
fn number_stop(rest: &str) -> Option<usize> {
    let k = rest.find(['.', ')'])?;
    let before = rest.get(..k)?;
    let after = rest.get(k + 1..)?;
    let text = after.trim_start();
    (before.ends_with(|c: char| c.is_ascii_digit())
        && text.len() < after.len()
        && text.starts_with(|c: char| c.is_uppercase() || c == '«' || c == '\''))
    .then_some(k)
}

/// Whether a (trimmed) line is a question or answer heading.
#[must_use]
pub fn is_heading_line(t: &str) -> bool {
    parse_heading(t).is_some()
}

/// The first `n` bytes of `s` (cut back to a char boundary).
pub(crate) fn window(s: &str, n: usize) -> &str {
    s.get(..crate::text::floor_char_boundary(s, n)).unwrap_or("")
}

/// A heading found in the text.
#[derive(Debug)]
pub(crate) struct Heading {
    pub(crate) kind: BlockKind,
    pub(crate) numbers: Vec<u32>,
    pub(crate) span: Span,
}

/// A heading at the start of `w` inside running text: "Antwoord 2 en 3 De
/// uitkomsten", "Vraag 4 Klopt", "Antwoord op vraag 1: Ja" → its kind and
/// where its numbers end. The word after it must open with a capital.
pub(crate) fn inline_heading_at(w: &str) -> Option<(BlockKind, usize)> {
    let (kind, mut at) = if w.starts_with("Vraag ") {
        (BlockKind::Question, 6)
    } else if w.starts_with("Vragen ") {
        (BlockKind::Question, 7)
    } else if w.starts_with("Antwoord ") {
        (BlockKind::Answer, 9)
    } else {
        return None;
    };
    if kind == BlockKind::Answer {
        for phrase in ["op de vragen ", "op de vraag ", "op vragen ", "op vraag "] {
            if w.get(at..).is_some_and(|r| r.starts_with(phrase)) {
                at += phrase.len();
                break;
            }
        }
    }
    // Number tokens and separators; the heading ends after the last number.
    let mut end = None;
    let mut pos = at;
    loop {
        let rest = w.get(pos..)?;
        let tok_len = rest.find(' ').unwrap_or(rest.len());
        let tok = rest.get(..tok_len)?;
        let core = tok.trim_end_matches([',', ':']);
        if !core.is_empty() && core.len() <= 3 && core.bytes().all(|b| b.is_ascii_digit()) {
            end = Some(pos + core.len());
        } else if !matches!(tok, "en" | "&" | "t/m" | "," | "–" | "-") {
            break;
        }
        if tok_len == rest.len() {
            return None; // the window ends inside the list
        }
        pos += tok_len + 1;
    }
    let end = end?;
    // What follows the list: ":" and then a capitalised word.
    let next = w.get(end..)?.trim_start_matches([' ', ':', ',']).chars().next();
    next.is_some_and(|c| c.is_uppercase() || c == '«' || c == '(').then_some((kind, end))
}

/// Lines longer than this are searched for headings inside them.
pub(crate) const INLINE: usize = 120;

/// Headings inside a long line (a flattened document): "… geven? Antwoord 2
/// en 3 De uitkomsten …".
pub(crate) fn inline_headings(text: &str, seg: Span, out: &mut Vec<Heading>) {
    let s = seg.slice(text);
    // (heading, found after the end of a sentence)
    let mut found: Vec<(Heading, bool)> = Vec::new();
    // One pass over the bytes for the capitals that open a heading word.
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(i) = crate::text::find_either(bytes, from, b'V', b'A') {
        from = i + 1;
        if !["Vraag ", "Vragen ", "Antwoord "].iter().any(|w| bytes.get(i..i + w.len()) == Some(w.as_bytes())) {
            continue;
        }
        {
            let before =
                s.get(..i).unwrap_or("").trim_end_matches(|c: char| c == ' ' || c == ',' || c.is_ascii_digit());
            let after_sentence = before.is_empty() || before.ends_with(['.', '?', '!', '»', '”', ')', ':']);
            let w = window(s.get(i..).unwrap_or(""), 60);
            let Some((kind, nums_end)) = inline_heading_at(w) else { continue };
            let heading = Heading {
                kind,
                numbers: numbers(w.get(..nums_end).unwrap_or("")),
                span: Span::new(seg.start + i, seg.start + i + nums_end),
            };
            found.push((heading, after_sentence));
        }
    }
    crate::sort::by_key(&mut found, |(h, _)| (h.span.start, 0, 0));
    // Without a sentence end before it ("Antwoord 9 Ja Vraag 10 Wilt u"), a
    // heading counts only when it has the number expected next.
    let mut last_q: Vec<u32> = Vec::new();
    for (h, strong) in found {
        let expected = match h.kind {
            BlockKind::Question => h.numbers.first() == Some(&(last_q.iter().max().copied().unwrap_or(0) + 1)),
            BlockKind::Answer => h.numbers == last_q,
        };
        if strong || expected {
            if h.kind == BlockKind::Question {
                last_q.clone_from(&h.numbers);
            }
            out.push(h);
        }
    }
}

/// Where the headings inside a long line start (a flattened document), in
/// text order: footnotes use them to find the notes printed before a heading.
#[must_use]
pub fn inline_heading_starts(text: &str, seg: Span) -> Vec<usize> {
    let mut found = Vec::new();
    inline_headings(text, seg, &mut found);
    let mut starts: Vec<usize> = found.iter().map(|h| h.span.start).collect();
    crate::sort::sort(&mut starts);
    starts
}

/// "Vraag 6 en 7", "Antwoord 3, 4 en 5": how the UI names a block.
#[must_use]
pub fn heading_label(block: &Block) -> String {
    let word = match block.kind {
        BlockKind::Question => "Vraag",
        BlockKind::Answer => "Antwoord",
    };
    let nums: Vec<String> = block.numbers.iter().map(u32::to_string).collect();
    numbered_label(word, &nums)
}

/// `word` and a list of numbers as a heading prints them: ("Antwoord", [6, 7])
/// → "Antwoord 6 en 7", [3, 4, 5] → "Antwoord 3, 4 en 5", [] → "Antwoord".
#[must_use]
pub fn numbered_label<N: AsRef<str>>(word: &str, numbers: &[N]) -> String {
    match numbers {
        [] => word.to_string(),
        [one] => format!("{word} {}", one.as_ref()),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{word} {} en {}", init.join(", "), last.as_ref())
        }
    }
}
