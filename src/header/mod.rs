//! The header: who asked whom about what, when, and who answered.
//!
//! The header is the top of the document, before the first block heading
//! (`HeaderInput::end`). Only its first [`HEAD_CAP`] bytes are read, so a
//! 10 MB paste without headings costs no more than a short one. White space
//! (spaces, line breaks, form feeds, tabs) is free everywhere below.
//!
//! # Grammar
//!
//! ```text
//! questions intro := ["Mondelinge " | "Schriftelijke "] ("Vragen" | "Vraag") " van " askers
//!                    [" aan " addressees] [" over " subject] ["(ingezonden " DATE ")"]
//! askers          := ("het lid" | "de leden") asker {("," | " en" | ", en") asker}
//! asker           := NAME [ "(" PARTY ")" | "(" ("beiden" | "allen") PARTY ")" ]
//! NAME            := {initial} {prefix} Capitalised {prefix | Capitalised}
//! addressees      := ["de "] ROLE ["van" | "voor"] PORTFOLIO {(" en " | ", ") ...}
//! answer intro    := ("Antwoord" | "Antwoorden" | "Mededeling") " van " respondents
//!                    [", mede namens " addressees] ["(ontvangen " DATE ")"] ["Zie ook …"]
//! respondent      := ROLE NAME ["(" PORTFOLIO ")"]  |  ["de "] ROLE ("van" | "voor") PORTFOLIO
//! ROLE            := "Minister" | "Ministers" | "Minister-President" | "Staatssecretaris" | …
//! ```
//!
//! Real examples it reads:
//!
//! - `Vragen van het lid Boswijk (CDA) aan de Minister voor Buitenlandse Handel
//!   en Ontwikkelingshulp en van Buitenlandse Zaken over het onderzoek …
//!   (ingezonden 8 augustus 2024).` — one asker, two addressees (the second
//!   portfolio "en van Buitenlandse Zaken" is a second minister).
//! - `Vragen van de leden Sneller (D66), Chakor (GroenLinks-PvdA) en Van⏎Nispen (SP)`
//!   — three askers, a name broken over a line.
//! - `de leden Gabriëls en Bromet (beiden GroenLinks-PvdA)` — one party for two
//!   names; "(allen …)" likewise.
//! - `het lid Faber-van de Klashorst(PVV)` — the party glued to the name.
//! - `Vraag van het lid Van Houwelingen (FVD)`, `Mondelinge vragen van het lid Krul (CDA)`.
//! - `Antwoord van Minister Bruins Slot (BZ) van Minister Schreinemacher (…)` —
//!   two respondents, the "en" missing.
//! - `Antwoord van Staatssecretaris Van Rij (Financiën – Fiscaliteit en
//!   Belastingdienst), mede namens de Minister voor Buitenlandse Handel en
//!   Ontwikkelingssamenwerking (ontvangen 21 mei 2024).` — the second
//!   respondent is `on_behalf`.
//! - `Mededeling van Minister De Jonge (…) (ontvangen (ontvangen 7 juni 2024).`
//!   — a postponement; the doubled "(ontvangen" still gives 2024-06-07.
//! - `(ingezonden 6 maart⏎2024)` — a date broken over a line.
//! - Ministry letters: `Antwoorden van de Minister van Justitie en Veiligheid
//!   mede namens de minister van Landbouw, … op Kamervragen van het lid
//!   Teunissen (PvdD)`; the minister's name comes from the signature under
//!   "de Minister van Justitie en Veiligheid" ("D.M. van Weel"). A letter's
//!   "Datum" line (`Datum⏎26 augustus 2024`, `Datum: 7 november 2023`,
//!   `Datum 3 sep. 2024`, `Datum: 03-09-2024`, `Datum⏎⏎dinsdag 3 september
//!   2024`) is
//!   the date the answer was written: `dated`, not a received date
//!   (`received` stays empty).
//!
//! The document id comes from the page footer (`ah-tk-20232024-1314`,
//! `kv-tk-2024Z18775`), else is built from the masthead ("Vergaderjaar
//! 2023–2024", "Aanhangsel van de Handelingen", the number under "regering
//! gegeven antwoorden"); a Word file's "AH 617" gives the Aanhangsel number.
//! "Zie ook Aanhangsel Handelingen, vergaderjaar …, nr. 594" is another
//! document and never taken for this one.
//!
//! A "Mededeling" on a line of its own (the postponement notice after the
//! questions) is found anywhere in the text, one linear search.
//!
//! The parts: `askers` ("Vragen van het lid …"), `respondents` (addressees,
//! subject, the answer intro and its respondents), `id` (document id,
//! session year, Aanhangsel number), `mededeling` (the postponement notice);
//! the dates "(ingezonden …)" and "(ontvangen …)" here.
//!
//! Traps: "Vragen gesteld door de leden der Kamer" (masthead) has no askers;
//! "de motie van het lid Van Zanten c.s." in the subject is not an asker.

