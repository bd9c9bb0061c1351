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
//!   "Datum" line is not a received date (`received` stays empty).
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
//! Traps: "Vragen gesteld door de leden der Kamer" (masthead) has no askers;
//! "de motie van het lid Van Zanten c.s." in the subject is not an asker.

use crate::calendar::month_from_name;
use crate::model::{Addressee, Asker, DocKind, Furniture, Header, HeaderDate, Respondent, Span};
use regex::Regex;
use std::sync::OnceLock;

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

/// The smallest char boundary `>= i` (and `<= text.len()`).
fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The largest char boundary `<= i` (and `<= text.len()`).
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn sl(text: &str, start: usize, end: usize) -> &str {
    text.get(start..end).unwrap_or("")
}

/// Folds white space to single spaces; a hyphen at a line break joins
/// ("Van der Wal-⏎Zeggelink" → "Van der Wal-Zeggelink").
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap: Option<bool> = None; // Some(had_newline)
    for c in s.chars() {
        if c.is_whitespace() {
            let nl = c == '\n' || c == '\x0c';
            gap = Some(gap.unwrap_or(false) || nl);
            continue;
        }
        if let Some(nl) = gap.take() {
            let joined = nl && out.ends_with('-') && c.is_alphabetic();
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
        questions_intro,
        answer_intro: answer.map(|a| a.span),
        mededeling,
    }
}

// ---------------------------------------------------------------------------
// Dates

fn date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        r"(?i-u)(?-u:\b)([0-9]{1,2})[\t-\r ]+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)[\t-\r ]+([0-9]{4})(?-u:\b)",
    )
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
    let gap = rest.len() - rest.trim_start().len();
    let end = if rest.trim_start().starts_with(')') { at + whole.end() + gap + 1 } else { at + whole.end() };
    Some(HeaderDate { iso: format!("{year:04}-{month:02}-{day:02}"), span: Span::new(at, end) })
}

// ---------------------------------------------------------------------------
// Askers

const PREFIXES: &[&str] = &[
    "van", "de", "der", "den", "het", "'t", "’t", "ter", "ten", "te", "in", "op", "la", "le", "du", "da", "di", "del",
    "von", "zu", "vd", "d'", "d’", "l'", "l’", "'s", "’s",
];

/// Spacing accents a PDF leaves beside their letter: "Kostic´", "Yes¸ ilgöz".
fn is_accent(c: char) -> bool {
    matches!(c, '´' | '¸' | '¨' | '`' | '˘' | 'ˇ' | '˛' | '˝' | '^' | '~' | '˜')
}

fn is_initials(word: &str) -> bool {
    word.len() >= 2
        && word.ends_with('.')
        && word.split('.').filter(|p| !p.is_empty()).all(|p| p.chars().count() <= 2)
        && word.chars().next().is_some_and(char::is_uppercase)
}

/// A word of a name: `(start, end)` in text; stops at white space and `(),;:`.
fn next_word(text: &str, at: usize, limit: usize) -> Option<(usize, usize)> {
    let start = skip_ws(text, at, limit);
    let mut end = start;
    for c in sl(text, start, limit).chars() {
        if c.is_whitespace() || matches!(c, '(' | ')' | ',' | ';' | ':' | '«' | '»' | '"') {
            break;
        }
        end += c.len_utf8();
    }
    (end > start).then_some((start, end))
}

/// A name as printed: initials skipped, prefixes kept, accents rejoined.
/// Returns `(span, name)`; the first word must be capitalised.
fn read_name(text: &str, at: usize, limit: usize) -> Option<(Span, String)> {
    let mut pos = at;
    let mut start: Option<usize> = None;
    let mut last_good: Option<usize> = None; // end of the last capitalised word
    let mut name = String::new();
    let mut good_len = 0; // name length up to last_good
    let mut words = 0;
    while let Some((ws, we)) = next_word(text, pos, limit) {
        let word = sl(text, ws, we);
        let first = word.chars().next()?;
        let prev_accent = name.chars().last().is_some_and(is_accent);
        let lower = crate::text::lowercase(word);
        if start.is_none() && is_initials(word) {
            pos = we;
            continue;
        }
        let glue = start.is_some() && (word.chars().all(is_accent) || (prev_accent && first.is_lowercase()));
        let capital = first.is_uppercase();
        let prefix = PREFIXES.contains(&lower.as_str());
        if !(glue || capital || prefix) || words >= 8 {
            break;
        }
        if start.is_none() {
            start = Some(ws);
        } else if !glue {
            name.push(' ');
        }
        name.push_str(word);
        words += 1;
        pos = we;
        if capital || glue {
            last_good = Some(we);
            good_len = name.len();
        }
    }
    let (start, end) = (start?, last_good?);
    name.truncate(good_len);
    Some((Span::new(start, end), name))
}

