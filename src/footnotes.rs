//! Footnote definitions at page bottoms and the markers that refer to them.
//!
//! # Grammar
//!
//! ```text
//! definition = number [")"] [" "] first-char rest { continuation-line }
//!              "1 Tweede Kamer, vergaderjaar 2023–2024, 21 501-20, nr. 2068"
//!              "2Kamerstuk 25 242, nr. 686"   "4(Aanhangsel Handelingen, …)"
//! first-char = capital | quote | "(" | "http" | "www"
//! marker     = number glued to a word or a sign:   "veiligheid?1", "UNECE6-verband",
//!              "keuringseisen7", "»?1, 2", "[3 ]", "gedrag2)"
//!            | a line of numbers only:             "1", "2 3", "2, 3 en 4", "6."
//!            | a number opening a line before a lower-case word: "2 is gekeken naar"
//! ```
//!
//! Both follow the numbering: marker *n* is looked for only after marker
//! *n−1* and before definition *n*; a definition *n* is taken only where the
//! next definition is expected and either its marker was seen or it sits at a
//! page bottom (followed by page furniture, the next definition or the end).
//! So "versie 1.2", "R155", "CO2", "2019/2144/EU", "21 501-20, nr. 2068",
//! amounts and years are never markers: they are not glued the right way, or
//! not the number expected.
//!
//! A definition runs over its continuation lines, across a single blank line
//! when the line before does not end a sentence (footnote 2 of the seed), and
//! stops at page furniture, a heading, a line opening a new page (leading
//! white space or a form feed, unless most lines are indented), the next
//! definition, or two blank lines.
//!
//! In a flattened document (lines longer than 400 bytes) the definitions are
//! a run of "n Text" at the end of a page — just before a page footer or a
//! heading: "… wordt 1 Financieel Dagblad, …, 24 september 2014 2 De
//! Telegraaf, … 3 Kamerstuk, 28 828, nr. 70 ah-tk-20142015-698 ISSN …". The
//! run is read backwards from the highest marker seen; a number after "en",
//! "nr." or a heading word, or a run that does not reach the expected first
//! number, is not taken.
//!
//! # What each PDF reader does to notes
//!
//! - **pdfminer**: "1 Kamerstuk …" on lines of their own at the page bottom,
//!   markers glued ("veiligheid?1"); read as above.
//! - **PDFium** (Chrome, Edge): no blank lines; a page's notes may run
//!   together on one line ("2 Kamerstukken II …, nr. 240. 3 Kamerstukken II
//!   …", "… nr. 267 11 Tweede Kamer …"): a definition is split where the next
//!   number whose marker was seen opens a note (`close`). A page that ends
//!   inside a word puts its first note right after the U+FFFE, which ends a
//!   line (see `lines`).
//! - **pdf.js** (Firefox): no blank lines, and the raised marker comes out
//!   apart from its word: "regenboogbeleid»? 1" at a line end, "…? 2 Zo ja"
//!   before a capital, "in de ADR. 2" after a sentence (not "nr. 2"), "(CWI-
//!   en TNO) 12", "jl. 2 heb". At a line end after "?" or "»" such a marker
//!   may skip one or two numbers missed before it. A note whose marker was
//!   missed is still read at the page bottom, and so is one in lower case
//!   right below the note before ("5 pyrotechnische stoffen …").
//! - **poppler** (Evince, Okular, `pdftotext`): the note's number alone on a
//!   line and its text further down, past blank lines and furniture: see
//!   `separated`. Pages end with form feeds.

use crate::headings::is_heading_line;
use crate::lines::Segment;
use crate::model::{Footnote, Furniture, Span};
use crate::text::join_lines;

mod separated;

/// A definition being read.
struct Def {
    number: u32,
    start: usize,
    /// Where the number ends (the text starts after it).
    text_start: usize,
    end: usize,
    blanks: u32,
    sentence_end: bool,
}

/// "12 Kamerstuk …" → (12, offset of "Kamerstuk" in `t`), for a line `t`
/// without leading white space. "5 pyrotechnische stoffen" (lower case) only
/// when `weak` is allowed.
fn def_start(t: &str) -> Option<(u32, usize)> {
    def_start_with(t, false)
}

