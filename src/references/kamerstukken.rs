//! Kamerstukken and Handelingen: the parliamentary papers a text cites.
//!
//! Kamerstuk grammar (on the folded text, see [`super::window`]):
//! ```text
//! [Kamerstuk(ken)[,] [II|ll|I] [YYYY/YY[,]]] DOSSIER [SUB][,] nr[s][.] N {(, nr. N | en N | , N … en N)}
//! DOSSIER = DD DDD | DDDDD          "21 501", "36410" (with "Kamerstuk" also "9 123")
//! SUB     = -DD | -ROMAN | ROMAN | -LETTER    "-20", "-02", " VIII", "-XIV", "-A"
//! ```
//! Real shapes: "Kamerstuk 21 501-20, nr. 2068", "Kamerstukken II 2023/24, 36 410 IV,
//! nr. 15", "Kamerstukken ll 2023/24, …", "Kamerstukken II2015–16, 34 104, nr. 128",
//! "Kamerstuk23 432, nr.537", "Kamerstuk, 28 828, nr. 70", "Tweede Kamer,
//! vergaderjaar 2023–2024, 21 501-20, nr. 2068", "TK 2023/24, 31 839, nr. 1024",
//! "motie van het lid Akerboom, 36 410 XIV, nr. 9", "(Kamerstuk⏎21 501-02, nr. 2737)",
//! "25 424, nr. 679, nr. 684 en 685" (three papers), "nrs. 2800 en 2801",
//! "nr. 1630 en 21 501-32, nr. 1631" (two citations). Without "nr.", only
//! "(Kamerstuk 21501-20-2128)", "Kamerstuk 36410-IV-15" (dossier-sub-nr) and
//! "(36 471-64)" or "Kamerstuk 36 471-64" (dossier-nr) count.
//!
//! Target `kst-21501-20-2068`, url
//! `https://zoek.officielebekendmakingen.nl/kst-21501-20-2068.html`.
//!
//! Not Kamerstukken: "2023Z16994, nr." (a zaak number), "vergaderjaar 2023–2024,
//! nr. 1843" (that is an Aanhangsel), a dossier alone ("Kamerstuk 36 410"), "| Kamerstuk |",
//! the date in "nr. 1395, 2 mei 2024", "25 000 euro", anything inside a URL.
//!
//! Handelingen: "Aanhangsel (van de) Handelingen[ II], vergaderjaar 2023–2024, nr. 2147"
//! → `ah-tk-20232024-2147` (also "Handelin-⏎gen", "vergaderjaar 2022–203, nr. 844",
//! "…, 2023–2024, 1028" without "nr."); "Handelingen II 2023/24, nr. 45, item 12"
//! → `h-tk-20232024-45-12`. A masthead "Aanhangsel van de Handelingen" without a
//! number is not a reference.

use super::window::{ahead, digit_ahead, Cur, Window};
use crate::anchors::Anchors;
use crate::model::{RefKind, Reference, Span};

const BASE: &str = "https://zoek.officielebekendmakingen.nl/";

/// "nr", "nr.", "nrs.", "Nr." with optional space after: true when eaten.
fn nr_word(c: &mut Cur<'_>) -> bool {
    let save = c.i;
    if (c.word_ci("nrs") || c.word_ci("nr") || c.word_ci("nummers") || c.word_ci("nummer"))
        && (c.at_word_end() || c.peek() == Some('.'))
    {
        c.eat('.');
        c.space();
        return true;
    }
    c.i = save;
    false
}

fn roman(c: &mut Cur<'_>) -> Option<String> {
    let r = c.rest();
    let n = r.bytes().take_while(|b| matches!(b, b'I' | b'V' | b'X' | b'L')).count();
    if n == 0 || n > 6 || r[n..].chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    c.i += n;
    Some(r[..n].to_string())
}

/// One paper: folded range and target.
struct Paper {
    a: usize,
    b: usize,
    target: String,
}

/// A year after a month name is a date, not a paper number: "nr. 12 en 13 mei".
fn month_follows(c: &Cur<'_>) -> bool {
    let r = crate::text::lowercase(c.rest().trim_start());
    crate::calendar::month_from_name(r.split(|ch: char| !ch.is_alphabetic()).next().unwrap_or("")).is_some()
}

