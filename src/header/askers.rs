//! The askers: "Vragen van het lid Boswijk (CDA)".
//!
//! ```text
//! askers := ["het " | "de "] ["Kamer"] ("lid" | "leden") asker {("," | " en" | ", en") asker}
//! asker  := NAME [ "(" PARTY ")" | "(" ("beiden" | "allen") PARTY ")" ]
//! NAME   := {initial} {prefix} Capitalised {prefix | Capitalised}
//! ```
//!
//! "de leden Sneller (D66), Chakor (GroenLinks-PvdA) en Van⏎Nispen (SP)",
//! "de leden Gabriëls en Bromet (beiden GroenLinks-PvdA)", "het lid
//! Faber-van de Klashorst(PVV)". Not askers: "Vragen gesteld door de leden
//! der Kamer" (masthead), "de motie van het lid Van Zanten c.s." in a
//! subject.
//!
//! What the opening sentence gets wrong is read as meant: a slip in article
//! or number ("het leden", "de lid"), the article left out ("Vragen van lid
//! Kops"), a doubled word ("het lid lid", "van van het lid"), a letter's
//! "het Kamerlid" / "de Kamerleden", a title ("het lid mevrouw Kops", "de
//! heer"), a name left out before the party ("de leden Kops en
//! (PVV)": Kops is PVV), the article repeated ("De Roon (PVV) en het lid
//! Dijk (SP)"). Words the PDF glued together are taken apart: a particle
//! glued to the surname ("deJong" → "de Jong", "VanDijk" → "Van Dijk", the
//! particle as printed; particles glued to each other too: "vanderBerg" →
//! "van der Berg"), initials glued to it ("H.Bikker", "H.J.M.van Dijk" →
//! "Bikker", "van Dijk") and a first name run into the surname
//! ("DaniëlleJansen" → "Jansen", the span then starts at "Jansen"); "McDonald"
//! and "MacLeod" stay whole. A party printed in another case than its usual
//! spelling gets the usual one ("PvDA" → "PvdA", "Groenlinks-PvdA" →
//! "GroenLinks-PvdA"); any other party stays as printed.

use super::*;

pub(super) const PREFIXES: &[&str] = &[
    "van", "de", "der", "den", "het", "'t", "’t", "ter", "ten", "te", "in", "op", "la", "le", "du", "da", "di", "del",
    "von", "zu", "vd", "d'", "d’", "l'", "l’", "'s", "’s",
];

/// Spacing accents a PDF leaves beside their letter: "Kostic´", "Yes¸ ilgöz".
pub(super) fn is_accent(c: char) -> bool {
    matches!(c, '´' | '¸' | '¨' | '`' | '˘' | 'ˇ' | '˛' | '˝' | '^' | '~' | '˜')
}

pub(super) fn is_initials(word: &str) -> bool {
    word.len() >= 2
        && word.ends_with('.')
        && word.split('.').filter(|p| !p.is_empty()).all(|p| p.chars().count() <= 2)
        && word.chars().next().is_some_and(char::is_uppercase)
}