fn def_start_with(t: &str, weak: bool) -> Option<(u32, usize)> {
    // "[1] NOS, 23 mei 2024": a bracketed number.
    let bracket = t.starts_with('[');
    let t0 = if bracket { t.get(1..)? } else { t };
    let digits = t0.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let n: u32 = t0.get(..digits)?.parse().ok()?;
    if n == 0 {
        return None;
    }
    let mut rest = t0.get(digits..)?;
    if let Some(r) = rest.strip_prefix(if bracket { ']' } else { ')' }) {
        rest = r;
    } else if bracket {
        return None;
    }
    let spaced = rest.starts_with([' ', '\t']);
    let body = rest.trim_start();
    let at = t.len() - body.len();
    let c = body.chars().next()?;
    let ok = c.is_uppercase()
        || matches!(c, '«' | '"' | '“' | '‘' | '\'' | '(' | '[')
        || body.starts_with("http")
        || body.starts_with("www")
        || (spaced && c.is_ascii_digit() && body.len() > 6 && body.chars().any(char::is_alphabetic))
        || (weak && spaced && c.is_lowercase());
    ok.then_some((n, at))
}

fn is_number_list(t: &str) -> bool {
    matches!(t.as_bytes().first(), Some(b'0'..=b'9' | b'['))
        && t.bytes().any(|b| b.is_ascii_digit())
        && t.split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '[' | ']'))
            .all(|w| w.is_empty() || w == "en" || w.bytes().all(|b| b.is_ascii_digit()))
}

/// A line that opens a new page: leading white space or a form feed.
fn opens_page(s: &str) -> bool {
    s.starts_with([' ', '\t', '\u{c}']) && !s.trim().is_empty()
}

/// The digit runs of `s` (byte ranges).
fn digit_runs(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        i = crate::text::find_digit(b, i)?;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        Some((start, i))
    })
}

/// The value of the digits `d` when it is `1..=3` of them: what
/// `d.parse::<u32>()` gives for such a run, without the parser.
fn small_number(d: &[u8]) -> Option<u32> {
    if d.is_empty() || d.len() > 3 || !d.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(d.iter().fold(0, |n, &c| n * 10 + u32::from(c - b'0')))
}

/// Is the digit run `a..b` of `s` glued the way a footnote marker is?
fn glued_marker(s: &str, a: usize, b: usize) -> bool {
    let before = s.get(..a).unwrap_or("");
    let after = s.get(b..).unwrap_or("");
    let Some(p) = before.chars().next_back() else { return false };
    let q = after.chars().next();
    // What follows: the end, a space, punctuation; not a letter or a decimal part.
    let q_ok = match q {
        None => true,
        Some(c) if c.is_whitespace() => true,
        Some('.' | ',') => !after.get(1..).and_then(|r| r.chars().next()).is_some_and(|c| c.is_ascii_digit()),
        Some(c) => matches!(c, ';' | ':' | ')' | ']' | '»' | '”' | '’' | '"' | '-' | '?' | '!'),
    };
    if !q_ok {
        return false;
    }
    if p.is_alphabetic() {
        // "CO2", "R155", "G7", "A2": short upper-case codes are not glued markers.
        let word: Vec<char> = before.chars().rev().take_while(|c| c.is_alphabetic()).collect();
        let code = word.len() <= 2 && word.iter().all(|c| c.is_uppercase());
        let after_digit = before.chars().rev().nth(word.len()).is_some_and(|c| c.is_ascii_digit());
        return !code && !after_digit;
    }
    match p {
        '[' => matches!(q, Some(' ' | ']')),
        ' ' => {
            let closes_sentence = |r: &str| {
                r.chars().next_back().is_some_and(|c| matches!(c, '?' | '.' | '!' | '\'' | '"' | '’' | '”' | '»'))
            };
            // "'Het laatste kwartier van Sammy'? 1)"
            if q == Some(')') {
                return closes_sentence(before.trim_end());
            }
            // pdf.js sets the raised number apart: "regenboogbeleid»? 1" at
            // the line end, "Regenboogprovincies? 2 Zo ja, …" before a capital.
            let rest = after.trim_start_matches(' ');
            let ends = rest.is_empty() || (after.starts_with(' ') && rest.starts_with(char::is_uppercase));
            let Some(r) = before.get(..before.len() - 1).filter(|r| !r.ends_with(char::is_whitespace)) else {
                return false;
            };
            // After a full stop only at a sentence end: "de Rijksoverheid. 3",
            // "in de ADR. 2", not "nr. 2", "blz. 4", "R. 2".
            let word = r.trim_end_matches('.').rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            let abbreviation = word.chars().count() < 2
                || matches!(
                    word,
                    "nr" | "nrs" | "art" | "artt" | "blz" | "pp" | "lid" | "sub" | "bijv" | "resp" | "ca" | "vgl"
                )
                || crate::text::lowercase(word) == "nr";
            let sentence = r.ends_with('.') && !abbreviation && !r.ends_with("..");
            // "24 april jl. 2 heb aangegeven".
            // "(CWI- en TNO) 12" at the line end.
            let closed = rest.is_empty() && closes_paren(r);
            (ends && (sentence || closed || r.ends_with(['?', '!', '»', '”', '"'])))
                || (r.ends_with(" jl.") && !rest.is_empty())
        }
        // "Agema,7 blijft": a comma after a word (not "3,4").
        ',' => before.chars().rev().nth(1).is_some_and(char::is_alphabetic) && q.map_or(true, char::is_whitespace),
        '?' | '!' | '»' | '”' | '’' | '"' | ')' | ':' | ';' | '.' => {
            // "2.5", "1.2.3": a digit before the dot makes it a number, unless
            // that is a year ending a sentence ("in 2023.13").
            let number = before.chars().rev().nth(1).is_some_and(|c| c.is_ascii_digit());
            let year = before.len() >= 5
                && before.get(before.len() - 5..before.len() - 1).is_some_and(is_year)
                && !before
                    .get(..before.len() - 5)
                    .and_then(|r| r.chars().next_back())
                    .is_some_and(|c| c.is_ascii_digit() || c == '.');
            !(p == '.' && number && !year)
        }
        _ => false,
    }
}