/// Parses the papers of one citation starting at `c` (on the dossier number).
/// `start` is where the first paper's span begins (the keyword, if any).
fn parse_papers(c: &mut Cur<'_>, start: usize, keyword: bool, in_paren: bool) -> Vec<Paper> {
    let mut out = Vec::new();
    let Some(a) = c.digits(5) else { return out };
    let dossier = if a.len() == 5 {
        a.to_string()
    } else {
        let save = c.i;
        c.space();
        match c.digits(3) {
            Some(b) if a.len() <= 2 => format!("{a}{b}"),
            _ => {
                c.i = save;
                if !keyword || a.len() < 4 {
                    return out;
                }
                a.to_string()
            }
        }
    };
    if !c.at_word_end() || (!keyword && dossier.len() != 5) {
        return out;
    }
    // Sub-number.
    let mut sub: Option<String> = None;
    let mut hyphen_digits = false;
    let save = c.i;
    let spaced = c.space();
    if c.eat_any(&['-', '–']) {
        c.space();
        if let Some(d) = c.digits(3) {
            sub = Some(d.to_string());
            hyphen_digits = true;
        } else if let Some(r) = roman(c) {
            sub = Some(r);
        } else if let Some(l) = c.peek().filter(char::is_ascii_uppercase) {
            // "36 200-A": a letter.
            c.i += 1;
            if c.at_word_end() {
                sub = Some(l.to_string());
            } else {
                c.i = save;
            }
        } else {
            c.i = save;
        }
    } else if spaced {
        match roman(c) {
            Some(r) => sub = Some(r),
            None => c.i = save,
        }
    }
    let after_sub = c.i;
    let dossier_full = match &sub {
        Some(s) => format!("{dossier}-{s}"),
        None => dossier.clone(),
    };
    // The number.
    let save2 = c.i;
    c.eat(',');
    c.space();
    if nr_word(c) {
        let Some(n) = c.digits(5) else { return out };
        out.push(Paper { a: start, b: c.i, target: format!("kst-{dossier_full}-{n}") });
        more_numbers(c, &dossier_full, &mut out);
        return out;
    }
    c.i = save2;
    // No "nr.": only "21501-20-2128", "36410-IV-15" and "(36 471-64)" / "Kamerstuk 36 471-64".
    let Some(sub) = sub.filter(|_| keyword || in_paren) else { return out };
    c.i = after_sub;
    if c.eat('-') {
        if let Some(n) = c.digits(5) {
            if c.at_word_end() {
                out.push(Paper { a: start, b: c.i, target: format!("kst-{dossier}-{sub}-{n}") });
            }
        }
        return out;
    }
    if hyphen_digits && c.at_word_end() && (!in_paren || c.peek() == Some(')')) {
        out.push(Paper { a: start, b: c.i, target: format!("kst-{dossier}-{sub}") });
    }
    out
}

/// ", nr. 684 en 685", ", 12, 13 en 14", " en nr. 9": more papers of the same dossier.
fn more_numbers(c: &mut Cur<'_>, dossier: &str, out: &mut Vec<Paper>) {
    loop {
        let save = c.i;
        let comma = c.eat(',');
        c.space();
        let and = !comma && (c.word_ci("en ") || c.word_ci("& ") || c.word_ci("and "));
        if !comma && !and {
            c.i = save;
            return;
        }
        let a = c.i;
        let had_nr = nr_word(c);
        let Some(n) = c.digits(5) else {
            c.i = save;
            return;
        };
        if !c.at_word_end()
            || c.peek() == Some('.') && c.rest().get(1..2).is_some_and(|d| d.as_bytes()[0].is_ascii_digit())
        {
            c.i = save;
            return;
        }
        if !had_nr && month_follows(c) {
            c.i = save;
            return;
        }
        // "… nr. 1630 en 21 501-32, nr. 1631": the next number is a new dossier.
        let r = c.rest().as_bytes();
        let dossier_next = matches!(r, [b' ' | b'-', d, ..] if d.is_ascii_digit())
            || r.starts_with(b", nr")
            || r.starts_with(b" nr")
            || (n.len() == 5 && !had_nr);
        if dossier_next {
            c.i = save;
            return;
        }
        if comma && !had_nr {
            // ", 13 en 14": a bare number after a comma only in a list that ends with "en N".
            let here = c.i;
            let mut ok = false;
            loop {
                let s2 = c.i;
                if c.word_ci(", ") || c.word_ci(",") {
                    if c.digits(5).is_some() {
                        continue;
                    }
                } else if c.word_ci(" en ") && c.digits(5).is_some() {
                    ok = true;
                }
                c.i = s2;
                break;
            }
            c.i = here;
            if !ok {
                c.i = save;
                return;
            }
        }
        out.push(Paper { a, b: c.i, target: format!("kst-{dossier}-{n}") });
    }
}

