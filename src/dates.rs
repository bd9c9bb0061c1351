//! Dates mentioned in the text, normalised to ISO with a precision.
//!
//! One linear byte scan looks for the starts of digit runs and of words that
//! can open a date (month, weekday, "begin", "afgelopen", "Q" …); only there a
//! small hand-written parser reads a few tokens ahead. Inside [`crate::parse`]
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
//! A weekday that does not match the calendar ("dinsdag 31 juli 2024") and a
//! day that does not exist ("31 april 2024") become diagnostics. The calendar
//! arithmetic is chrono's.

use crate::anchors::Anchors;
use crate::calendar::{ENGLISH, MONTHS, WEEKDAYS, WEEKDAYS_EN};
use crate::model::{DateMention, Diagnostic, DiagnosticCode, Precision, Severity, Span};
use crate::text::char_before;
use chrono::{Datelike, NaiveDate};

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
    let mut scanner = Scanner::new(s, &[]);
    scanner.run(&Anchors::new(s).dates);
    let raw = scanner.raws.iter().find(|r| r.precision == Precision::Day && r.year.is_some())?;
    let date = NaiveDate::from_ymd_opt(raw.year?, raw.month, raw.day)?;
    Some(format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day()))
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
/// words collects them ([`crate::references::Anchors`]), so [`crate::parse`]
/// tokenises the text once for both.
pub(crate) fn scan_with(text: &str, ctx: &DateContext, runs: &[(usize, usize)]) -> DateScan {
    let mut skip = ctx.skip.clone();
    crate::sort::sort(&mut skip);
    let mut scanner = Scanner::new(text, &skip);
    scanner.run(runs);
    resolve(text, ctx, scanner.raws)
}


// ---------------------------------------------------------------------------
// Tokens

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
    /// Line breaks in the whitespace before the token.
    newlines: u32,
}

impl Tok {
    fn span(self) -> Span {
        Span::new(self.start, self.end)
    }
    /// Directly after the previous token, no whitespace between.
    fn glued(self, prev_end: usize) -> bool {
        self.start == prev_end
    }
}

/// Length of the whitespace character at `i` (0 if none); sets `nl` for "\n".
fn ws_len(b: &[u8], i: usize, nl: &mut u32) -> usize {
    match b.get(i) {
        Some(b' ' | b'\t' | b'\r' | 0x0c) => 1,
        Some(b'\n') => {
            *nl += 1;
            1
        }
        Some(0xC2) if b.get(i + 1) == Some(&0xA0) => 2,
        Some(0xE2) if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x80..=0x8A | 0xAF)) => 3,
        _ => 0,
    }
}

fn is_letter(c: char) -> bool {
    c.is_alphabetic()
}

/// The token at or after `i` (whitespace skipped, at most 64 bytes of it).
fn tok(text: &str, i: usize) -> Option<Tok> {
    let b = text.as_bytes();
    let mut j = i;
    let mut newlines = 0;
    loop {
        let n = ws_len(b, j, &mut newlines);
        if n == 0 {
            break;
        }
        j += n;
        if j - i > 64 {
            return None;
        }
    }
    let first = *b.get(j)?;
    if first.is_ascii_digit() {
        let end = j + b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
        return Some(Tok { kind: Kind::Num, start: j, end, newlines });
    }
    let rest = text.get(j..)?;
    let c = rest.chars().next()?;
    if is_letter(c) {
        let len: usize = rest.chars().take_while(|c| is_letter(*c)).map(char::len_utf8).sum();
        return Some(Tok { kind: Kind::Word, start: j, end: j + len, newlines });
    }
    Some(Tok { kind: Kind::Punct, start: j, end: j + c.len_utf8(), newlines })
}

/// The next token if it follows within one line break.
fn next(text: &str, i: usize) -> Option<Tok> {
    tok(text, i).filter(|t| t.newlines <= 1)
}

fn word(text: &str, t: Tok) -> &str {
    if t.kind == Kind::Word {
        t.span().slice(text)
    } else {
        ""
    }
}

fn is_word(text: &str, t: Tok, w: &str) -> bool {
    t.kind == Kind::Word && t.span().slice(text).eq_ignore_ascii_case(w)
}

fn is_punct(text: &str, t: Tok, p: &str) -> bool {
    t.kind == Kind::Punct && t.span().slice(text) == p
}

fn num_value(text: &str, t: Tok) -> Option<u32> {
    if t.kind != Kind::Num || t.end - t.start > 6 {
        return None;
    }
    t.span().slice(text).parse().ok()
}


fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The word before `i` (whitespace and one "." skipped), lowercased ASCII.
fn prev_word(text: &str, i: usize) -> String {
    let b = text.as_bytes();
    let mut j = i.min(b.len());
    let mut steps = 0;
    while j > 0 && steps < 16 && matches!(b[j - 1], b' ' | b'\t' | b'\n' | b'\r' | b'.') {
        j -= 1;
        steps += 1;
    }
    let end = j;
    while j > 0 && b[j - 1].is_ascii_alphabetic() && end - j < 16 {
        j -= 1;
    }
    text.get(j..end).unwrap_or("").to_ascii_lowercase()
}

// ---------------------------------------------------------------------------
// Words

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum MonthForm {
    /// A Dutch month name (also the ones English spells the same).
    Dutch,
    /// An English-only name ("October", "May"): needs a day or a year.
    English,
    /// "okt.", "sept": after a day and before a year only.
    Abbrev,
    /// "febuari": after a day only.
    Typo,
}