use crate::calendar::month_from_name;
use crate::model::{Addressee, Asker, DocKind, Furniture, Header, HeaderDate, Respondent, Span};
use crate::text::{
    ceil_char_boundary as ceil_boundary, floor_char_boundary as floor_boundary, leading_ws, line_end_hyphen, Hyphen,
};
use regex::Regex;
use std::sync::OnceLock;

mod askers;
mod id;
mod mededeling;
mod respondents;

use askers::*;
use id::*;
use mededeling::*;
use respondents::*;

/// How much of the text the header search reads at most.
pub const HEAD_CAP: usize = 16 * 1024;
/// How far the document id (page footer) is looked for.
const ID_CAP: usize = 64 * 1024;
/// The longest Mededeling notice taken.
const MEDEDELING_CAP: usize = 8 * 1024;

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

/// The matches of `re` in `hay`, the same as `re.captures_iter(hay)`, but the
/// regex (a slow PikeVM without the regex `perf` features) only starts at the
/// candidates `next(hay, from)` reports: the first position `>= from` where a
/// match could start (a cheap literal search). `captures_at` keeps the context
/// before the candidate, so `\b` behaves as in a search over all of `hay`.
fn captures_from<'h>(
    re: &'static Regex,
    hay: &'h str,
    next: impl Fn(&str, usize) -> Option<usize>,
) -> impl Iterator<Item = regex::Captures<'h>> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let cand = next(hay, pos)?;
        let caps = re.captures_at(hay, cand)?;
        let m = caps.get(0)?;
        // No pattern used here matches the empty string; step over one anyway.
        pos = if m.end() > m.start() { m.end() } else { ceil_boundary(hay, m.end() + 1) };
        Some(caps)
    })
}

/// The first `i >= from` where `hay[i..]` starts with `lower` (ASCII letters,
/// compared case-insensitively). Exact for words whose letters have no
/// non-ASCII case variants (not "k" or "s": K is KELVIN SIGN, ſ is LONG S).
fn find_ascii_ci(hay: &str, from: usize, lower: &[u8]) -> Option<usize> {
    let b = hay.as_bytes();
    let first = *lower.first()?;
    let mut i = from;
    while i + lower.len() <= b.len() {
        let off = b.get(i..)?.iter().position(|c| (c | 0x20) == first)?;
        i += off;
        if b.get(i..i + lower.len()).is_some_and(|w| w.iter().zip(lower).all(|(c, l)| c.to_ascii_lowercase() == *l)) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Whether the character before `i` is a word character as the regex `\b`
/// sees it (ASCII `(?-u:\b)`), so that a match starting at `i` has no `\b`.
fn word_char_before(text: &str, i: usize) -> bool {
    text.get(..i).and_then(|b| b.chars().next_back()).is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The first `i >= from` where "ah-tk-", "kv-ek-" (any of ah|kv, tk|ek) starts.
fn find_id_start(hay: &str, from: usize) -> Option<usize> {
    let b = hay.as_bytes();
    let mut i = from;
    loop {
        let rel = b.get(i..)?.iter().position(|c| *c == b'-')?;
        let d = i + rel; // a '-' at d: "ah-tk-" has it at start + 2
        if d >= from + 2
            && matches!(b.get(d - 2..d), Some(b"ah" | b"kv"))
            && matches!(b.get(d + 1..d + 4), Some(b"tk-" | b"ek-"))
        {
            return Some(d - 2);
        }
        i = d + 1;
    }
}

fn sl(text: &str, start: usize, end: usize) -> &str {
    text.get(start..end).unwrap_or("")
}

/// Folds white space to single spaces; a hyphen at a line break joins, by
/// the rule of [`crate::text::line_end_hyphen`], but is always kept: names
/// and portfolios keep their hyphens ("Van der Wal-⏎Zeggelink" → "Van der
/// Wal-Zeggelink", "Faber-⏎van de Klashorst" → "Faber-van de Klashorst").
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap: Option<bool> = None; // Some(had_newline)
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            let nl = c == '\n' || c == '\x0c';
            gap = Some(gap.unwrap_or(false) || nl);
            continue;
        }
        if let Some(nl) = gap.take() {
            let joined = nl
                && out.strip_suffix('-').is_some_and(|body| {
                    !matches!(line_end_hyphen(body.chars().next_back(), sl(s, i, s.len())), Hyphen::None)
                });
            if !out.is_empty() && !joined {
                out.push(' ');
            }
        }
        out.push(c);
    }
    out
}