fn paper_refs(w: &Window, papers: Vec<Paper>, out: &mut Vec<Reference>) {
    for p in papers {
        let span = w.span(p.a, p.b);
        if span.is_empty() {
            continue;
        }
        let url = format!("{BASE}{}.html", p.target);
        out.push(Reference { kind: RefKind::Kamerstuk, span, target: p.target, url: Some(url) });
    }
}

/// Skips "[,] [II|ll|I|2] [YYYY/YY][,] " after "Kamerstuk(ken)".
fn skip_chamber_and_year(c: &mut Cur<'_>) {
    for _ in 0..4 {
        let save = c.i;
        c.eat(',');
        c.space();
        if c.word_ci("II") || c.word_ci("ll") {
            continue;
        }
        let before_i = c.i;
        if c.word_ci("I") {
            if !c.peek().is_some_and(char::is_alphanumeric) {
                continue;
            }
            c.i = before_i;
        }
        let y = c.i;
        if c.digits(4).is_some_and(|d| d.len() == 4)
            && c.eat_any(&['/', '–', '-', '—'])
            && c.digits(4).is_some_and(|d| d.len() >= 2)
            && !c.peek().is_some_and(|ch| ch.is_ascii_digit())
        {
            continue;
        }
        c.i = y;
        if c.i == save {
            break;
        }
        // Only commas and spaces eaten: stop there, on the dossier.
        break;
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// Finds the Kamerstukken cited in `text`, skipping positions inside `skip` (URLs).
#[must_use]
pub fn find(text: &str, skip: &[Span], anchors: &Anchors) -> Vec<Reference> {
    let bytes = text.as_bytes();
    let mut out: Vec<Reference> = Vec::new();
    // 1. After the keyword "Kamerstuk(ken)".
    let mut from = 0;
    for &start in &anchors.kamerstuk {
        if start < from || (start >= 1 && is_word_byte(bytes[start - 1])) {
            continue;
        }
        if super::inside(skip, start) {
            continue;
        }
        let w = Window::new(text, start, 160);
        let mut c = Cur { s: &w.text, i: 0 };
        if !c.word_ci("Kamerstuk") {
            continue;
        }
        let _ = c.word_ci("ken");
        // "Kamerstuk23 432" is glued; otherwise a non-letter must follow.
        if c.peek().is_some_and(char::is_alphabetic) {
            continue;
        }
        skip_chamber_and_year(&mut c);
        c.eat(',');
        c.space();
        let in_paren = start > 0 && bytes[start - 1] == b'(';
        let papers = parse_papers(&mut c, 0, true, in_paren);
        let before = out.len();
        paper_refs(&w, papers, &mut out);
        if let Some(r) = out.get(before..).and_then(|r| r.last()) {
            from = from.max(r.span.end);
        }
    }
    crate::sort::by_key(&mut out, |r| (r.span.start, r.span.end, 0));
    let keyword_spans: Vec<Span> = out.iter().map(|r| r.span).collect();
    // 2. A bare dossier number followed by "nr.", or "(36 471-64)".
    let mut more = Vec::new();
    let mut from = 0;
    for &i in &anchors.dossier {
        let prev_ok = i == 0 || !(is_word_byte(bytes[i - 1]) || b"-/._=?&#%:".contains(&bytes[i - 1]));
        if i >= from && prev_ok && !super::inside(skip, i) && !super::inside(&keyword_spans, i) {
            let likely = ahead(text, i + 5, 24, b"nr") || ahead(text, i + 5, 4, b"-") || ahead(text, i + 5, 8, b")");
            if !likely {
                continue;
            }
            let w = Window::new(text, i, 120);
            let mut c = Cur { s: &w.text, i: 0 };
            let in_paren = i > 0 && bytes[i - 1] == b'(';
            let papers = parse_papers(&mut c, 0, false, in_paren);
            let before = more.len();
            paper_refs(&w, papers, &mut more);
            if let Some(r) = more.get(before..).and_then(|r| r.last()) {
                from = r.span.end;
            }
        }
    }
    out.append(&mut more);
    crate::sort::by_key(&mut out, |r| (r.span.start, r.span.end, 0));
    out
}

/// The Kamerstuk targets cited in a short text (a footnote), in order.
#[must_use]
pub fn targets_in(text: &str) -> Vec<(String, Option<String>)> {
    find(text, &[], &Anchors::new(text)).into_iter().map(|r| (r.target, r.url)).collect()
}

/// Finds "Aanhangsel Handelingen" and "Handelingen" citations.
#[must_use]
pub fn find_handelingen(text: &str, skip: &[Span], anchors: &Anchors) -> Vec<Reference> {
    let mut out = Vec::new();
    let mut from = 0;
    for &h in &anchors.handelingen {
        if h < from || text.get(..h).and_then(|t| t.chars().next_back()).is_some_and(char::is_alphabetic) {
            continue;
        }
        if super::inside(skip, h) {
            continue;
        }
        // "Aanhangsel (van de) " right before?
        let bf = crate::text::ceil_char_boundary(text, h.saturating_sub(40)).min(h);
        let before = text.get(bf..h).unwrap_or("");
        let trimmed = before.trim_end();
        let mut start = h;
        let mut aanhangsel = false;
        for lead in ["Aanhangsel van de", "Aanhangsel bij de", "Aanhangsel"] {
            if trimmed.len() >= lead.len()
                && trimmed.as_bytes()[trimmed.len() - lead.len()..].eq_ignore_ascii_case(lead.as_bytes())
                && before.len() - trimmed.len() <= 3
            {
                start = bf + trimmed.len() - lead.len();
                aanhangsel = true;
                break;
            }
        }
        if !digit_ahead(text, h, 48) {
            continue;
        }
        let w = Window::new(text, h, 100);
        let mut c = Cur { s: &w.text, i: 0 };
        if !c.word_ci("Handelingen") {
            continue;
        }
        // Chamber.
        let save = c.i;
        c.space();
        let chamber = if c.word_ci("II") || c.word_ci("ll") {
            "tk"
        } else if c.word_ci("I") && !c.peek().is_some_and(char::is_alphanumeric) {
            "ek"
        } else {
            c.i = save;
            "tk"
        };
        c.eat(',');
        c.space();
        let _ = c.word_ci("vergaderjaar ");
        let Some(y1) = c.digits(4).filter(|d| d.len() == 4) else { continue };
        let Ok(y1n) = y1.parse::<u32>() else { continue };
        if !c.eat_any(&['/', '–', '-', '—']) || c.digits(4).is_none() {
            continue;
        }
        c.eat(',');
        c.space();
        let had_nr = nr_word(&mut c);
        let Some(nr) = c.digits(6) else { continue };
        if !c.at_word_end() || (!had_nr && !aanhangsel) {
            continue;
        }
        let mut end = c.i;
        let year = format!("{y1n}{}", y1n + 1);
        let target = if aanhangsel {
            format!("ah-{chamber}-{year}-{nr}")
        } else {
            c.eat(',');
            c.space();
            let item = if c.word_ci("item ") { c.digits(4) } else { None };
            match item {
                Some(it) => {
                    end = c.i;
                    format!("h-{chamber}-{year}-{nr}-{it}")
                }
                None => format!("h-{chamber}-{year}-{nr}"),
            }
        };
        let span = w.span(0, end);
        if span.is_empty() {
            continue;
        }
        let url = format!("{BASE}{target}.html");
        let kind = if aanhangsel { RefKind::Aanhangsel } else { RefKind::Handelingen };
        out.push(Reference { kind, span: Span::new(start, span.end), target, url: Some(url) });
        from = from.max(span.end);
    }
    out
}
