//! The header: askers, addressees, respondents, dates, document id.
//!
//! (Skeleton: askers "het lid X (P)" and the two dates so far; issue #3 adds
//! the rest.)

use crate::dates::parse_day_month_year;
use crate::model::{Asker, DocKind, Furniture, Header, HeaderDate, Span};
use regex::Regex;
use std::sync::OnceLock;

/// What the header parser gets to see.
#[derive(Clone, Copy, Debug)]
pub struct HeaderInput<'a> {
    /// Where the header ends: the first block heading, or the end of the text.
    pub end: usize,
    /// Page furniture already recognised (the masthead holds the id).
    pub furniture: &'a [Furniture],
    /// How many answer blocks the document has.
    pub answer_blocks: usize,
    /// How many question blocks the document has.
    pub question_blocks: usize,
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("valid regex"))
}

fn header_date(text: &str, end: usize, word: &str) -> Option<HeaderDate> {
    let head = text.get(..end)?;
    let at = head.find(&format!("({word}"))?;
    let close = head[at..].find(')').map_or(head.len(), |i| at + i + 1);
    let span = Span::new(at, close);
    Some(HeaderDate { iso: parse_day_month_year(span.slice(text))?, span })
}

/// Parses the header in `text[..input.end]`.
#[must_use]
pub fn parse(text: &str, input: &HeaderInput<'_>) -> Header {
    static ASKER: OnceLock<Regex> = OnceLock::new();
    let end = input.end.min(text.len());
    let head = text.get(..end).unwrap_or("");
    let askers = re(&ASKER, r"het lid ([A-ZÀ-Þ][\w’'-]*(?: [\w’'-]+)*?)\s*\(([^)]+)\)")
        .captures_iter(head)
        .filter_map(|c| {
            let name = c.get(1)?;
            Some(Asker {
                name: name.as_str().to_string(),
                party: c[2].to_string(),
                span: Span::new(name.start(), name.end()),
            })
        })
        .collect();
    let kind = if input.answer_blocks > 0 {
        DocKind::Answers
    } else if input.question_blocks > 0 {
        DocKind::Questions
    } else {
        DocKind::Other
    };
    Header {
        kind,
        askers,
        submitted: header_date(text, end, "ingezonden"),
        received: header_date(text, end, "ontvangen"),
        ..Header::default()
    }
}