/// "(PVV)", "(beiden VVD)", "(allen: GroenLinks)": `(span, party, shared)`.
fn read_party(text: &str, at: usize, limit: usize) -> Option<(Span, String, bool)> {
    let open = skip_ws(text, at, limit);
    if !sl(text, open, limit).starts_with('(') {
        return None;
    }
    let window = sl(text, open, floor_boundary(text, (open + 120).min(limit)));
    let close = window.find(')')?;
    let inner = sl(window, 1, close);
    if inner.contains('(') {
        return None;
    }
    let mut party = fold(inner);
    let mut shared = false;
    for group in ["beiden", "beide", "allebei", "allen", "alle"] {
        if party.len() > group.len()
            && party.get(..group.len()).is_some_and(|g| g.eq_ignore_ascii_case(group))
            && party[group.len()..].starts_with([' ', ':'])
        {
            party = party[group.len()..].trim_start_matches([' ', ':']).to_string();
            shared = true;
            break;
        }
    }
    (!party.is_empty()).then(|| (Span::new(open, open + close + 1), party, shared))
}

/// After a name or party: "," / "en" / ", en" before the next name.
fn read_separator(text: &str, at: usize, limit: usize) -> Option<usize> {
    let mut pos = skip_ws(text, at, limit);
    let mut seen = false;
    if sl(text, pos, limit).starts_with(',') {
        pos += 1;
        seen = true;
    }
    if let Some((ws, we)) = next_word(text, pos, limit) {
        if sl(text, ws, we) == "en" {
            return Some(we);
        }
    }
    seen.then_some(pos)
}

/// The askers list starting at `at` ("Mutluer (GroenLinks-PvdA) en Kostic´  (PvdD)").
/// Returns the askers and where the list ends.
fn read_askers(text: &str, at: usize, limit: usize) -> (Vec<Asker>, usize) {
    let mut askers: Vec<Asker> = Vec::new();
    let mut pending = 0; // askers at the end of the list still without a party
    let mut pos = at;
    let mut end = at;
    while let Some((span, name)) = read_name(text, pos, limit) {
        let party = read_party(text, span.end, limit);
        // "het lid van Dijk (SP)" starts with a prefix; "de leden der Kamer,"
        // and "de leden van de Tweede Kamer" (no party) are no askers.
        if name.starts_with(char::is_lowercase) && party.is_none() {
            break;
        }
        askers.push(Asker { name, party: String::new(), span });
        pending += 1;
        pos = span.end;
        end = pos;
        if let Some((pspan, party, _shared)) = party {
            // "(beiden VVD)" covers the names before it; a plain "(VVD)" after
            // names without one is read the same way.
            let n = askers.len();
            for a in &mut askers[n - pending..] {
                a.party.clone_from(&party);
            }
            pending = 0;
            pos = pspan.end;
            end = pos;
        }
        match read_separator(text, pos, limit) {
            Some(next) => pos = next,
            None => break,
        }
    }
    (askers, end)
}

