//! Page furniture: the masthead, page headers and footers that a PDF or Word
//! conversion leaves in the text.
//!
//! # Grammar
//!
//! ```text
//! masthead = { "Tweede Kamer der Staten-Generaal" | "Vergaderjaar 2023–2024"
//!            | "Aanhangsel van de Handelingen" | "2024Z18775" | number
//!            | "Vragen gesteld door de leden der Kamer, met de daarop door de
//!               regering gegeven antwoorden" }          (at the start of the text)
//! footer   = { "ah-tk-20232024-1314" | "kv-tk-2024Z18775" | "ISSN 0921 - 7398"
//!            | "’s-Gravenhage 2024"
//!            | "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel" [page] }
//!            | "h tk 20232024 387" | "-----"           (markdown conversions)
//! page     = a lone page number after a footer line
//! ```
//!
//! Footer pieces are found anywhere on a line, so a footer glued to the next
//! heading ("…, Aanhangsel 1Antwoord 3") or a whole document flattened onto
//! one line ("… nr. 70 ah-tk-20142015-698 ISSN 0921 - 7398 ’s-Gravenhage 2014
//! Tweede Kamer, vergaderjaar 2014–2015, Aanhangsel 1 gegeven aan …") still
//! gives the footer alone. Adjacent pieces (only white space between them)
//! merge into one span. Every scan is one pass over the lines; regexes run
//! only on short slices.

use crate::lines::lines;
use crate::model::{Furniture, FurnitureKind, Span};
use crate::text::{ceil_char_boundary, floor_char_boundary, leading_ws, trim_span};
use regex::Regex;
use std::sync::OnceLock;

fn masthead_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^(?:[\t-\r \x{A0}#*>]+|Tweede Kamer der Staten-Generaal|Vergaderjaar [0-9]{4}[\t-\r \x{A0}]?[–-][\t-\r \x{A0}]?[0-9]{4}|Aanhangsel van de Handelingen|Vragen gesteld door de leden der Kamer(?:,[\t-\r \x{A0}*]*met de daarop door de[\t-\r \x{A0}*]*regering gegeven antwoorden)?|[0-9]{4}Z ?[0-9]{5}[\t-\r \x{A0}]|[0-9]{1,5}[\t-\r \x{A0}])+",
        )
        .expect("valid regex")
    })
}

fn tk_footer_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^Tweede Kamer, vergaderjaar [0-9]{4}[\t-\r \x{A0}]?[–-][\t-\r \x{A0}]?[0-9]{4}, (?:Aanhangsel|Vragen)(?: ?(?<page>[0-9]{1,3}))?")
            .expect("valid regex")
    })
}

fn issn_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^ISSN ?[0-9]{4} ?[-–] ?[0-9]{3}[0-9X]").expect("valid regex"))
}

fn place_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^[’']s-Gravenhage [0-9]{4}").expect("valid regex"))
}

fn id_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^(?:ah|kv)-tk-[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*").expect("valid regex"))
}

fn md_footer_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^(?:h tk [0-9]{8} [0-9]{1,5}|-{3,}|_{3,})$").expect("valid regex"))
}

/// A short slice of `s` from byte `i` (at most `n` bytes, on a char boundary).
fn window(s: &str, i: usize, n: usize) -> &str {
    s.get(i..floor_char_boundary(s, i + n)).unwrap_or("")
}

fn skip_ws(s: &str, i: usize) -> usize {
    let rest = s.get(i..).unwrap_or("");
    i + leading_ws(rest)
}

/// Which footer piece starts at byte `i` of `line`, and where it ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Piece {
    Id,
    Issn,
    Place,
    TkLine,
}