const ABBREV: [(&str, u32); 15] = [
    ("jan", 1),
    ("feb", 2),
    ("febr", 2),
    ("mrt", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("okt", 10),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("mar", 3),
];

/// True when `a` and `b` are at most one edit apart (insertion, deletion,
/// substitution or a swap of neighbours).
fn one_edit(a: &[u8], b: &[u8]) -> bool {
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if p == la && p == lb {
        return true;
    }
    let (ra, rb) = (&a[p..], &b[p..]);
    if la == lb {
        ra.get(1..) == rb.get(1..) || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
    } else if la > lb {
        ra.get(1..) == Some(rb)
    } else {
        rb.get(1..) == Some(ra)
    }
}

/// The month a word names, and how sure that is.
fn month_word(w: &str, after_day: bool) -> Option<(u32, MonthForm)> {
    if w.len() < 3 || w.len() > 10 || !w.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 10];
    let lower = &mut buf[..w.len()];
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    let lower: &[u8] = lower;
    if let Some(i) = MONTHS.iter().position(|m| m.as_bytes() == lower) {
        return Some((i as u32 + 1, MonthForm::Dutch));
    }
    if let Some((_, m)) = ENGLISH.iter().find(|(n, _)| n.as_bytes() == lower) {
        return Some((*m, MonthForm::English));
    }
    if !after_day {
        return None;
    }
    if let Some((_, m)) = ABBREV.iter().find(|(n, _)| n.as_bytes() == lower) {
        return Some((*m, MonthForm::Abbrev));
    }
    if lower.len() >= 6 {
        let mut hits = MONTHS.iter().enumerate().filter(|(_, m)| m.len() >= 7 && one_edit(m.as_bytes(), lower));
        if let (Some((i, _)), None) = (hits.next(), hits.next()) {
            return Some((i as u32 + 1, MonthForm::Typo));
        }
    }
    None
}

/// 0 = Monday.
fn weekday_word(w: &str) -> Option<u32> {
    WEEKDAYS
        .iter()
        .position(|d| d.eq_ignore_ascii_case(w))
        .or_else(|| WEEKDAYS_EN.iter().position(|d| d.eq_ignore_ascii_case(w)))
        .map(|i| i as u32)
}


// ---------------------------------------------------------------------------
// Raw mentions (year possibly unresolved)

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rel {
    /// No hint: the document's year.
    Doc,
    /// "jl.": the most recent on or before the document's date.
    Past,
    /// "a.s.": the next on or after it.
    Future,
    /// "dit jaar" (0), "vorig jaar" (-1), "volgend jaar" (+1).
    Offset(i32),
    /// The most recent on or before raw mention N (the end of a range).
    UpTo(usize),
    /// The first on or after raw mention N (the start of a range).
    From(usize),
}

#[derive(Clone, Debug)]
struct Raw {
    span: Span,
    precision: Precision,
    year: Option<i32>,
    /// 0 when not known.
    month: u32,
    /// 0 when not known.
    day: u32,
    rel: Rel,
    /// The weekday named before the day (0 = Monday) and its text span.
    weekday: Option<(u32, Span)>,
}

/// One parsed group of days sharing a month: "14, 15 en 16 maart jl.".
struct Group {
    start: usize,
    days: Vec<(Span, u32)>,
    month: u32,
    year: Option<i32>,
    rel: Rel,
    end: usize,
    weekday: Option<(u32, Span)>,
}

struct Scanner<'a> {
    text: &'a str,
    skip: &'a [Span],
    raws: Vec<Raw>,
}

/// Characters that may not touch a date's digits: identifiers, URLs, amounts.
fn joins_identifier(c: Option<char>) -> bool {
    matches!(c, Some('-' | '/' | ':' | '_' | '=' | '.' | ',' | '€' | '$' | '§' | '#' | '@' | '\\' | '+' | '&' | '%'))
}

