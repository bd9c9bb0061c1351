//! Where a correction is in the current text: at its offsets when its
//! quote (and, for a point, its context) is still there; else re-anchored by
//! quote, nearest where it was: `prefix + quote + suffix`, then the quote
//! alone (at least 4 characters), then for a point `prefix + suffix`, then
//! the suffix or the prefix alone (at least 12 characters).
//!
//! [`anchor`] builds the anchor of a new correction from a byte span;
//! [`anchor_utf16`] from the page's UTF-16 offsets (a DOM selection).

use super::{cp, At, Correction, CONTEXT};
use crate::model::Span;
use crate::offsets::OffsetIndex;

/// A correction of `kind` anchored at the byte span `span` of `text`: its
/// offsets in code points, its quote and up to [`CONTEXT`] characters of
/// context either side. The payload is left empty.
#[must_use]
pub fn anchor(text: &str, index: &OffsetIndex, span: Span) -> Correction {
    let span = snap(text, span);
    let (start, end) = cp(index, span);
    let before = text.get(..span.start).unwrap_or("");
    let after = text.get(span.end..).unwrap_or("");
    let from = before.char_indices().rev().nth(CONTEXT - 1).map_or(0, |(i, _)| i);
    let to = after.char_indices().nth(CONTEXT).map_or(after.len(), |(i, _)| i);
    Correction {
        start,
        end,
        quote: span.slice(text).to_string(),
        prefix: before.get(from..).unwrap_or("").to_string(),
        suffix: after.get(..to).unwrap_or("").to_string(),
        ..Correction::default()
    }
}

/// [`anchor`] for the UTF-16 range `start..end` (a selection in the page).
#[must_use]
pub fn anchor_utf16(text: &str, start: usize, end: usize) -> Correction {
    let index = OffsetIndex::new(text);
    let (a, b) = (index.from_utf16(start), index.from_utf16(end));
    anchor(text, &index, Span::new(a.min(b), a.max(b)))
}

/// `span` clamped to `text` and to char boundaries.
fn snap(text: &str, span: Span) -> Span {
    let down = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (s, e) = (down(span.start), down(span.end));
    Span::new(s.min(e), e.max(s))
}

/// Where `c` is in `text` (None: not found).
pub(super) fn locate(text: &str, index: &OffsetIndex, c: &Correction) -> Option<At> {
    let span = Span::new(index.from_char(c.start), index.from_char(c.end));
    let point = c.quote.is_empty();
    let here = c.start <= c.end
        && span.slice(text) == c.quote
        && (!point
            || (text.get(..span.start).unwrap_or("").ends_with(&c.prefix)
                && text.get(span.end..).unwrap_or("").starts_with(&c.suffix)));
    if here {
        return Some(At { span });
    }
    let expected = span.start;
    let whole = format!("{}{}{}", c.prefix, c.quote, c.suffix);
    if let Some(at) = nearest(text, &whole, expected.saturating_sub(c.prefix.len())) {
        let s = at + c.prefix.len();
        return Some(At { span: Span::new(s, s + c.quote.len()) });
    }
    if !point {
        return (c.quote.chars().count() >= 4)
            .then(|| nearest(text, &c.quote, expected))
            .flatten()
            .map(|s| At { span: Span::new(s, s + c.quote.len()) });
    }
    if c.suffix.trim().chars().count() >= 12 {
        if let Some(s) = nearest(text, &c.suffix, expected) {
            return Some(At { span: Span::new(s, s) });
        }
    }
    if c.prefix.trim().chars().count() >= 12 {
        if let Some(at) = nearest(text, &c.prefix, expected.saturating_sub(c.prefix.len())) {
            let s = at + c.prefix.len();
            return Some(At { span: Span::new(s, s) });
        }
    }
    None
}

/// The byte offset of the occurrence of `needle` in `hay` nearest `expected`.
fn nearest(hay: &str, needle: &str, expected: usize) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    hay.match_indices(needle).map(|(i, _)| i).take(10_000).min_by_key(|&i| i.abs_diff(expected))
}
