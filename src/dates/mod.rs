//! Dates mentioned in the text, normalised to ISO with a precision.
//!
//! One linear byte scan looks for the starts of digit runs and of words that
//! can open a date (month, weekday, "begin", "afgelopen", "Q" …); only there a
//! small hand-written parser reads a few tokens ahead. Inside the parse
//! that scan is the reference recognisers' word scan (`scan_with`). Whitespace between the
//! tokens of one date may hold one line break ("(ingezonden 5 juni⏎2024)").
//!
//! Grammar (tokens: words, digit runs, single punctuation characters):
//!
//! * day first: `[weekday [","]] D {("," | en | of | t/m | tot [en met] | - | –) D} MONTH [","] [YEAR | suffix]`
//!   — "8 augustus 2024", "d.d. 14 juli 2023" (the span starts at "14"),
//!   "27 september, 2023", glued "van21 februari jl." and "oktober2024",
//!   "14 juli 20235" (a footnote marker glued to the year: the year is 2023),
//!   "woensdag 31 juli jl.", "14, 15 en 16 maart jl." (three dates; a list
//!   needs a conjunction, so "Schiedam 24, 26 maart 2024" is one date),
//!   English "25 October 2024", abbreviations "3 okt. 2024" and unambiguous
//!   typos "21 febuari 2023" (one edit away from a long month name).
//! * suffix: "jl." / "j.l." / "jongstleden" (also glued: "jongstledentevens")
//!   → the most recent such day on or before the document's date; "a.s." /
//!   "aanstaande" → the next; "(van) dit / vorig / volgend jaar". Without a
//!   suffix ("Op 26 september vindt … plaats") the year is the document's,
//!   unless that lies more than half a year after the document's date ("op
//!   15 december" in an answer of January is last December).
//!   Dates inside the questions resolve against the date the questions were
//!   submitted, the rest against the received date.
//! * ranges and pairs: "1 juli t/m 30 september jl." → two dates, the first
//!   the most recent 1 July on or before the second; "1 januari 2024 t/m 31
//!   maart" → the second the first 31 March on or after the first.
//! * month first (English order): `MONTH D {(and | en | ",") D} [","] YEAR`
//!   — "Januari 25, 2023", "November 7 and 8, 2023".
//! * numeric: "12-10-2023", "(11-10-2024)", "peildatum: 30-09-2024",
//!   "12/10/2023", ISO "2024-10-12".
//! * month precision: "maart 2022", "juli jl.", "afgelopen november",
//!   "in april" (the document's year).
//! * year precision: a year after a time preposition ("in 2021", "sinds
//!   2019", "vanaf 2025"), "dit jaar", "vorig jaar".
//! * vague: "begin dit jaar", "medio 2024", "eind mei", "begin juli van dit
//!   jaar" (iso "2024-07"), "Q1 2024", "eerste kwartaal van 2025", "na de
//!   zomer", "in de zomer van 2023", "najaar 2024".
//!
//! Not dates: digits inside URLs and identifiers ("ah-tk-20232024-1481",
//! "2024Z18294", "ECLI:NL:RVS:2024:3946", ".../2023/september/18/..."), session
//! years ("vergaderjaar 2023–2024", "2023/24"), amounts, Kamerstuk numbers.
//! The caller passes the spans of recognised references in
//! [`DateContext::skip`]; local guards (a digit run touching "-", "/", ":" or
//! an identifier's letters) catch the rest.
//!
//! The parts: `tokens` (what the scanner reads), `words` (month and weekday
//! words), `scanner` (where a date may start; numeric dates, bare years,
//! months), `days` (day-first and month-first groups), `vague` (periods,
//! seasons, quarters), `resolve` (years, ranges, diagnostics). The day and
//! month names themselves are in [`crate::calendar`].
//!
//! A weekday that does not match the calendar ("dinsdag 31 juli 2024") and a
//! day that does not exist ("31 april 2024") become diagnostics. The calendar
//! arithmetic is chrono's.

use crate::anchors::Anchors;
use crate::calendar::{ENGLISH, MONTHS, WEEKDAYS, WEEKDAYS_EN};
use crate::model::{DateMention, Diagnostic, DiagnosticCode, Precision, Severity, Span};
use crate::text::char_before;
use chrono::{Datelike, NaiveDate};

mod days;
mod resolve;
mod scanner;
mod tokens;
mod vague;
mod words;

use days::*;
use resolve::*;
use scanner::*;
use tokens::*;
use words::*;

/// What the date finder needs to know about the document.
#[derive(Clone, Debug, Default)]
pub struct DateContext {
    /// The document's own date (received, else submitted) as (year, month,
    /// day): "31 juli jl." is the most recent 31 July on or before it.
    pub anchor: Option<(i32, u32, u32)>,
    /// The date the questions were written (submitted): dates inside
    /// [`DateContext::questions`] resolve against it instead of `anchor`.
    pub written_from: Option<(i32, u32, u32)>,
    /// The spans of the question blocks.
    pub questions: Vec<Span>,
    /// Spans where no date may be found (URLs, identifiers).
    pub skip: Vec<Span>,
}

/// The dates found and what was noticed about them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateScan {
    pub dates: Vec<DateMention>,
    /// Weekday mismatches and impossible days.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses the first full date with a year ("8 augustus 2024", "5 juni⏎2024",
/// "12-10-2023") in `s` into "2024-08-08".
#[must_use]
pub fn parse_day_month_year(s: &str) -> Option<String> {
    first_day_month_year(s).map(|(_, iso)| iso)
}

/// [`parse_day_month_year`] with where the date stands in `s` (the header
/// reads a letter's "Datum" line with it).
#[must_use]
pub fn first_day_month_year(s: &str) -> Option<(Span, String)> {
    let mut scanner = Scanner::new(s, &[]);
    scanner.run(&Anchors::new(s).dates);
    let raw = scanner.raws.iter().find(|r| r.precision == Precision::Day && r.year.is_some())?;
    let date = NaiveDate::from_ymd_opt(raw.year?, raw.month, raw.day)?;
    Some((raw.span, format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())))
}

/// Finds the dates in `text`.
#[must_use]
pub fn find(text: &str, ctx: &DateContext) -> Vec<DateMention> {
    scan(text, ctx).dates
}

/// Finds the dates in `text` and the diagnostics about them.
#[must_use]
pub fn scan(text: &str, ctx: &DateContext) -> DateScan {
    scan_with(text, ctx, &Anchors::new(text).dates)
}

/// [`scan`] given where to look: the digit runs and the letter runs that pass
/// [`may_open_at`], in text order, as the reference scan's one pass over the
/// words collects them ([`crate::anchors::Anchors`]), so the parse
/// tokenises the text once for both.
pub(crate) fn scan_with(text: &str, ctx: &DateContext, runs: &[(usize, usize)]) -> DateScan {
    let mut skip = ctx.skip.clone();
    crate::sort::sort(&mut skip);
    let mut scanner = Scanner::new(text, &skip);
    scanner.run(runs);
    resolve(text, ctx, scanner.raws)
}