/// Skips white space from `at`; never crosses `limit`.
fn skip_ws(text: &str, mut at: usize, limit: usize) -> usize {
    while at < limit {
        match text.get(at..).and_then(|s| s.chars().next()) {
            Some(c) if c.is_whitespace() => at += c.len_utf8(),
            _ => break,
        }
    }
    at
}

/// Whether `text[a..b]` holds a blank line (paragraph break).
fn has_blank_line(s: &str) -> bool {
    let mut newlines = 0;
    for c in s.chars() {
        match c {
            '\n' | '\x0c' => {
                newlines += 1;
                if newlines >= 2 {
                    return true;
                }
            }
            c if c.is_whitespace() => {}
            _ => newlines = 0,
        }
    }
    false
}

/// Parses the header in `text[..input.end]` (at most its first [`HEAD_CAP`] bytes).
#[must_use]
pub fn parse(text: &str, input: &HeaderInput<'_>) -> Header {
    let end = floor_boundary(text, input.end.min(HEAD_CAP));
    let head = sl(text, 0, end);

    let (askers, questions_intro, after_askers) = find_askers(head);
    let (addressees, subject) = match after_askers {
        Some(at) => find_addressees_and_subject(head, at),
        None => (Vec::new(), None),
    };
    let submitted = header_date(head, &["ingezonden", "ingediend"]);
    let received = header_date(head, &["ontvangen"]);
    let dated = letter_date(head);
    let answer = find_answer_intro(text, head);
    let questions_intro = questions_intro.map(|start| {
        let stop = answer.as_ref().map_or(head.len(), |a| a.span.start);
        intro_end(head, start, stop, submitted.as_ref())
    });
    let (id, session_year, aanhangsel_nr) = find_id(text);
    let mededeling = find_mededeling(text, input.furniture).or_else(|| {
        // A notice with no block of its own: the text after its intro.
        let a = answer.as_ref().filter(|a| a.is_mededeling && input.question_blocks == 0)?;
        let start = skip_ws(text, a.span.end, text.len());
        let stop = floor_boundary(text, start.saturating_add(MEDEDELING_CAP));
        let body = sl(text, start, stop).trim_end();
        (!body.is_empty()).then(|| Span::new(start, start + body.len()))
    });

    let is_mededeling = answer.as_ref().is_some_and(|a| a.is_mededeling);
    let kind = if is_mededeling {
        DocKind::Postponement
    } else if input.answer_blocks > 0 {
        DocKind::Answers
    } else if mededeling.is_some() {
        DocKind::Postponement
    } else if answer.is_some() {
        DocKind::Answers
    } else if input.question_blocks > 0 || questions_intro.is_some() {
        DocKind::Questions
    } else {
        DocKind::Other
    };

    Header {
        kind,
        id,
        session_year,
        aanhangsel_nr,
        subject,
        askers,
        addressees,
        respondents: answer.as_ref().map(|a| a.respondents.clone()).unwrap_or_default(),
        submitted,
        received,
        dated,
        questions_intro,
        answer_intro: answer.map(|a| a.span),
        mededeling,
    }
}