fn year_value(v: u32) -> bool {
    (1800..=2199).contains(&v)
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str, skip: &'a [Span]) -> Self {
        Scanner { text, skip, raws: Vec::new() }
    }

    fn skipped(&self, span: Span) -> bool {
        let i = self.skip.partition_point(|s| s.end <= span.start);
        self.skip.get(i).is_some_and(|s| s.overlaps(span))
    }

    /// Inside a token that looks like a URL ("https://…", "www.…").
    fn in_url(&self, start: usize) -> bool {
        let b = self.text.as_bytes();
        let mut j = start.min(b.len());
        let floor = start.saturating_sub(300);
        while j > floor && !b[j - 1].is_ascii_whitespace() {
            j -= 1;
        }
        let token = self.text.get(j..start).unwrap_or("");
        token.contains("://") || token.contains("www.") || token.contains("http")
    }

    /// Tries a date at each of `runs` (the digit runs and the letter runs
    /// that pass [`may_open_at`], in text order), skipping the runs inside a
    /// date already found.
    fn run(&mut self, runs: &[(usize, usize)]) {
        let b = self.text.as_bytes();
        let mut i = 0;
        for &(start, end) in runs {
            if start < i {
                continue;
            }
            let found = if b[start].is_ascii_digit() { self.at_number(start, end) } else { self.at_word(start, end) };
            i = found.map_or(end, |next_i| next_i.max(start + 1));
        }
    }

    /// Keeps `raw` unless it lies in a skipped span or a URL; its index.
    fn push(&mut self, raw: Raw) -> Option<usize> {
        if raw.span.start < raw.span.end && !self.skipped(raw.span) && !self.in_url(raw.span.start) {
            self.raws.push(raw);
            Some(self.raws.len() - 1)
        } else {
            None
        }
    }

    // --- digit runs -------------------------------------------------------

    fn at_number(&mut self, start: usize, end: usize) -> Option<usize> {
        let text = self.text;
        let len = end - start;
        let before = char_before(text, start);
        if before.is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        if let Some(e) = self.numeric_date(start, end) {
            return Some(e);
        }
        if len <= 2 && day_may_start(text, start) {
            let t = Tok { kind: Kind::Num, start, end, newlines: 0 };
            if let Some(e) = self.day_first(t, None, Rel::Doc, None) {
                return Some(e);
            }
        }
        if len == 4 {
            return self.bare_year(start, end);
        }
        None
    }

    /// "12-10-2023", "12/10/2023", "12.10.2023", "2024-10-12".
    fn numeric_date(&mut self, start: usize, end: usize) -> Option<usize> {
        let text = self.text;
        let b = text.as_bytes();
        let len = end - start;
        if !(1..=4).contains(&len) || len == 3 || joins_identifier(char_before(text, start)) {
            return None;
        }
        if char_before(text, start).is_some_and(char::is_alphanumeric) {
            return None;
        }
        let sep = *b.get(end)?;
        if !matches!(sep, b'-' | b'/' | b'.') {
            return None;
        }
        let run = |i: usize| i + b.get(i..).map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count());
        let m_end = run(end + 1);
        if b.get(m_end) != Some(&sep) {
            return None;
        }
        let y_end = run(m_end + 1);
        let a: u32 = text.get(start..end)?.parse().ok()?;
        let m: u32 = text.get(end + 1..m_end)?.parse().ok()?;
        let c: u32 = text.get(m_end + 1..y_end)?.parse().ok()?;
        let (mlen, clen) = (m_end - end - 1, y_end - m_end - 1);
        let (y, d) = if len == 4 && mlen == 2 && clen == 2 && sep == b'-' {
            (a, c)
        } else if len <= 2 && (1..=2).contains(&mlen) && clen == 4 {
            (c, a)
        } else {
            return None;
        };
        // Nothing identifier-like after: "12-10-2023-1", "2023.5".
        let after = char_at(text, y_end);
        if after.is_some_and(char::is_alphanumeric) {
            return None;
        }
        if matches!(after, Some('-' | '/' | '.' | ':' | '_'))
            && char_at(text, y_end + 1).is_some_and(|c| c.is_alphanumeric())
        {
            return None;
        }
        if !year_value(y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        let _ = self.push(Raw {
            span: Span::new(start, y_end),
            precision: Precision::Day,
            year: Some(y as i32),
            month: m,
            day: d,
            rel: Rel::Doc,
            weekday: None,
        });
        Some(y_end)
    }

    /// A year after a time preposition: "in 2021", "sinds 2019".
    fn bare_year(&mut self, start: usize, end: usize) -> Option<usize> {
        let text = self.text;
        let (year, yend) = self.year_tok(Tok { kind: Kind::Num, start, end, newlines: 0 })?;
        if yend != end || joins_identifier(char_before(text, start)) {
            return None;
        }
        if char_before(text, start).is_some_and(char::is_alphanumeric) {
            return None;
        }
        let prev = prev_word(text, start);
        let last_year_end = self.raws.last().filter(|r| r.precision == Precision::Year).map(|r| r.span.end);
        let listed = matches!(prev.as_str(), "en" | "of" | "tot") && last_year_end.is_some_and(|e| start - e < 12);
        let time_word = matches!(
            prev.as_str(),
            "in" | "sinds" | "vanaf" | "tot" | "uit" | "per" | "na" | "voor" | "tussen" | "rond" | "omstreeks" | "jaar"
        );
        // "van 2016 tot 2020"
        let from_until =
            prev == "van" && next(text, end).is_some_and(|t| is_word(text, t, "tot") || is_word(text, t, "t"));
        if !(time_word || listed || from_until) {
            return None;
        }
        if let Some(t) = next(text, end) {
            let w = word(text, t).to_ascii_lowercase();
            if is_punct(text, t, "%")
                || matches!(
                    w.as_str(),
                    "euro" | "procent" | "mensen" | "personen" | "keer" | "kilometer" | "km" | "meter" | "uur"
                )
            {
                return None;
            }
        }
        let _ = self.push(Raw {
            span: Span::new(start, end),
            precision: Precision::Year,
            year: Some(year),
            month: 0,
            day: 0,
            rel: Rel::Doc,
            weekday: None,
        });
        Some(end)
    }

    /// A year token: "2024", "20235" (2023 + footnote marker 5). Returns the
    /// year and the end of its four digits.
    fn year_tok(&self, t: Tok) -> Option<(i32, usize)> {
        let text = self.text;
        if t.kind != Kind::Num {
            return None;
        }
        let len = t.end - t.start;
        let v: u32 = text.get(t.start..t.start + 4)?.parse().ok()?;
        match len {
            4 if year_value(v) => {}
            5 | 6 if (1900..=2099).contains(&v) => {
                if char_at(text, t.end).is_some_and(char::is_alphanumeric) {
                    return None;
                }
            }
            _ => return None,
        }
        let after = char_at(text, t.end);
        // Session years and identifiers: "2023–2024", "2023/24", "2024:3946".
        if matches!(after, Some('-' | '–' | '—' | '/' | ':' | '.' | '_'))
            && char_at(text, t.end + after.map_or(1, char::len_utf8)).is_some_and(|c| c.is_ascii_digit())
        {
            return None;
        }
        // "2024Z18294": letters then digits.
        if after.is_some_and(char::is_alphabetic) {
            let rest = text.get(t.end..)?;
            let letters: usize = rest.chars().take_while(|c| c.is_alphabetic()).map(char::len_utf8).sum();
            if char_at(text, t.end + letters).is_some_and(|c| c.is_ascii_digit()) {
                return None;
            }
        }
        Some((v as i32, t.start + 4))
    }

    // --- words ------------------------------------------------------------

    fn at_word(&mut self, start: usize, end: usize) -> Option<usize> {
        let text = self.text;
        if char_at(text, end).is_some_and(is_letter) {
            return None; // an accented word: "geïnformeerd"
        }
        let t = Tok { kind: Kind::Word, start, end, newlines: 0 };
        let w = text.get(start..end)?;
        if w.len() > 12 || w.is_empty() {
            return None;
        }
        let mut buf = [0u8; 12];
        let lower = &mut buf[..w.len()];
        lower.copy_from_slice(w.as_bytes());
        lower.make_ascii_lowercase();
        let lower: &[u8] = lower;
        match lower {
            b"afgelopen" | b"jongstleden" => {
                let n = next(text, t.end)?;
                if let Some(wd) = weekday_word(word(text, n)) {
                    return self.weekday_first(n, wd, Rel::Past, t.start);
                }
                if n.kind == Kind::Num {
                    return self.day_first(n, None, Rel::Past, Some(t.start));
                }
                let (m, form) = month_word(word(text, n), false)?;
                if form != MonthForm::Dutch {
                    return None;
                }
                return self.month_alone(t.start, n, m, Rel::Past);
            }
            b"begin" | b"eind" | b"einde" | b"medio" | b"halverwege" | b"midden" => return self.vague_part(t),
            b"voorjaar" | b"najaar" | b"zomer" | b"winter" | b"herfst" | b"lente" | b"zomerreces" | b"kerstreces" => {
                return self.season(t)
            }
            b"q" => return self.quarter(t),
            b"eerste" | b"tweede" | b"derde" | b"vierde" | b"laatste" => return self.ordinal_period(t),
            b"dit" | b"vorig" | b"vorige" | b"volgend" | b"volgende" => return self.relative_year(t),
            _ => {}
        }
        if let Some(wd) = weekday_word(w) {
            return self.weekday_first(t, wd, Rel::Doc, t.start);
        }
        let (m, form) = month_word(w, false)?;
        if matches!(form, MonthForm::Abbrev | MonthForm::Typo) {
            return None;
        }
        if joins_identifier(char_before(text, t.start)) || matches!(char_at(text, t.end), Some('/' | '-' | '_')) {
            return None;
        }
        if let Some(e) = self.month_first(t, m) {
            return Some(e);
        }
        if form != MonthForm::Dutch {
            // "May 2024"
            let y = next(text, t.end)?;
            let (year, yend) = self.year_tok(y)?;
            self.push_month(Span::new(t.start, yend), Precision::Month, Some(year), m, Rel::Doc);
            return Some(yend);
        }
        self.month_tail(t.start, t, m, None)
    }

    fn push_month(&mut self, span: Span, precision: Precision, year: Option<i32>, month: u32, rel: Rel) {
        let _ = self.push(Raw { span, precision, year, month, day: 0, rel, weekday: None });
    }

    /// "maart 2022", "juli jl.", "april vorig jaar", "in april"; `start` is
    /// where the span begins, `t` the month token.
    fn month_tail(&mut self, start: usize, t: Tok, m: u32, qualifier: Option<Precision>) -> Option<usize> {
        let text = self.text;
        let precision = qualifier.unwrap_or(Precision::Month);
        if let Some(y) = next(text, t.end) {
            if let Some((year, yend)) = self.year_tok(y) {
                self.push_month(Span::new(start, yend), precision, Some(year), m, Rel::Doc);
                return Some(yend);
            }
        }
        if let Some((rel, send)) = self.suffix(t.end) {
            self.push_month(Span::new(start, send), precision, None, m, rel);
            return Some(send);
        }
        if qualifier.is_some() {
            self.push_month(Span::new(start, t.end), precision, None, m, Rel::Doc);
            return Some(t.end);
        }
        let prev = prev_word(text, t.start);
        let lowercase = word(text, t).starts_with(|c: char| c.is_ascii_lowercase());
        if lowercase
            && matches!(
                prev.as_str(),
                "in" | "van" | "sinds" | "vanaf" | "per" | "tot" | "na" | "voor" | "eind" | "begin" | "tussen" | "rond"
            )
        {
            self.push_month(t.span(), Precision::Month, None, m, Rel::Doc);
            return Some(t.end);
        }
        None
    }

    fn month_alone(&mut self, start: usize, t: Tok, m: u32, rel: Rel) -> Option<usize> {
        if let Some(e) = self.month_tail(start, t, m, None) {
            if let Some(last) = self.raws.last_mut() {
                if last.year.is_none() && last.rel == Rel::Doc {
                    last.rel = rel;
                }
                last.span.start = start;
            }
            return Some(e);
        }
        self.push_month(Span::new(start, t.end), Precision::Month, None, m, rel);
        Some(t.end)
    }

    /// "jl.", "jongstleden", "a.s.", "(van) dit jaar" after a date: the
    /// relation and the end of the suffix.
    fn suffix(&self, at: usize) -> Option<(Rel, usize)> {
        let text = self.text;
        let t = next(text, at)?;
        let w = word(text, t);
        let lower = w.to_ascii_lowercase();
        let dot_after = |e: usize| next(text, e).filter(|d| d.glued(e) && is_punct(text, *d, "."));
        match lower.as_str() {
            "jl" => return Some((Rel::Past, dot_after(t.end).map_or(t.end, |d| d.end))),
            "j" | "a" => {
                // "j.l.", "a.s."
                let d1 = dot_after(t.end)?;
                let l = next(text, d1.end).filter(|l| l.glued(d1.end))?;
                let want = if lower == "j" { "l" } else { "s" };
                if !is_word(text, l, want) {
                    return None;
                }
                let end = dot_after(l.end).map_or(l.end, |d| d.end);
                return Some((if lower == "j" { Rel::Past } else { Rel::Future }, end));
            }
            "as" => return Some((Rel::Future, dot_after(t.end)?.end)),
            "aanstaande" => return Some((Rel::Future, t.end)),
            _ => {}
        }
        if lower.starts_with("jongstleden") {
            return Some((Rel::Past, t.start + "jongstleden".len()));
        }
        let t = if lower == "van" { next(text, t.end)? } else { t };
        let w = word(text, t).to_ascii_lowercase();
        let offset = match w.as_str() {
            "dit" => 0,
            "vorig" | "vorige" => -1,
            "volgend" | "volgende" => 1,
            _ => return None,
        };
        let j = next(text, t.end).filter(|j| is_word(text, *j, "jaar"))?;
        Some((Rel::Offset(offset), j.end))
    }

    // --- day-first dates ----------------------------------------------------

    fn weekday_first(&mut self, t: Tok, wd: u32, rel: Rel, start: usize) -> Option<usize> {
        let text = self.text;
        let mut n = next(text, t.end)?;
        if is_punct(text, n, ",") {
            n = next(text, n.end)?;
        }
        if n.kind != Kind::Num || !day_may_start(text, n.start) {
            return None;
        }
        self.day_first(n, Some((wd, t.span())), rel, Some(start))
    }

    /// Parses a group "14, 15 en 16 maart jl." starting at day token `t`.
    fn group(&self, t: Tok, weekday: Option<(u32, Span)>) -> Option<Group> {
        let text = self.text;
        let first = day_of(text, t)?;
        if char_at(text, t.end).is_some_and(|c| matches!(c, '-' | '/' | ':' | '_'))
            || (matches!(char_at(text, t.end), Some('.' | ','))
                && char_at(text, t.end + 1).is_some_and(|c| c.is_ascii_digit()))
        {
            return None;
        }
        // The days after the first (most digit runs are no date: nothing is
        // allocated before the month is found).
        let mut more: Vec<(Span, u32)> = Vec::new();
        let mut pos = t.end;
        let mut conj = false;
        let month_tok = loop {
            let n = next(text, pos)?;
            if n.kind == Kind::Word {
                if let Some((m, form)) = month_word(word(text, n), true) {
                    break (n, m, form);
                }
            }
            if conj || 1 + more.len() >= 8 {
                return None;
            }
            let (is_conj, after) = connector(text, n)?;
            let d = next(text, after)?;
            let v = day_of(text, d)?;
            if char_at(text, d.end).is_some_and(|c| matches!(c, '-' | '/' | ':' | '.' | ','))
                && char_at(text, d.end + 1).is_some_and(|c| c.is_ascii_digit())
            {
                return None;
            }
            more.push((d.span(), v));
            conj = is_conj;
            pos = d.end;
        };
        if !more.is_empty() && !conj {
            return None;
        }
        let (mt, month, form) = month_tok;
        // The month may not run on into an identifier or URL path.
        if matches!(char_at(text, mt.end), Some('/' | '_')) {
            return None;
        }
        // A number alone on its line (a page number) is no day of the month
        // that opens the next line.
        if mt.newlines > 0 && more.is_empty() && weekday.is_none() && alone_on_line(text, t) {
            return None;
        }
        let mut end = mt.end;
        if form == MonthForm::Abbrev {
            if let Some(d) = next(text, end).filter(|d| d.glued(end) && is_punct(text, *d, ".")) {
                end = d.end;
            }
        }
        let mut year = None;
        let mut rel = Rel::Doc;
        let mut y = next(text, end);
        if let Some(c) = y.filter(|c| is_punct(text, *c, ",")) {
            y = next(text, c.end).filter(|y| y.kind == Kind::Num);
        }
        if let Some((v, yend)) = y.and_then(|y| self.year_tok(y)) {
            year = Some(v);
            end = yend;
        } else if let Some((r, send)) = self.suffix(end) {
            rel = r;
            end = send;
        }
        if year.is_none() && matches!(form, MonthForm::Abbrev | MonthForm::English) {
            return None;
        }
        let mut days = Vec::with_capacity(1 + more.len());
        days.push((t.span(), first));
        days.extend(more);
        Some(Group { start: weekday.map_or(t.start, |w| w.1.start), days, month, year, rel, end, weekday })
    }

    /// Pushes one raw mention per day; the indices of the ones kept.
    fn push_group(&mut self, g: &Group) -> Vec<usize> {
        let n = g.days.len();
        let mut kept = Vec::with_capacity(n);
        for (k, (span, day)) in g.days.iter().enumerate() {
            let span = if n == 1 {
                Span::new(g.start, g.end)
            } else if k == 0 {
                Span::new(g.start, span.end)
            } else if k + 1 == n {
                Span::new(span.start, g.end)
            } else {
                *span
            };
            kept.extend(self.push(Raw {
                span,
                precision: Precision::Day,
                year: g.year,
                month: g.month,
                day: *day,
                rel: g.rel,
                weekday: if k == 0 { g.weekday } else { None },
            }));
        }
        kept
    }

    /// A day-first date (or list, or range of two) at day token `t`;
    /// `span_start` overrides where the first span begins ("afgelopen …").
    fn day_first(
        &mut self,
        t: Tok,
        weekday: Option<(u32, Span)>,
        rel: Rel,
        span_start: Option<usize>,
    ) -> Option<usize> {
        let text = self.text;
        let mut g = self.group(t, weekday)?;
        if let Some(s) = span_start {
            g.start = s;
        }
        if g.rel == Rel::Doc && g.year.is_none() {
            g.rel = rel;
        }
        if g.days.len() > 1
            && matches!(
                prev_word(text, t.start).as_str(),
                "nr" | "nrs" | "vraag" | "vragen" | "artikel" | "artikelen" | "lid" | "leden" | "punt"
            )
        {
            // "vragen 3 en 4 mei": only the last number is a day.
            let last = g.days.pop()?;
            g.days = vec![last];
            g.start = last.0.start;
            g.weekday = None;
        }
        // A second group after a range connector: "1 juli t/m 30 september jl.".
        let second = next(text, g.end)
            .and_then(|c| connector(text, c))
            .and_then(|(_, after)| next(text, after))
            .and_then(|d| match weekday_word(word(text, d)) {
                Some(wd) => {
                    let mut n = next(text, d.end)?;
                    if is_punct(text, n, ",") {
                        n = next(text, n.end)?;
                    }
                    self.group(n, Some((wd, d.span())))
                }
                None if d.kind == Kind::Num && day_may_start(text, d.start) => self.group(d, None),
                None => None,
            });
        let first = self.push_group(&g);
        let mut end = g.end;
        if let Some(mut h) = second {
            let unresolved = |x: &Group| x.year.is_none() && x.rel == Rel::Doc;
            if unresolved(&h) && !unresolved(&g) {
                if let Some(last) = first.last() {
                    h.rel = Rel::From(*last);
                }
            }
            let second_kept = self.push_group(&h);
            if unresolved(&g) && !unresolved(&h) {
                if let Some(target) = second_kept.first() {
                    for i in &first {
                        if let Some(r) = self.raws.get_mut(*i) {
                            r.rel = Rel::UpTo(*target);
                        }
                    }
                }
            }
            end = h.end;
        }
        Some(end)
    }

    /// English order: "Januari 25, 2023", "November 7 and 8, 2023".
    fn month_first(&mut self, mt: Tok, month: u32) -> Option<usize> {
        let text = self.text;
        let d = next(text, mt.end).filter(|d| d.kind == Kind::Num && d.end - d.start <= 2)?;
        let mut days = vec![(d.span(), day_of(text, d)?)];
        let mut pos = d.end;
        let (year, yend) = loop {
            let n = next(text, pos)?;
            if let Some(y) = self.year_tok(n).filter(|_| n.start > pos) {
                break y;
            }
            if is_punct(text, n, ",") {
                let y = next(text, n.end)?;
                if let Some(y) = self.year_tok(y) {
                    break y;
                }
            }
            if days.len() >= 8 {
                return None;
            }
            let (_, after) = connector(text, n)?;
            let d = next(text, after)?;
            days.push((d.span(), day_of(text, d)?));
            pos = d.end;
        };
        let n = days.len();
        for (k, (span, day)) in days.into_iter().enumerate() {
            let start = if k == 0 { mt.start } else { span.start };
            let end = if k + 1 == n { yend } else { span.end };
            let _ = self.push(Raw {
                span: Span::new(start, end),
                precision: Precision::Day,
                year: Some(year),
                month,
                day,
                rel: Rel::Doc,
                weekday: None,
            });
        }
        Some(yend)
    }

    // --- coarser ------------------------------------------------------------

    /// "begin dit jaar", "medio 2024", "eind mei", "begin juli van dit jaar".
    fn vague_part(&mut self, t: Tok) -> Option<usize> {
        let text = self.text;
        let mut n = next(text, t.end)?;
        if is_word(text, n, "van") {
            n = next(text, n.end)?;
            if is_word(text, n, "het") {
                n = next(text, n.end)?;
            }
        }
        if let Some((year, yend)) = self.year_tok(n) {
            if joins_identifier(char_before(text, n.start)) {
                return None;
            }
            self.push_month(Span::new(t.start, yend), Precision::Vague, Some(year), 0, Rel::Doc);
            return Some(yend);
        }
        if let Some((m, MonthForm::Dutch)) = month_word(word(text, n), false) {
            return self.month_tail(t.start, n, m, Some(Precision::Vague));
        }
        if n.kind == Kind::Word {
            let (rel, end) = self.suffix(n.start)?;
            if let Rel::Offset(_) = rel {
                self.push_month(Span::new(t.start, end), Precision::Vague, None, 0, rel);
                return Some(end);
            }
        }
        None
    }

    /// "na de zomer", "in de zomer van 2023", "najaar 2024", "deze zomer".
    fn season(&mut self, t: Tok) -> Option<usize> {
        let text = self.text;
        let b = text.as_bytes();
        // Look back for "na de", "voor de", "in de", "deze", "komende", "afgelopen".
        let p1 = prev_word(text, t.start);
        let mut start = None;
        let back = |from: usize, w: &str| -> usize {
            let mut j = from;
            while j > 0 && b[j - 1].is_ascii_whitespace() {
                j -= 1;
            }
            j.saturating_sub(w.len())
        };
        if matches!(p1.as_str(), "deze" | "komende" | "afgelopen" | "vorige" | "volgende") {
            start = Some(back(t.start, &p1));
        } else if p1 == "de" || p1 == "het" {
            let s1 = back(t.start, &p1);
            let p2 = prev_word(text, s1);
            if matches!(p2.as_str(), "na" | "voor" | "in" | "tijdens" | "sinds" | "vanaf" | "rond" | "tot" | "over") {
                start = Some(back(s1, &p2));
            }
        }
        let start_pos = start.unwrap_or(t.start);
        if !text.is_char_boundary(start_pos) {
            return None;
        }
        let mut n = next(text, t.end);
        if n.is_some_and(|n| is_word(text, n, "van")) {
            n = n.and_then(|v| next(text, v.end));
        }
        if let Some((year, yend)) = n.and_then(|n| self.year_tok(n)) {
            self.push_month(Span::new(start_pos, yend), Precision::Vague, Some(year), 0, Rel::Doc);
            return Some(yend);
        }
        if let Some((rel @ Rel::Offset(_), end)) = self.suffix(t.end) {
            self.push_month(Span::new(start_pos, end), Precision::Vague, None, 0, rel);
            return Some(end);
        }
        start?;
        self.push_month(Span::new(start_pos, t.end), Precision::Vague, None, 0, Rel::Doc);
        Some(t.end)
    }

    /// "Q1 2024", "Q3 van dit jaar".
    fn quarter(&mut self, t: Tok) -> Option<usize> {
        let text = self.text;
        let q = next(text, t.end).filter(|q| q.glued(t.end) && q.end - q.start == 1)?;
        if !matches!(num_value(text, q), Some(1..=4)) || char_before(text, t.start).is_some_and(char::is_alphanumeric) {
            return None;
        }
        self.period_tail(t.start, q.end)
    }

    /// "eerste kwartaal van 2025", "tweede helft van dit jaar".
    fn ordinal_period(&mut self, t: Tok) -> Option<usize> {
        let text = self.text;
        let p = next(text, t.end)?;
        let w = word(text, p).to_ascii_lowercase();
        if !matches!(w.as_str(), "kwartaal" | "helft" | "halfjaar" | "jaarhelft") {
            return None;
        }
        self.period_tail(t.start, p.end)
    }

    fn period_tail(&mut self, start: usize, at: usize) -> Option<usize> {
        let text = self.text;
        let mut n = next(text, at)?;
        if is_word(text, n, "van") {
            n = next(text, n.end)?;
        }
        if let Some((year, yend)) = self.year_tok(n) {
            self.push_month(Span::new(start, yend), Precision::Vague, Some(year), 0, Rel::Doc);
            return Some(yend);
        }
        if let Some((rel @ Rel::Offset(_), end)) = self.suffix(at) {
            self.push_month(Span::new(start, end), Precision::Vague, None, 0, rel);
            return Some(end);
        }
        None
    }

    /// "dit jaar", "vorig jaar", "volgend jaar" → the year.
    fn relative_year(&mut self, t: Tok) -> Option<usize> {
        let (rel, end) = self.suffix(t.start)?;
        if !matches!(rel, Rel::Offset(_)) || end <= t.start {
            return None;
        }
        self.push_month(Span::new(t.start, end), Precision::Year, None, 0, rel);
        Some(end)
    }
}

