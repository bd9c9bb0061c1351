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
    if ["ah-tk-", "ah-ek-", "kst-", "h-tk-", "http", "www."].iter().any(|p| lower.starts_with(p)) {
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
    if ["ah-tk-", "ah-ek-", "kst-", "h-tk-", "http", "www."].iter().any(|p| lower.starts_with(p)) {
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

/// Builds the URL starting at `start` whose first piece ends at `end`.
fn build(text: &str, start: usize, end: usize, min_len: usize) -> Option<Reference> {
    let mut target = text.get(start..end)?.to_string();
    let in_paren = text.get(..start).is_some_and(|t| t.ends_with('('));
    let mut pieces = vec![(start, end)];
    while pieces.len() < 12 {
        let Some(&(_, e)) = pieces.last() else { break };
        match next_piece(text, &target, e, in_paren) {
            Some((s2, e2)) => {
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
    let mut junk = trailing_junk(&target);
    target.truncate(target.len() - junk);
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
    let url = if lower.starts_with("http://") || lower.starts_with("https://") {
        target.clone()
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
    for &s in &anchors.http {
        if s < from {
            continue;
        }
        let rest = text.get(s..).unwrap_or("");
        let scheme = if rest.starts_with("https://") {
            8
        } else if rest.starts_with("http://") {
            7
        } else {
            continue;
        };
        let prev = text.get(..s).and_then(|t| t.chars().next_back());
        if prev.is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        let e = run_end(text, s);
        if let Some(r) = build(text, s, e, scheme + 1) {
            from = r.span.end.max(from);
            out.push(r);
        }
    }
    let mut spans: Vec<Span> = out.iter().map(|r| r.span).collect();
    let mut more = Vec::new();
    // "www." without a scheme.
    from = 0;
    for &s in &anchors.www {
        if s < from {
            continue;
        }
        if inside(&spans, s) || !boundary_before(text, s) {
            continue;
        }
        let e = run_end(text, s);
        if let Some(r) = build(text, s, e, 7) {
            if r.target.len() > 4 && r.target[4..].contains('.') {
                from = r.span.end.max(from);
                more.push(r);
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
