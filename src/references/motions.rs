//! Motions ("moties"): who filed them, and the Kamerstuk that holds them.
//!
//! Grammar (folded text):
//! ```text
//! motie[-| ] [(KAMERSTUK) ] [van het lid | van de leden | van leden] NAMES [c.s.]
//! NAMES = NAME {(" en " | "/" | " & " | ", ") NAME}
//! NAME  = {prefix } Capitalised {("-" | " ") [prefix ]Capitalised}
//! ```
//! Shapes: "motie Boswijk c.s.", "motie-Simons c.s.", "motie van het lid Van
//! Zanten c.s.", "motie van de leden Erkens en Grinwis (Kamerstuk 36 197, nr. 15)",
//! "motie Bikker/Omtzigt (Kamerstuk 36 410, nr. 74)", "motie-Bruins Slot/Pia
//! Dijkstra", "motieBikker-Van den Hil", "Motie Ceder, Kamerstuk 21 501-02, nr. 2732",
//! "de motie (TK vergaderjaar 2023–2024, 36 410 XVI, nr. 116) van de leden Mohandis …".
//!
//! The target is the Kamerstuk given right after the names (in parentheses or
//! after a comma) or inside the motion's own words, else the one in the
//! footnote whose marker follows the names ("motie van het lid Van Zanten c.s.²"
//! with footnote 2 "Kamerstuk 36 410 VIII, nr. 82"); else the Kamerstuk of the
//! same members' motion cited elsewhere in the text (only when all such
//! citations agree); else the motion's words
//! ("motie Boswijk c.s.") with no url. "de motie die …", "deze motie" name no
//! one and are not references.

use super::window::{Cur, Window};
use crate::anchors::Anchors;
use crate::model::{Footnote, RefKind, Reference, Span};

const PREFIXES: [&str; 14] = ["van", "de", "den", "der", "het", "'t", "’t", "te", "ten", "ter", "in", "op", "la", "le"];

const NOT_NAMES: [&str; 22] = [
    "Kamerstuk",
    "Kamerstukken",
    "Tweede",
    "Eerste",
    "Kamer",
    "TK",
    "EK",
    "Het",
    "Een",
    "Dit",
    "Deze",
    "Die",
    "Zie",
    "In",
    "Op",
    "Wij",
    "Ik",
    "Ook",
    "Dat",
    "Handelingen",
    "Aanhangsel",
    "Motie",
];

/// A capitalised word: "Boswijk", "VanMeenen", "D’Hondt".
fn cap_word(c: &Cur<'_>) -> Option<usize> {
    let r = c.rest();
    let first = r.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    let len = r.find(|ch: char| !(ch.is_alphabetic() || ch == '’' || ch == '\'')).unwrap_or(r.len());
    let word = r.get(..len)?;
    if len < 2 || NOT_NAMES.contains(&word) || word.ends_with(['’', '\'']) {
        return None;
    }
    Some(len)
}

/// One surname with its prefixes: "Van Zanten", "Bruins Slot", "Joseph-Agema", "Van den Hil".
fn name(c: &mut Cur<'_>) -> bool {
    let start = c.i;
    let mut last_ok = None;
    loop {
        // Prefixes ("van den ", "Van ").
        let before_prefixes = c.i;
        loop {
            let save = c.i;
            let hit = PREFIXES.iter().find(|p| {
                let r = c.rest();
                r.len() > p.len()
                    && r.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
                    && r.as_bytes()[p.len()] == b' '
            });
            match hit {
                Some(p) => c.i += p.len() + 1,
                None => {
                    c.i = save;
                    break;
                }
            }
        }
        match cap_word(c) {
            Some(len) => {
                c.i += len;
                last_ok = Some(c.i);
            }
            None => {
                c.i = before_prefixes;
                break;
            }
        }
        // Another part: "-Agema", " Slot", "-Van den Hil".
        let save = c.i;
        if c.eat('-') || c.eat(' ') {
            // "Joseph-⏎Agema" folds to "Joseph- Agema".
            if c.s.get(..c.i).is_some_and(|s| s.ends_with('-')) {
                c.eat(' ');
            }
            let probe = c.i;
            let is_next = PREFIXES.iter().any(|p| {
                let r = c.rest().as_bytes();
                r.len() > p.len() && r[..p.len()].eq_ignore_ascii_case(p.as_bytes()) && r[p.len()] == b' '
            }) || cap_word(c).is_some();
            c.i = probe;
            if is_next {
                continue;
            }
        }
        c.i = save;
        break;
    }
    match last_ok {
        Some(e) => {
            c.i = e;
            true
        }
        None => {
            c.i = start;
            false
        }
    }
}

/// NAMES: "Erkens en Grinwis", "Bikker/Omtzigt", "A, B en C".
fn names(c: &mut Cur<'_>) -> bool {
    if !name(c) {
        return false;
    }
    let mut comma_pending: Option<usize> = None;
    loop {
        let save = c.i;
        let comma = c.word_ci(", ");
        let other = !comma && (c.word_ci(" en ") || c.word_ci("/") || c.word_ci(" & "));
        if !(comma || other) || !name(c) {
            c.i = save;
            break;
        }
        if comma && comma_pending.is_none() {
            comma_pending = Some(save);
        }
        if other {
            comma_pending = None;
        }
    }
    if let Some(p) = comma_pending {
        c.i = p;
    }
    true
}

