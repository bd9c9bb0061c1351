//! URLs, rejoined where the PDF broke them over lines.
//!
//! Grammar (a URL is a run of URL characters: no white space, no `<>"«»“”|`):
//! - `http://…`, `https://…`: "(https://www.state.gov/first-multinational-…/)";
//! - `www.…` without a scheme: "www.gulhifalhu.mv";
//! - a bare domain with a path: "(regiopurmerend.nl/2024/05/03/tieners-…/)",
//!   "vng.nl/sites/default/files/…pdf" (a domain alone, "(nctv.nl)", is a name,
//!   not a link).
//!
//! Rejoining: a URL that stops at a line end goes on with the next non-blank
//! line when it stops at `/ - _ % = & ? # ~` or right after the scheme
//! ("https://⏎⏎www.movisie.nl/…"), or when the next line starts with one of
//! `% / ? & = #` ("…provincies⏎%202022.pdf"), and the next line's first word
//! looks like the rest of a URL ("software-autonomous-vehicles-2024-08-04/",
//! "quantumveilig" alone on its line), not like a sentence ("Tweede Kamer, …"),
//! a footnote ("2 AD, 16 november …") or a page footer id ("ah-tk-20232024-1076").
//! The hyphen at a break is kept: "barring-chinese-⏎software-…" →
//! "barring-chinese-software-…". "…in-dalfsen- keerde-overleden)" (a hyphen, one
//! space, the rest) is rejoined too, and so is a URL broken inside a word when
//! the next line's word carries a path and ends its line or the parenthesis
//! ("…/aanpassingen-wapen⏎exportcontrolebeleid)"), unless it starts a URL of
//! its own after one that looks complete ("….html⏎vng.nl/sites/…").
//!
//! Not URLs: "javascript:alert(1)", "Discriminatie.nl/Fryslân/Tumba" (capitals:
//! a name), "(nctv.nl)" (no path), "en/of".
//!
//! Trailing ".", ",", ";", ":", "!", "?" and an unbalanced ")" are not part of
//! the URL: "(https://www.ad.nl/…~a946954a8/)." → "https://www.ad.nl/…~a946954a8/".
//!
//! What is glued after a URL with no space is not part of it either: a ")"
//! the URL did not open ends it, whatever follows ("(https://nos.nl/x)en",
//! "(https://nos.nl/x)4"; "https://nl.wikipedia.org/wiki/Lek_(rivier)" keeps
//! its own pair); so does a footnote marker after a full stop or comma
//! ("…/toelichting.3 Daarnaast"), a word after a comma ("…/wet,en") and a new
//! sentence after a full stop ("…/brief.De brief"), once the path has begun
//! and before any query ("…/v1.2", "…/rapport.pdf", "?id=2", "?q=a,b" stay
//! whole). Two URLs glued together
//! are two: "https://a.nl/eerstehttps://b.nl/tweede", and with a footnote
//! number between them "https://c.nl/derde5https://d.nl/vierde" (one or two
//! digits after a letter or "/", not inside a number or after "=").
//!
//! A footnote number glued before a URL ("1https://…", "3www.…",
//! "2nos.nl/artikel/…" at the start of a line, as a PDF prints a note) is not part of it; such a token on the next
//! line is never the rest of the URL before it.
//!
//! What PDF readers do to URLs: PDFium (Chrome, Edge) writes U+FFFE where
//! the hyphen at a line break was, and no line break ("…-stelselmatig￾
//! buitengesloten"): in the target it is that hyphen again (a soft hyphen
//! inside a URL is dropped, one at a break is the hyphen). pdf.js (Firefox)
//! breaks lines like pdfminer. poppler (Evince, Okular, `pdftotext`) joins a
//! hyphenated word and drops the hyphen, URLs included ("…-weervrijgelaten-…"):
//! `slugs` puts it back where the cited title shows two words; and it prints
//! footnote numbers alone on a line, so a number alone on the next line
//! ("www.oecd.org/⏎11") is not the rest of a URL.
//!
//! A footnote marker the notes found glued to a URL's end is not the URL's
//! either, whatever stands before it: "…/rapport?1" (a question's "?" and
//! marker 1), "…?id=2.3" when note 3 is marked there.
//!
//! Only http(s) targets get a `url`; "www.…" and bare domains get "https://"
//! put in front. Nothing else ("javascript:", "ftp:") is ever recognised.

