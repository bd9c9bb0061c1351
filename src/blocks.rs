//! Question and answer blocks, found by their headings.
//!
//! # Grammar
//!
//! ```text
//! question-heading = ("Vraag" | "Vragen") numbers [":"]
//! answer-heading   = "Antwoord" [("op vraag" | "op vragen")] numbers [":"]
//! numbers          = number { ("," | "en" | "&") number }
//! ```
//!
//! A heading stands alone on its line: "Vraag 1", "Vraag 6 en 7",
//! "Vraag 3, 4 en 5", "Antwoord op vraag 1:". A block runs from the end of its
//! heading to the next heading; page furniture and footnote definitions inside
//! it are left out of its `parts`.
//!
//! (Skeleton: the heading shapes above; issue #3 adds the rest.)

use crate::model::{Block, BlockKind, Diagnostic, Severity, Span};
use crate::text::block_text;
use regex::Regex;
use std::sync::OnceLock;

fn heading_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?m)^[ \t\f]*(?:(?<q>Vraag|Vragen)|(?<a>Antwoord)(?:[ \t]+op[ \t]+(?:de[ \t]+)?vragen?)?)[ \t]+(?<nums>\d{1,3}(?:[ \t]*(?:,|en|&)?[ \t]*\d{1,3})*)[ \t]*:?[ \t]*$",
        )
        .expect("valid regex")
    })
}

/// The numbers in a heading's number list: "3, 4 en 5" → [3, 4, 5].
fn numbers(list: &str) -> Vec<u32> {
    list.split(|c: char| !c.is_ascii_digit()).filter_map(|n| n.parse().ok()).collect()
}

/// A heading found in the text.
struct Heading {
    kind: BlockKind,
    numbers: Vec<u32>,
    span: Span,
}

fn find_headings(text: &str) -> Vec<Heading> {
    heading_re()
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let kind = if c.name("q").is_some() { BlockKind::Question } else { BlockKind::Answer };
            let lead = whole.as_str().len() - whole.as_str().trim_start().len();
            let trail = whole.as_str().len() - whole.as_str().trim_end().len();
            Some(Heading {
                kind,
                numbers: numbers(c.name("nums")?.as_str()),
                span: Span::new(whole.start() + lead, whole.end() - trail),
            })
        })
        .collect()
}

/// `span` with the `excluded` ranges cut out and white space trimmed from
/// each piece; empty pieces dropped.
fn parts_of(text: &str, span: Span, excluded: &[Span]) -> Vec<Span> {
    let mut parts = Vec::new();
    let mut at = span.start;
    let mut cuts: Vec<Span> = excluded.iter().copied().filter(|e| e.overlaps(span)).collect();
    cuts.sort();
    for cut in cuts.iter().chain(std::iter::once(&Span::new(span.end, span.end))) {
        if cut.start > at {
            parts.push(trim(text, Span::new(at, cut.start.min(span.end))));
        }
        at = at.max(cut.end);
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// `span` without leading and trailing white space.
#[must_use]
pub fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}

/// A unique id: "q1", "a6-7", and "q3_2" for a second "Vraag 3".
fn unique_id(prefix: char, numbers: &[u32], taken: &mut Vec<String>) -> String {
    let base = if numbers.is_empty() {
        format!("{prefix}{}", taken.len() + 1)
    } else {
        let joined: Vec<String> = numbers.iter().map(u32::to_string).collect();
        format!("{prefix}{}", joined.join("-"))
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}_{n}");
        n += 1;
    }
    taken.push(id.clone());
    id
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

/// Finds the question and answer blocks in `text`. `excluded` are the spans
/// of page furniture and footnote definitions, `markers` the footnote markers.
#[must_use]
pub fn find(text: &str, excluded: &[Span], markers: &[Span]) -> Blocks {
    let headings = find_headings(text);
    let mut blocks = Blocks::default();
    let mut taken = Vec::new();
    for (i, h) in headings.iter().enumerate() {
        let end = headings.get(i + 1).map_or(text.len(), |n| n.span.start);
        let span = trim(text, Span::new(h.span.end, end));
        let parts = parts_of(text, span, excluded);
        let span = match (parts.first(), parts.last()) {
            (Some(f), Some(l)) => Span::new(f.start, l.end),
            _ => Span::new(span.start, span.start),
        };
        let prefix = if h.kind == BlockKind::Question { 'q' } else { 'a' };
        let block = Block {
            kind: h.kind,
            id: unique_id(prefix, &h.numbers, &mut taken),
            numbers: h.numbers.clone(),
            heading: h.span,
            span,
            text: block_text(text, &parts, markers),
            parts,
            questions: Vec::new(),
            refers_to: Vec::new(),
        };
        match h.kind {
            BlockKind::Question => blocks.questions.push(block),
            BlockKind::Answer => blocks.answers.push(block),
        }
    }
    pair(&mut blocks);
    blocks
}

/// Links each answer to the question blocks whose numbers it names, and
/// reports answers and questions left unpaired.
fn pair(blocks: &mut Blocks) {
    let Blocks { questions, answers, diagnostics } = blocks;
    for answer in answers.iter_mut() {
        answer.questions = questions
            .iter()
            .enumerate()
            .filter(|(_, q)| q.numbers.iter().any(|n| answer.numbers.contains(n)))
            .map(|(i, _)| i)
            .collect();
        if answer.questions.is_empty() && !questions.is_empty() {
            diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                message: format!("{} answers no question block in this document", heading_label(answer)),
                span: answer.heading,
            });
        }
    }
    if !answers.is_empty() {
        for q in questions.iter() {
            let answered = q.numbers.iter().all(|n| answers.iter().any(|a| a.numbers.contains(n)));
            if !answered {
                diagnostics.push(Diagnostic {
                    severity: Severity::Warning,
                    message: format!("{} has no answer", heading_label(q)),
                    span: q.heading,
                });
            }
        }
    }
}

/// "Vraag 6 en 7", "Antwoord 3, 4 en 5": how the UI names a block.
#[must_use]
pub fn heading_label(block: &Block) -> String {
    let word = match block.kind {
        BlockKind::Question => "Vraag",
        BlockKind::Answer => "Antwoord",
    };
    let nums: Vec<String> = block.numbers.iter().map(u32::to_string).collect();
    match nums.as_slice() {
        [] => word.to_string(),
        [one] => format!("{word} {one}"),
        [init @ .., last] => format!("{word} {} en {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn covered<'t>(text: &'t str, span: Span) -> &'t str {
        span.slice(text)
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
}
