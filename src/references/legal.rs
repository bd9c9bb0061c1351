//! Legal sources: EU law, court rulings (ECLI), UN vehicle regulations and
//! articles of Dutch law.
//!
//! EU law — "Verordening (EU) 2023/1115", "verordening 2019/2144/EU", "Richtlijn
//! (EU) 2016/680", "btw-richtlijn (2006/112)", "Verordening (EG) nr. 1907/2006",
//! "Richtlijn 95/46/EG", "Regulation (EU) 2016/679", "Directive 2002/58/EC",
//! "Besluit (EU) 2019/1754" → CELEX `3` + year + `R`/`L`/`D` + number
//! (32019R2144) and `https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32019R2144`.
//! Directives and acts since 2015 are year/number; older regulations with "nr."
//! are number/year ("nr. 1907/2006" → 32006R1907). "de OESO-richtlijnen voor
//! multinationale ondernemingen" (no number) is not EU law.
//!
//! ECLI — "ECLI:NL:RVS:2024:3946", broken as "ECLI:NL-⏎:RBDHA:2023:2055" →
//! `ECLI:NL:RBDHA:2023:2055` and `https://uitspraken.rechtspraak.nl/details?id=ECLI:NL:RBDHA:2023:2055`;
//! "ECLI:EU:C:2021:…" links to EUR-Lex.
//!
//! UN regulations — "UN Reglement R155⏎en R156" → two: `R155`, `R156`;
//! "VN-reglement nr. 155"; "UN Regulation No 155". "Deze reglementen" is not one.
//!
//! Articles — "artikel 31, eerste lid, van de Huisvestingswet 2014" →
//! `art. 31 lid 1 Huisvestingswet 2014`; "artikelen 3:10 en 3:17 Wft" → two;
//! "artikel 2.1 en artikel 8.11 van de Wet dieren" → two, both of the Wet
//! dieren; "artikel 68 Grondwet"; "art. 21". "het artikel «Kritiek op …»" (a
//! newspaper article: no number) is not one.

use super::window::{digit_ahead, Cur, Window};
use crate::anchors::Anchors;
use crate::model::{RefKind, Reference, Span};

/// Finds EU acts, ECLIs, UN regulations and law articles.
#[must_use]
pub fn find(text: &str, skip: &[Span], anchors: &Anchors) -> Vec<Reference> {
    let mut out = Vec::new();
    let free = |v: &[usize]| v.iter().copied().filter(|&i| !super::inside(skip, i)).collect::<Vec<usize>>();
    let eu: Vec<(usize, char)> = anchors.eu.iter().copied().filter(|&(i, _)| !super::inside(skip, i)).collect();
    eu_law(text, &eu, &mut out);
    ecli(text, &free(&anchors.ecli), &mut out);
    un_regulations(text, &free(&anchors.reglement), &mut out);
    articles(text, &free(&anchors.artikel), &mut out);
    out
}

/// The start of the word around byte `at` (letters and '-').
fn word_start(text: &str, at: usize) -> usize {
    let mut s = at;
    for (i, c) in text.get(..at).unwrap_or("").char_indices().rev() {
        if c.is_alphabetic() || c == '-' {
            s = i;
        } else {
            break;
        }
        if at - i > 40 {
            break;
        }
    }
    // Never start on a hyphen.
    while text.get(s..).is_some_and(|t| t.starts_with('-')) && s < at {
        s += 1;
    }
    s
}

/// The end of the word from byte `at` (letters only).
fn word_end(text: &str, at: usize) -> usize {
    let rest = text.get(at..).unwrap_or("");
    at + rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len())
}

fn expand_year(y: &str) -> Option<u32> {
    let n: u32 = y.parse().ok()?;
    match y.len() {
        2 => Some(if n >= 50 { 1900 + n } else { 2000 + n }),
        4 if (1950..=2100).contains(&n) => Some(n),
        _ => None,
    }
}