/// The askers, where the "Vragen van …" intro starts (when there is one) and
/// where the askers list ends.
fn find_askers(head: &str) -> (Vec<Asker>, Option<usize>, Option<usize>) {
    static AT: OnceLock<Regex> = OnceLock::new();
    static INTRO: OnceLock<Regex> = OnceLock::new();
    let at_re = re(&AT, r"(?i-u)(?-u:\b)(?:het[\t-\r ]+lid|de[\t-\r ]+leden)[\t-\r ]+");
    let intro_re = re(
        &INTRO,
        r"(?i-u)(?:(?-u:\b)(?:mondelinge|schriftelijke)[\t-\r ]+)?(?-u:\b)vra(?:gen|ag)[\t-\r ]+van[\t-\r ]+$",
    );
    for m in at_re.find_iter(head) {
        let (askers, end) = read_askers(head, m.end(), head.len());
        if askers.is_empty() {
            continue;
        }
        let before_from = floor_boundary(head, m.start().saturating_sub(40));
        let before = sl(head, before_from, m.start());
        let intro = intro_re.find(before).map(|i| before_from + i.start());
        return (askers, intro, Some(end));
    }
    (Vec::new(), None, None)
}

// ---------------------------------------------------------------------------
// Addressees, respondents

fn role_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        r"(?i-u)(?-u:\b)(minister-president|ministers|minister|staatssecretarissen|staatssecretaris|staatsecretaris|bewindspersonen|bewindspersoon)(?-u:\b)",
    )
}

fn canonical_role(word: &str) -> String {
    let w = crate::text::lowercase(word);
    if w.starts_with("minister-president") {
        "Minister-President".into()
    } else if w.starts_with("minister") {
        "Minister".into()
    } else if w.starts_with("staat") {
        "Staatssecretaris".into()
    } else {
        "Bewindspersoon".into()
    }
}

/// A role word and the text after it up to the next role word.
struct RoleSegment {
    role: String,
    role_span: Span,
    /// After the role word, connectors at the end left out.
    rest: Span,
}

/// Trims white space, trailing connectors ("en", "van", "de", ",") and a
/// leading "de" from `span`.
fn trim_connectors(text: &str, span: Span) -> Span {
    let mut s = sl(text, span.start, span.end);
    let start = span.start + (s.len() - s.trim_start().len());
    s = s.trim();
    loop {
        let t = s.trim_end_matches([',', ';', ' ', '\n', '\t', '\x0c']);
        let t = ["en", "van", "de", "het", "voor", "mede"]
            .iter()
            .find_map(|w| t.strip_suffix(w).filter(|rest| rest.is_empty() || rest.ends_with(char::is_whitespace)))
            .unwrap_or(t);
        let t = t.trim_end();
        if t.len() == s.len() {
            break;
        }
        s = t;
    }
    Span::new(start, start + s.len())
}

/// Role words in `text[span]` that are not inside parentheses.
fn role_segments(text: &str, span: Span) -> Vec<RoleSegment> {
    let region = sl(text, span.start, span.end);
    let mut depth = 0usize;
    let mut last = 0;
    let mut found = Vec::new();
    for m in role_re().find_iter(region) {
        for c in sl(region, last, m.start()).chars() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        last = m.start();
        if depth == 0 {
            found.push((span.start + m.start(), span.start + m.end(), canonical_role(m.as_str())));
        }
    }
    let mut out = Vec::new();
    for (i, (rs, re_, role)) in found.iter().enumerate() {
        let next = found.get(i + 1).map_or(span.end, |n| n.0);
        out.push(RoleSegment {
            role: role.clone(),
            role_span: Span::new(*rs, *re_),
            rest: trim_connectors(text, Span::new(*re_, next)),
        });
    }
    out
}

/// "van A en voor B" → the spans of "van A" and "voor B" (each with its word).
fn split_portfolios(text: &str, rest: Span) -> Vec<Span> {
    static SPLIT: OnceLock<Regex> = OnceLock::new();
    let split = re(&SPLIT, r"(?:,|[\t-\r \x{A0}]+en)[\t-\r \x{A0}]+(van|voor)[\t-\r \x{A0}]");
    let s = sl(text, rest.start, rest.end);
    let mut out = Vec::new();
    let mut from = 0;
    for c in split.captures_iter(s) {
        let (Some(m), Some(word)) = (c.get(0), c.get(1)) else { continue };
        out.push(trim_connectors(text, Span::new(rest.start + from, rest.start + m.start())));
        from = word.start();
    }
    out.push(trim_connectors(text, Span::new(rest.start + from, rest.end)));
    out.into_iter().filter(|p| !p.is_empty()).collect()
}