fn piece_at(line: &str, i: usize) -> Option<(Piece, usize)> {
    let w = window(line, i, 160);
    // The regexes run only where the piece's literal start is.
    if !(w.starts_with("ah-tk-")
        || w.starts_with("kv-tk-")
        || w.starts_with("ISSN")
        || w.starts_with("’s-Gravenhage")
        || w.starts_with("'s-Gravenhage")
        || w.starts_with("Tweede Kamer, vergaderjaar"))
    {
        return None;
    }
    // Each regex opens with its own literal: only the one whose literal `w`
    // starts with can match, so only that one runs.
    if w.starts_with("ah-tk-") || w.starts_with("kv-tk-") {
        return id_re().find(w).map(|m| (Piece::Id, i + m.end()));
    }
    if w.starts_with("ISSN") {
        return issn_re().find(w).map(|m| (Piece::Issn, i + m.end()));
    }
    if !w.starts_with("Tweede Kamer, vergaderjaar") {
        return place_re().find(w).map(|m| (Piece::Place, i + m.end()));
    }
    let c = tk_footer_re().captures(w)?;
    let whole = c.get(0)?;
    let mut end = i + whole.end();
    if let Some(page) = c.name("page") {
        // "Aanhangsel 1Antwoord 3", "Aanhangsel 1 gegeven": a page number ends
        // at a letter or space; "Aanhangsel 1234" (a number, not a page) does not.
        let after = w.get(page.end()..).and_then(|r| r.chars().next());
        if after.is_some_and(|ch| ch.is_ascii_digit()) {
            end = i + page.start();
        }
    }
    let rest = line.get(end..).unwrap_or("");
    let next = rest.trim_start();
    if next.starts_with("nr") || next.starts_with(',') {
        return None;
    }
    Some((Piece::TkLine, end.min(i + whole.end())))
}

/// The footer run starting at byte `i` of `line` (pieces separated by white
/// space), if it is a real footer there. `line` is the text from the start
/// of the line (or a window before `i`) to the end of the line.
fn footer_run(line: &str, i: usize) -> Option<usize> {
    let before = line.get(..i).and_then(|b| b.chars().next_back());
    if before.is_some_and(|c| !c.is_whitespace() && c != '\u{c}') {
        return None;
    }
    let (first, mut end) = piece_at(line, i)?;
    let mut count = 1;
    loop {
        let j = skip_ws(line, end);
        match piece_at(line, j) {
            Some((_, e)) if j < line.len() => {
                end = e;
                count += 1;
            }
            _ => break,
        }
    }
    let rest_blank = line.get(end..).is_some_and(|r| r.trim().is_empty());
    let line_start = line.get(..i).is_some_and(|b| b.trim().is_empty());
    let ok = match first {
        // An id or a place name in running text is not a footer.
        Piece::Id | Piece::Place => count > 1 || (rest_blank && line_start),
        Piece::Issn | Piece::TkLine => true,
    };
    ok.then_some(end)
}

/// Where "ah-tk-", "kv-tk-", "ISSN", "s-Gravenhage" and "Tweede Kamer,
/// vergaderjaar" occur in a long line `s` (at `offset`): one pass over its '-'
/// for the first three plus two literal searches (the same positions as a
/// `match_indices` per anchor; `footers` sorts them).
fn long_line_hits(s: &str, offset: usize, hits: &mut Vec<usize>) {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(rel) = b.get(from..).and_then(|r| r.iter().position(|&c| c == b'-')) {
        let d = from + rel;
        if d >= 2 && matches!(b.get(d - 2..d + 4), Some(b"ah-tk-" | b"kv-tk-")) {
            hits.push(offset + d - 2);
        } else if d >= 1 && b.get(d - 1..d + 11) == Some(b"s-Gravenhage".as_slice()) {
            hits.push(offset + d - 1);
        }
        from = d + 1;
    }
    // "ISSN" and "Tweede Kamer, vergaderjaar" cannot overlap themselves or
    // each other: every occurrence, as `match_indices` per anchor gives them.
    let mut from = 0;
    while let Some(k) = crate::text::find_either(b, from, b'I', b'T') {
        if b[k..].starts_with(b"ISSN") || b[k..].starts_with(b"Tweede Kamer, vergaderjaar") {
            hits.push(offset + k);
        }
        from = k + 1;
    }
}

/// Lines longer than this are searched throughout for footers.
const LONG_LINE: usize = 100;

/// How far around an anchor a footer is looked for.
const REACH: usize = 240;

/// The line around byte `i`, cut to at most [`REACH`] bytes either side:
/// (start, end) with `start <= i <= end`, on char boundaries.
fn line_window(text: &str, i: usize) -> (usize, usize) {
    let lo = floor_char_boundary(text, i.saturating_sub(REACH));
    let hi = ceil_char_boundary(text, i + REACH);
    let start = text.get(lo..i).and_then(|b| b.rfind('\n')).map_or(lo, |k| lo + k + 1);
    let end = text.get(i..hi).and_then(|a| a.find('\n')).map_or(hi, |k| i + k);
    (start, end)
}

