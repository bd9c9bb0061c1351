//! Resolution: from raw mentions to ISO dates, and the diagnostics.
//!
//! A year given is kept; "jl." is the most recent such day on or before the
//! document's date, "a.s." the next; no suffix means the document's year
//! unless that lies more than half a year after its date ("op 15 december"
//! in an answer of January is last December). Dates inside the questions
//! resolve against the date the questions were submitted. "1 juli t/m 30
//! september jl.": the range's start is the most recent 1 July on or before
//! its end.
//!
//! "31 april 2024" (no such day) is an `invalid-date` diagnostic; "dinsdag
//! 31 juli 2024" (a Wednesday) a `weekday-mismatch`.

use super::*;

pub(super) fn ymd(t: (i32, u32, u32)) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(t.0, t.1, t.2)
}

/// The most recent (month, day) on or before `d` (back at most 8 years, for
/// 29 February).
pub(super) fn on_or_before(d: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    (0..9).find_map(|k| NaiveDate::from_ymd_opt(d.year() - k, month, day).filter(|x| *x <= d))
}

pub(super) fn on_or_after(d: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    (0..9).find_map(|k| NaiveDate::from_ymd_opt(d.year() + k, month, day).filter(|x| *x >= d))
}

pub(super) fn resolve(text: &str, ctx: &DateContext, raws: Vec<Raw>) -> DateScan {
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
                                params: vec![("date", r.span.slice(text).to_string())],
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
                        params: vec![
                            ("date", r.span.slice(text).to_string()),
                            ("iso", iso.clone()),
                            ("day", actual.to_string()),
                            ("written", wspan.slice(text).to_ascii_lowercase()),
                        ],
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
pub(super) fn standalone_date(text: &str, raws: &[Raw]) -> Option<NaiveDate> {
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