use crate::anchors::Anchors;
use crate::model::{RefKind, Reference, Span};

mod slugs;

/// Chars that can never be part of a URL as printed.
fn url_char(c: char) -> bool {
    !(c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '<' | '>'
                | '"'
                | '«'
                | '»'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '\''
                | '|'
                | '{'
                | '}'
                | '\\'
                | '^'
                | '`'
                | '['
                | ']'
        ))
}

/// The end of the run of URL chars starting at `from`.
fn run_end(text: &str, from: usize) -> usize {
    let rest = text.get(from..).unwrap_or("");
    from + rest.find(|c: char| !url_char(c)).unwrap_or(rest.len())
}

/// A URL-ish char inside a token (not at its start): what a sentence word lacks.
fn urlish(c: char) -> bool {
    matches!(c, '/' | '-' | '_' | '.' | '%' | '?' | '=' | '&' | '#' | '~')
}

/// The token with trailing punctuation left off.
fn core(token: &str) -> &str {
    token.trim_end_matches(['.', ',', ';', ':', ')', '!', '?'])
}

/// A token that opens a URL of its own after a footnote number glued to it
/// ("1https://…", "3www.…" on the next line): never the rest of a URL.
fn new_url(lower: &str) -> bool {
    let rest = lower.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < lower.len() && ["http://", "https://", "www."].iter().any(|p| rest.starts_with(p))
}

/// Whether `token` (the first word of the next piece) reads as the rest of a URL.
fn continues(token: &str, alone_on_line: bool, left: bool, right: bool, scheme_only: bool) -> bool {
    let Some(first) = token.chars().next() else { return false };
    if !(first.is_ascii_alphanumeric() || "%/?&=#_~-.".contains(first)) {
        return false;
    }
    let lower = token.to_ascii_lowercase();
    if scheme_only {
        // "https://⏎⏎www.movisie.nl/…": the host follows.
        return token.contains('.') && !lower.starts_with("http");
    }
    if ["ah-tk-", "ah-ek-", "kst-", "h-tk-", "http", "www."].iter().any(|p| lower.starts_with(p)) || new_url(&lower) {
        return false;
    }
    if !(left || right) {
        return false;
    }
    // "www.oecd.org/⏎11": a footnote number alone on its line (poppler), not the path.
    if alone_on_line && token.len() <= 3 && token.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let c = core(token);
    let has_urlish = c.chars().skip(1).any(urlish);
    if first.is_ascii_uppercase() && !has_urlish {
        return false;
    }
    if right {
        return true;
    }
    has_urlish || (alone_on_line && c.len() >= 2 && c.chars().all(|ch| ch.is_ascii_alphanumeric()))
}

