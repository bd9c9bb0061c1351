//! Re-anchoring: where an answer of an imported file is in a text that
//! changed since (re-pasted from another PDF converter, edited).
//!
//! In order: the answer's whole text ("Ja, de Inlichtingen- en
//! Veiligheidsdienst heeft …") nearest where it would be if the texts differed
//! evenly (`quote`); its first and last 48 characters (`head-tail`); its
//! joined text compared with each current answer's, white space squashed
//! (`text`). A file whose text shares fewer than half its lines with the
//! current one belongs to a different document ([`shared_lines`]).

use super::*;

/// Finds where the file's answer `a` is in `target` and returns the current
/// answer there.
pub(super) fn reanchor<'d>(
    file: &File,
    index: &OffsetIndex,
    a: &FileAnswer,
    target: &str,
    answers: &'d [Block],
) -> Option<(&'d Block, &'static str)> {
    let span = Span::new(index.from_char(a.start), index.from_char(a.end));
    let quote = span.slice(&file.text);
    // Where it would be if the texts differed evenly.
    let expected = scale(span.start, file.text.len(), target.len());
    if !quote.trim().is_empty() {
        if let Some(at) = nearest(target, quote, expected) {
            if let Some(b) = answer_at(answers, Span::new(at, at + quote.len())) {
                return Some((b, "quote"));
            }
        }
        let n = HEAD.min(quote.chars().count() / 2);
        let head = prefix_chars(quote, n);
        let tail = suffix_chars(quote, n);
        if head.trim().chars().count() >= 12 {
            if let Some(at) = nearest(target, head, expected) {
                let mut end = at + head.len();
                let limit = at.saturating_add(quote.len().saturating_mul(2));
                if let Some(t) = target.get(end..).and_then(|rest| rest.find(tail)) {
                    if end + t + tail.len() <= limit {
                        end += t + tail.len();
                    }
                }
                if let Some(b) = answer_at(answers, Span::new(at, end)) {
                    return Some((b, "head-tail"));
                }
            }
            let tail_expected = scale(span.end.saturating_sub(tail.len()), file.text.len(), target.len());
            if let Some(at) = nearest(target, tail, tail_expected) {
                if let Some(b) = answer_at(answers, Span::new(at, at + tail.len())) {
                    return Some((b, "head-tail"));
                }
            }
        }
    }
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let wanted = squash(&a.text);
    if wanted.is_empty() {
        return None;
    }
    answers.iter().find(|b| squash(&b.text) == wanted).map(|b| (b, "text"))
}

pub(super) fn scale(pos: usize, from_len: usize, to_len: usize) -> usize {
    if from_len == 0 {
        return 0;
    }
    // u128: no overflow for any text size.
    usize::try_from(pos as u128 * to_len as u128 / from_len as u128).unwrap_or(to_len)
}

/// The byte offset of the occurrence of `needle` in `hay` nearest `expected`.
pub(super) fn nearest(hay: &str, needle: &str, expected: usize) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    hay.match_indices(needle).map(|(i, _)| i).take(10_000).min_by_key(|&i| i.abs_diff(expected))
}

/// The answer whose extent (heading included) overlaps `span` most.
pub(super) fn answer_at(answers: &[Block], span: Span) -> Option<&Block> {
    answers
        .iter()
        .map(|b| {
            let start = if b.heading.is_empty() { b.span.start } else { b.heading.start.min(b.span.start) };
            let ext = Span::new(start, b.span.end);
            (b, ext.end.min(span.end).saturating_sub(ext.start.max(span.start)))
        })
        .filter(|(_, overlap)| *overlap > 0)
        .max_by_key(|(_, overlap)| *overlap)
        .map(|(b, _)| b)
}

/// (lines of `a` found in `b`, non-blank lines of the text with more).
pub(super) fn shared_lines(a: &str, b: &str) -> (usize, usize) {
    if a == b {
        let n = a.lines().filter(|l| !l.trim().is_empty()).count();
        return (n, n);
    }
    // A set, not a sorted list: no sort of strings in the wasm (see `crate::sort`).
    let lines_b: Vec<&str> = b.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let set_b: std::collections::HashSet<&str> = lines_b.iter().copied().collect();
    let (mut total, mut shared) = (0usize, 0usize);
    for line in a.lines().map(str::trim).filter(|l| !l.is_empty()) {
        total += 1;
        if set_b.contains(line) {
            shared += 1;
        }
    }
    // Out of the longer text's lines: a short text whose few lines ("Ja.")
    // occur in a long one is still a different text.
    (shared, total.max(lines_b.len()))
}