/// " 4" after a question mark or closing quote, at the end of the line.
fn spaced_at_line_end(s: &str, a: usize, b: usize) -> bool {
    let before = s.get(..a).unwrap_or("");
    s.get(b..).is_some_and(|r| r.trim().is_empty())
        && before.strip_suffix(' ').is_some_and(|r| r.ends_with(['?', '!', '»', '”']) || closes_paren(r))
}

/// "…(CWI- en TNO)": a parenthesis closed at the end.
fn closes_paren(r: &str) -> bool {
    r.ends_with(')') && !unclosed_paren(r)
}

/// pdf.js: "…afgelopen november geïnformeerd 7" as the last line of a block
/// (a heading follows): a number after a lower-case word or a closing
/// parenthesis ("(CWI- en TNO) 12"), ending the line.
fn word_spaced_at_block_end(text: &str, seg: Span, s: &str, a: usize, b: usize) -> bool {
    // The next line, past one of closing punctuation only ("TNO) 12⏎.⏎Antwoord 8").
    let mut rest = text.get(seg.end..).unwrap_or("");
    let mut next_line = "";
    for _ in 0..2 {
        rest = rest.trim_start_matches(['\n', ' ', '\u{c}']);
        let (line, after) = rest.split_once('\n').unwrap_or((rest, ""));
        next_line = line;
        rest = after;
        if !line.trim().bytes().all(|b| matches!(b, b'.' | b',' | b';' | b':')) {
            break;
        }
    }
    let before = s.get(..a).and_then(|r| r.strip_suffix(' ')).unwrap_or("");
    let word = before.rsplit(' ').next().unwrap_or("");
    let after_word = word.chars().count() >= 3 && word.chars().all(|c| c.is_alphabetic() && c.is_lowercase());
    s.get(b..).is_some_and(|r| r.trim().is_empty())
        && (after_word || closes_paren(before))
        // "zie het antwoord op vraag 5": a number that counts something.
        && !matches!(
            word,
            "vraag" | "vragen" | "antwoord" | "artikel" | "bijlage" | "lid" | "punt" | "stap" | "fase" | "versie"
                | "hoofdstuk" | "paragraaf" | "pagina" | "week" | "dag" | "jaar" | "nummer" | "onderdeel" | "categorie"
        )
        && is_heading_line(crate::text::trim(next_line))
}

