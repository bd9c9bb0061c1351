//! The scanner: tries a date at each place the word pass marked (digit runs
//! and opener words) and records raw mentions whose year may still be
//! relative ("jl.", "dit jaar"). Numeric dates, bare years and the words
//! that open a date live here; day-first and month-first groups in
//! `days`, vague periods in `vague`.
//!
//! ```text
//! numeric   = D "-" M "-" YYYY | D "/" M "/" YYYY | YYYY "-" MM "-" DD   "12-10-2023", "2024-10-12"
//! bare-year = preposition YYYY                                     "in 2021", "sinds 2019"
//! month     = MONTH [YEAR | suffix]                                "maart 2022", "juli jl."
//! suffix    = "jl." | "j.l." | "jongstleden" | "a.s." | "aanstaande"
//!           | ["van"] ("dit" | "vorig" | "volgend") "jaar"
//! ```
//!
//! Not dates: digits touching "-", "/", ":" or an identifier's letters
//! ("ah-tk-20232024-1481", "2024Z18294") and anything inside a skipped span
//! (a URL).

use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Rel {
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
pub(super) struct Raw {
    pub(super) span: Span,
    pub(super) precision: Precision,
    pub(super) year: Option<i32>,
    /// 0 when not known.
    pub(super) month: u32,
    /// 0 when not known.
    pub(super) day: u32,
    pub(super) rel: Rel,
    /// The weekday named before the day (0 = Monday) and its text span.
    pub(super) weekday: Option<(u32, Span)>,
}

/// One parsed group of days sharing a month: "14, 15 en 16 maart jl.".
pub(super) struct Group {
    pub(super) start: usize,
    pub(super) days: Vec<(Span, u32)>,
    pub(super) month: u32,
    pub(super) year: Option<i32>,
    pub(super) rel: Rel,
    pub(super) end: usize,
    pub(super) weekday: Option<(u32, Span)>,
}

pub(super) struct Scanner<'a> {
    pub(super) text: &'a str,
    pub(super) skip: &'a [Span],
    pub(super) raws: Vec<Raw>,
}

/// Characters that may not touch a date's digits: identifiers, URLs, amounts.
pub(super) fn joins_identifier(c: Option<char>) -> bool {
    matches!(c, Some('-' | '/' | ':' | '_' | '=' | '.' | ',' | '€' | '$' | '§' | '#' | '@' | '\\' | '+' | '&' | '%'))
}

pub(super) fn year_value(v: u32) -> bool {
    (1800..=2199).contains(&v)
}

impl<'a> Scanner<'a> {
    pub(super) fn new(text: &'a str, skip: &'a [Span]) -> Self {
        Scanner { text, skip, raws: Vec::new() }
    }

    pub(super) fn skipped(&self, span: Span) -> bool {
        let i = self.skip.partition_point(|s| s.end <= span.start);
        self.skip.get(i).is_some_and(|s| s.overlaps(span))
    }

    /// Inside a token that looks like a URL ("https://…", "www.…").
    pub(super) fn in_url(&self, start: usize) -> bool {
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
    pub(super) fn run(&mut self, runs: &[(usize, usize)]) {
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
    pub(super) fn push(&mut self, raw: Raw) -> Option<usize> {
        if raw.span.start < raw.span.end && !self.skipped(raw.span) && !self.in_url(raw.span.start) {
            self.raws.push(raw);
            Some(self.raws.len() - 1)
        } else {
            None
        }
    }

    // --- digit runs -------------------------------------------------------

    pub(super) fn at_number(&mut self, start: usize, end: usize) -> Option<usize> {
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
    pub(super) fn numeric_date(&mut self, start: usize, end: usize) -> Option<usize> {
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
    pub(super) fn bare_year(&mut self, start: usize, end: usize) -> Option<usize> {
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
    pub(super) fn year_tok(&self, t: Tok) -> Option<(i32, usize)> {
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

    pub(super) fn at_word(&mut self, start: usize, end: usize) -> Option<usize> {
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

    pub(super) fn push_month(&mut self, span: Span, precision: Precision, year: Option<i32>, month: u32, rel: Rel) {
        let _ = self.push(Raw { span, precision, year, month, day: 0, rel, weekday: None });
    }

    /// "maart 2022", "juli jl.", "april vorig jaar", "in april"; `start` is
    /// where the span begins, `t` the month token.
    pub(super) fn month_tail(&mut self, start: usize, t: Tok, m: u32, qualifier: Option<Precision>) -> Option<usize> {
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

    pub(super) fn month_alone(&mut self, start: usize, t: Tok, m: u32, rel: Rel) -> Option<usize> {
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
    pub(super) fn suffix(&self, at: usize) -> Option<(Rel, usize)> {
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
}
