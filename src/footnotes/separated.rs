//! Footnote numbers printed apart from their texts, as poppler (`pdftotext`,
//! Evince, Okular) reads a page: the numbers stand in a column of their own,
//! so each comes out as a line holding only the number, and the text follows
//! on the next line, after a blank line, or even after the page furniture
//! that sits between them.
//!
//! ```text
//! notes     = number-line { number-line | blank | furniture } text-para
//!             { number-line | blank | furniture | text-para }
//!             (page end: furniture, a form feed, a heading or the end)
//! text-para = lines without a blank between them, followed by a number
//!             line, furniture, the page end or another note's text
//! ```
//!
//! ```text
//! …waarde van dat predicaat dan nog?       ← body (marker "nog?1" above)
//!
//! 1                                        ← number of note 1
//!
//! ah-tk-20232024-1314                      ← furniture in between
//! ISSN 0921 - 7398
//!
//! NOS, d.d. 1 maart 2024, «Kritiek op …», ← text of note 1
//! https://nos.nl/artikel/2510977-…
//!
//! Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel ← page footer
//! ```
//!
//! Other shapes of the same pages: "2⏎Kamerstukken II …⏎3⏎Kamerstukken II
//! …" (numbers and texts taking turns), "5⏎6⏎⏎Kamerstukken …⏎Kamerstukken …"
//! (two numbers, then their two one-line texts), and a number that comes
//! out after the texts ("…⏎12⏎Post-Quantum …⏎10"): a note of its own,
//! without text. A run of text between a number and the page end that is
//! followed by more body text ("Meldingen in 2021⏎⏎Meldingen in 2022", a
//! table the number landed in) is body, not the note.
//!
//! Only numbers whose marker was seen and that come next in the numbering
//! (or skip at most two) start this reading, so a table of numbers, a page
//! number or a year on a line of its own is never taken for a note.

use super::Def;
use crate::headings::is_heading_line;
use crate::lines::Segment;
use crate::model::Span;

/// "12" alone on a line: its value.
pub(super) fn lone_number(t: &str) -> Option<u32> {
    let t = t.trim_start_matches('\u{c}');
    if t.is_empty() || t.len() > 3 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok().filter(|&n| n > 0)
}

enum Item {
    Number(u32, Span),
    Text(Span),
    /// A blank line or a cut-out piece of furniture.
    Break,
}

