//! Day-first and month-first dates: a group of days sharing one month.
//!
//! ```text
//! day-first   = [weekday [","]] D {("," | en | of | t/m | tot [en met] | - | –) D} MONTH [","] [YEAR | suffix]
//! month-first = MONTH D {(and | en | ",") D} [","] YEAR
//! ```
//!
//! "woensdag 31 juli jl.", "14, 15 en 16 maart jl." (three dates), "1 juli
//! t/m 30 september jl." (a range: the first resolves against the second),
//! "Januari 25, 2023", "November 7 and 8, 2023". A list needs a
//! conjunction: "Schiedam 24, 26 maart 2024" is one date.

use super::*;

impl Scanner<'_> {
    pub(super) fn weekday_first(&mut self, t: Tok, wd: u32, rel: Rel, start: usize) -> Option<usize> {
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
    pub(super) fn group(&self, t: Tok, weekday: Option<(u32, Span)>) -> Option<Group> {
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
    pub(super) fn push_group(&mut self, g: &Group) -> Vec<usize> {
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
    pub(super) fn day_first(
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
    pub(super) fn month_first(&mut self, mt: Tok, month: u32) -> Option<usize> {
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
}

/// A day number may start at `start`: not glued to an identifier ("C-15",
/// "2,5", "jl.2"), except after "d.d.".
pub(super) fn day_may_start(text: &str, start: usize) -> bool {
    let before = char_before(text, start);
    !joins_identifier(before) || (before == Some('.') && text.get(..start).is_some_and(|h| h.ends_with("d.d.")))
}

/// Only whitespace between the line start and `t`.
pub(super) fn alone_on_line(text: &str, t: Tok) -> bool {
    let b = text.as_bytes();
    let mut j = t.start;
    while j > 0 && matches!(b[j - 1], b' ' | b'\t') {
        j -= 1;
    }
    j == 0 || b[j - 1] == b'\n'
}

pub(super) fn day_of(text: &str, t: Tok) -> Option<u32> {
    if t.kind != Kind::Num || t.end - t.start > 2 {
        return None;
    }
    num_value(text, t).filter(|d| (1..=31).contains(d))
}

/// A list or range connector at `t`: (is a conjunction, end).
/// ",", "en", "of", "and", "&", "t/m", "tot", "tot en met", "-", "–".
pub(super) fn connector(text: &str, t: Tok) -> Option<(bool, usize)> {
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