/// "van Buitenlandse Zaken" → "Buitenlandse Zaken".
fn strip_van(s: &str) -> &str {
    s.strip_prefix("van ").or_else(|| s.strip_prefix("voor ")).unwrap_or(s)
}

/// A portfolio after the role ("Minister van …"), not a name ("Minister Van Weel").
fn starts_with_van(s: &str) -> bool {
    matches!(s.split_whitespace().next(), Some("van" | "voor"))
}

fn find_addressees_and_subject(head: &str, after_askers: usize) -> (Vec<Addressee>, Option<String>) {
    static AAN: OnceLock<Regex> = OnceLock::new();
    static STOP: OnceLock<Regex> = OnceLock::new();
    static OVER: OnceLock<Regex> = OnceLock::new();
    let window_end = floor_boundary(head, after_askers + 100);
    let window = sl(head, after_askers, window_end);
    let over_re = re(&OVER, r"[\t-\r \x{A0}]over[\t-\r \x{A0}]");
    let mut addressees = Vec::new();
    let mut subject_from = None;
    let aan = re(&AAN, r"(?i-u)(?-u:\b)aan[\t-\r ]+(?:de[\t-\r ]+|het[\t-\r ]+)?").find(window).filter(|m| {
        let between = sl(window, 0, m.start());
        !over_re.is_match(between) && !between.contains('(') && !has_blank_line(between)
    });
    let region_start = aan.map(|m| after_askers + m.end());
    if let Some(start) = region_start {
        let limit = floor_boundary(head, start + 400);
        let region = sl(head, start, limit);
        let stop = re(&STOP, r"(?i-u)[\t-\r ]over[\t-\r ]|\((?:ingezonden|ingediend)|\.[\t-\r ]|\n[ \t]*\n|\x0c")
            .find(region)
            .map_or(region.len(), |m| m.start());
        let span = Span::new(start, start + stop);
        for seg in role_segments(head, span) {
            let rest = sl(head, seg.rest.start, seg.rest.end);
            if starts_with_van(rest) {
                for (i, piece) in split_portfolios(head, seg.rest).into_iter().enumerate() {
                    let portfolio = fold(piece.slice(head));
                    let span = if i == 0 { Span::new(seg.role_span.start, piece.end) } else { piece };
                    addressees.push(Addressee { text: format!("{} {portfolio}", seg.role), span });
                }
            } else {
                let span = Span::new(seg.role_span.start, seg.rest.end.max(seg.role_span.end));
                let tail = fold(rest);
                let text = if tail.is_empty() { seg.role.clone() } else { format!("{} {tail}", seg.role) };
                addressees.push(Addressee { text, span });
            }
        }
        if over_re.find(sl(region, stop, region.len())).is_some_and(|m| m.start() == 0) {
            subject_from = Some(start + stop);
        }
    } else if let Some(m) = over_re.find(window) {
        if !has_blank_line(sl(window, 0, m.start())) && !sl(window, 0, m.start()).contains('(') {
            subject_from = Some(after_askers + m.start());
        }
    }
    let subject = subject_from.and_then(|at| read_subject(head, at));
    (addressees, subject)
}

/// "over het bericht «…» (ingezonden …)" → "het bericht «…»".
fn read_subject(head: &str, at: usize) -> Option<String> {
    static END: OnceLock<Regex> = OnceLock::new();
    let start = skip_ws(head, at, head.len());
    let start = start + sl(head, start, head.len()).strip_prefix("over").map_or(0, |_| 4);
    let limit = floor_boundary(head, start + 800);
    let region = sl(head, start, limit);
    let mut stop =
        re(&END, r"(?i-u)\((?:ingezonden|ingediend)|\n[ \t]*\n|\x0c").find(region).map_or(region.len(), |m| m.start());
    // A Word file has one paragraph per line: a long line ends the subject.
    let line_start = head.get(..start).and_then(|h| h.rfind('\n')).map_or(0, |i| i + 1);
    let first_line = region.split('\n').next().unwrap_or("");
    if sl(head, line_start, start).chars().count() + first_line.chars().count() > 110 {
        stop = stop.min(first_line.len());
    }
    let raw = sl(region, 0, stop);
    let subject = crate::text::join_lines(raw);
    let mut subject = subject.trim().trim_end_matches(',').trim_end();
    // A closing full stop goes; an abbreviation's ("c.s.") stays.
    let last_word = subject.rsplit(' ').next().unwrap_or("");
    if last_word.ends_with('.') && last_word.matches('.').count() == 1 {
        subject = subject.trim_end_matches('.').trim_end();
    }
    (!subject.is_empty()).then(|| subject.to_string())
}

