//! Coarser dates: parts of a year or month, seasons, quarters.
//!
//! ```text
//! vague   = ("begin" | "eind" | "medio" | …) ["van" ["het"]] (YEAR | MONTH [YEAR | suffix] | "dit jaar" | …)
//! season  = [("na" | "voor" | "in" | "tijdens" | …) ("de" | "het") | "deze" | "komende" | "afgelopen" | …]
//!           SEASON [["van"] YEAR | "dit jaar" | …]    (SEASON alone only after such words)
//! quarter = "Q" 1–4 ["van"] (YEAR | "dit jaar" | …)
//!         | ("eerste" | "tweede" | …) ("kwartaal" | "helft" | "halfjaar" | "jaarhelft") ["van"] (YEAR | "dit jaar" | …)
//! ```
//!
//! "begin dit jaar", "medio 2024", "eind mei", "begin juli van dit jaar"
//! (iso "2024-07"), "Q1 2024", "Q3 van dit jaar", "eerste kwartaal van 2025",
//! "tweede helft van dit jaar", "na de zomer", "in de zomer van 2023",
//! "najaar 2024", "deze zomer"; "dit jaar", "vorig jaar" give the year. A
//! season alone ("de zomer was warm") is not a date.

use super::*;

impl Scanner<'_> {
    /// "begin dit jaar", "medio 2024", "eind mei", "begin juli van dit jaar".
    pub(super) fn vague_part(&mut self, t: Tok) -> Option<usize> {
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
    pub(super) fn season(&mut self, t: Tok) -> Option<usize> {
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
    pub(super) fn quarter(&mut self, t: Tok) -> Option<usize> {
        let text = self.text;
        let q = next(text, t.end).filter(|q| q.glued(t.end) && q.end - q.start == 1)?;
        if !matches!(num_value(text, q), Some(1..=4)) || char_before(text, t.start).is_some_and(char::is_alphanumeric) {
            return None;
        }
        self.period_tail(t.start, q.end)
    }

    /// "eerste kwartaal van 2025", "tweede helft van dit jaar".
    pub(super) fn ordinal_period(&mut self, t: Tok) -> Option<usize> {
        let text = self.text;
        let p = next(text, t.end)?;
        let w = word(text, p).to_ascii_lowercase();
        if !matches!(w.as_str(), "kwartaal" | "helft" | "halfjaar" | "jaarhelft") {
            return None;
        }
        self.period_tail(t.start, p.end)
    }

    pub(super) fn period_tail(&mut self, start: usize, at: usize) -> Option<usize> {
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
    pub(super) fn relative_year(&mut self, t: Tok) -> Option<usize> {
        let (rel, end) = self.suffix(t.start)?;
        if !matches!(rel, Rel::Offset(_)) || end <= t.start {
            return None;
        }
        self.push_month(Span::new(t.start, end), Precision::Year, None, 0, rel);
        Some(end)
    }
}