fn eu_law(text: &str, anchors: &[(usize, char)], out: &mut Vec<Reference>) {
    for &(at, kind) in anchors {
        {
            let ws = word_start(text, at);
            let we = word_end(text, at);
            if kind == 'R' && un_before(text, ws) {
                continue;
            }
            if !digit_ahead(text, we, 24) {
                continue;
            }
            let w = Window::new(text, we, 48);
            let mut c = Cur { s: &w.text, i: 0 };
            if !c.space() && !c.rest().starts_with('(') {
                continue;
            }
            let mut has_nr = false;
            if c.eat('(') {
                let save = c.i;
                let inst = ["EU", "EG", "EEG", "EC", "EEC", "Euratom"].iter().any(|p| c.word_ci(p));
                if !(inst && c.eat(')')) {
                    c.i = save - 1;
                } else {
                    c.space();
                }
            }
            if c.word_ci("nr. ") || c.word_ci("nr.") || c.word_ci("no. ") || c.word_ci("no ") {
                has_nr = true;
            }
            let paren = c.eat('(');
            let Some(a) = c.digits(4) else { continue };
            if !c.eat('/') {
                continue;
            }
            let Some(b) = c.digits(4) else { continue };
            if c.peek().is_some_and(char::is_alphanumeric) {
                continue;
            }
            let save = c.i;
            if c.eat('/') && !["EU", "EG", "EEG", "EC", "EEC", "CE"].iter().any(|p| c.word_ci(p)) {
                c.i = save;
            }
            if paren {
                c.eat(')');
            }
            // Year and number.
            let (year, num) = if kind == 'L' || (!has_nr && a.len() == 4 && expand_year(a).is_some()) {
                (expand_year(a), b)
            } else {
                (expand_year(b), a)
            };
            let (Some(year), Ok(num)) = (year, num.parse::<u32>()) else { continue };
            if num == 0 {
                continue;
            }
            let celex = format!("3{year}{kind}{num:04}");
            let end = w.span(0, c.i).end;
            if end <= ws {
                continue;
            }
            let url = format!("https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:{celex}");
            out.push(Reference { kind: RefKind::EuLaw, span: Span::new(ws, end), target: celex, url: Some(url) });
        }
    }
}

/// "UN", "VN", "UNECE" right before the word at `ws` ("UN Regulation", "VN-reglement").
fn un_before(text: &str, ws: usize) -> bool {
    let word = text.get(ws..word_end(text, ws)).unwrap_or("");
    if ["UN-", "VN-", "UNECE-"].iter().any(|p| word.starts_with(p)) {
        return true;
    }
    let before = text.get(ws.saturating_sub(8)..ws).unwrap_or("").trim_end();
    ["UN", "VN", "UNECE"].iter().any(|p| {
        before.ends_with(p) && !before[..before.len() - p.len()].chars().next_back().is_some_and(char::is_alphanumeric)
    })
}

fn ecli(text: &str, anchors: &[usize], out: &mut Vec<Reference>) {
    for &at in anchors {
        if text.get(..at).and_then(|t| t.chars().next_back()).is_some_and(char::is_alphanumeric) {
            continue;
        }
        // Compact the identifier: a break after ':' or before ':' and a
        // hyphen at a line end ("ECLI:NL-⏎:RBDHA") are left out.
        let bytes = text.as_bytes();
        let mut id = String::new();
        let mut ends: Vec<usize> = Vec::new();
        let mut i = at;
        while i < bytes.len() && id.len() < 64 {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() || b == b':' || b == b'.' {
                id.push(b as char);
                i += 1;
                ends.push(i);
                continue;
            }
            let hyphen = b == b'-';
            let ws_start = i + usize::from(hyphen);
            let mut j = ws_start;
            while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\n' | b'\r') {
                j += 1;
            }
            let newline = bytes.get(ws_start..j).is_some_and(|g| g.contains(&b'\n'));
            let next = bytes.get(j).copied();
            let joins = id.ends_with(':') || next == Some(b':') || hyphen;
            if newline && joins && next.is_some_and(|n| n.is_ascii_alphanumeric() || n == b':') {
                i = j;
                continue;
            }
            break;
        }
        let id = id.trim_end_matches(['.', ':']);
        let parts: Vec<&str> = id.split(':').collect();
        let ok = parts.len() == 5
            && parts[1].len() == 2
            && parts[1].bytes().all(|b| b.is_ascii_uppercase())
            && (1..=7).contains(&parts[2].len())
            && parts[3].len() == 4
            && parts[3].bytes().all(|b| b.is_ascii_digit())
            && !parts[4].is_empty();
        let Some(&real_end) = ends.get(id.len().wrapping_sub(1)) else { continue };
        if !ok {
            continue;
        }
        let target = id.to_string();
        let url = match parts[1] {
            "NL" => Some(format!("https://uitspraken.rechtspraak.nl/details?id={target}")),
            "EU" => Some(format!("https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=ecli:{target}")),
            _ => None,
        };
        out.push(Reference { kind: RefKind::Ecli, span: Span::new(at, real_end), target, url });
    }
}