/// The next piece of a URL whose current piece ends at `end`, if the text goes on with one.
fn next_piece(text: &str, piece_so_far: &str, end: usize, in_paren: bool) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let last = piece_so_far.chars().last()?;
    let scheme_only = matches!(piece_so_far.to_ascii_lowercase().as_str(), "http://" | "https://");
    let left = scheme_only || matches!(last, '/' | '-' | '_' | '%' | '=' | '&' | '?' | '#' | '~' | '\u{ad}');
    // "…in-dalfsen- keerde-overleden)": a hyphen, one space, the rest on the same line.
    if bytes.get(end) == Some(&b' ') && last == '-' {
        let s = end + 1;
        let e = run_end(text, s);
        let token = text.get(s..e)?;
        let first = token.chars().next()?;
        if first.is_lowercase() && core(token).chars().any(|c| c == '-' || c == '/') {
            return Some((s, e));
        }
        return None;
    }
    // Otherwise only a line break: trailing blanks, a newline, up to three blank lines.
    let mut i = end;
    while matches!(bytes.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    if bytes.get(i) != Some(&b'\n') {
        return None;
    }
    let mut newlines = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\n' => newlines += 1,
            b' ' | b'\t' | b'\r' => {}
            _ => break,
        }
        if newlines > 4 {
            return None;
        }
        i += 1;
    }
    let s = i;
    let e = run_end(text, s);
    let token = text.get(s..e)?;
    let first = token.chars().next()?;
    let right = matches!(first, '%' | '/' | '?' | '&' | '=' | '#');
    let after = text.get(e..).unwrap_or("");
    let blank = after.trim_start_matches([' ', '\t', '\r']);
    let alone = blank.is_empty() || blank.starts_with('\n');
    if continues(token, alone, left, right, scheme_only) || broken_mid_word(piece_so_far, token, alone, in_paren) {
        Some((s, e))
    } else {
        None
    }
}

/// A URL broken inside a word ("…/nieuws/aanpassingen-wapen⏎exportbeleid/)"):
/// the next line's word carries a path ('/', '-', '_' or '=') and ends the line
/// or the parenthesis, or closes the parenthesis the URL opened with, and does
/// not start a URL of its own ("vng.nl/…") after one that looks complete ("….html").
fn broken_mid_word(url: &str, token: &str, alone: bool, in_paren: bool) -> bool {
    let Some(first) = token.chars().next() else { return false };
    if !(first.is_ascii_lowercase() || first.is_ascii_digit()) {
        return false;
    }
    let lower = token.to_ascii_lowercase();
    if ["ah-tk-", "ah-ek-", "kst-", "h-tk-", "http", "www."].iter().any(|p| lower.starts_with(p)) || new_url(&lower) {
        return false;
    }
    let c = core(token);
    let closes = token.len() > c.len() && token[c.len()..].starts_with(')');
    if !(alone || closes) || !(c.contains(['/', '-', '_', '=']) || (closes && in_paren)) {
        return false;
    }
    let complete = [".html", ".htm", ".pdf", ".aspx", ".php", ".jpg", ".png", ".docx", ".xlsx"]
        .iter()
        .any(|x| url.to_ascii_lowercase().ends_with(x));
    let starts_url = c.find('/').and_then(|i| c.get(..i)).is_some_and(|host| host.contains('.'));
    !complete && !starts_url
}

/// Trailing punctuation that is not part of the URL: how many bytes to drop.
fn trailing_junk(url: &str) -> usize {
    let mut s = url;
    loop {
        let before = s.len();
        s = s.trim_end_matches(['.', ',', ';', ':', '!', '?', '*']);
        if s.ends_with(')') && s.matches('(').count() < s.matches(')').count() {
            s = &s[..s.len() - 1];
        }
        if s.len() == before {
            break;
        }
    }
    url.len() - s.len()
}

/// What is glued after the URL with no space: a footnote marker after a
/// sentence's full stop ("…/bericht.3"), a word after a comma ("…/x,en") or
/// a new sentence after a full stop ("…/bericht.De minister"). Only after the
/// path has begun; "…/v1.2", "…/rapport.pdf" and "…?id=3" stay whole.
fn glued_tail(url: &str) -> usize {
    let path_from = url.find("://").map_or(0, |i| i + 3);
    let Some(slash) = url.get(path_from..).and_then(|r| r.find('/')) else { return 0 };
    let path = url.get(path_from + slash..).unwrap_or("");
    let Some(k) = path.rfind(['.', ',', ';', '!']) else { return 0 };
    let (head, tail) = (&path[..k], &path[k + 1..]);
    // "?q=a,b", "?id=2.3": inside a query every sign may be the URL's.
    if head.contains(['?', '=', '&']) {
        return 0;
    }
    let punct = path.as_bytes()[k];
    let before = head.chars().next_back();
    let after_word = before.is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == ')');
    let number = (1..=3).contains(&tail.len()) && tail.bytes().all(|b| b.is_ascii_digit());
    let word = !tail.is_empty() && tail.chars().all(char::is_alphabetic);
    let capital_word = word
        && tail.chars().count() >= 2
        && tail.chars().next().is_some_and(char::is_uppercase)
        && tail.chars().skip(1).all(char::is_lowercase);
    let glued = match punct {
        b'.' => after_word && (number || capital_word),
        _ => after_word && (number || word),
    };
    if glued {
        tail.len() + 1
    } else {
        0
    }
}

