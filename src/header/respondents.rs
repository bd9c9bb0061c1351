//! Addressees, subject and the answer intro with its respondents.
//!
//! ```text
//! addressees   := ["de "] ROLE ["van" | "voor"] PORTFOLIO {(" en " | ", ") ...}
//! answer intro := ("Antwoord" | "Antwoorden" | "Mededeling") " van " respondents
//!                 [", mede namens " addressees] ["(ontvangen " DATE ")"] ["Zie ook …"]
//! respondent   := ROLE NAME ["(" PORTFOLIO ")"]  |  ["de "] ROLE ("van" | "voor") PORTFOLIO
//! ROLE         := "Minister" | "Ministers" | "Minister-President" | "Staatssecretaris" | …
//! ```
//!
//! "aan de Minister voor Buitenlandse Handel en Ontwikkelingshulp en van
//! Buitenlandse Zaken over het onderzoek …" (two addressees and a subject);
//! "Antwoord van Staatssecretaris Van Rij (Financiën – Fiscaliteit en
//! Belastingdienst), mede namens de Minister voor …" (the second respondent
//! `on_behalf`); in a ministry letter the name comes from the signature
//! under "de Minister van Justitie en Veiligheid" ("D.M. van Weel").

use super::*;

pub(super) fn role_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        r"(?i-u)(?-u:\b)(minister-president|ministers|minister|staatssecretarissen|staatssecretaris|staatsecretaris|bewindspersonen|bewindspersoon)(?-u:\b)",
    )
}

pub(super) fn canonical_role(word: &str) -> String {
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
pub(super) struct RoleSegment {
    pub(super) role: String,
    pub(super) role_span: Span,
    /// After the role word, connectors at the end left out.
    pub(super) rest: Span,
}

/// Trims white space, trailing connectors ("en", "van", "de", ",") and a
/// leading "de" from `span`.
pub(super) fn trim_connectors(text: &str, span: Span) -> Span {
    let mut s = sl(text, span.start, span.end);
    let start = span.start + leading_ws(s);
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
pub(super) fn role_segments(text: &str, span: Span) -> Vec<RoleSegment> {
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
pub(super) fn split_portfolios(text: &str, rest: Span) -> Vec<Span> {
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
pub(super) fn strip_van(s: &str) -> &str {
    s.strip_prefix("van ").or_else(|| s.strip_prefix("voor ")).unwrap_or(s)
}

/// A portfolio after the role ("Minister van …"), not a name ("Minister Van Weel").
pub(super) fn starts_with_van(s: &str) -> bool {
    matches!(s.split_whitespace().next(), Some("van" | "voor"))
}

pub(super) fn find_addressees_and_subject(head: &str, after_askers: usize) -> (Vec<Addressee>, Option<String>) {
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
pub(super) fn read_subject(head: &str, at: usize) -> Option<String> {
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

pub(super) struct AnswerIntro {
    pub(super) span: Span,
    pub(super) is_mededeling: bool,
    pub(super) respondents: Vec<Respondent>,
}

pub(super) fn respondents_from(text: &str, span: Span, on_behalf: bool, out: &mut Vec<Respondent>) {
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
pub(super) fn join_accents(s: &str) -> String {
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

pub(super) fn find_answer_intro(text: &str, head: &str) -> Option<AnswerIntro> {
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
pub(super) fn see_also_end(head: &str, at: usize) -> Option<usize> {
    static SEE: OnceLock<Regex> = OnceLock::new();
    let from = skip_ws(head, at, head.len());
    let window = sl(head, from, floor_boundary(head, from + 200));
    let m = re(&SEE, r"(?s)^Zie ook.{0,140}?(?:nr\.[\t-\r \x{A0}]*|,[\t-\r \x{A0}]*)[0-9]+(?-u:\b)\.?").find(window)?;
    Some(from + m.end())
}

/// Under "de Minister van Justitie en Veiligheid" in a letter: "D.M. van Weel".
pub(super) fn signature_name(text: &str, role: &str, portfolio: &str) -> Option<String> {
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
pub(super) fn intro_end(head: &str, start: usize, stop: usize, submitted: Option<&HeaderDate>) -> Span {
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