fn un_regulations(text: &str, anchors: &[usize], out: &mut Vec<Reference>) {
    for &at in anchors {
        {
            let ws = word_start(text, at);
            if !un_before(text, ws) {
                continue;
            }
            let mut start = ws;
            let before = text.get(ws.saturating_sub(8)..ws).unwrap_or("");
            if let Some(p) = ["UNECE", "UN", "VN"].iter().find_map(|p| before.trim_end().rfind(p)) {
                start = crate::text::ceil_char_boundary(text, ws.saturating_sub(8) + p);
            }
            let we = word_end(text, at);
            if !digit_ahead(text, we, 16) {
                continue;
            }
            let w = Window::new(text, we, 64);
            let mut c = Cur { s: &w.text, i: 0 };
            if !c.space() {
                continue;
            }
            let _ = c.word_ci("nr. ") || c.word_ci("no. ") || c.word_ci("no ") || c.word_ci("nummer ");
            let mut first = true;
            loop {
                let a = c.i;
                c.eat('R');
                let Some(n) = c.digits(3) else { break };
                if c.peek().is_some_and(char::is_alphanumeric) {
                    break;
                }
                let span = if first { Span::new(start, w.span(a, c.i).end) } else { w.span(a, c.i) };
                out.push(Reference { kind: RefKind::UnRegulation, span, target: format!("R{n}"), url: None });
                first = false;
                if !(c.word_ci(", ") || c.word_ci(" en ") || c.word_ci(" & ") || c.word_ci("/") || c.word_ci(" and ")) {
                    break;
                }
                if !c.rest().starts_with(|ch: char| ch == 'R' || ch.is_ascii_digit()) {
                    break;
                }
            }
        }
    }
}

const ORDINALS: [&str; 10] =
    ["eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende"];

const LAW_ABBREVIATIONS: [&str; 30] = [
    "Awb", "BW", "Wft", "Sr", "Sv", "Gw", "AVG", "UAVG", "Wob", "Woo", "Wmo", "Wlz", "Zvw", "Vw", "Wpg", "Wbp", "WvS",
    "WvSv", "EVRM", "VWEU", "VEU", "Rv", "Wjz", "Wpol", "Wvw", "Wgbo", "Wkkgz", "Wzd", "Wvggz", "Aw",
];

const STOP_WORDS: [&str; 28] = [
    "en", "is", "om", "dat", "die", "wordt", "worden", "kan", "kunnen", "niet", "ook", "te", "als", "of", "waarin",
    "waarbij", "zijn", "was", "heeft", "hebben", "geldt", "bepaalt", "voor", "in", "met", "aan", "bij", "wel",
];

/// An article number: "31", "1.1.1", "3:10", "13a".
fn article_number<'a>(c: &mut Cur<'a>) -> Option<&'a str> {
    let s = c.i;
    c.digits(4)?;
    loop {
        let save = c.i;
        if c.peek().is_some_and(|ch| ch.is_ascii_lowercase()) {
            c.i += 1;
            if c.peek().is_some_and(char::is_alphanumeric) {
                c.i = save;
            }
        }
        let sep = c.i;
        if c.eat_any(&['.', ':']) && c.digits(4).is_some() {
            continue;
        }
        c.i = sep;
        break;
    }
    c.s.get(s..c.i)
}

/// "eerste lid", "1e lid", "lid 2": the paragraph number.
fn lid(c: &mut Cur<'_>) -> Option<String> {
    let save = c.i;
    c.eat(',');
    c.space();
    if c.word_ci("lid ") {
        if let Some(d) = c.digits(2) {
            return Some(d.to_string());
        }
    }
    c.i = save;
    c.eat(',');
    c.space();
    let n = if let Some(k) = ORDINALS.iter().position(|o| c.word_ci(o)) {
        Some((k + 1).to_string())
    } else if let Some(d) = c.digits(2) {
        let d = d.to_string();
        c.eat('e');
        Some(d)
    } else {
        None
    };
    if let Some(n) = n {
        if c.word_ci(" lid") && c.at_word_end() {
            return Some(n);
        }
    }
    c.i = save;
    None
}

