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

use crate::model::{Furniture, FurnitureKind, Span};
use regex::Regex;
use std::sync::OnceLock;

fn masthead_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^(?:[\s#*>]+|Tweede Kamer der Staten-Generaal|Vergaderjaar \d{4}\s?[–-]\s?\d{4}|Aanhangsel van de Handelingen|Vragen gesteld door de leden der Kamer(?:,[\s*]*met de daarop door de[\s*]*regering gegeven antwoorden)?|\d{4}Z ?\d{5}\s|\d{1,5}\s)+",
        )
        .expect("valid regex")
    })
}

fn tk_footer_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^Tweede Kamer, vergaderjaar \d{4}\s?[–-]\s?\d{4}, (?:Aanhangsel|Vragen)(?: ?(?<page>\d{1,3}))?")
            .expect("valid regex")
    })
}

fn issn_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^ISSN ?\d{4} ?[-–] ?\d{3}[\dX]").expect("valid regex"))
}

fn place_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^[’']s-Gravenhage \d{4}").expect("valid regex"))
}

fn id_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^(?:ah|kv)-tk-[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*").expect("valid regex"))
}

fn md_footer_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^(?:h tk \d{8} \d{1,5}|-{3,}|_{3,})$").expect("valid regex"))
}

/// A line of `text` (without its `\n`), as a span.
pub fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut at = 0;
    let len = text.len();
    std::iter::from_fn(move || {
        if at > len || (at == len && len > 0 && text.as_bytes().get(len - 1) == Some(&b'\n')) {
            return None;
        }
        let rest = text.get(at..).unwrap_or("");
        let end = rest.find('\n').map_or(len, |i| at + i);
        let span = Span::new(at, end);
        at = end + 1;
        Some(span)
    })
}

/// A short slice of `s` from byte `i` (at most `n` bytes, on a char boundary).
fn window(s: &str, i: usize, n: usize) -> &str {
    let mut end = (i + n).min(s.len());
    while end > i && !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(i..end).unwrap_or("")
}

fn skip_ws(s: &str, i: usize) -> usize {
    let rest = s.get(i..).unwrap_or("");
    i + (rest.len() - rest.trim_start().len())
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
    if let Some(m) = id_re().find(w) {
        return Some((Piece::Id, i + m.end()));
    }
    if let Some(m) = issn_re().find(w) {
        return Some((Piece::Issn, i + m.end()));
    }
    if let Some(m) = place_re().find(w) {
        return Some((Piece::Place, i + m.end()));
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
/// space), if it is a real footer there.
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

const ANCHORS: [&str; 5] = ["ah-tk-", "kv-tk-", "ISSN", "s-Gravenhage", "Tweede Kamer, vergaderjaar"];

/// The page-footer spans on one line (absolute offsets).
fn footers_on_line(text: &str, line: Span, out: &mut Vec<Span>) {
    let s = line.slice(text);
    let t = s.trim();
    if t.is_empty() {
        return;
    }
    if t.len() < 40 && md_footer_re().is_match(t) {
        let lead = s.len() - s.trim_start().len();
        out.push(Span::new(line.start + lead, line.start + lead + t.len()));
        return;
    }
    let mut found: Vec<Span> = Vec::new();
    for anchor in ANCHORS {
        for (k, _) in s.match_indices(anchor) {
            // "’s-Gravenhage": the run starts at the apostrophe.
            let mut i = k;
            if anchor == "s-Gravenhage" {
                let Some(q) = s.get(..k).and_then(|b| b.chars().next_back()) else { continue };
                if q != '’' && q != '\'' {
                    continue;
                }
                i = k - q.len_utf8();
            }
            if found.iter().any(|f| f.start <= line.start + i && line.start + i < f.end) {
                continue;
            }
            if let Some(end) = footer_run(s, i) {
                found.push(Span::new(line.start + i, line.start + end));
            }
        }
    }
    out.extend(found);
}

/// The masthead at the start of the text, if any.
fn masthead(text: &str) -> Option<Span> {
    let w = window(text, 0, 1200);
    let m = masthead_re().find(w)?;
    let s = m.as_str();
    if !(s.contains("Staten-Generaal") || s.contains("Vergaderjaar") || s.contains("Aanhangsel van de Handelingen")) {
        return None;
    }
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    Some(Span::new(m.start() + lead, m.start() + lead + trimmed.len()))
}

/// Finds the page furniture in `text`, in text order, not overlapping.
#[must_use]
pub fn find(text: &str) -> Vec<Furniture> {
    let mut out: Vec<Furniture> = Vec::new();
    let head = masthead(text);
    if let Some(span) = head {
        out.push(Furniture { kind: FurnitureKind::Masthead, span });
    }
    let body_start = head.map_or(0, |h| h.end);
    let mut footers: Vec<Span> = Vec::new();
    // Whether the last non-blank line ended in a footer (a lone page number may follow).
    let mut after_footer = false;
    for line in lines(text) {
        if line.end <= body_start {
            continue;
        }
        let line = Span::new(line.start.max(body_start), line.end);
        let s = line.slice(text);
        let t = s.trim();
        if t.is_empty() {
            continue;
        }
        if after_footer && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()) {
            let lead = s.len() - s.trim_start().len();
            footers.push(Span::new(line.start + lead, line.start + lead + t.len()));
            after_footer = false;
            continue;
        }
        let before = footers.len();
        footers_on_line(text, line, &mut footers);
        after_footer = footers.len() > before
            && footers.last().is_some_and(|f| Span::new(f.end, line.end).slice(text).trim().is_empty());
    }
    footers.sort();
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
    out.sort_by_key(|f| f.span);
    out
}

/// A piece of a body line: the line with the furniture on it cut out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub span: Span,
    /// Furniture was cut out between the previous segment and this one (a
    /// page break lies between them).
    pub after_furniture: bool,
}

/// The body of `text`: each line with the furniture on it cut out, in text
/// order (a footer glued to a heading leaves the heading as a segment of its
/// own; blank lines stay as empty segments). `furniture` must be sorted.
#[must_use]
pub fn body_segments(text: &str, furniture: &[Furniture]) -> Vec<Segment> {
    let spans: Vec<Span> = furniture.iter().map(|f| f.span).collect();
    segments(text, &spans)
}

/// Like [`body_segments`], cutting out any sorted list of spans (furniture
/// and footnote definitions).
#[must_use]
pub fn segments(text: &str, excluded: &[Span]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut k = 0;
    let mut pending = false;
    for line in lines(text) {
        while k < excluded.len() && excluded[k].end <= line.start {
            k += 1;
        }
        let mut at = line.start;
        let mut j = k;
        let mut cut = false;
        while j < excluded.len() && excluded[j].start < line.end.max(line.start + 1) {
            let f = excluded[j];
            if f.start > at {
                out.push(Segment { span: Span::new(at, f.start), after_furniture: pending });
            }
            at = at.max(f.end);
            cut = true;
            pending = true;
            if f.end > line.end {
                break;
            }
            j += 1;
        }
        if at < line.end {
            out.push(Segment { span: Span::new(at, line.end), after_furniture: pending });
            pending = false;
        } else if !cut {
            out.push(Segment { span: line, after_furniture: pending });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