/// Where a run ends at the first ")" it did not open ("(https://x.nl/a)en",
/// "https://x.nl/a)3"), given the parentheses `depth` already open in the URL;
/// "…/Foo_(bar)" keeps its own pair.
fn paren_cut(piece: &str, depth: &mut i32) -> Option<usize> {
    for (i, b) in piece.bytes().enumerate() {
        match b {
            b'(' => *depth += 1,
            b')' if *depth == 0 => return Some(i),
            b')' => *depth -= 1,
            _ => {}
        }
    }
    None
}

/// Where a URL that runs straight into another one stops
/// ("https://a.nl/xhttps://b.nl/y", "https://a.nl/x2https://b.nl/y": a footnote
/// number between them is neither's; "https://a.nl/x(https://b.nl/y": nor is
/// the parenthesis; "https://a.nl/x5www.b.nl/y") and where the next one
/// starts. A URL inside a URL stays: "…/web/2024/https://b.nl/y" (an archive
/// link), "…?url=https://b.nl/y" (a redirect).
fn glued_next(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let run = text.get(start..end)?;
    let lower = run.to_ascii_lowercase();
    let from = scheme_len(run).unwrap_or(1);
    let b = run.as_bytes();
    let mut at = from;
    let rel = loop {
        let rel = at + lower.get(at..)?.find(['h', 'w'])?;
        at = rel + 1;
        let rest = lower.get(rel..)?;
        if !(rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.")) {
            continue;
        }
        // Inside the URL's own path or query: "/https://", "=https://", ".www.".
        let www = rest.starts_with("www.");
        if rel == 0
            || matches!(b[rel - 1], b'/' | b'=' | b'?' | b'&' | b':' | b'%' | b'#' | b'-' | b'_')
            || (www && b[rel - 1] == b'.')
        {
            continue;
        }
        // "www." glued to a letter is a new URL only after the path has begun.
        if www && !lower.get(..rel).is_some_and(|h| h.get(from..).is_some_and(|p| p.contains('/'))) {
            continue;
        }
        break rel;
    };
    let mut cut = rel;
    if b[rel - 1] == b'(' {
        return Some((start + rel - 1, start + rel));
    }
    while cut > 0 && rel - cut < 2 && b[cut - 1].is_ascii_digit() {
        cut -= 1;
    }
    // Digits inside a number ("…-2024https://") or a parameter ("id=2https") stay.
    if cut < rel && (rel - cut > 2 || cut == 0 || matches!(b[cut - 1], b'0'..=b'9' | b'-' | b'=')) {
        cut = rel;
    }
    Some((start + cut, start + rel))
}

/// The scheme's length when `rest` opens with one ("https://", any case).
fn scheme_len(rest: &str) -> Option<usize> {
    let head = rest.get(..8).or_else(|| rest.get(..7))?.to_ascii_lowercase();
    if head.starts_with("https://") {
        Some(8)
    } else if head.starts_with("http://") {
        Some(7)
    } else {
        None
    }
}

