//! The reading view's line breaks: which source line breaks of a text flow
//! show as a space, as nothing or as a paragraph break, so that the page can
//! show a block as paragraphs of running text while every span, offset and
//! highlight stays that of the text as pasted.
//!
//! A flow is a block's parts (page furniture and footnotes left out, so an
//! answer cut by a page footer reads as one text), a footnote, or the text
//! between two blocks. Between two non-empty lines of a flow the break is
//!
//! - [`Break::Join`] (shown as nothing): a word broken at the line end
//!   ("besprekin-⏎gen." → "besprekingen.", the one rule of
//!   [`crate::text`]; the hyphen and the break are the piece), a hyphen that
//!   stays ("Oost-⏎Jeruzalem"), a line of closing punctuation ("TNO) 12⏎."), a
//!   URL split over lines;
//! - [`Break::Para`] (a paragraph break): the line ends a sentence
//!   ("…mitigeren.", "gepubliceerd.5") and the next opens one (a capital, a
//!   digit), after a blank line or a line clearly shorter than the flow's
//!   longest (a PDF's last line of a paragraph); or the next line is a list
//!   item ("- ", "• ", "a. ", "1) ");
//! - otherwise a space: nothing is marked (the page folds white space).
//!
//! A break's piece is the white space between the two lines, minus furniture
//! and footnotes (hidden in the reading view), so it may be cut in several.
//!
//! ```
//! use kamervragen::reading::{breaks, Break};
//! let text = "Vraag 1\nWat?\n\nAntwoord 1\nNiet in te gaan op de besprekin-\ngen van juli.\n";
//! let found = breaks(text, &kamervragen::parse(text));
//! assert_eq!(found.len(), 1);
//! assert_eq!((found[0].span.slice(text), found[0].kind), ("-\n", Break::Join));
//! ```

use crate::model::{Document, RefKind, Span};
use crate::text::{self, Hyphen};

/// How the reading view shows a line break.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Break {
    /// Nothing: the lines join without a space.
    Join,
    /// A paragraph break.
    Para,
}

/// One piece of a line break, in byte offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    pub span: Span,
    pub kind: Break,
}

/// A non-empty line of a flow (trimmed), and whether a blank line of the same
/// part comes before it.
struct Line {
    span: Span,
    blank_before: bool,
    chars: usize,
}

/// The line breaks of every flow of `doc` (parsed from `text`) that do not
/// show as a space, flow by flow (each flow's in text order).
#[must_use]
pub fn breaks(text: &str, doc: &Document) -> Vec<Piece> {
    let mut furniture: Vec<Span> = doc.furniture.iter().map(|f| f.span).collect();
    crate::sort::by_key(&mut furniture, by_start);
    let mut hidden: Vec<Span> =
        doc.furniture.iter().map(|f| f.span).chain(doc.footnotes.iter().map(|f| f.span)).collect();
    crate::sort::by_key(&mut hidden, by_start);
    // The parse sorts its references by start.
    let urls: Vec<Span> = doc.references.iter().filter(|r| r.kind == RefKind::Url).map(|r| r.span).collect();
    let ctx = Ctx { text, hidden: &hidden, urls: &urls };
    let mut out = Vec::new();
    for b in doc.questions.iter().chain(&doc.answers) {
        ctx.flow(&b.parts, &mut out);
    }
    // A footnote's own lines: only furniture is left out of it.
    let notes = Ctx { text, hidden: &furniture, urls: &urls };
    for f in &doc.footnotes {
        notes.flow(&[f.span], &mut out);
    }
    // The text between blocks (the header, the introductions), furniture and footnotes left out.
    for region in between_blocks(text, doc) {
        let mut parts = Vec::new();
        ctx.visible(region, &mut |s| parts.push(s));
        ctx.flow(&parts, &mut out);
    }
    out
}

/// The sort key of a span: by start (one sort instantiation for all).
fn by_start(s: &Span) -> (usize, usize, usize) {
    (s.start, s.end, 0)
}

