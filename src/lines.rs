//! The line index: the lines of a text as spans, found once per parse, and
//! the body segments that remain when page furniture and footnote
//! definitions are cut out of them.
//!
//! ```text
//! text    = { line "\n" } [ line ]
//! segment = a line, or the piece of a line between two cut-out spans
//! ```
//!
//! "…, Aanhangsel 1Antwoord 3" with the footer "ah-tk-…, Aanhangsel 1" cut
//! out leaves the segment "Antwoord 3" (`after_furniture`: a page break lies
//! before it), so the heading is found as if it stood on a line of its own.
//! Blank lines stay as empty segments (paragraph breaks).
//!
//! PDFium (Chrome, Edge) gives no line break where it broke a word: it
//! writes U+FFFE instead ("gegevensuitwisse￾ling, sturen …"), and where a
//! page ends inside a word the next thing after U+FFFE is that page's first
//! footnote ("zorgaanbie￾5 Kamerstukken II …"). A line ends right after each
//! U+FFFE (`line = { char } "\u{fffe}"` as well), so the finders see the
//! lines the page had: "5 Kamerstukken II …" opens a line of its own.

use crate::model::{Furniture, Span};

/// A line of `text` (without its `\n`; with its U+FFFE), as a span.
pub fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut at = 0;
    let len = text.len();
    std::iter::from_fn(move || {
        if at > len || (at == len && len > 0 && (text.ends_with('\n') || text.ends_with('\u{fffe}'))) {
            return None;
        }
        let (end, next) = crate::text::line_end(text.as_bytes(), at);
        let span = Span::new(at, end);
        at = next;
        Some(span)
    })
}

/// A piece of a body line: the line with the furniture on it cut out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub span: Span,
    /// Furniture was cut out between the previous segment and this one (a
    /// page break lies between them).
    pub after_furniture: bool,
    /// The whole line the segment is part of.
    pub line: Span,
}

/// The body of `text`: each line with the furniture on it cut out, in text
/// order (a footer glued to a heading leaves the heading as a segment of its
/// own; blank lines stay as empty segments). `furniture` must be sorted.
#[must_use]
pub fn body_segments(text: &str, furniture: &[Furniture]) -> Vec<Segment> {
    let spans: Vec<Span> = furniture.iter().map(|f| f.span).collect();
    segments(text, &spans)
}

/// [`body_segments`] given the [`lines`] of `text`.
pub(crate) fn body_segments_in(lines: &[Span], furniture: &[Furniture]) -> Vec<Segment> {
    let spans: Vec<Span> = furniture.iter().map(|f| f.span).collect();
    segments_in(lines.iter().copied(), &spans)
}

/// Like [`body_segments`], cutting out any sorted list of spans (furniture
/// and footnote definitions).
#[must_use]
pub fn segments(text: &str, excluded: &[Span]) -> Vec<Segment> {
    segments_in(lines(text), excluded)
}

/// [`segments`] over the [`lines`] of a text.
pub(crate) fn segments_in(lines: impl Iterator<Item = Span>, excluded: &[Span]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut k = 0;
    let mut pending = false;
    for line in lines {
        while k < excluded.len() && excluded[k].end <= line.start {
            k += 1;
        }
        let mut at = line.start;
        let mut j = k;
        let mut cut = false;
        while j < excluded.len() && excluded[j].start < line.end.max(line.start + 1) {
            let f = excluded[j];
            if f.start > at {
                out.push(Segment { span: Span::new(at, f.start), after_furniture: pending, line });
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
            out.push(Segment { span: Span::new(at, line.end), after_furniture: pending, line });
            pending = false;
        } else if !cut {
            out.push(Segment { span: line, after_furniture: pending, line });
        }
    }
    out
}