/// Builds the URL starting at `start` whose first piece ends at `end`.
fn build(text: &str, start: usize, end: usize, min_len: usize) -> Option<Reference> {
    let mut depth = 0;
    let mut end = end;
    let mut closed = false;
    if let Some(k) = paren_cut(text.get(start..end)?, &mut depth) {
        end = start + k;
        closed = true;
    }
    let mut target = text.get(start..end)?.to_string();
    let in_paren = text.get(..start).is_some_and(|t| t.ends_with('('));
    let mut pieces = vec![(start, end)];
    while !closed && pieces.len() < 12 {
        let Some(&(_, e)) = pieces.last() else { break };
        match next_piece(text, &target, e, in_paren) {
            Some((s2, mut e2)) => {
                if let Some(k) = paren_cut(text.get(s2..e2)?, &mut depth) {
                    e2 = s2 + k;
                    closed = true;
                    if k == 0 {
                        break;
                    }
                }
                // "…veel\u{ad}⏎juridische…": the soft hyphen at the break was a printed hyphen.
                if target.ends_with('\u{ad}') {
                    target.pop();
                    target.push('-');
                }
                target.push_str(text.get(s2..e2)?);
                pieces.push((s2, e2));
            }
            None => break,
        }
    }
    let mut junk = 0;
    loop {
        let cut = trailing_junk(&target) + glued_tail(&target);
        if cut == 0 {
            break;
        }
        target.truncate(target.len() - cut);
        junk += cut;
    }
    while junk > 0 {
        let (s, e) = pieces.pop()?;
        if e - s > junk {
            pieces.push((s, e - junk));
            junk = 0;
        } else {
            junk -= e - s;
        }
    }
    let &(_, end) = pieces.last()?;
    if target.contains(['\u{fffe}', '\u{ad}']) {
        target = hyphenation_points(&target);
    }
    if target.len() < min_len {
        return None;
    }
    let lower = target.to_ascii_lowercase();
    let url = if let Some(k) = scheme_len(&target) {
        // "Https://…" (a word processor's capital) links as "https://…".
        format!("{}{}", lower.get(..k).unwrap_or(""), target.get(k..).unwrap_or(""))
    } else {
        format!("https://{target}")
    };
    Some(Reference { kind: RefKind::Url, span: Span::new(start, end), target, url: Some(url) })
}

/// PDFium's U+FFFE in a URL is the hyphen printed where the line broke
/// ("…-stelselmatig￾buitengesloten" → "…-stelselmatig-buitengesloten"); so is
/// a soft hyphen at the end of a piece, while one inside a line is never shown.
fn hyphenation_points(target: &str) -> String {
    let mut out = String::with_capacity(target.len());
    let mut chars = target.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{fffe}' => out.push('-'),
            '\u{ad}' if chars.peek().is_none() => out.push('-'),
            '\u{ad}' => {}
            c => out.push(c),
        }
    }
    out
}

fn inside(spans: &[Span], at: usize) -> bool {
    let i = spans.partition_point(|s| s.end <= at);
    spans.get(i).is_some_and(|s| s.start <= at)
}

/// The chars that may stand right before a URL without a scheme.
fn boundary_before(text: &str, at: usize) -> bool {
    // "3www.nos.nl/…": a footnote number glued to it at a line start.
    let before = text.get(..at).unwrap_or("");
    let digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &before[..before.len() - digits];
        return rest.chars().next_back().map_or(true, |c| matches!(c, '\n' | '\u{c}' | '\u{fffe}'));
    }
    match text.get(..at).and_then(|t| t.chars().next_back()) {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '«' | '[' | '"' | '\'' | '‘' | '“' | ',' | ';' | ':' | '>'),
    }
}