// ---------------------------------------------------------------------------
// Dates

fn date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // The month names from the calendar's one list.
    RE.get_or_init(|| {
        let months = crate::calendar::MONTHS.join("|");
        Regex::new(&format!(r"(?i-u)(?-u:\b)([0-9]{{1,2}})[\t-\r ]+({months})[\t-\r ]+([0-9]{{4}})(?-u:\b)"))
            .expect("valid regex")
    })
}

/// "(ingezonden 8 augustus 2024)", also broken over a line or doubled:
/// "(ontvangen (ontvangen 7 juni 2024)". The span runs from the first "(" to
/// the ")" after the date.
fn header_date(head: &str, words: &[&str]) -> Option<HeaderDate> {
    let mut from = 0;
    while let Some(rel) = head.get(from..).and_then(|h| h.find('(')) {
        let at = from + rel;
        from = at + 1;
        let after = skip_ws(head, at + 1, head.len());
        let word = crate::text::lowercase(sl(head, after, floor_boundary(head, after + 12)));
        if !words.iter().any(|w| word.starts_with(w)) {
            continue;
        }
        if let Some(date) = date_in_parens(head, at) {
            return Some(date);
        }
    }
    None
}

/// A ministry letter's date: a line "Datum" (tabs or a colon allowed), the
/// date on it or on the next line: "\t\tDatum⏎\t\t26 augustus 2024". The
/// span is the date itself.
fn letter_date(head: &str) -> Option<HeaderDate> {
    let mut line_start = 0;
    for line in head.split_inclusive('\n') {
        let at = line_start;
        line_start += line.len();
        let trimmed = line.trim_start();
        let Some(rest) = trimmed.get(..5).filter(|w| w.eq_ignore_ascii_case("datum")).map(|_| &trimmed[5..]) else {
            continue;
        };
        // "Datum", "Datum:", "Datum 26 augustus 2024", never "Datumstempel".
        if rest.starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let from = at + (line.len() - trimmed.len()) + 5;
        let window = sl(head, from, floor_boundary(head, from + 80));
        // The first date with a year as the date scanner reads it ("26
        // augustus 2024", "3 sep. 2024", "03-09-2024", "12/11/2023").
        let (span, iso) = crate::dates::first_day_month_year(window)?;
        let (start, end) = (span.start, span.end);
        // On this line or a next one (blank lines between, as a PDF reader
        // may print the letter's side column), with nothing but white space,
        // ":" and a weekday ("dinsdag 3 september 2024") before it.
        let before = window[..start].trim_matches(|c: char| c.is_whitespace() || c == ':');
        let weekday = crate::calendar::WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(before.trim_end_matches(',')));
        if !(before.is_empty() || weekday) || window[..start].matches('\n').count() > 3 {
            return None;
        }
        return Some(HeaderDate { iso, span: Span::new(from + start, from + end) });
    }
    None
}

/// The date in the parentheses opening at `at`.
fn date_in_parens(head: &str, at: usize) -> Option<HeaderDate> {
    let window = sl(head, at, floor_boundary(head, at + 80));
    let inside = window.find(')').map_or(window, |close| sl(window, 0, close));
    let c = date_re().captures(inside)?;
    let whole = c.get(0)?;
    let day: u32 = c.get(1)?.as_str().parse().ok()?;
    let month = month_from_name(c.get(2)?.as_str())?;
    let year: i32 = c.get(3)?.as_str().parse().ok()?;
    if !(1..=31).contains(&day) {
        return None;
    }
    // After the date: ")" (white space allowed) ends the span.
    let rest = sl(window, whole.end(), window.len());
    let gap = leading_ws(rest);
    let end = if rest.trim_start().starts_with(')') { at + whole.end() + gap + 1 } else { at + whole.end() };
    Some(HeaderDate { iso: format!("{year:04}-{month:02}-{day:02}"), span: Span::new(at, end) })
}