/// The notes from the lone number at segment `i` (note `first`; markers up
/// to `seen - 1` were seen) to the page end, and the segment after the last
/// one taken. None when no text for the first number is found.
pub(super) fn read(text: &str, segs: &[Segment], i: usize, first: u32, seen: u32) -> Option<(Vec<Def>, usize)> {
    // The page from the number on, as items.
    let mut items: Vec<(usize, Item)> = Vec::new();
    for (j, seg) in segs.iter().enumerate().skip(i).take(120) {
        let s = seg.span.slice(text);
        let t = crate::text::trim(s);
        if j > i && (s.starts_with('\u{c}') || is_heading_line(t) || t == "Mededeling") {
            break;
        }
        if j > i && seg.after_furniture {
            items.push((j, Item::Break));
        }
        if t.is_empty() {
            items.push((j, Item::Break));
        } else if let Some(n) = lone_number(t) {
            let lead = s.len() - crate::text::trim_start(s).len();
            items.push((j, Item::Number(n, Span::new(seg.span.start + lead, seg.span.start + lead + t.len()))));
        } else {
            items.push((j, Item::Text(seg.span)));
        }
    }
    // "2⏎12⏎⏎3⏎14": a number heading a column of a table, not a note.
    let next_number = items.iter().skip(1).find(|(_, it)| !matches!(it, Item::Break));
    if let Some((_, Item::Number(m, _))) = next_number {
        if *m != first + 1 && *m != first + 2 {
            return None;
        }
    }
    let mut defs: Vec<Def> = Vec::new();
    let mut queue: Vec<(u32, Span)> = Vec::new();
    let mut expected = first;
    let mut skipped: Vec<u32> = Vec::new();
    let mut resume = i + 1;
    // Body text (or a table) seen since the first number: no more numbers are taken.
    let mut body_seen = false;
    let mut k = 0;
    // Is the number `n` one of the notes here (next, skipping at most two, or one skipped before)?
    let in_sequence = |n: u32, expected: u32, skipped: &[u32]| {
        n == expected || (n > expected && n <= expected + 2 && n < seen) || skipped.contains(&n)
    };
    while k < items.len() {
        match items[k].1 {
            Item::Break => k += 1,
            Item::Number(n, span) => {
                if body_seen || !in_sequence(n, expected, &skipped) {
                    // "2⏎10⏎⏎3⏎14": a table the number landed in.
                    body_seen = true;
                } else {
                    if n >= expected {
                        skipped.extend(expected..n);
                        expected = n + 1;
                    } else {
                        skipped.retain(|&m| m != n);
                    }
                    queue.push((n, span));
                    resume = items[k].0 + 1;
                }
                k += 1;
            }
            Item::Text(_) => {
                // The paragraph: text lines up to a break or a number.
                let from = k;
                while k < items.len() && matches!(items[k].1, Item::Text(_)) {
                    k += 1;
                }
                let lines: Vec<Span> = items[from..k]
                    .iter()
                    .filter_map(|(_, it)| if let Item::Text(s) = it { Some(*s) } else { None })
                    .collect();
                // What follows it: a number in sequence, furniture, the page end.
                let mut after = k;
                let mut furniture = false;
                while after < items.len() && matches!(items[after].1, Item::Break) {
                    furniture |= segs.get(items[after].0).is_some_and(|s| s.after_furniture);
                    after += 1;
                }
                let bottom = match items.get(after) {
                    None => true,
                    Some((_, Item::Number(n, _))) => in_sequence(*n, expected, &skipped) || furniture,
                    Some((_, Item::Text(_))) => furniture,
                    Some((_, Item::Break)) => false,
                };
                // "2 Movisie, …": the note is printed whole after all (pdfminer).
                let printed_whole = lines.iter().any(|l| {
                    super::def_start(crate::text::trim(l.slice(text)))
                        .is_some_and(|(n, _)| queue.iter().any(|q| q.0 == n))
                });
                if printed_whole {
                    return None;
                }
                if queue.is_empty() || !bottom {
                    if !defs.is_empty() && queue.is_empty() {
                        break; // the notes are over
                    }
                    body_seen = true;
                    continue; // body text the number landed in
                }
                // The first note's span takes in its number (and the numbers,
                // blanks and furniture after it) when no body text lies between.
                let own_number = items[..from]
                    .iter()
                    .rev()
                    .take_while(|(_, it)| !matches!(it, Item::Text(_)))
                    .any(|(_, it)| matches!(it, Item::Number(_, s) if Some(*s) == queue.first().map(|q| q.1)));
                // Two numbers and their two texts: one line each, the last takes the rest.
                let mut lines = lines.into_iter();
                let last = queue.len() - 1;
                for (q, (n, number)) in queue.drain(..).enumerate() {
                    let first_line = lines.next();
                    let end_line = if q == last { lines.by_ref().last().or(first_line) } else { first_line };
                    let Some(first_line) = first_line else {
                        defs.push(number_only(n, number));
                        continue;
                    };
                    let end_line = end_line.unwrap_or(first_line);
                    let text_start = first_line.start + crate::text::leading_ws(first_line.slice(text));
                    let end = end_line.start + crate::text::trim_end(end_line.slice(text)).len();
                    let start = if q == 0 && own_number { number.start } else { text_start };
                    defs.push(Def { number: n, start, text_start, end, blanks: 0, sentence_end: false });
                }
                resume = items[k - 1].0 + 1;
            }
        }
    }
    if defs.is_empty() {
        return None;
    }
    // A number left over at the page end ("…⏎Consortium⏎10"): its text was read with another note.
    for (n, number) in queue {
        defs.push(number_only(n, number));
    }
    Some((defs, resume))
}

fn number_only(n: u32, number: Span) -> Def {
    Def { number: n, start: number.start, text_start: number.end, end: number.end, blanks: 0, sentence_end: false }
}