/// Finds motions; `kst` are the Kamerstuk references already found (sorted).
#[must_use]
pub fn find(text: &str, skip: &[Span], kst: &[Reference], footnotes: &[Footnote], anchors: &Anchors) -> Vec<Reference> {
    let mut markers: Vec<(usize, usize)> =
        footnotes.iter().enumerate().flat_map(|(k, f)| f.markers.iter().map(move |m| (m.start, k))).collect();
    crate::sort::sort(&mut markers);
    let mut out = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for &m in &anchors.motie {
        if super::inside(skip, m) {
            continue;
        }
        if text.get(..m).and_then(|t| t.chars().next_back()).is_some_and(char::is_alphabetic) {
            continue;
        }
        let next = text.as_bytes().get(m + 5).copied().unwrap_or(b'.');
        let after = text.as_bytes().get(m + 6).copied().unwrap_or(b'.');
        let plausible = next == b'-'
            || next.is_ascii_uppercase()
            || next >= 0x80
            || (matches!(next, b' ' | b'\n')
                && (after.is_ascii_uppercase() || matches!(after, b'v' | b'(' | b'\n' | b' ')));
        if !plausible {
            continue;
        }
        let w = Window::new(text, m, 200);
        let mut c = Cur { s: &w.text, i: 5 };
        let mut linked: Option<&Reference> = None;
        let mut word_only = false;
        let ok = if c.eat('-') || c.peek().is_some_and(char::is_uppercase) {
            names(&mut c)
        } else if c.eat(' ') {
            if c.peek() == Some('(') {
                // "(TK vergaderjaar 2023–2024, 36 410 XVI, nr. 116) van de leden …"
                if let Some(close) = c.rest().get(..120).unwrap_or(c.rest()).find(')') {
                    let inner = w.span(c.i, c.i + close + 1);
                    linked = kst.iter().find(|k| inner.contains(k.span));
                    if linked.is_some() {
                        // The motion's span stops before its Kamerstuk: "motie".
                        word_only = true;
                    }
                    c.i += close + 1;
                    c.eat(' ');
                }
            }
            let lead = [
                "van het lid ",
                "van het Lid ",
                "van de leden ",
                "van de Leden ",
                "van leden ",
                "van lid ",
                "vande leden ",
            ]
            .iter()
            .any(|l| c.word_ci(l));
            if lead || c.peek().is_some_and(char::is_uppercase) {
                names(&mut c)
            } else {
                false
            }
        } else {
            false
        };
        if !ok {
            continue;
        }
        let save = c.i;
        if !(c.word_ci(" c.s.") || c.word_ci(" cs.") || c.word_ci(" c.s")) {
            c.i = save;
        }
        let span = w.span(0, if word_only { 5 } else { c.i });
        if span.is_empty() {
            continue;
        }
        // A Kamerstuk right after: " (Kamerstuk …)", ", Kamerstuk …", ", 36 410 XIV, nr. 9".
        if linked.is_none() {
            let after = text.get(span.end..).unwrap_or("");
            let gap = after.len() - after.trim_start_matches([' ', '\n', '\t', '(', ',', '[']).len();
            if gap <= 4 {
                let at = span.end + gap;
                let i = kst.partition_point(|k| k.span.start < at);
                linked = kst.get(i).filter(|k| k.span.start == at);
            }
        }
        let mut target = None;
        if let Some(k) = linked {
            target = Some((k.target.clone(), k.url.clone()));
        } else {
            // The footnote whose marker follows the names.
            let i = markers.partition_point(|&(s, _)| s < span.end);
            if let Some(&(s, k)) = markers.get(i) {
                let between = text.get(span.end..s).unwrap_or("x");
                if between.len() <= 3 && between.chars().all(|ch| ch.is_whitespace() || ch == '[') {
                    if let Some(f) = footnotes.get(k) {
                        target = super::kamerstukken::targets_in(&f.text).into_iter().next();
                    }
                }
            }
        }
        // Unlinked: the motion's own words ("Joseph-⏎Agema" folded to "Joseph-Agema").
        let (target, url) = target.unwrap_or_else(|| (w.text.get(..c.i).unwrap_or("").replace("- ", "-"), None));
        keys.push(if word_only { String::new() } else { names_key(w.text.get(..c.i).unwrap_or("")) });
        out.push(Reference { kind: RefKind::Motion, span, target, url });
    }
    inherit_kamerstuk(&mut out, &keys);
    out
}

/// Who filed a motion, as a key: "motie van het lid Van⏎Zanten c.s." → "vanzanten".
fn names_key(words: &str) -> String {
    let lower = crate::text::lowercase(words);
    let mut rest = lower.trim_start_matches("motie").trim_start_matches(['-', ' ']);
    for lead in ["van het lid ", "van de leden ", "van leden ", "vande leden ", "van lid "] {
        if let Some(r) = rest.strip_prefix(lead) {
            rest = r;
            break;
        }
    }
    rest.trim_end_matches(" c.s.").trim_end_matches(" c.s").chars().filter(|c| c.is_alphanumeric()).collect()
}

/// A motion named again without its Kamerstuk gets the one given where the
/// same members' motion was cited with it ("de motie van het lid Van Zanten
/// c.s." in the header, "… c.s.²" with footnote 2 in the question).
fn inherit_kamerstuk(motions: &mut [Reference], keys: &[String]) {
    let linked: Vec<(&String, String, Option<String>)> = motions
        .iter()
        .zip(keys)
        .filter(|(m, k)| m.url.is_some() && !k.is_empty())
        .map(|(m, k)| (k, m.target.clone(), m.url.clone()))
        .collect();
    for (m, k) in motions.iter_mut().zip(keys) {
        if m.url.is_none() {
            let mut same = linked.iter().filter(|(lk, _, _)| *lk == k);
            if let Some((_, t, u)) = same.next() {
                // Only when every citation of these members' motion agrees.
                if same.all(|(_, t2, _)| t2 == t) {
                    m.target.clone_from(t);
                    m.url.clone_from(u);
                }
            }
        }
    }
}