/// After "20235": a space, the end or punctuation (not "20235a").
fn glued_after_year(s: &str, b: usize) -> bool {
    s.get(b..).and_then(|r| r.chars().next()).map_or(true, |c| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ')'))
}

/// "14 juli 20235", "uit 20224": the word before a year with a glued marker
/// says it is a year (not "Postbus 20301").
fn date_word_before(s: &str, a: usize) -> bool {
    // Besides a month name ("juli 20235"): words that come before a year.
    const WORDS: [&str; 9] = ["uit", "in", "van", "sinds", "tot", "eind", "begin", "medio", "jaar"];
    let before = s.get(..a).unwrap_or("");
    // "2022–202813": the second year of a range.
    if let Some(r) = before.strip_suffix('–').or_else(|| before.strip_suffix('-')) {
        if r.len() >= 4 && r.get(r.len() - 4..).is_some_and(is_year) {
            return true;
        }
    }
    let word = before.trim_end().rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    crate::calendar::month_from_name(word).is_some() || WORDS.contains(&crate::text::lowercase(word).as_str())
}

/// Whether `s` has a "(" not closed yet.
fn unclosed_paren(s: &str) -> bool {
    s.rfind('(').is_some_and(|o| s.rfind(')').map_or(true, |c| c < o))
}

/// "1999", "2023": a four-digit year.
fn is_year(d: &str) -> bool {
    d.len() == 4 && d.bytes().all(|b| b.is_ascii_digit()) && (d.starts_with("19") || d.starts_with("20"))
}

/// Finds the markers of footnote `*next`, `*next+1`, … on one body segment.
/// Returns whether the (trimmed) segment is a line of numbers only.
fn scan_markers(text: &str, seg: Span, prev_is_text: bool, next: &mut u32, out: &mut Vec<(u32, Span)>) -> bool {
    let s = seg.slice(text);
    let t = crate::text::trim(s);
    let lead = crate::text::leading_ws(s);
    if is_number_list(t) {
        if !prev_is_text {
            return true;
        }
        for (a, b) in digit_runs(t) {
            if t.get(a..b).and_then(|d| d.parse::<u32>().ok()) == Some(*next) {
                out.push((*next, Span::new(seg.start + lead + a, seg.start + lead + b)));
                *next += 1;
            } else {
                return true;
            }
        }
        return true;
    }
    // "2 is gekeken naar …": a marker that opens the line.
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && t.get(..digits).and_then(|d| d.parse::<u32>().ok()) == Some(*next) {
        let mut rest = t.get(digits..).unwrap_or("").chars();
        if rest.next() == Some(' ') && rest.next().is_some_and(char::is_lowercase) {
            out.push((*next, Span::new(seg.start + lead, seg.start + lead + digits)));
            *next += 1;
        }
    }
    let mut chain_end = 0;
    for (a, b) in digit_runs(s) {
        // "14 juli 20235": a marker glued to a year.
        let after_year = b - a > 4 && b - a <= 7 && is_year(s.get(a..a + 4).unwrap_or("")) && date_word_before(s, a);
        let a = if after_year { a + 4 } else { a };
        let Some(n) = s.as_bytes().get(a..b).and_then(small_number).filter(|_| b - a <= 3) else { continue };
        // pdf.js: "horizon»? 4" at a line end stands for itself even when
        // markers 2 and 3 ("jl. 2", "Agema 3⏎,") were not recognised.
        // So may "geïnformeerd 7" ending the last line of a block, after "3"…"6" were missed.
        let block_end = word_spaced_at_block_end(text, seg, s, a, b);
        let reach = if block_end { 5 } else { 2 };
        if n != *next && !(n > *next && n <= *next + reach && (block_end || spaced_at_line_end(s, a, b))) {
            continue;
        }
        *next = n;
        let chained = a > 0 && a <= chain_end + 5 && {
            let gap = s.get(chain_end..a).unwrap_or("x");
            gap.chars().all(|c| c == ' ' || c == ',') || gap.trim() == "en" || gap.trim() == ", en"
        };
        if chained || glued_marker(s, a, b) || (after_year && glued_after_year(s, b)) || block_end {
            // Markdown "[1 ]", "[4 5 ]": the brackets belong to the marker.
            let open = s.get(..a).is_some_and(|r| r.ends_with('['));
            let close =
                s.get(b..).and_then(|r| r.find(']').filter(|&k| r.get(..k).is_some_and(|g| g.trim().is_empty())));
            let (a, b) = match (open || chained, close) {
                (true, Some(k)) => (a - usize::from(open), b + k + 1),
                _ if open => (a - 1, b),
                // "Sammy'? 1)", "gedrag2)": the parenthesis closes the marker
                // (not "(ICRC)3" nor "(zie 3)").
                _ if s.get(b..).is_some_and(|r| r.starts_with(')')) && !unclosed_paren(s.get(..a).unwrap_or("")) => {
                    (a, b + 1)
                }
                _ => (a, b),
            };
            out.push((*next, Span::new(seg.start + a, seg.start + b)));
            *next += 1;
            chain_end = b;
        }
    }
    false
}