/// A day number may start at `start`: not glued to an identifier ("C-15",
/// "2,5", "jl.2"), except after "d.d.".
fn day_may_start(text: &str, start: usize) -> bool {
    let before = char_before(text, start);
    !joins_identifier(before) || (before == Some('.') && text.get(..start).is_some_and(|h| h.ends_with("d.d.")))
}

/// Only whitespace between the line start and `t`.
fn alone_on_line(text: &str, t: Tok) -> bool {
    let b = text.as_bytes();
    let mut j = t.start;
    while j > 0 && matches!(b[j - 1], b' ' | b'\t') {
        j -= 1;
    }
    j == 0 || b[j - 1] == b'\n'
}

fn day_of(text: &str, t: Tok) -> Option<u32> {
    if t.kind != Kind::Num || t.end - t.start > 2 {
        return None;
    }
    num_value(text, t).filter(|d| (1..=31).contains(d))
}

/// A list or range connector at `t`: (is a conjunction, end).
/// ",", "en", "of", "and", "&", "t/m", "tot", "tot en met", "-", "–".
fn connector(text: &str, t: Tok) -> Option<(bool, usize)> {
    if t.kind == Kind::Punct {
        let p = t.span().slice(text);
        return match p {
            "," => Some((false, t.end)),
            "&" | "-" | "–" | "—" => Some((true, t.end)),
            _ => None,
        };
    }
    // Compared case-insensitively in place (no lowercased copy).
    let w = word(text, t);
    let is = |k: &str| w.eq_ignore_ascii_case(k);
    if is("en") || is("of") || is("and") || is("tm") {
        Some((true, t.end))
    } else if is("tot") {
        let e = next(text, t.end).filter(|e| is_word(text, *e, "en"));
        let m = e.and_then(|e| next(text, e.end)).filter(|m| is_word(text, *m, "met"));
        Some((true, m.map_or(t.end, |m| m.end)))
    } else if is("t") {
        // "t/m", "t.e.m."
        let s = next(text, t.end).filter(|s| s.glued(t.end))?;
        if is_punct(text, s, "/") {
            let m = next(text, s.end).filter(|m| m.glued(s.end) && is_word(text, *m, "m"))?;
            return Some((true, m.end));
        }
        None
    } else {
        None
    }
}