/// A word of a name: `(start, end)` in text; stops at white space and `(),;:`.
pub(super) fn next_word(text: &str, at: usize, limit: usize) -> Option<(usize, usize)> {
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

/// Where a word the PDF glued together comes apart: the byte offsets of
/// each lower-case letter followed by a capital ("deJong" → [2],
/// "DaniëlleJansen" → [9]), except after "Mc"/"Mac" ("McDonald").
fn glue_points(word: &str) -> Vec<usize> {
    let mut points = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in word.char_indices() {
        if prev.is_some_and(char::is_lowercase) && c.is_uppercase() && !matches!(&word[..i], "Mc" | "Mac") {
            points.push(i);
        }
        prev = Some(c);
    }
    points
}

/// A run of particles glued together, as printed, spaced: "de" → "de",
/// "vander" → "van der", "VanDen" is split by case before it gets here.
fn particles(head: &str) -> Option<String> {
    let lower = crate::text::lowercase(head);
    if lower.len() != head.len() {
        return None;
    }
    let mut out = String::new();
    let mut rest = 0;
    while rest < lower.len() {
        // The longest particle first: "den" before "de".
        let tail = lower.get(rest..)?;
        let p =
            PREFIXES.iter().filter(|p| p.len() >= 2 && tail.starts_with(**p)).max_by_key(|p| p.len()).filter(|p| {
                rest + p.len() == lower.len() || head.get(rest + p.len()..).and_then(particles).is_some()
            })?;
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(head.get(rest..rest + p.len())?);
        rest += p.len();
    }
    (!out.is_empty()).then_some(out)
}

/// The length of the initials opening a word ("H.J.M.van" → 6), 0 when none.
fn initials_len(word: &str) -> usize {
    let b = word.as_bytes();
    let mut i = 0;
    while i + 1 < b.len() && b[i].is_ascii_uppercase() {
        let dot = if b[i + 1] == b'.' {
            i + 1
        } else if i + 2 < b.len() && b[i + 1].is_ascii_lowercase() && b[i + 2] == b'.' {
            i + 2 // "Th."
        } else {
            break;
        };
        i = dot + 1;
    }
    i
}

/// The usual spelling of a party printed in another case ("PvDA" → "PvdA").
fn usual_party(party: String) -> String {
    const PARTIES: &[&str] = &[
        "GroenLinks-PvdA",
        "GroenLinks",
        "PvdA",
        "PvdD",
        "ChristenUnie",
        "VVD",
        "D66",
        "CDA",
        "PVV",
        "SP",
        "SGP",
        "DENK",
        "FVD",
        "JA21",
        "BBB",
        "NSC",
        "Volt",
        "50PLUS",
        "BIJ1",
        "Nieuw Sociaal Contract",
    ];
    PARTIES.iter().find(|p| p.eq_ignore_ascii_case(&party)).map_or(party, |p| (*p).to_string())
}

/// A name as printed: initials skipped, prefixes kept, accents rejoined.
/// Returns `(span, name)`; the first word must be capitalised.
pub(super) fn read_name(text: &str, at: usize, limit: usize) -> Option<(Span, String)> {
    let mut pos = at;
    let mut start: Option<usize> = None;
    let mut last_good: Option<usize> = None; // end of the last capitalised word
    let mut name = String::new();
    let mut good_len = 0; // name length up to last_good
    let mut words = 0;
    while let Some((mut ws, we)) = next_word(text, pos, limit) {
        let mut word = sl(text, ws, we);
        // Glued by the PDF: a particle ("deJong"), a first name ("DaniëlleJansen").
        if let Some(&at) = glue_points(word).first() {
            let head = &word[..at];
            if let Some(particles) = particles(head) {
                if start.is_none() {
                    start = Some(ws);
                } else {
                    name.push(' ');
                }
                name.push_str(&particles);
                words += 1;
                pos = ws + at;
                continue;
            }
            if start.is_none() && head.chars().count() >= 2 && head.starts_with(char::is_uppercase) {
                ws += at;
                word = &word[at..];
            }
        }
        // "H.Bikker", "H.J.M.van Dijk": initials glued to the name.
        let glued_initials = if start.is_none() { initials_len(word) } else { 0 };
        if glued_initials > 0 && glued_initials < word.len() {
            ws += glued_initials;
            word = &word[glued_initials..];
        }
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
pub(super) fn read_party(text: &str, at: usize, limit: usize) -> Option<(Span, String, bool)> {
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
    let mut party = usual_party(fold(inner));
    let mut shared = false;
    for group in ["beiden", "beide", "allebei", "allen", "alle"] {
        if party.len() > group.len()
            && party.get(..group.len()).is_some_and(|g| g.eq_ignore_ascii_case(group))
            && party[group.len()..].starts_with([' ', ':'])
        {
            party = usual_party(party[group.len()..].trim_start_matches([' ', ':']).to_string());
            shared = true;
            break;
        }
    }
    (!party.is_empty()).then(|| (Span::new(open, open + close + 1), party, shared))
}

/// After a name or party: "," / "en" / ", en" before the next name.
pub(super) fn read_separator(text: &str, at: usize, limit: usize) -> Option<usize> {
    let mut pos = skip_ws(text, at, limit);
    let mut seen = false;
    if sl(text, pos, limit).starts_with(',') {
        pos += 1;
        seen = true;
    }
    if let Some((ws, we)) = next_word(text, pos, limit) {
        if sl(text, ws, we) == "en" {
            pos = we;
            seen = true;
        }
    }
    // "De Roon (PVV) en het lid Dijk (SP)": the article and "lid" again.
    if seen {
        if let Some(m) = member_re().find(sl(text, pos, limit)) {
            pos += m.end();
        }
    }
    seen.then_some(pos)
}

/// The askers list starting at `at` ("Mutluer (GroenLinks-PvdA) en Kostic´  (PvdD)").
/// Returns the askers and where the list ends.
pub(super) fn read_askers(text: &str, at: usize, limit: usize) -> (Vec<Asker>, usize) {
    let mut askers: Vec<Asker> = Vec::new();
    let mut pending = 0; // askers at the end of the list still without a party
    let mut pos = at;
    let mut end = at;
    loop {
        // "het lid mevrouw Kops", "de heer Van Baarle": a title is not the name.
        if let Some(m) = title_re().find(sl(text, pos, limit)) {
            pos += m.end();
        }
        let Some((span, name)) = read_name(text, pos, limit) else {
            // "de leden Kops en (PVV)": a name left out, the party still theirs.
            if let Some((pspan, party, _)) = read_party(text, pos, limit).filter(|_| pending > 0) {
                let n = askers.len();
                for a in &mut askers[n - pending..] {
                    a.party.clone_from(&party);
                }
                pending = 0;
                end = pspan.end;
                if let Some(next) = read_separator(text, end, limit) {
                    pos = next;
                    continue;
                }
            }
            break;
        };
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

/// "het lid " / "de leden " again inside the list, at its start.
fn member_re() -> &'static Regex {
    static MEMBER: OnceLock<Regex> = OnceLock::new();
    re(&MEMBER, r"^(?i-u)[\t-\r ]*(?:het|de)[\t-\r ]+(?:lid|leden)[\t-\r ]+")
}

/// A title before a name, at its start: "mevrouw", "mw.", "de heer", "dhr.".
fn title_re() -> &'static Regex {
    static TITLE: OnceLock<Regex> = OnceLock::new();
    re(&TITLE, r"^(?i-u)[\t-\r ]*(?:mevrouw|mevr\.|mw\.|de[\t-\r ]+heer|dhr\.)[\t-\r ]+")
}

/// The askers, where the "Vragen van …" intro starts (when there is one) and
/// where the askers list ends.
pub(super) fn find_askers(head: &str) -> (Vec<Asker>, Option<usize>, Option<usize>) {
    static AT: OnceLock<Regex> = OnceLock::new();
    static INTRO: OnceLock<Regex> = OnceLock::new();
    // "het lid", "de leden", "het Kamerlid", and their slips: "het leden",
    // "de lid", "het lid lid", "van lid" (no article: only right after "van").
    let at_re =
        re(&AT, r"(?i-u)(?-u:\b)(?:(?:het|de)[\t-\r ]+)?(?:kamer)?(?:lid|leden)(?:[\t-\r ]+(?:lid|leden))?[\t-\r ]+");
    static VAN: OnceLock<Regex> = OnceLock::new();
    let van_re = re(&VAN, r"(?i-u)(?-u:\b)van[\t-\r ]+$");
    let intro_re = re(
        &INTRO,
        r"(?i-u)(?:(?-u:\b)(?:mondelinge|schriftelijke)[\t-\r ]+)?(?-u:\b)vra(?:gen|ag)[\t-\r ]+van[\t-\r ]+(?:(?:van|het|de)[\t-\r ]+)?$",
    );
    for m in at_re.find_iter(head) {
        // "de"/"het" opens the match, else it is "lid"/"leden"/"kamer…".
        let article = m.as_str().get(..2).is_some_and(|w| w.eq_ignore_ascii_case("de") || w.eq_ignore_ascii_case("he"));
        if !article && !van_re.is_match(sl(head, floor_boundary(head, m.start().saturating_sub(8)), m.start())) {
            continue;
        }
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