/// Is the definition at segment `i` at a page bottom: followed, within a few
/// lines, by furniture, the next definition or the end of the text?
fn at_page_bottom(text: &str, segs: &[Segment], i: usize, n: u32) -> bool {
    for seg in segs.iter().skip(i + 1).take(12) {
        if seg.after_furniture {
            return true;
        }
        let t = crate::text::trim(seg.span.slice(text));
        if is_heading_line(t) {
            return false;
        }
        if def_start(t).is_some_and(|(m, _)| m == n + 1) {
            return true;
        }
    }
    segs.len() <= i + 12
}

/// Lines longer than this are a flattened page (or document).
const FLAT: usize = 400;

/// The definitions `from..to` (those whose markers were seen) as a run at
/// the end of a flattened segment: "… wordt 1 Financieel Dagblad, … 2014 2 De
/// Telegraaf, … 3 Kamerstuk, 28 828, nr. 70" before the footer.
fn flat_defs(text: &str, seg: Span, from: u32, to: u32, markers: &[(u32, Span)]) -> Vec<Def> {
    let s = seg.slice(text);
    let mut limit = s.trim_end().len();
    // Only the end of the segment is searched: a page's notes are short.
    let floor = crate::text::floor_char_boundary(s, limit.saturating_sub(6000));
    let mut out = Vec::new();
    let mut m = to;
    let mut misses = 0;
    while m > from {
        m -= 1;
        // Markers are in number order: the last one numbered m.
        let k = markers.partition_point(|(n, _)| *n <= m);
        let after_marker = k
            .checked_sub(1)
            .and_then(|k| markers.get(k))
            .filter(|(n, _)| *n == m)
            .map_or(0, |(_, sp)| sp.end.saturating_sub(seg.start));
        // " 1 Financieel", and glued " 1X, 23 oktober".
        let needle = format!(" {m}");
        let hay = s.get(floor.max(after_marker)..limit).unwrap_or("");
        let base = floor.max(after_marker);
        let mut found = None;
        let mut end = hay.len();
        while let Some(k) = hay.get(..end).and_then(|h| h.rfind(&needle)) {
            let at = base + k + 1;
            // Not "Vraag 6 en 7 Deelt", "nr. 2 De", "artikel 3 Wet".
            let prev = s.get(..at - 1).unwrap_or("").rsplit(' ').next().unwrap_or("");
            let list = matches!(
                prev,
                "en" | "op" | "nr." | "nr" | "van" | "artikel" | "vraag" | "vragen" | "Vraag" | "Vragen" | "Antwoord"
            );
            // In running text a note opens with a word, a quote or a link, not a number.
            let opens = s.get(at..limit).and_then(def_start).filter(|&(n, k)| {
                n == m && !s.get(at + k..).is_some_and(|b| b.starts_with(|c: char| c.is_ascii_digit()))
            });
            if !list && limit - at < 2000 && opens.is_some() {
                found = Some(at);
                break;
            }
            end = k;
        }
        let Some(at) = found else {
            misses += 1;
            if out.is_empty() && misses <= 3 {
                continue; // not this high: try a lower number
            }
            break;
        };
        let digits = m.to_string().len();
        let body = s.get(at + digits..limit).unwrap_or("");
        let text_start = at + digits + crate::text::leading_ws(body);
        out.push(Def {
            number: m,
            start: seg.start + at,
            text_start: seg.start + text_start,
            end: seg.start + at + s.get(at..limit).unwrap_or("").trim_end().len(),
            blanks: 0,
            sentence_end: false,
        });
        limit = at;
    }
    // Complete runs only: the lowest found must be the one expected next.
    if out.last().map_or(true, |d| d.number != from) {
        return Vec::new();
    }
    out.reverse();
    out
}

