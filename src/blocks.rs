//! Question and answer blocks, found by their headings.
//!
//! # Grammar
//!
//! ```text
//! question-heading = ("Vraag" | "Vragen") [numbers] [":"]
//! answer-heading   = "Antwoord" [("op" | "bij") ["de"] ("vraag" | "vragen")] [numbers] [":"]
//! numbers          = number { ["," | "en" | "&" | "t/m"] number }
//! numbered-question = number ("." | ")") text      (only with "Antwoord:" labels, or none)
//! terminator       = "Mededeling"
//! ```
//!
//! A heading stands alone on its line, after any page furniture on that line
//! ("Vraag 1", " Vraag 2", "\fAntwoord 4", "Vraag 6 en 7", "Vraag 3, 4 en 5",
//! "Vraag 7, 8, 9 10 en 11", "Antwoord op vraag 1:", "Antwoord op vragen 3 en
//! 4", "…, Aanhangsel 1Antwoord 3"), or opens it with a colon ("Vraag 1: Kunt
//! u …"). In a long line (a document flattened onto one line, or Word
//! paragraphs) a heading is found inside the line after the end of a
//! sentence, "… geven? Antwoord 2 en 3 De uitkomsten …", or where its number
//! is the one expected next, "Antwoord 9 Ja Vraag 10 Wilt u …". Documents
//! that number their questions "1. Kunt u …" and label the answers
//! "Antwoord:" give question blocks by those numbers and answers that take
//! the number of the question before them. With no heading at all, the
//! paragraphs after "Vragen van het lid …" that end in "?" are questions
//! without a heading, numbered by position.
//!
//! An answer printed right after its question with no heading ("Vraag 5 …
//! waarom niet?⏎⏎Er wordt …") is split off the question block: see `headless`.
//! A letter without any heading that numbers its questions ("1. Kent u …?⏎⏎
//! Ja, …") gives question blocks by those numbers when most of them are
//! followed by such an answer.
//!
//! A block runs from the end of its heading to the next heading (or a
//! "Mededeling"); page furniture and footnote definitions inside it are left
//! out of its `parts`, and the span ends at the last part. Numbers printed
//! twice or skipped are kept as printed and reported as diagnostics. Each
//! answer is paired with the question blocks that carry its numbers (the
//! nearest one before it when a number is printed twice), and "Zie het
//! antwoord op vraag 7" fills `refers_to`.

pub use crate::headings::{heading_label, inline_heading_starts, is_heading_line, parse_heading, HeadingShape};
use crate::headings::{inline_headings, numbers, window, Heading, INLINE, NUMS};
use crate::lines::Segment;
use crate::model::{Block, BlockKind, Diagnostic, DiagnosticCode, Severity, Span};
use crate::text::{block_text, leading_ws, trim_span};
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

mod headless;

/// "1. Kunt u …", "12) Wat …" → the number.
fn numbered_question(t: &str) -> Option<u32> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = t.get(digits..)?;
    let mut chars = rest.chars();
    if !matches!(chars.next(), Some('.' | ')')) || !chars.next().is_some_and(char::is_whitespace) {
        return None;
    }
    if rest.get(1..)?.trim().is_empty() {
        return None;
    }
    t.get(..digits)?.parse().ok()
}

fn refers_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"^(?i-u:zie)[\t-\r ]+(?:ook[\t-\r ]+)?(?:(?:het|de|mijn)[\t-\r ]+)?(?:antwoord(?:en)?|beantwoording)[\t-\r ]+(?:op|bij|van)[\t-\r ]+(?:de[\t-\r ]+)?(?:vraag|vragen)[\t-\r ]+(?<nums>{NUMS})"
        ))
        .expect("valid regex")
    })
}