struct AnswerIntro {
    span: Span,
    is_mededeling: bool,
    respondents: Vec<Respondent>,
}

fn respondents_from(text: &str, span: Span, on_behalf: bool, out: &mut Vec<Respondent>) {
    for seg in role_segments(text, span) {
        let rest = sl(text, seg.rest.start, seg.rest.end);
        if starts_with_van(rest) {
            for (i, piece) in split_portfolios(text, seg.rest).into_iter().enumerate() {
                let portfolio = strip_van(&fold(piece.slice(text))).to_string();
                let span = if i == 0 { Span::new(seg.role_span.start, piece.end) } else { piece };
                out.push(Respondent { role: seg.role.clone(), name: String::new(), portfolio, on_behalf, span });
            }
            continue;
        }
        let (name_end, portfolio, end) = match rest.find('(') {
            Some(open) => {
                let after = sl(rest, open, rest.len());
                match after.find(')') {
                    Some(close) => (open, fold(sl(after, 1, close)), seg.rest.start + open + close + 1),
                    None => (open, String::new(), seg.rest.start + open),
                }
            }
            None => (rest.len(), String::new(), seg.rest.end),
        };
        let name_span = trim_connectors(text, Span::new(seg.rest.start, seg.rest.start + name_end));
        let name = fold(name_span.slice(text));
        let name = join_accents(&name);
        out.push(Respondent {
            role: seg.role.clone(),
            name,
            portfolio,
            on_behalf,
            span: Span::new(seg.role_span.start, end.max(seg.role_span.end)),
        });
    }
}