/// The law after an article: "van de Wet dieren", "Wft", "Grondwet", "van de Huisvestingswet 2014".
fn law(c: &mut Cur<'_>) -> Option<String> {
    let save = c.i;
    c.eat(',');
    c.space();
    for lead in ["van de ", "van het ", "uit de ", "uit het ", "der ", "van "] {
        if c.word_ci(lead) {
            break;
        }
    }
    let rest = c.rest();
    let first: &str = rest.split(|ch: char| !ch.is_alphanumeric()).next().unwrap_or("");
    let mut words: Vec<&str> = Vec::new();
    let lower = crate::text::lowercase(first);
    let capital = first.chars().next().is_some_and(char::is_uppercase);
    if LAW_ABBREVIATIONS.contains(&first) {
        words.push(first);
    } else if capital
        && (lower.ends_with("wet") || lower.ends_with("wetboek") || lower == "besluit" || lower.ends_with("besluit"))
    {
        words.push(first);
        if lower == "wet" || lower == "besluit" || lower == "wetboek" || lower.ends_with("besluit") {
            // "Wet dieren", "Wet op het financieel toezicht", "Besluit houders van dieren".
            let mut at = first.len();
            for _ in 0..6 {
                let r = &rest[at..];
                if !r.starts_with(' ') {
                    break;
                }
                let w = r[1..].split(|ch: char| !ch.is_alphanumeric()).next().unwrap_or("");
                if w.is_empty()
                    || STOP_WORDS.contains(&w)
                    || !w.chars().next().is_some_and(char::is_lowercase) && !w.chars().all(|ch| ch.is_ascii_digit())
                {
                    break;
                }
                words.push(w);
                at += 1 + w.len();
                if w.chars().all(|ch| ch.is_ascii_digit()) {
                    break;
                }
            }
            // Never end on a linking word.
            while words.len() > 1 && matches!(words.last(), Some(&("op" | "het" | "de" | "van" | "der" | "tot"))) {
                words.pop();
            }
        }
    } else if first == "Burgerlijk" && rest.get(first.len()..).is_some_and(|r| r.starts_with(" Wetboek")) {
        words.push("Burgerlijk");
        words.push("Wetboek");
    }
    if words.is_empty() {
        c.i = save;
        return None;
    }
    c.i += words.iter().map(|w| w.len()).sum::<usize>() + words.len() - 1;
    // "Huisvestingswet 2014", "Wet maatschappelijke ondersteuning 2015".
    let y = c.i;
    if c.space() && c.digits(4).is_some_and(|d| d.len() == 4) && c.at_word_end() {
        return Some(format!("{} {}", words.join(" "), c.s.get(y + 1..c.i).unwrap_or("")));
    }
    c.i = y;
    Some(words.join(" "))
}

fn articles(text: &str, anchors: &[usize], out: &mut Vec<Reference>) {
    let mut done_until = 0;
    for &s in anchors {
        if s < done_until || !matches!(text.as_bytes().get(s), Some(b'a' | b'A')) {
            continue;
        }
        if text.get(..s).and_then(|t| t.chars().next_back()).is_some_and(char::is_alphanumeric) {
            continue;
        }
        if !digit_ahead(text, s + 3, 9) {
            continue;
        }
        let w = Window::new(text, s, 160);
        let mut c = Cur { s: &w.text, i: 0 };
        if !(c.word_ci("artikelen ")
            || c.word_ci("artikel ")
            || c.word_ci("art. ")
            || c.word_ci("art.")
            || c.word_ci("art "))
        {
            continue;
        }
        // The numbers: "3:10 en 3:17", "2.1 en artikel 8.11", "21 (2)".
        let mut items: Vec<(usize, usize, String, Option<String>)> = Vec::new();
        let mut a = 0;
        loop {
            let ns = c.i;
            let Some(n) = article_number(&mut c) else { break };
            let mut n = n.to_string();
            let save = c.i;
            if c.word_ci(" (") {
                if let Some(d) = c.digits(2) {
                    if c.eat(')') {
                        n = format!("{n}({d})");
                    } else {
                        c.i = save;
                    }
                } else {
                    c.i = save;
                }
            }
            let _ = ns;
            let l = lid(&mut c);
            items.push((a, c.i, n, l));
            let save = c.i;
            let sep = c.word_ci(", ") || c.word_ci(" en ") || c.word_ci(" of ") || c.word_ci(" t/m ");
            if !sep {
                break;
            }
            a = c.i;
            let _ = c.word_ci("artikel ") || c.word_ci("art. ");
            if !c.peek().is_some_and(|ch| ch.is_ascii_digit()) {
                c.i = save;
                break;
            }
        }
        if items.is_empty() {
            continue;
        }
        let law_name = law(&mut c);
        let last = items.len() - 1;
        for (k, (a, b, n, l)) in items.into_iter().enumerate() {
            let b = if k == last && law_name.is_some() { c.i } else { b };
            let mut target = format!("art. {n}");
            if let Some(l) = l {
                target.push_str(&format!(" lid {l}"));
            }
            if let Some(law) = &law_name {
                target.push(' ');
                target.push_str(law);
            }
            let span = w.span(a, b);
            if span.is_empty() {
                continue;
            }
            done_until = span.end;
            out.push(Reference { kind: RefKind::LawArticle, span, target, url: None });
        }
    }
}