/// `span` with the `excluded` ranges cut out and white space trimmed from
/// each piece; empty pieces dropped. `excluded` is sorted.
pub(crate) fn parts_of(text: &str, span: Span, excluded: &[Span]) -> Vec<Span> {
    let mut parts = Vec::new();
    let mut at = span.start;
    let first = excluded.partition_point(|e| e.end <= span.start);
    for cut in excluded.get(first..).unwrap_or(&[]) {
        if cut.start >= span.end {
            break;
        }
        if cut.start > at {
            parts.push(trim_span(text, Span::new(at, cut.start)));
        }
        at = at.max(cut.end);
    }
    if at < span.end {
        parts.push(trim_span(text, Span::new(at, span.end)));
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// A unique id: "q1", "a6-7", and "q3_2" for a second "Vraag 3". `taken`
/// counts the blocks given each base id so far (a base never holds "_", so a
/// numbered id cannot clash with another base).
fn unique_id(prefix: char, numbers: &[u32], ordinal: usize, taken: &mut HashMap<String, usize>) -> String {
    let mut base = String::with_capacity(8);
    base.push(prefix);
    if numbers.is_empty() {
        push_decimal(&mut base, ordinal);
    } else {
        for (k, &n) in numbers.iter().enumerate() {
            if k > 0 {
                base.push('-');
            }
            push_decimal(&mut base, n as usize);
        }
    }
    let count = match taken.get_mut(&base) {
        Some(c) => {
            *c += 1;
            *c
        }
        None => {
            taken.insert(base.clone(), 1);
            1
        }
    };
    if count > 1 {
        base.push('_');
        push_decimal(&mut base, count);
    }
    base
}

/// Appends `n` in decimal (what `format!("{n}")` writes), without the formatter.
fn push_decimal(out: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    let mut v = n;
    loop {
        k -= 1;
        digits[k] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for &d in &digits[k..] {
        out.push(char::from(d));
    }
}

/// The blocks of one document.
#[derive(Debug, Default)]
pub struct Blocks {
    pub questions: Vec<Block>,
    pub answers: Vec<Block>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Blocks {
    /// Where the first heading starts (the header ends there).
    #[must_use]
    pub fn first_heading(&self) -> Option<usize> {
        self.questions.iter().chain(&self.answers).map(|b| b.heading.start).min()
    }
}

/// Every heading and terminator in the body, in text order.
fn find_headings(text: &str, lines: &[Span], excluded: &[Span]) -> (Vec<Heading>, Vec<usize>) {
    let segs = crate::lines::segments_in(lines.iter().copied(), excluded);
    let mut headings = Vec::new();
    let mut stops = Vec::new();
    let mut numbered: Vec<Heading> = Vec::new();
    for seg in &segs {
        let s = seg.span.slice(text);
        let t = crate::text::trim(s);
        if t.is_empty() {
            continue;
        }
        let start = seg.span.start + leading_ws(s);
        if let Some(h) = parse_heading(t) {
            headings.push(Heading { kind: h.kind, numbers: h.numbers, span: Span::new(start, start + h.len) });
            continue;
        } else if t == "Mededeling" || t == "Mededeling:" {
            stops.push(start);
        } else if seg.line.len() > INLINE || ["Vraag ", "Vragen ", "Antwoord "].iter().any(|w| t.starts_with(w)) {
            inline_headings(text, Span::new(start, start + t.len()), &mut headings);
            // "… te delen? Mededeling De schriftelijke vragen …"
            let tb = t.as_bytes();
            let mut from = 0;
            while let Some(k) = crate::text::find_byte(tb, from, b'M') {
                from = k + 1;
                if !tb[k..].starts_with(b"Mededeling ") {
                    continue;
                }
                let before = t.get(..k).unwrap_or("").trim_end_matches(|c: char| c == ' ' || c.is_ascii_digit());
                let next = t.get(k + 11..).and_then(|r| r.chars().next());
                if before.ends_with(['.', '?', '!', '»']) && next.is_some_and(char::is_uppercase) {
                    stops.push(start + k);
                }
            }
        }
        if let Some(n) = numbered_question(t) {
            let end = start + n.to_string().len() + 1;
            numbered.push(Heading { kind: BlockKind::Question, numbers: vec![n], span: Span::new(start, end) });
        }
    }
    // "1. Kunt u …" with "Antwoord:" labels: a document without "Vraag N".
    let has_questions = headings.iter().any(|h| h.kind == BlockKind::Question);
    let labels = headings.iter().any(|h| h.kind == BlockKind::Answer && h.numbers.is_empty());
    if !has_questions && labels && !numbered.is_empty() {
        let mut last = 0;
        let mut chosen = Vec::new();
        for h in numbered {
            if h.numbers.first() == Some(&(last + 1)) {
                last += 1;
                chosen.push(h);
            }
        }
        headings.extend(chosen);
    } else if headings.is_empty() && numbered.len() >= 2 {
        // "1. Kent u …?⏎⏎Ja, …": a letter that numbers its questions and
        // prints each answer after its question without any label (see
        // `headless`): taken when most of them show that shape.
        let mut last = 0;
        let mut chosen: Vec<Heading> = Vec::new();
        for h in numbered {
            // Its first paragraph asks: not an item of a list in an answer.
            if h.numbers.first() == Some(&(last + 1)) && headless::paragraph_asks(text, h.span.end) {
                last += 1;
                chosen.push(h);
            }
        }
        let shaped = (0..chosen.len())
            .filter(|&i| {
                let end = chosen.get(i + 1).map_or(text.len(), |n| n.span.start);
                let body = trim_span(text, Span::new(chosen[i].span.end, end));
                headless::answer_start(text, body, excluded).is_some()
            })
            .count();
        if shaped >= 2 && shaped * 2 >= chosen.len() {
            headings.extend(chosen);
        }
    }
    if headings.is_empty() {
        unnumbered_questions(text, &segs, &mut headings, &mut stops);
    }
    crate::sort::by_key(&mut headings, |h| (h.span.start, 0, 0));
    crate::sort::sort(&mut stops);
    (headings, stops)
}

/// A document with no headings at all whose questions are the paragraphs
/// after "Vragen van het lid …" that end in a question mark: each is a
/// question block without a heading of its own, numbered by its position.
fn unnumbered_questions(text: &str, segs: &[Segment], headings: &mut Vec<Heading>, stops: &mut Vec<usize>) {
    let intro = segs.iter().position(|s| {
        let t = s.span.slice(text).trim_start();
        t.starts_with("Vragen van") || t.starts_with("Vraag van") || t.starts_with("Schriftelijke vragen van")
    });
    let Some(intro) = intro else { return };
    // Paragraphs (runs of non-blank segments) after the intro paragraph.
    let mut paragraphs: Vec<Span> = Vec::new();
    let mut cur: Option<Span> = None;
    for seg in segs.iter().skip(intro) {
        let s = seg.span.slice(text);
        let t = crate::text::trim(s);
        if t.is_empty() || seg.after_furniture {
            paragraphs.extend(cur.take());
        }
        if !t.is_empty() {
            let lead = leading_ws(s);
            let span = Span::new(seg.span.start + lead, seg.span.start + lead + t.len());
            cur = Some(cur.map_or(span, |c| Span::new(c.start, span.end)));
        }
    }
    paragraphs.extend(cur);
    for p in paragraphs.iter().skip(1) {
        // "… beantwoorden?", "… rekenen? 1)": a question, markers aside.
        let t = p.slice(text).trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || c == ')');
        if !t.ends_with('?') {
            if !headings.is_empty() {
                stops.push(p.start);
                return;
            }
            continue;
        }
        headings.push(Heading { kind: BlockKind::Question, numbers: Vec::new(), span: Span::new(p.start, p.start) });
    }
}

/// Finds the question and answer blocks in `text`. `excluded` are the spans
/// of page furniture and footnote definitions, `markers` the footnote markers.
#[must_use]
pub fn find(text: &str, excluded: &[Span], markers: &[Span]) -> Blocks {
    find_in(text, &crate::lines::lines(text).collect::<Vec<_>>(), excluded, markers)
}

/// [`find`] given the lines of `text` (see [`crate::lines::lines`]).
pub(crate) fn find_in(text: &str, lines: &[Span], excluded: &[Span], markers: &[Span]) -> Blocks {
    let mut excluded = excluded.to_vec();
    crate::sort::sort(&mut excluded);
    let mut markers = markers.to_vec();
    crate::sort::sort(&mut markers);
    let (mut headings, stops) = find_headings(text, lines, &excluded);
    let mut blocks = Blocks::default();
    let mut taken = HashMap::new();
    let mut last_question: Vec<u32> = Vec::new();
    let mut s = 0;
    let n_headings = headings.len();
    for i in 0..n_headings {
        let next = headings.get(i + 1).map_or(text.len(), |n| n.span.start);
        let h = &mut headings[i];
        while s < stops.len() && stops[s] < h.span.end {
            s += 1;
        }
        let end = stops.get(s).copied().filter(|&p| p < next).unwrap_or(next);
        let span = trim_span(text, Span::new(h.span.end, end.max(h.span.end)));
        let parts = parts_of(text, span, &excluded);
        let span = match (parts.first(), parts.last()) {
            (Some(f), Some(l)) => Span::new(f.start, l.end),
            _ => Span::new(span.start, span.start),
        };
        let numbers = match h.kind {
            BlockKind::Question if h.numbers.is_empty() => vec![u32::try_from(blocks.questions.len() + 1).unwrap_or(0)],
            BlockKind::Answer if h.numbers.is_empty() => last_question.clone(),
            _ => h.numbers.clone(),
        };
        if h.kind == BlockKind::Question {
            last_question.clone_from(&numbers);
        }
        let (prefix, ordinal) = match h.kind {
            BlockKind::Question => ('q', blocks.questions.len() + 1),
            BlockKind::Answer => ('a', blocks.answers.len() + 1),
        };
        let text_of = block_text(text, &parts, &markers);
        let block = Block {
            kind: h.kind,
            id: unique_id(prefix, &numbers, ordinal, &mut taken),
            numbers,
            heading: h.span,
            span,
            refers_to: if h.kind == BlockKind::Answer { refers_to(&text_of) } else { Vec::new() },
            text: text_of,
            parts,
            questions: Vec::new(),
        };
        match h.kind {
            BlockKind::Question => blocks.questions.push(block),
            BlockKind::Answer => blocks.answers.push(block),
        }
    }
    // Answers printed without a heading, inside their question's block.
    let Blocks { questions, answers, diagnostics } = &mut blocks;
    headless::split(text, questions, answers, &excluded, diagnostics, |kind, numbers, heading, span| {
        let span = trim_span(text, span);
        let parts = parts_of(text, span, &excluded);
        let span = match (parts.first(), parts.last()) {
            (Some(f), Some(l)) => Span::new(f.start, l.end),
            _ => Span::new(span.start, span.start),
        };
        let text_of = block_text(text, &parts, &markers);
        let prefix = if kind == BlockKind::Answer { 'a' } else { 'q' };
        Block {
            kind,
            id: if kind == BlockKind::Answer { unique_id(prefix, numbers, 0, &mut taken) } else { String::new() },
            numbers: numbers.to_vec(),
            heading,
            span,
            refers_to: if kind == BlockKind::Answer { refers_to(&text_of) } else { Vec::new() },
            text: text_of,
            parts,
            questions: Vec::new(),
        }
    });
    pair(&mut blocks);
    blocks
}

/// "Zie het antwoord op vraag 7." → [7]; "Zie de antwoorden op de vragen 2, 6
/// en 8." → [2, 6, 8].
pub(crate) fn refers_to(block_text: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let bytes = block_text.as_bytes();
    let mut from = 0;
    while let Some(start) = crate::text::find_either(bytes, from, b'Z', b'z') {
        from = start + 1;
        if bytes.get(start + 1..start + 3) != Some(b"ie".as_slice()) {
            continue;
        }
        let Some(w) = block_text.get(start..).map(|r| window(r, 90)) else { continue };
        if let Some(c) = refers_re().captures(w) {
            for n in c.name("nums").map(|m| numbers(m.as_str())).unwrap_or_default() {
                if !out.contains(&n) {
                    out.push(n);
                }
            }
        }
    }
    out
}

/// Links each answer to the question blocks whose numbers it names (for a
/// number printed twice, the nearest question before the answer), and reports
/// duplicate, missing and unpaired numbers.
pub(crate) fn pair(blocks: &mut Blocks) {
    let Blocks { questions, answers, diagnostics } = blocks;
    let mut first_with: HashMap<u32, usize> = HashMap::new();
    let mut q_count: HashMap<u32, usize> = HashMap::new();
    for (i, q) in questions.iter().enumerate() {
        for &n in &q.numbers {
            first_with.entry(n).or_insert(i);
            let c = q_count.entry(n).or_insert(0);
            *c += 1;
            if *c == 2 {
                diagnostics.push(Diagnostic {
                    severity: Severity::Warning,
                    code: DiagnosticCode::DuplicateQuestion,
                    message: format!("Question number {n} is printed twice"),
                    params: vec![("n", n.to_string())],
                    span: q.heading,
                });
            }
        }
    }
    // Walk questions and answers in text order, remembering the last question with each number.
    let mut last_with: HashMap<u32, usize> = HashMap::new();
    let mut qi = 0;
    let mut a_count: HashMap<u32, usize> = HashMap::new();
    for answer in answers.iter_mut() {
        while qi < questions.len() && questions[qi].heading.start < answer.heading.start {
            for &n in &questions[qi].numbers {
                last_with.insert(n, qi);
            }
            qi += 1;
        }
        let mut paired: Vec<usize> =
            answer.numbers.iter().filter_map(|n| last_with.get(n).or_else(|| first_with.get(n)).copied()).collect();
        crate::sort::sort(&mut paired);
        paired.dedup();
        answer.questions = paired;
        for &n in &answer.numbers {
            let c = a_count.entry(n).or_insert(0);
            *c += 1;
            if *c == 2 {
                diagnostics.push(Diagnostic {
                    severity: Severity::Warning,
                    code: DiagnosticCode::DuplicateAnswer,
                    message: format!("Answer number {n} is printed twice"),
                    params: vec![("n", n.to_string())],
                    span: answer.heading,
                });
            }
        }
        if answer.questions.is_empty() && !questions.is_empty() {
            diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                code: DiagnosticCode::UnpairedAnswer,
                message: format!("{} answers no question block in this document", heading_label(answer)),
                params: vec![("label", heading_label(answer))],
                span: answer.heading,
            });
        }
    }
    if !answers.is_empty() {
        for q in questions.iter() {
            let missing: Vec<u32> = q.numbers.iter().copied().filter(|n| !a_count.contains_key(n)).collect();
            if !missing.is_empty() {
                diagnostics.push(Diagnostic {
                    severity: Severity::Warning,
                    code: DiagnosticCode::UnansweredQuestion,
                    message: format!("{} has no answer", heading_label(q)),
                    params: vec![("label", heading_label(q))],
                    span: q.heading,
                });
            }
        }
    }
    // Numbers skipped in the question sequence.
    let mut prev = 0u32;
    for q in questions.iter() {
        if let Some(&first) = q.numbers.first() {
            if first > prev.saturating_add(1) && first - prev <= 20 && prev > 0 {
                let gap: Vec<String> = (prev + 1..first).map(|n| n.to_string()).collect();
                diagnostics.push(Diagnostic {
                    severity: Severity::Info,
                    code: DiagnosticCode::QuestionGap,
                    message: format!("No question numbered {} before {}", gap.join(", "), heading_label(q)),
                    params: vec![("numbers", gap.join(", ")), ("label", heading_label(q))],
                    span: q.heading,
                });
            }
            prev = q.numbers.iter().copied().max().unwrap_or(first);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn covered(text: &str, span: Span) -> &str {
        span.slice(text)
    }

    #[test]
    fn ids_are_written_as_before() {
        let mut taken = HashMap::new();
        let ids: Vec<String> =
            [(&[3u32, 4, 5][..], 1), (&[][..], 7), (&[3, 4, 5][..], 2), (&[1000][..], 3), (&[3, 4, 5][..], 4)]
                .iter()
                .map(|(n, o)| unique_id('q', n, *o, &mut taken))
                .collect();
        assert_eq!(ids, ["q3-4-5", "q7", "q3-4-5_2", "q1000", "q3-4-5_3"]);
        let mut s = String::new();
        for n in [0, 9, 10, 4_294_967_295, usize::MAX] {
            s.clear();
            push_decimal(&mut s, n);
            assert_eq!(s, n.to_string());
        }
    }

    #[test]
    fn grouped_headings_give_all_their_numbers() {
        let text = "Vraag 3, 4 en 5\nWaarom?\n\nAntwoord op vragen 3, 4 en 5:\nDaarom.\n";
        let b = find(text, &[], &[]);
        assert_eq!(b.questions[0].numbers, vec![3, 4, 5]);
        assert_eq!(b.answers[0].numbers, vec![3, 4, 5]);
        assert_eq!(covered(text, b.answers[0].heading), "Antwoord op vragen 3, 4 en 5:");
        assert_eq!(covered(text, b.answers[0].span), "Daarom.");
        assert_eq!(b.answers[0].questions, vec![0]);
        assert_eq!(heading_label(&b.answers[0]), "Antwoord 3, 4 en 5");
    }

    #[test]
    fn heading_shapes() {
        let n = |t: &str| parse_heading(t).map(|h| (h.kind, h.numbers));
        assert_eq!(n("Vraag 7, 8, 9 10 en 11"), Some((BlockKind::Question, vec![7, 8, 9, 10, 11])));
        assert_eq!(n("Antwoord op vraag 1:"), Some((BlockKind::Answer, vec![1])));
        assert_eq!(n("Vragen 3 t/m 5"), Some((BlockKind::Question, vec![3, 4, 5])));
        assert_eq!(n("Antwoord:"), Some((BlockKind::Answer, vec![])));
        assert_eq!(n("Vragen"), None);
        assert_eq!(n("Vraag 1: Kunt u dat doen?"), Some((BlockKind::Question, vec![1])));
        assert_eq!(n("Antwoord van Minister Klever"), None);
        assert_eq!(n("vraag 4. De zorgaanbieder"), None);
        assert_eq!(n("Vraag 2."), Some((BlockKind::Question, vec![2])));
        assert_eq!(n("Antwoord vraag 2"), Some((BlockKind::Answer, vec![2])));
        // The full stop ends the heading as a colon does, before a capital only.
        assert_eq!(n("Vraag 2. Wat vindt u?"), Some((BlockKind::Question, vec![2])));
        assert_eq!(n("Vraag 2. wat vindt u?"), None);
        assert_eq!(n("Vraag 2.3 Wat vindt u?"), None);
    }

    #[test]
    fn excluded_spans_split_a_block_into_parts() {
        let text = "Antwoord 1\nEerste deel\nFOOTER\ntweede deel.\n";
        let footer = Span::new(text.find("FOOTER").unwrap(), text.find("FOOTER").unwrap() + 6);
        let b = find(text, &[footer], &[]);
        let parts: Vec<&str> = b.answers[0].parts.iter().map(|p| covered(text, *p)).collect();
        assert_eq!(parts, ["Eerste deel", "tweede deel."]);
        assert_eq!(b.answers[0].text, "Eerste deel tweede deel.");
    }

    #[test]
    fn a_question_in_running_text_is_not_a_heading() {
        let b = find("Zie het antwoord op vraag 3 hierboven.\n", &[], &[]);
        assert!(b.answers.is_empty() && b.questions.is_empty());
    }

    #[test]
    fn refers_to_and_pairing_of_split_questions() {
        let text = "Vraag 5\nA?\nVraag 6\nB?\nAntwoord 5 en 6\nZie het antwoord op vraag 3.\n";
        let b = find(text, &[], &[]);
        assert_eq!(b.answers[0].questions, vec![0, 1]);
        assert_eq!(b.answers[0].refers_to, vec![3]);
    }

    #[test]
    fn duplicates_and_missing_answers_are_reported() {
        let text = "Vraag 1\nA?\nVraag 1\nB?\nVraag 3\nC?\nAntwoord 1\nJa.\n";
        let b = find(text, &[], &[]);
        let msgs: Vec<&str> = b.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert!(msgs.iter().any(|m| m.contains("printed twice")), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.contains("Vraag 3 has no answer")), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.contains("No question numbered 2")), "{msgs:?}");
        assert_eq!(b.questions[1].id, "q1_2");
    }
}