/// "Yes¸ ilgöz-Zegerius" → "Yes¸ilgöz-Zegerius"; "Kostic ´" → "Kostic´".
fn join_accents(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            let prev_accent = out.chars().last().is_some_and(is_accent);
            let next = chars.peek().copied();
            if (prev_accent && next.is_some_and(char::is_lowercase)) || next.is_some_and(is_accent) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

fn find_answer_intro(text: &str, head: &str) -> Option<AnswerIntro> {
    static AT: OnceLock<Regex> = OnceLock::new();
    static STOP: OnceLock<Regex> = OnceLock::new();
    static BEHALF: OnceLock<Regex> = OnceLock::new();
    // The search `\b(antwoord(?:en)?|mededeling)\s+van…`, run anchored from
    // each "antwoord"/"mededeling" (no letter with a non-ASCII case variant)
    // that follows a non-word character: a failed candidate costs a few
    // bytes, not a PikeVM over the rest of the head.
    let at_re = re(
        &AT,
        r"^(?i-u)(antwoord(?:en)?|mededeling)[\t-\r ]+van[\t-\r ]+(?:de[\t-\r ]+|het[\t-\r ]+)?(?:minister|staatssecretaris|staatsecretaris|bewindspersoon)",
    );
    let mut from = 0;
    let (at, m) = loop {
        let cand = match (find_ascii_ci(head, from, b"antwoord"), find_ascii_ci(head, from, b"mededeling")) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b)?,
        };
        from = cand + 1;
        if word_char_before(head, cand) {
            continue;
        }
        if let Some(m) = head.get(cand..).and_then(|rest| at_re.captures(rest)) {
            break (cand, m);
        }
    };
    let whole = m.get(0)?;
    let word = m.get(1)?;
    let is_mededeling = crate::text::lowercase(word.as_str()).starts_with("mededeling");
    let start = at + whole.start();
    // After "Antwoord van ": the respondents.
    let body = skip_ws(head, at + word.end(), head.len()) + "van".len();
    let limit = floor_boundary(head, start + 600);
    let region = sl(head, body, limit);
    let stop = re(
        &STOP,
        r"(?i-u)\(ontvangen|\n[ \t]*\n|\x0c|\.[\t-\r ]|[\t-\r ]+op[\t-\r ]+(?:de[\t-\r ]+)?(?:schriftelijke[\t-\r ]+)?(?:kamer)?vragen|[\t-\r ]+op[\t-\r ]+de[\t-\r ]+door|(?-u:\b)Vraag[\t-\r ]+1(?-u:\b)",
    )
    .find(region)
    .map_or(region.len(), |x| x.start());
    let resp_span = Span::new(body, body + stop);
    let resp_text = resp_span.slice(head);
    let mut respondents = Vec::new();
    match re(&BEHALF, r"(?i-u)(?-u:\b)mede[\t-\r ]+namens(?-u:\b)").find(resp_text) {
        Some(b) => {
            respondents_from(head, Span::new(body, body + b.start()), false, &mut respondents);
            respondents_from(head, Span::new(body + b.end(), resp_span.end), true, &mut respondents);
        }
        None => respondents_from(head, resp_span, false, &mut respondents),
    }
    for r in respondents.iter_mut().filter(|r| r.name.is_empty() && !r.on_behalf) {
        if let Some(name) = signature_name(text, &r.role, &r.portfolio) {
            r.name = name;
        }
    }
    // The intro runs to "(ontvangen …)." and a following "Zie ook …, nr. N.".
    let received = header_date(sl(head, 0, limit), &["ontvangen"]).filter(|d| d.span.start >= start);
    let mut end = match received {
        Some(d) => d.span.end,
        None => trim_connectors(head, resp_span).end.max(at + whole.end()),
    };
    if sl(head, end, head.len()).starts_with('.') {
        end += 1;
    }
    end = see_also_end(head, end).unwrap_or(end);
    Some(AnswerIntro { span: Span::new(start, end), is_mededeling, respondents })
}

/// "Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 594." after the intro.
fn see_also_end(head: &str, at: usize) -> Option<usize> {
    static SEE: OnceLock<Regex> = OnceLock::new();
    let from = skip_ws(head, at, head.len());
    let window = sl(head, from, floor_boundary(head, from + 200));
    let m = re(&SEE, r"(?s)^Zie ook.{0,140}?(?:nr\.[\t-\r \x{A0}]*|,[\t-\r \x{A0}]*)[0-9]+(?-u:\b)\.?").find(window)?;
    Some(from + m.end())
}

/// Under "de Minister van Justitie en Veiligheid" in a letter: "D.M. van Weel".
fn signature_name(text: &str, role: &str, portfolio: &str) -> Option<String> {
    if portfolio.is_empty() {
        return None;
    }
    let needle = format!("{} van {}", crate::text::lowercase(role), crate::text::lowercase(portfolio));
    let scan = sl(text, 0, floor_boundary(text, HEAD_CAP));
    let mut lines = scan.lines();
    while let Some(line) = lines.next() {
        let l = crate::text::lowercase(line.trim());
        let l = l.strip_prefix("de ").unwrap_or(&l);
        if l.trim_end_matches(',') != needle {
            continue;
        }
        let next = lines.by_ref().take(12).map(str::trim).find(|l| !l.is_empty())?;
        let first = next.split_whitespace().next()?;
        if next.chars().count() <= 60 && is_initials(first) {
            let name: Vec<&str> = next.split_whitespace().skip_while(|w| is_initials(w)).collect();
            return (!name.is_empty()).then(|| name.join(" "));
        }
        return None;
    }
    None
}