/// The stretches of text outside every question and answer block (heading
/// included): the header, an introduction, what follows the last answer.
#[must_use]
pub fn between_blocks(text: &str, doc: &Document) -> Vec<Span> {
    let mut blocks: Vec<Span> = doc
        .questions
        .iter()
        .chain(&doc.answers)
        .map(|b| {
            Span::new(if b.heading.is_empty() { b.span.start } else { b.heading.start }, b.span.end.max(b.heading.end))
        })
        .collect();
    crate::sort::by_key(&mut blocks, by_start);
    let mut out = Vec::new();
    let mut at = 0;
    for b in &blocks {
        if b.start > at {
            out.push(Span::new(at, b.start));
        }
        at = at.max(b.end);
    }
    if at < text.len() {
        out.push(Span::new(at, text.len()));
    }
    out
}

struct Ctx<'a> {
    text: &'a str,
    /// Furniture and footnotes, sorted by start.
    hidden: &'a [Span],
    /// URL references, sorted by start.
    urls: &'a [Span],
}

impl Ctx<'_> {
    /// Calls `f` with the pieces of `span` outside the hidden spans.
    fn visible(&self, span: Span, f: &mut dyn FnMut(Span)) {
        let mut at = span.start;
        let first = self.hidden.partition_point(|h| h.end <= span.start);
        for h in self.hidden.get(first..).unwrap_or(&[]).iter().take_while(|h| h.start < span.end) {
            if h.start > at {
                f(Span::new(at, h.start));
            }
            at = at.max(h.end);
        }
        if at < span.end {
            f(Span::new(at, span.end));
        }
    }

    fn inside_url(&self, gap: Span) -> bool {
        let first = self.urls.partition_point(|u| u.end <= gap.start);
        self.urls.get(first..).unwrap_or(&[]).iter().take_while(|u| u.start < gap.start).any(|u| u.end > gap.end)
    }

    /// The breaks between the lines of one flow.
    fn flow(&self, parts: &[Span], out: &mut Vec<Piece>) {
        let mut lines = Vec::new();
        for &part in parts {
            lines_of(self.text, part, &mut lines);
        }
        let longest = lines.iter().map(|l| l.chars).max().unwrap_or(0);
        for pair in lines.windows(2) {
            let (l, n) = (&pair[0], &pair[1]);
            let (line, next) = (l.span.slice(self.text), n.span.slice(self.text));
            let gap = Span::new(l.span.end, n.span.start);
            // A URL split over lines: "…barring-chinese-⏎software-…" joins, its hyphens kept.
            let (kind, from) = match text::hyphen_after(line, next) {
                _ if self.inside_url(gap) => (Some(Break::Join), gap.start),
                // The hyphen goes with the break: "besprekin-⏎gen".
                Hyphen::Drop => (Some(Break::Join), l.span.end - line.chars().next_back().map_or(0, char::len_utf8)),
                Hyphen::Keep => (Some(Break::Join), gap.start),
                Hyphen::None if next.bytes().all(|b| matches!(b, b'.' | b',' | b';' | b':')) => {
                    (Some(Break::Join), gap.start)
                }
                Hyphen::None if paragraph(line, next, n.blank_before, l.chars, longest) => {
                    (Some(Break::Para), gap.start)
                }
                Hyphen::None => (None, gap.start),
            };
            let Some(kind) = kind else { continue };
            let mut first = true;
            self.visible(Span::new(from, gap.end), &mut |span| {
                // A paragraph break once; the white space after the furniture folds into it.
                if kind == Break::Join || first {
                    out.push(Piece { span, kind });
                }
                first = false;
            });
        }
    }
}

/// The non-empty lines of `part` (a U+FFFE ends a line too: [`text::line_end`]).
fn lines_of(text: &str, part: Span, out: &mut Vec<Line>) {
    let bytes = text.as_bytes();
    let mut at = part.start;
    let mut blank = false;
    while at < part.end {
        let (end, next) = text::line_end(bytes, at);
        let line = text::trim_span(text, Span::new(at, end.min(part.end)));
        if line.is_empty() {
            blank = !out.is_empty();
        } else {
            let s = line.slice(text);
            let chars = if s.is_ascii() { s.len() } else { s.chars().count() };
            out.push(Line { span: line, blank_before: blank, chars });
            blank = false;
        }
        at = next;
    }
}