/// A lone page number on the line after a footer ("…, Aanhangsel⏎⏎1").
fn page_number_after(text: &str, end: usize) -> Option<usize> {
    let rest = text.get(end..)?;
    let ws = leading_ws(rest);
    if ws == 0 || ws > 40 || !rest.get(..ws)?.contains('\n') {
        return None;
    }
    let after = rest.get(ws..)?;
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let line_rest = after.get(digits..)?.split('\n').next().unwrap_or("");
    (digits > 0 && digits <= 3 && line_rest.trim().is_empty()).then_some(end + ws + digits)
}

/// Every page-footer piece in `text` after `from`, found from its anchors.
fn footers(text: &str, from: usize, lines: &[Span], out: &mut Vec<Span>) {
    let mut hits: Vec<usize> = Vec::new();
    for &line in lines {
        if line.end <= from {
            continue;
        }
        let line = Span::new(line.start.max(from), line.end);
        let s = line.slice(text);
        let t = crate::text::trim_start(s);
        if s.len() > LONG_LINE {
            // A long line (a flattened document) is searched throughout.
            long_line_hits(s, line.start, &mut hits);
            continue;
        }
        // A lone page number right before a form feed (the next page).
        if (1..=3).contains(&t.trim_end().len()) && t.trim_end().bytes().all(|b| b.is_ascii_digit()) {
            let after = text.get(line.end..).unwrap_or("");
            let gap = after.bytes().take(40).take_while(|b| matches!(b, b' ' | b'\n' | b'\t' | b'\r')).count();
            if after.as_bytes().get(gap) == Some(&0x0c) {
                let start = line.start + (s.len() - t.len());
                out.push(Span::new(start, start + t.trim_end().len()));
            }
            continue;
        }
        // In page-by-page text a footer opens its line.
        if matches!(t.as_bytes().first(), Some(b'a' | b'k' | b'I' | b'\'' | 0xE2 | b'T' | b'h' | b'-' | b'_')) {
            hits.push(line.start + (s.len() - t.len()));
        }
    }
    crate::sort::sort(&mut hits);
    for mut i in hits {
        let rest = text.get(i..).unwrap_or("");
        if rest.starts_with("s-Gravenhage") {
            // "’s-Gravenhage" inside a long line: the run starts at the apostrophe.
            let Some(q) = text.get(..i).and_then(|b| b.chars().next_back()) else { continue };
            if q != '’' && q != '\'' {
                continue;
            }
            i -= q.len_utf8();
        }
        if out.last().is_some_and(|f| f.start <= i && i < f.end) {
            continue;
        }
        let rest = text.get(i..).unwrap_or("");
        let literal = [
            "ah-tk-",
            "kv-tk-",
            "ISSN",
            "’s-Gravenhage",
            "'s-Gravenhage",
            "Tweede Kamer, vergaderjaar",
            "h tk ",
            "---",
            "___",
        ];
        if !literal.iter().any(|l| rest.starts_with(l)) {
            continue;
        }
        let (start, end) = line_window(text, i);
        if matches!(text.as_bytes().get(i), Some(b'h' | b'-' | b'_')) {
            // Markdown page marks: "h tk 20232024 387", "-----".
            let t = text.get(i..end).unwrap_or("").trim_end();
            if t.len() < 40 && md_footer_re().is_match(t) {
                out.push(Span::new(i, i + t.len()));
            }
            continue;
        }
        let Some(line) = text.get(start..end) else { continue };
        if let Some(e) = footer_run(line, i - start) {
            let ends_line = line.get(e..).is_some_and(|r| r.trim().is_empty());
            let e = start + e;
            let page = if ends_line { page_number_after(text, e) } else { None };
            out.push(Span::new(i, page.unwrap_or(e)));
        }
    }
}

/// The masthead at the start of the text, if any.
fn masthead(text: &str) -> Option<Span> {
    let w = window(text, 0, 1200);
    let m = masthead_re().find(w)?;
    let s = m.as_str();
    if !(s.contains("Staten-Generaal") || s.contains("Vergaderjaar") || s.contains("Aanhangsel van de Handelingen")) {
        return None;
    }
    Some(trim_span(text, Span::new(m.start(), m.end())))
}

/// Finds the page furniture in `text`, in text order, not overlapping.
#[must_use]
pub fn find(text: &str) -> Vec<Furniture> {
    find_in(text, &lines(text).collect::<Vec<_>>())
}