/// End of the "Vragen van …" paragraph: after "(ingezonden …)." or at the
/// paragraph break, never past `stop`.
fn intro_end(head: &str, start: usize, stop: usize, submitted: Option<&HeaderDate>) -> Span {
    let stop = stop.max(start).min(head.len());
    if let Some(d) = submitted.filter(|d| d.span.start >= start && d.span.end <= stop) {
        let end = if sl(head, d.span.end, stop).starts_with('.') { d.span.end + 1 } else { d.span.end };
        return Span::new(start, end);
    }
    let region = sl(head, start, stop);
    let mut end = region.len();
    let mut newlines = 0;
    for (i, c) in region.char_indices() {
        match c {
            '\n' | '\x0c' => {
                newlines += 1;
                if newlines >= 2 {
                    end = i;
                    break;
                }
            }
            c if c.is_whitespace() => {}
            _ => newlines = 0,
        }
    }
    let trimmed = sl(region, 0, end).trim_end();
    Span::new(start, start + trimmed.len())
}

// ---------------------------------------------------------------------------
// Document id, session year, Aanhangsel number

fn find_id(text: &str) -> (Option<String>, Option<String>, Option<u32>) {
    static ID: OnceLock<Regex> = OnceLock::new();
    static YEAR: OnceLock<Regex> = OnceLock::new();
    static NR: OnceLock<Regex> = OnceLock::new();
    static AH: OnceLock<Regex> = OnceLock::new();
    let scan = sl(text, 0, floor_boundary(text, ID_CAP));
    let head = sl(text, 0, floor_boundary(text, HEAD_CAP));

    let nr_re = re(&NR, r"(?i-u)regering[\t-\r ]+gegeven[\t-\r ]+antwoorden[\t-\r *#]*([0-9]{1,5})(?-u:\b)");
    let masthead_nr = captures_from(nr_re, head, |h, from| find_ascii_ci(h, from, b"regering"))
        .next()
        .and_then(|c| c.get(1)?.as_str().parse::<u32>().ok())
        .or_else(|| {
            re(&AH, r"(?m)^[\t-\r \x{A0}]*AH[\t-\r \x{A0}]+([0-9]{1,5})[\t-\r \x{A0}]*$")
                .captures(sl(head, 0, floor_boundary(head, 400)))?
                .get(1)?
                .as_str()
                .parse()
                .ok()
        });
    // The masthead "Vergaderjaar 2023–2024 Aanhangsel …" / "… Vragen gesteld"
    // or a footer "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel"; not a
    // citation ("vergaderjaar 2023–2024, nr. 594", "…, 21 501-20, nr. 2068").
    let year_re = re(
        &YEAR,
        r"(?i-u)vergaderjaar[\t-\r ]+([0-9]{4})[\t-\r ]*(?:–|—|-)[\t-\r ]*([0-9]{4})[\t-\r ,*#]*(aanhangsel|vragen)?",
    );
    let year = captures_from(year_re, head, |h, from| find_ascii_ci(h, from, b"vergaderjaar")).find_map(|c| {
        let m = c.get(0)?;
        let line_start = head.get(..m.start())?.rfind('\n').map_or(0, |i| i + 1);
        let masthead = sl(head, line_start, m.start()).trim_start_matches([' ', '\t', '#', '*']).is_empty()
            && m.as_str().starts_with('V');
        if c.get(3).is_none() && !masthead {
            return None;
        }
        let a: u32 = c.get(1)?.as_str().parse().ok()?;
        let b: u32 = c.get(2)?.as_str().parse().ok()?;
        (b == a + 1).then(|| format!("{a}-{b}"))
    });

    struct Found<'a> {
        id: &'a str,
        own_line: bool,
        session: Option<String>,
        nr: Option<u32>,
    }
    let id_re =
        re(&ID, r"(?-u:\b)(?:ah|kv)-(?:tk|ek)-(?:([0-9]{4})([0-9]{4})-([0-9]{1,5})|[0-9]{4}Z[0-9]{3,6})(?-u:\b)");
    let ids: Vec<Found<'_>> = captures_from(id_re, scan, find_id_start)
        .filter_map(|c| {
            let m = c.get(0)?;
            let line_start = scan.get(..m.start())?.rfind('\n').map_or(0, |i| i + 1);
            let line_end = scan.get(m.end()..)?.find('\n').map_or(scan.len(), |i| m.end() + i);
            let own_line =
                sl(scan, line_start, m.start()).trim().is_empty() && sl(scan, m.end(), line_end).trim().is_empty();
            let session = match (c.get(1), c.get(2)) {
                (Some(a), Some(b)) => Some(format!("{}-{}", a.as_str(), b.as_str())),
                _ => None,
            };
            Some(Found { id: m.as_str(), own_line, session, nr: c.get(3).and_then(|n| n.as_str().parse().ok()) })
        })
        .take(64)
        .collect();
    let chosen = ids
        .iter()
        .find(|f| masthead_nr.is_some() && f.nr == masthead_nr && (year.is_none() || f.session == year))
        .or_else(|| ids.iter().find(|f| f.own_line));
    if let Some(f) = chosen {
        let session = f.session.clone().or(year);
        return (Some(f.id.to_string()), session, f.nr.or(if f.id.starts_with("ah") { masthead_nr } else { None }));
    }
    let is_aanhangsel = head.contains("Aanhangsel van de Handelingen");
    let id = match (&year, masthead_nr) {
        (Some(y), Some(nr)) if is_aanhangsel => Some(format!("ah-tk-{}-{nr}", y.replace('-', ""))),
        _ => None,
    };
    (id, year, masthead_nr)
}

