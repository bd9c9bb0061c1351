//! Dates mentioned in the text.
//!
//! (Skeleton: only full Dutch dates "8 augustus 2024" so far; issue #4 adds the
//! rest.)

use crate::model::{DateMention, Precision, Span};
use regex::Regex;
use std::sync::OnceLock;

/// What the date finder needs to know about the document.
#[derive(Clone, Debug, Default)]
pub struct DateContext {
    /// The document's own date (received, else submitted) as (year, month,
    /// day): "31 juli jl." is the most recent 31 July on or before it.
    pub anchor: Option<(i32, u32, u32)>,
    /// Spans where no date may be found (URLs, identifiers).
    pub skip: Vec<Span>,
}

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// The month number of a Dutch month name ("augustus" → 8), case-insensitive.
#[must_use]
pub fn month_from_name(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    MONTHS.iter().position(|m| *m == lower).map(|i| i as u32 + 1)
}

fn full_date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(\d{1,2})\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\s+(\d{4})\b")
            .expect("valid regex")
    })
}

/// Parses the first full date "8 augustus 2024" in `s` into "2024-08-08".
#[must_use]
pub fn parse_day_month_year(s: &str) -> Option<String> {
    let c = full_date_re().captures(s)?;
    let d: u32 = c[1].parse().ok()?;
    let m = month_from_name(&c[2])?;
    let y: i32 = c[3].parse().ok()?;
    (1..=31).contains(&d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Finds the dates in `text`.
#[must_use]
pub fn find(text: &str, ctx: &DateContext) -> Vec<DateMention> {
    full_date_re()
        .find_iter(text)
        .filter(|m| !ctx.skip.iter().any(|s| s.overlaps(Span::new(m.start(), m.end()))))
        .filter_map(|m| {
            Some(DateMention {
                span: Span::new(m.start(), m.end()),
                iso: parse_day_month_year(m.as_str())?,
                precision: Precision::Day,
                role: None,
            })
        })
        .collect()
}