// ---------------------------------------------------------------------------
// Resolution

fn ymd(t: (i32, u32, u32)) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(t.0, t.1, t.2)
}

/// The most recent (month, day) on or before `d` (back at most 8 years, for
/// 29 February).
fn on_or_before(d: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    (0..9).find_map(|k| NaiveDate::from_ymd_opt(d.year() - k, month, day).filter(|x| *x <= d))
}

fn on_or_after(d: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    (0..9).find_map(|k| NaiveDate::from_ymd_opt(d.year() + k, month, day).filter(|x| *x >= d))
}

fn resolve(text: &str, ctx: &DateContext, raws: Vec<Raw>) -> DateScan {
    let fallback = ctx.anchor.or(ctx.written_from).and_then(ymd).or_else(|| standalone_date(text, &raws));
    let mut questions = ctx.questions.clone();
    crate::sort::sort(&mut questions);
    let anchor_of = |span: Span| -> Option<NaiveDate> {
        // Question blocks do not nest: the last one starting at or before
        // `span` is the only candidate.
        let i = questions.partition_point(|q| q.start <= span.start);
        let in_questions = i > 0 && questions.get(i - 1).is_some_and(|q| q.contains(span));
        if in_questions {
            if let Some(w) = ctx.written_from.and_then(ymd) {
                return Some(w);
            }
        }
        fallback
    };
    let mut resolved: Vec<Option<(i32, u32, u32)>> = vec![None; raws.len()];
    let mut diagnostics = Vec::new();
    // Ranges point forward (UpTo) or backward (From): first everything else,
    // then UpTo from the back, then From from the front.
    let order: Vec<usize> = (0..raws.len())
        .filter(|i| !matches!(raws[*i].rel, Rel::UpTo(_) | Rel::From(_)))
        .chain((0..raws.len()).rev().filter(|i| matches!(raws[*i].rel, Rel::UpTo(_))))
        .chain((0..raws.len()).filter(|i| matches!(raws[*i].rel, Rel::From(_))))
        .collect();
    for i in order {
        let r = &raws[i];
        let anchor = anchor_of(r.span);
        let value = match r.precision {
            Precision::Day => {
                let date = match (r.year, r.rel) {
                    (Some(y), _) => {
                        let d = NaiveDate::from_ymd_opt(y, r.month, r.day);
                        if d.is_none() {
                            diagnostics.push(Diagnostic {
                                severity: Severity::Warning,
                                code: DiagnosticCode::InvalidDate,
                                message: format!("\"{}\" is not a day in the calendar", r.span.slice(text)),
                                span: r.span,
                            });
                        }
                        d
                    }
                    (None, Rel::UpTo(j)) => {
                        resolved.get(j).copied().flatten().and_then(ymd).and_then(|e| on_or_before(e, r.month, r.day))
                    }
                    (None, Rel::From(j)) => {
                        resolved.get(j).copied().flatten().and_then(ymd).and_then(|s| on_or_after(s, r.month, r.day))
                    }
                    (None, Rel::Past) => anchor.and_then(|a| on_or_before(a, r.month, r.day)),
                    (None, Rel::Future) => anchor.and_then(|a| on_or_after(a, r.month, r.day)),
                    (None, Rel::Offset(k)) => {
                        anchor.and_then(|a| NaiveDate::from_ymd_opt(a.year() + k, r.month, r.day))
                    }
                    (None, Rel::Doc) => anchor.and_then(|a| {
                        // The document's year, unless that puts the day more
                        // than half a year after the document: "op 15
                        // december" in a January answer is last December.
                        let d = NaiveDate::from_ymd_opt(a.year(), r.month, r.day);
                        match d {
                            Some(d) if (d - a).num_days() > 183 => {
                                NaiveDate::from_ymd_opt(a.year() - 1, r.month, r.day)
                            }
                            _ => d,
                        }
                    }),
                };
                date.map(|d| (d.year(), d.month(), d.day()))
            }
            _ => {
                let year = match (r.year, r.rel) {
                    (Some(y), _) => Some(y),
                    (None, Rel::Past) if r.month > 0 => {
                        anchor.map(|a| if r.month <= a.month() { a.year() } else { a.year() - 1 })
                    }
                    (None, Rel::Future) if r.month > 0 => {
                        anchor.map(|a| if r.month >= a.month() { a.year() } else { a.year() + 1 })
                    }
                    (None, Rel::Offset(k)) => anchor.map(|a| a.year() + k),
                    (None, _) if r.month > 0 => anchor.map(|a| {
                        // As for days: not more than half a year ahead.
                        if r.month > a.month() + 6 {
                            a.year() - 1
                        } else {
                            a.year()
                        }
                    }),
                    (None, _) => anchor.map(|a| a.year()),
                };
                year.map(|y| (y, r.month, 0))
            }
        };
        resolved[i] = value;
    }
    let mut dates = Vec::with_capacity(raws.len());
    for (r, v) in raws.iter().zip(resolved) {
        let Some((y, m, d)) = v else { continue };
        if !(0..=9999).contains(&y) {
            continue;
        }
        let iso = match (r.precision, m, d) {
            (Precision::Day, _, _) => format!("{y:04}-{m:02}-{d:02}"),
            (_, 0, _) => format!("{y:04}"),
            (_, _, _) => format!("{y:04}-{m:02}"),
        };
        if let (Precision::Day, Some((wd, wspan))) = (r.precision, r.weekday) {
            if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                let actual = date.weekday().num_days_from_monday();
                if actual != wd {
                    diagnostics.push(Diagnostic {
                        severity: Severity::Warning,
                        code: DiagnosticCode::WeekdayMismatch,
                        message: format!(
                            "\"{}\": {iso} is a {}, not a {}",
                            r.span.slice(text),
                            WEEKDAYS[actual as usize % 7],
                            wspan.slice(text).to_ascii_lowercase()
                        ),
                        span: r.span,
                    });
                }
            }
        }
        dates.push(DateMention { span: r.span, iso, precision: r.precision, role: None });
    }
    // The scan pushes in text order: no sort needed (nor its code in the wasm).
    DateScan { dates, diagnostics }
}

/// Without a header date: a full date alone on its line near the top (a
/// letter's date), else the latest full date in the text.
fn standalone_date(text: &str, raws: &[Raw]) -> Option<NaiveDate> {
    let full = |r: &Raw| -> Option<NaiveDate> {
        (r.precision == Precision::Day).then_some(())?;
        NaiveDate::from_ymd_opt(r.year?, r.month, r.day)
    };
    // A letter's date stands near its top.
    let alone = raws.iter().take_while(|r| r.span.start < 4000).find(|r| {
        let before = text.get(..r.span.start).unwrap_or("");
        let after = text.get(r.span.end..).unwrap_or("");
        let blank = |s: &str| s.chars().all(char::is_whitespace);
        full(r).is_some()
            && before.rsplit('\n').next().is_some_and(blank)
            && after
                .as_bytes()
                .iter()
                .take(200)
                .position(|c| *c == b'\n')
                .is_some_and(|n| after.get(..n).is_some_and(blank))
    });
    alone.and_then(full).or_else(|| raws.iter().filter_map(full).max())
}