/// Finds every URL in `text`, in text order.
#[must_use]
pub fn find(text: &str, anchors: &Anchors) -> Vec<Reference> {
    let mut out: Vec<Reference> = Vec::new();
    let mut from = 0;
    // With a scheme.
    let mut queue = anchors.http.iter().copied().peekable();
    // The start of a URL glued to the end of the one before.
    let mut pending: Option<usize> = None;
    let mut glued_at = usize::MAX;
    // "www.…" glued to the end of a URL with a scheme: read with the others below.
    let mut glued_www: Vec<usize> = Vec::new();
    loop {
        let s = match pending.take() {
            Some(p) => p,
            None => match queue.next() {
                Some(s) => s,
                None => break,
            },
        };
        if s < from {
            continue;
        }
        let rest = text.get(s..).unwrap_or("");
        let Some(scheme) = scheme_len(rest) else {
            if rest.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("www.")) {
                glued_www.push(s);
            }
            continue;
        };
        // "3https://…": a footnote number glued before it is not part of it.
        let prev = text.get(..s).and_then(|t| t.chars().next_back());
        if prev.is_some_and(|c| c.is_alphanumeric() && !c.is_ascii_digit()) && s != glued_at {
            continue;
        }
        let mut e = run_end(text, s);
        if let Some((cut, next)) = glued_next(text, s, e) {
            e = cut;
            glued_at = next;
            if queue.peek() != Some(&next) {
                pending = Some(next);
            }
        }
        if let Some(r) = build(text, s, e, scheme + 1) {
            from = r.span.end.max(from);
            out.push(r);
        }
    }
    let mut spans: Vec<Span> = out.iter().map(|r| r.span).collect();
    let mut more = Vec::new();
    // "www." without a scheme, and what is glued after it.
    from = 0;
    let mut starts: Vec<usize> = anchors.www.iter().copied().chain(glued_www.iter().copied()).collect();
    crate::sort::by_key(&mut starts, |&s| (s, 0, 0));
    for &first in &starts {
        if first < from || inside(&spans, first) || !(boundary_before(text, first) || glued_www.contains(&first)) {
            continue;
        }
        let mut next = Some(first);
        // A chain of glued URLs, each built up to where the next one starts.
        for _ in 0..16 {
            let Some(s) = next.take() else { break };
            let mut e = run_end(text, s);
            if let Some((cut, n)) = glued_next(text, s, e) {
                e = cut;
                next = Some(n);
            }
            let www = scheme_len(text.get(s..).unwrap_or("")).is_none();
            if www && inside(&spans, s) {
                break;
            }
            let min_len = if www { 7 } else { 9 };
            if let Some(r) = build(text, s, e, min_len) {
                if !www || r.target.len() > 4 && r.target[4..].contains('.') {
                    from = r.span.end.max(from);
                    if !out.iter().any(|o| o.span.start == r.span.start) {
                        more.push(r);
                    }
                }
            }
        }
    }
    out.append(&mut more);
    crate::sort::by_key(&mut out, |r| (r.span.start, r.span.end, 0));
    spans = out.iter().map(|r| r.span).collect();
    // A bare domain with a path: "regiopurmerend.nl/2024/…".
    from = 0;
    for &slash in &anchors.slash {
        if slash < from || inside(&spans, slash) {
            continue;
        }
        let Some(s) = bare_domain_start(text, slash) else { continue };
        if !boundary_before(text, s) || inside(&spans, s) {
            continue;
        }
        let e = run_end(text, slash);
        if let Some(r) = build(text, s, e, 4) {
            from = r.span.end.max(from);
            more.push(r);
        }
    }
    out.append(&mut more);
    crate::sort::by_key(&mut out, |r| (r.span.start, r.span.end, 0));
    if !out.is_empty() && joins_broken_words(text) {
        // The opening (where the subject cites the title) once, its words shared.
        let mut head: Option<slugs::Words> = None;
        for r in &mut out {
            restore_slug_hyphens(text, r, &mut head);
        }
    }
    out
}

/// Did the reader join the words it found broken at line ends (poppler)? Not
/// when a word is still broken ("besprekin-⏎gen", PDFium's U+FFFE): then the
/// URLs kept their hyphens, and their slugs are left alone.
fn joins_broken_words(text: &str) -> bool {
    if text.contains('\u{fffe}') {
        return false;
    }
    !text.match_indices("-\n").any(|(k, _)| {
        crate::text::char_before(text, k).is_some_and(char::is_lowercase)
            && text.get(k + 2..).and_then(|r| r.chars().next()).is_some_and(char::is_lowercase)
    })
}