/// PDFium runs the notes of a page together on one line: "2 Kamerstukken
/// II 2023–34, 23 235, nr. 240. 3 Kamerstukken II 2023–34, 29 509, nr. 80."
/// A definition holds the next one where the next number opens a note
/// after a space ("… nr. 267 11 Tweede Kamer, …", "…-handboek 15 https://…",
/// "… standards 11 10 miljoen euro …"); only numbers whose marker was seen
/// (below `seen`); `close` does this as each definition ends, so the
/// numbering goes on after the last note of the run.
fn close(text: &str, d: Option<Def>, seen: u32, out: &mut Vec<Def>, next_def: &mut u32) {
    if let Some(mut d) = d {
        let mut m = d.number + 1;
        while m < seen {
            let body = Span::new(d.text_start, d.end).slice(text);
            let needle = format!("{m} ");
            // The number after a space or a line break, not inside "2023 1".
            let after_space = |k: usize| k > 0 && body.as_bytes().get(k - 1).is_some_and(|&b| b == b' ' || b == b'\n');
            let found = body.match_indices(&needle).map(|(k, _)| k).filter(|&k| after_space(k)).find_map(|k| {
                body.get(k..)
                    .and_then(def_start)
                    .filter(|&(n, at)| {
                        // "11 10 miljoen euro …" opens with a number and a word; "nr. 2 3" does not.
                        let rest = body.get(k + at..).unwrap_or("");
                        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                        let word_after = rest.get(digits..).and_then(|r| r.strip_prefix(' ')).is_some_and(|r| {
                            r.split(' ').next().is_some_and(|w| w.len() >= 3 && w.chars().all(char::is_alphabetic))
                        });
                        n == m && (digits == 0 || word_after)
                    })
                    .map(|(_, at)| (k, at))
            });
            let Some((k, at)) = found else { break };
            let start = d.text_start + k;
            let next = Def { number: m, start, text_start: start + at, end: d.end, blanks: 0, sentence_end: false };
            d.end = d.text_start + crate::text::trim_end(body.get(..k).unwrap_or("")).len();
            out.push(d);
            d = next;
            m += 1;
        }
        *next_def = (*next_def).max(d.number + 1);
        out.push(d);
    }
}

fn finish(text: &str, d: &Def, markers: &[(u32, Span)]) -> Footnote {
    Footnote {
        number: d.number,
        span: Span::new(d.start, d.end),
        text: join_lines(Span::new(d.text_start, d.end).slice(text)),
        markers: markers.iter().filter(|(n, _)| *n == d.number).map(|(_, s)| *s).collect(),
    }
}

/// Finds the footnotes in `text` (definitions and markers).
#[must_use]
pub fn find(text: &str, furniture: &[Furniture]) -> Vec<Footnote> {
    find_in(text, &crate::lines::lines(text).collect::<Vec<_>>(), furniture)
}