/// Whether the break between `line` and `next` is a paragraph break (see the module doc).
fn paragraph(line: &str, next: &str, blank: bool, chars: usize, longest: usize) -> bool {
    if list_item(next) {
        return true;
    }
    let opens = next.chars().next().is_some_and(|c| capital(c) || c.is_ascii_digit() || "‘“'\"(".contains(c));
    if !opens {
        return false;
    }
    if !ends_sentence(line) {
        // "Toelichting⏎⏎De …": a short line on its own before a blank line.
        return blank && chars * 2 < longest;
    }
    // A web page's copy: a paragraph a line.
    blank || longest > 150 || (longest >= 40 && chars * 4 < longest * 3)
}

/// "…mitigeren.", "…delen?4" (a footnote marker after the stop), "…2024).".
fn ends_sentence(line: &str) -> bool {
    let stops = ['.', '?', '!', ':', ';'];
    let bare = line.trim_end_matches(|c: char| c.is_ascii_digit());
    let line = if bare.len() < line.len() && bare.ends_with(stops) { bare } else { line };
    line.trim_end_matches([')', '”', '’', '"', '\'']).ends_with(stops) || line.ends_with(stops)
}

/// "- ", "• ", "– ", "a. ", "1. ", "b) ", "12) ".
fn list_item(line: &str) -> bool {
    let b = line.as_bytes();
    if let Some(rest) = ["- ", "• ", "– ", "— ", "· ", "* ", "▪ ", "◦ "].iter().find_map(|m| line.strip_prefix(m))
    {
        return !rest.is_empty();
    }
    let head = match b {
        [d, e, ..] if d.is_ascii_digit() && e.is_ascii_digit() => 2,
        // "a. ", "1) "; not "J. de Vries" (an initial).
        [c, ..] if c.is_ascii_lowercase() || c.is_ascii_digit() => 1,
        _ => return false,
    };
    matches!(b.get(head..head + 2), Some(b". " | b") "))
}

/// A capital opening a sentence: ASCII or Latin-1 ("É"), no Unicode case tables in the wasm.
fn capital(c: char) -> bool {
    c.is_ascii_uppercase() || (('\u{c0}'..='\u{de}').contains(&c) && c != '\u{d7}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<(&str, Break)> {
        breaks(text, &crate::pipeline::parse(text)).into_iter().map(|p| (p.span.slice(text), p.kind)).collect()
    }

    #[test]
    fn sentence_ends_and_list_items() {
        assert!(ends_sentence("mitigeren."));
        assert!(ends_sentence("gepubliceerd.5"));
        assert!(ends_sentence("(ingezonden 8 augustus 2024)."));
        assert!(!ends_sentence("21 501-20, nr. 2068"));
        assert!(list_item("- de eerste"));
        assert!(list_item("a. de eerste"));
        assert!(list_item("12) de eerste"));
        assert!(!list_item("De eerste"));
        assert!(!list_item("2024. Dat"));
        assert!(!list_item("J. de Vries"));
    }

    #[test]
    fn a_short_line_ending_a_sentence_ends_its_paragraph() {
        let text = "Vraag 1\nWat?\n\nAntwoord 1\nDe eerste regel van een antwoord dat lang genoeg is om\ntwee regels te vullen.\nDe tweede alinea begint hier en is ook een lange regel.\n";
        assert_eq!(shown(text), vec![("\n", Break::Para)]);
    }

    #[test]
    fn a_url_split_over_lines_in_a_footnote_joins_with_its_hyphen() {
        let text = "Vraag 1\nWat?1\n\nAntwoord 1\nJa.\n\n1 https://www.x.nl/barring-chinese-\nsoftware-vehicles/\n";
        assert_eq!(shown(text), vec![("\n", Break::Join)]);
    }

    #[test]
    fn a_blank_line_inside_a_sentence_is_a_space() {
        let text = "Vraag 1\nWat?\n\nAntwoord 1\nDe analyse van slimme voertuigen\n\nvoor de nationale veiligheid is gestart.\n";
        assert_eq!(shown(text), vec![]);
    }
}