/// poppler's joined slug words split back (see `slugs`), for a URL with a
/// long slug word; the title is looked for in the document's opening
/// (`head`, read once) and around the URL (its footnote).
fn restore_slug_hyphens(text: &str, r: &mut Reference, head: &mut Option<slugs::Words>) {
    let long_word = r.target.split(['/', '-']).any(|w| w.len() >= 8 && w.bytes().all(|b| b.is_ascii_alphanumeric()));
    if !long_word || r.target.matches('-').count() < 2 {
        return;
    }
    let near = |i: usize| {
        let mut i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    const HEAD: usize = 4000;
    let head = head.get_or_insert_with(|| slugs::Words::new(text.get(..near(HEAD)).unwrap_or("")));
    let around = text.get(near(r.span.start.saturating_sub(1200).max(HEAD))..near(r.span.end + 300)).unwrap_or("");
    let words = slugs::Words::new(around);
    if let Some(target) = slugs::repair(&r.target, &[head, &words]) {
        r.url = Some(if r.url.as_deref() == Some(r.target.as_str()) {
            target.clone()
        } else {
            format!("https://{target}")
        });
        r.target = target;
    }
}

/// Where the domain ending right before the '/' at `slash` starts: labels of
/// lowercase letters, digits and '-', joined by '.', the last (top-level) one 2–6
/// letters ("Discriminatie.nl/Fryslân" is an organisation's name, not a link).
fn bare_domain_start(text: &str, slash: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = slash;
    while i > 0 && slash - i < 64 {
        let b = bytes[i - 1];
        if b.is_ascii_alphanumeric() || b == b'.' || b == b'-' {
            i -= 1;
        } else {
            break;
        }
    }
    // "2nos.nl/artikel/…" opening a line: a footnote number glued to the domain.
    let digits = bytes.get(i..slash).map_or(0, |d| d.iter().take_while(|b| b.is_ascii_digit()).count());
    let line_start =
        i == 0 || matches!(bytes[i - 1], b'\n' | b'\x0c') || text.get(..i).is_some_and(|t| t.ends_with('\u{fffe}'));
    if (1..=3).contains(&digits) && line_start && bytes.get(i + digits).is_some_and(u8::is_ascii_lowercase) {
        i += digits;
    }
    let domain = text.get(i..slash)?;
    let (name, tld) = domain.rsplit_once('.')?;
    let tld_ok = (2..=6).contains(&tld.len()) && tld.bytes().all(|b| b.is_ascii_lowercase());
    let last_label = name.rsplit('.').next().unwrap_or("");
    let name_ok = last_label.len() >= 2
        && !name.bytes().any(|b| b.is_ascii_uppercase())
        && name.bytes().any(|b| b.is_ascii_alphabetic())
        && name.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
        && !name.contains("..");
    (tld_ok && name_ok).then_some(i)
}

/// Takes the footnote markers glued at the end of a URL off it
/// ("…/rapport?1" → "…/rapport" when "1" is the marker of note 1), with the
/// punctuation left before the marker.
pub(crate) fn drop_markers(text: &str, urls: &mut [Reference], markers: &[Span]) {
    for r in urls.iter_mut().filter(|r| r.kind == RefKind::Url) {
        let Some(m) = markers.iter().find(|m| m.start > r.span.start && m.start < r.span.end && m.end >= r.span.end)
        else {
            continue;
        };
        let Some(glued) = text.get(m.start..r.span.end) else { continue };
        if !r.target.ends_with(glued) {
            continue;
        }
        let mut cut = glued.len();
        let kept = r.target.len() - cut;
        cut += trailing_junk(r.target.get(..kept).unwrap_or(""));
        if cut >= r.target.len() || cut > r.span.end - r.span.start {
            continue;
        }
        r.target.truncate(r.target.len() - cut);
        if let Some(url) = r.url.as_mut() {
            url.truncate(url.len().saturating_sub(cut));
        }
        r.span = Span::new(r.span.start, r.span.end - cut);
    }
}