/// [`find`] given the lines of `text` (see [`crate::lines::lines`]).
pub(crate) fn find_in(text: &str, lines: &[Span], furniture: &[Furniture]) -> Vec<Footnote> {
    let segs = crate::lines::body_segments_in(lines, furniture);
    let mut markers: Vec<(u32, Span)> = Vec::new();
    let mut defs: Vec<Def> = Vec::new();
    let mut cur: Option<Def> = None;
    let (mut next_marker, mut next_def) = (1u32, 1u32);
    let mut prev_is_text = false;
    let mut prev_sentence_end = false;
    // When most lines are indented, leading white space does not open a page.
    let (mut lines, mut indented_lines) = (0usize, 0usize);
    for seg in &segs {
        let s = seg.span.slice(text);
        if !crate::text::trim(s).is_empty() {
            lines += 1;
            indented_lines += usize::from(s.starts_with([' ', '\t']));
        }
    }
    let indented = indented_lines * 3 > lines;
    let mut skip_to = 0;
    // The segment follows a note's last line directly.
    let mut follows_note = false;
    for (i, seg) in segs.iter().enumerate() {
        if i < skip_to {
            continue;
        }
        let s = seg.span.slice(text);
        let t = crate::text::trim(s);
        let lead = crate::text::leading_ws(s);
        if let Some(d) = cur.as_mut() {
            if t.is_empty() {
                d.blanks += 1;
                continue;
            }
            let stop = seg.after_furniture
                || (opens_page(s) && (!indented || s.starts_with('\u{c}')))
                || d.blanks >= 2
                || (d.blanks == 1 && d.sentence_end)
                || is_heading_line(t)
                || t == "Mededeling"
                // "5 pyrotechnische stoffen …" right below note 4: the next note,
                // even in lower case and with its marker missed (pdf.js).
                || def_start_with(t, next_marker > next_def || d.blanks == 0).is_some_and(|(n, _)| n == next_def);
            if !stop {
                d.end = seg.span.start + lead + t.len();
                d.blanks = 0;
                d.sentence_end = t.ends_with(['.', '?', '!']);
                continue;
            }
            follows_note = d.blanks == 0;
            close(text, cur.take(), next_marker, &mut defs, &mut next_def);
        }
        if t.is_empty() {
            prev_is_text = false;
            continue;
        }
        if seg.line.len() > FLAT {
            // A flattened page: markers in the running text, the definitions
            // as a run just before the page footer that ends the segment.
            // Notes are looked for before each heading and before the footer.
            let footer_follows = segs.get(i + 1).map_or(true, |n| n.after_furniture);
            let mut from = seg.span.start;
            let mut ends = crate::headings::inline_heading_starts(text, seg.span);
            ends.push(seg.span.end);
            for end in ends {
                let piece = Span::new(from, end);
                from = end;
                let _ = scan_markers(text, piece, false, &mut next_marker, &mut markers);
                if end == seg.span.end && !footer_follows {
                    continue;
                }
                // Before a footer the run is anchored: notes whose marker was
                // not recognised may be found there too.
                let to = if end == seg.span.end { next_marker.max(next_def) + 3 } else { next_marker };
                let found = flat_defs(text, piece, next_def, to, &markers);
                if let Some(last) = found.last() {
                    next_def = last.number + 1;
                    next_marker = next_marker.max(next_def);
                }
                defs.extend(found);
            }
            prev_is_text = true;
            continue;
        }
        // poppler: the note's number alone on a line, its text further down
        // the page (see `separated`).
        if let Some(n) = separated::lone_number(t) {
            let expected = n == next_def || (n > next_def && n <= next_def + 2);
            if expected && next_marker > n {
                if let Some((found, resume)) = separated::read(text, &segs, i, n, next_marker) {
                    next_def = found.iter().map(|d| d.number + 1).max().unwrap_or(next_def);
                    next_marker = next_marker.max(next_def);
                    defs.extend(found);
                    skip_to = resume;
                    prev_is_text = false;
                    prev_sentence_end = false;
                    continue;
                }
            }
        }
        // A lower-case start ("5 pyrotechnische stoffen …") only once its marker
        // was seen; a definition whose predecessor was missed only at a page bottom.
        let weak = next_marker > next_def || follows_note;
        follows_note = false;
        if let Some((n, at)) = def_start_with(t, weak) {
            let expected = n == next_def && (next_marker > n || at_page_bottom(text, &segs, i, n));
            let skipped = n > next_def && n <= next_def + 2 && next_marker > n && at_page_bottom(text, &segs, i, n);
            if (expected || skipped) && !is_heading_line(t) {
                let start = seg.span.start + lead;
                cur = Some(Def {
                    number: n,
                    start,
                    text_start: start + at,
                    end: start + t.len(),
                    blanks: 0,
                    sentence_end: t.ends_with(['.', '?', '!']),
                });
                next_def = n + 1;
                next_marker = next_marker.max(n + 1);
                prev_is_text = false;
                prev_sentence_end = false;
                continue;
            }
            // "uitgevaardigd.⏎2 Deze richtlijnen …": not a definition here, so
            // the number that opens the next sentence is the expected marker.
            if n == next_marker && prev_sentence_end && at > 0 {
                let digits = t.bytes().take_while(u8::is_ascii_digit).count();
                markers.push((n, Span::new(seg.span.start + lead, seg.span.start + lead + digits)));
                next_marker += 1;
            }
        }
        prev_is_text = !scan_markers(text, seg.span, prev_is_text, &mut next_marker, &mut markers);
        prev_sentence_end = t.ends_with(['.', '?', '!']);
    }
    close(text, cur.take(), next_marker, &mut defs, &mut next_def);
    defs.iter().map(|d| finish(text, d, &markers)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notes(text: &str) -> Vec<(u32, String, Vec<String>)> {
        let furniture = crate::furniture::find(text);
        find(text, &furniture)
            .into_iter()
            .map(|f| {
                let around = f
                    .markers
                    .iter()
                    .map(|m| {
                        let from = text[..m.start].char_indices().rev().nth(4).map_or(0, |(i, _)| i);
                        format!("{}[{}]", &text[from..m.start], m.slice(text))
                    })
                    .collect();
                (f.number, f.span.slice(text).to_string(), around)
            })
            .collect()
    }

    #[test]
    fn seed_shapes() {
        let text = "Vraag 1\nvoor de nationale veiligheid?1\n\nAntwoord 1\nDe analyse van voertuigen2\n\nvoor de veiligheid.\n\n1 Tweede Kamer, vergaderjaar 2023–2024, 21 501-20, nr. 2068\n2 De risicoanalyse ziet op voertuigen. Hier is voor gekozen\n\ngezien mogelijke risico’s.\n Vraag 2\nin UNECE3-verband, UN Reglement R155 en R156, typegoed-\nkeuringseisen4 onder verordening 2019/2144/EU, versie 1.2.\n\n3 The United Nations (UNECE).\n4 Typegoedkeuring is het systeem.\n antwoord op vraag 1.\n";
        let got = notes(text);
        assert_eq!(got.len(), 4, "{got:#?}");
        assert_eq!(got[0].2, ["heid?[1]"]);
        assert_eq!(
            got[1].1,
            "2 De risicoanalyse ziet op voertuigen. Hier is voor gekozen\n\ngezien mogelijke risico’s."
        );
        assert_eq!(got[1].2, ["uigen[2]"]);
        assert_eq!(got[2].2, ["UNECE[3]"]);
        assert_eq!(got[3].2, ["eisen[4]"]);
        assert_eq!(got[3].1, "4 Typegoedkeuring is het systeem.");
    }

    #[test]
    fn lists_own_lines_and_line_starts() {
        let text = "Kent u de berichten «A» en «B»?1, 2\n\nZie ook\n3\nVraag 2\nhet btw-tarief\n4 is gekeken naar\nde zaak.\n1 NOS, A.\n2 NU.nl, B.\n3Kamerstuk 25 242, nr. 686\n4(Aanhangsel Handelingen, nr. 3).\nah-tk-20242025-562\nISSN 0921 - 7398\n";
        let got = notes(text);
        let numbers: Vec<u32> = got.iter().map(|g| g.0).collect();
        assert_eq!(numbers, [1, 2, 3, 4]);
        assert_eq!(got[1].2, ["»?1, [2]"]);
        assert_eq!(got[2].2.len(), 1);
        assert_eq!(got[3].2, ["rief\n[4]"]);
    }

    #[test]
    fn numbers_in_text_are_not_markers() {
        let text = "Vraag 1\nIn 2023 kostte het € 2,8 miljard (R155, CO2, 2019/2144/EU, versie 1.2).\n\n1 Kamerstuk 21 501-20, nr. 2068\n";
        let got = notes(text);
        assert_eq!(got.len(), 1);
        assert!(got[0].2.is_empty());
    }

    #[test]
    fn a_table_of_numbers_is_not_a_definition() {
        let text = "Vraag 1\nHoeveel?\n\nAntwoord 1\nGrond\n\n2\n10\n\n3\n14\n\nVraag 2\nEn nu?\n";
        assert!(notes(text).is_empty());
    }
}
