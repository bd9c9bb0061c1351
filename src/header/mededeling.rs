//! The postponement notice: a "Mededeling" on a line of its own, after the
//! questions, found anywhere in the text with one linear search.
//!
//! ```text
//! notice := "Mededeling" " van " respondents … (up to furniture, a footnote or a heading)
//! ```
//!
//! "Mededeling van Minister De Jonge (…) (ontvangen 7 juni 2024)"; a
//! "Mededeling" inside a sentence is not a notice.

use super::*;

/// Lines that end a notice: page furniture, a footnote definition, a heading.
pub(super) fn ends_notice(line: &str) -> bool {
    let t = line.trim_start();
    if ["Tweede Kamer, vergaderjaar", "ah-tk-", "kv-tk-", "ISSN", "’s-Gravenhage", "'s-Gravenhage"]
        .iter()
        .any(|p| t.starts_with(p))
    {
        return true;
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let after = t[digits..].trim_start_matches(' ');
        return after.chars().next().is_some_and(char::is_uppercase);
    }
    let lower = crate::text::lowercase(t);
    (lower.starts_with("vraag ") || lower.starts_with("antwoord "))
        && t.split_whitespace().nth(1).is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
}

/// Whether `text[at..at + len]` stands on a line of its own (white space and a
/// trailing ":" allowed). Scans only the white space around it.
pub(super) fn on_own_line(text: &str, at: usize, len: usize) -> Option<(usize, usize)> {
    let before = text.get(..at)?;
    let mut line_start = 0;
    for (i, c) in before.char_indices().rev() {
        if c == '\n' {
            line_start = i + 1;
            break;
        }
        if !c.is_whitespace() {
            return None;
        }
    }
    let after = text.get(at + len..)?;
    let mut line_end = text.len();
    for (i, c) in after.char_indices() {
        if c == '\n' {
            line_end = at + len + i;
            break;
        }
        if !(c.is_whitespace() || (c == ':' && i == 0)) {
            return None;
        }
    }
    Some((line_start, line_end))
}

/// A "Mededeling" on a line of its own and the notice under it, up to page
/// furniture, a footnote definition or a heading.
pub(super) fn find_mededeling(text: &str, furniture: &[Furniture]) -> Option<Span> {
    const WORD: &str = "Mededeling";
    for (at, _) in text.match_indices(WORD) {
        let Some((_, line_end)) = on_own_line(text, at, WORD.len()) else { continue };
        let limit = floor_boundary(text, line_end.saturating_add(MEDEDELING_CAP));
        let limit = furniture.iter().map(|f| f.span.start).filter(|s| *s > at).min().map_or(limit, |s| s.min(limit));
        let mut end = line_end;
        let mut pos = line_end;
        let mut body = false;
        while pos < limit {
            let next_nl = sl(text, pos + 1, limit).find('\n').map_or(limit, |i| pos + 1 + i);
            let line = sl(text, (pos + 1).min(next_nl), next_nl);
            if body && ends_notice(line) {
                break;
            }
            if !line.trim().is_empty() {
                body = true;
                end = pos + 1 + line.trim_end().len();
            }
            pos = next_nl;
        }
        return Some(Span::new(at, end.min(text.len()).max(at + WORD.len())));
    }
    None
}