// ---------------------------------------------------------------------------
// Mededeling

/// Lines that end a notice: page furniture, a footnote definition, a heading.
fn ends_notice(line: &str) -> bool {
    let t = line.trim_start();
    if ["Tweede Kamer, vergaderjaar", "ah-tk-", "kv-tk-", "ISSN", "’s-Gravenhage", "'s-Gravenhage"]
        .iter()
        .any(|p| t.starts_with(p))
    {
        return true;
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let after = t[digits..].trim_start_matches(' ');
        return after.chars().next().is_some_and(char::is_uppercase);
    }
    let lower = crate::text::lowercase(t);
    (lower.starts_with("vraag ") || lower.starts_with("antwoord "))
        && t.split_whitespace().nth(1).is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
}

/// Whether `text[at..at + len]` stands on a line of its own (white space and a
/// trailing ":" allowed). Scans only the white space around it.
fn on_own_line(text: &str, at: usize, len: usize) -> Option<(usize, usize)> {
    let before = text.get(..at)?;
    let mut line_start = 0;
    for (i, c) in before.char_indices().rev() {
        if c == '\n' {
            line_start = i + 1;
            break;
        }
        if !c.is_whitespace() {
            return None;
        }
    }
    let after = text.get(at + len..)?;
    let mut line_end = text.len();
    for (i, c) in after.char_indices() {
        if c == '\n' {
            line_end = at + len + i;
            break;
        }
        if !(c.is_whitespace() || (c == ':' && i == 0)) {
            return None;
        }
    }
    Some((line_start, line_end))
}

/// A "Mededeling" on a line of its own and the notice under it, up to page
/// furniture, a footnote definition or a heading.
fn find_mededeling(text: &str, furniture: &[Furniture]) -> Option<Span> {
    const WORD: &str = "Mededeling";
    for (at, _) in text.match_indices(WORD) {
        let Some((_, line_end)) = on_own_line(text, at, WORD.len()) else { continue };
        let limit = floor_boundary(text, line_end.saturating_add(MEDEDELING_CAP));
        let limit = furniture.iter().map(|f| f.span.start).filter(|s| *s > at).min().map_or(limit, |s| s.min(limit));
        let mut end = line_end;
        let mut pos = line_end;
        let mut body = false;
        while pos < limit {
            let next_nl = sl(text, pos + 1, limit).find('\n').map_or(limit, |i| pos + 1 + i);
            let line = sl(text, (pos + 1).min(next_nl), next_nl);
            if body && ends_notice(line) {
                break;
            }
            if !line.trim().is_empty() {
                body = true;
                end = pos + 1 + line.trim_end().len();
            }
            pos = next_nl;
        }
        return Some(Span::new(at, end.min(text.len()).max(at + WORD.len())));
    }
    None
}