/// [`find`] given the [`lines`] of `text` (the parser collects them once).
pub(crate) fn find_in(text: &str, lines: &[Span]) -> Vec<Furniture> {
    let mut out: Vec<Furniture> = Vec::new();
    let head = masthead(text);
    if let Some(span) = head {
        out.push(Furniture { kind: FurnitureKind::Masthead, span });
    }
    let body_start = head.map_or(0, |h| h.end);
    let mut footers_found: Vec<Span> = Vec::new();
    footers(text, body_start, lines, &mut footers_found);
    let mut footers = footers_found;
    crate::sort::sort(&mut footers);
    // Merge pieces separated only by white space.
    let mut merged: Vec<Span> = Vec::new();
    for f in footers {
        match merged.last_mut() {
            Some(last) if f.start >= last.end && Span::new(last.end, f.start).slice(text).trim().is_empty() => {
                last.end = last.end.max(f.end);
            }
            Some(last) if f.start < last.end => last.end = last.end.max(f.end),
            _ => merged.push(f),
        }
    }
    out.extend(merged.into_iter().map(|span| Furniture { kind: FurnitureKind::PageFooter, span }));
    crate::sort::by_key(&mut out, |f| (f.span.start, f.span.end, 0));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::body_segments;

    fn covered(text: &str) -> Vec<&str> {
        find(text).iter().map(|f| f.span.slice(text)).collect()
    }

    #[test]
    fn masthead_and_pdf_footer() {
        let text = "Tweede Kamer der Staten-Generaal\n\nVergaderjaar 2023–2024 \n\nAanhangsel van de Handelingen \n\n2\n\nVragen gesteld door de leden der Kamer, met de daarop door de \nregering gegeven antwoorden \n\n1314 \n\nVragen van het lid X (CDA).\n\nVraag 1\nWat?\n\nah-tk-20232024-1314\nISSN 0921 - 7398\n’s-Gravenhage 2024\n\nTweede Kamer, vergaderjaar 2023–2024, Aanhangsel\n\n1\n\n \n\u{c}Antwoord 1\nJa.\n";
        let got = covered(text);
        assert_eq!(got.len(), 2);
        assert!(got[0].starts_with("Tweede Kamer der") && got[0].ends_with("1314"));
        assert!(got[1].starts_with("ah-tk-") && got[1].ends_with("Aanhangsel\n\n1"));
    }

    #[test]
    fn footer_glued_to_heading_leaves_the_heading() {
        let text = "tekst\nah-tk-20222023-3649\nISSN 0921 - 7398’s-Gravenhage 2023Tweede Kamer, vergaderjaar 2022–2023, Aanhangsel 1Antwoord 3\nBinnen\n";
        let f = find(text);
        assert_eq!(
            f[0].span.slice(text),
            "ah-tk-20222023-3649\nISSN 0921 - 7398’s-Gravenhage 2023Tweede Kamer, vergaderjaar 2022–2023, Aanhangsel 1"
        );
        let segs: Vec<&str> = body_segments(text, &f).iter().map(|s| s.span.slice(text)).collect();
        assert!(segs.contains(&"Antwoord 3"));
    }

    #[test]
    fn flat_footer_in_running_text() {
        let text = "nr. 70 ah-tk-20142015-698 ISSN 0921 - 7398 ’s-Gravenhage 2014 Tweede Kamer, vergaderjaar 2014–2015, Aanhangsel 1 gegeven aan verzekerden?";
        assert_eq!(
            covered(text),
            ["ah-tk-20142015-698 ISSN 0921 - 7398 ’s-Gravenhage 2014 Tweede Kamer, vergaderjaar 2014–2015, Aanhangsel 1"]
        );
    }

    #[test]
    fn citations_are_not_footers() {
        let text = "1 Tweede Kamer, vergaderjaar 2023–2024, 21 501-20, nr. 2068\nzie ah-tk-20232024-1283 voor\nRechtbank ’s-Gravenhage 2019 oordeelde\n";
        assert!(find(text).is_empty());
    }

    #[test]
    fn markdown_page_marks() {
        let text = "# 2\n\n#### Vergaderjaar 2023–2024 Aanhangsel van de Handelingen\n\n**Vragen gesteld door de leden der Kamer, met de daarop door de**\n**regering gegeven antwoorden**\n\n### 387\n\nVragen van\n\nh tk 20232024 387\n\n\n-----\n\nverder";
        let got = covered(text);
        assert!(got[0].starts_with("# 2") && got[0].ends_with("### 387"), "{got:?}");
        assert_eq!(got[1], "h tk 20232024 387\n\n\n-----");
    }
}
