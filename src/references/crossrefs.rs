//! Cross-references to another answer in the same document.
//!
//! Grammar (folded text):
//! ```text
//! antwoord[en] [op|bij|van] [de|het] vra(a)g[en] NUMBERS
//! zie [ook] [de] vra(a)g[en] NUMBERS
//! NUMBERS = N {(", " | " en " | " & " | " t/m ") N}
//! ```
//! Shapes: "zie het antwoord op vraag 7", "in antwoord op vraag 5", "de
//! antwoorden op vraag 3 en 4", "Zie de antwoorden op de vragen 2, 6 en 8" (three),
//! "zie antwoord bij vraag 5", "(zie antwoord vraag 10)", "(zie vraag 3)".
//! The target is the id of the answer block that answers that question
//! (`RefContext::answer_for_question`); a number no answer answers gives nothing.
//!
//! Not cross-references: a heading "Antwoord op vraag 1" alone on its line
//! (the block's own heading), "antwoord op de vragen van het lid …" (no number).

use super::window::{ahead, Cur, Window};
use crate::anchors::Anchors;
use crate::model::{RefKind, Reference, Span};

fn numbers(c: &mut Cur<'_>) -> Vec<(usize, usize, u32)> {
    let mut out = Vec::new();
    loop {
        let a = c.i;
        let Some(d) = c.digits(3) else { break };
        if c.peek().is_some_and(|ch| {
            ch.is_ascii_digit() || ch == '.' && c.rest()[1..].starts_with(|x: char| x.is_ascii_digit())
        }) {
            break;
        }
        let Ok(n) = d.parse::<u32>() else { break };
        out.push((a, c.i, n));
        let save = c.i;
        if !(c.word_ci(", ") || c.word_ci(" en ") || c.word_ci(" & ") || c.word_ci(" t/m "))
            || !c.peek().is_some_and(|ch| ch.is_ascii_digit())
        {
            c.i = save;
            break;
        }
    }
    out
}

/// Whether the match at `start` is a block heading: "Antwoord op vraag 1" alone on its line.
/// Reads only the blanks around the match, so a long line costs nothing extra.
fn is_heading(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).unwrap_or("x");
    let lead = before.trim_end_matches([' ', '\t', '#', '*']);
    let at_line_start = lead.is_empty() || lead.ends_with('\n');
    let after = text.get(end..).unwrap_or("");
    let tail = after.trim_start_matches([' ', '\t', ':', '.', '*', '\r']);
    at_line_start && (tail.is_empty() || tail.starts_with('\n'))
}

/// Finds the cross-references; `answer_for_question` maps question numbers to answer ids.
#[must_use]
pub fn find(text: &str, skip: &[Span], answer_for_question: &[(u32, String)], anchors: &Anchors) -> Vec<Reference> {
    let bytes = text.as_bytes();
    let lookup = |n: u32| answer_for_question.iter().find(|(q, _)| *q == n).map(|(_, id)| id.clone());
    let mut out = Vec::new();
    let mut hits: Vec<(usize, bool)> = anchors.antwoord.iter().map(|&i| (i, true)).collect();
    hits.extend(anchors.zie.iter().map(|&i| (i, false)));
    crate::sort::sort(&mut hits);
    for (s, is_answer) in hits {
        if is_answer && !matches!(bytes[s], b'a' | b'A') || super::inside(skip, s) {
            continue;
        }
        if text.get(..s).and_then(|t| t.chars().next_back()).is_some_and(char::is_alphabetic) {
            continue;
        }
        if !ahead(text, s + 3, 30, b"vra") {
            continue;
        }
        let w = Window::new(text, s, 100);
        let mut c = Cur { s: &w.text, i: 0 };
        if is_answer {
            if !(c.word_ci("antwoorden ") || c.word_ci("antwoord ")) {
                continue;
            }
            for p in ["op ", "bij ", "van "] {
                if c.word_ci(p) {
                    break;
                }
            }
        } else {
            c.word_ci("zie ");
            let _ = c.word_ci("ook ");
        }
        let _ = c.word_ci("de ") || c.word_ci("het ");
        let vraag_at = c.i;
        if !(c.word_ci("vragen ") || c.word_ci("vraag ")) {
            continue;
        }
        let nums = numbers(&mut c);
        let Some(&(_, first_end, _)) = nums.first() else { continue };
        let first_span = w.span(if is_answer { 0 } else { vraag_at }, first_end);
        let last_end = w.span(0, nums.last().map_or(first_end, |n| n.1)).end;
        if is_answer && bytes[s] == b'A' && is_heading(text, s, last_end) {
            continue;
        }
        for (k, (a, b, n)) in nums.into_iter().enumerate() {
            let Some(id) = lookup(n) else { continue };
            let span = if k == 0 { first_span } else { w.span(a, b) };
            if !span.is_empty() {
                out.push(Reference { kind: RefKind::CrossReference, span, target: id, url: None });
            }
        }
    }
    out
}
