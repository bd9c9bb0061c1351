//! Answers printed without a heading: a ministry letter that prints each
//! question ("Vraag 5", "1.") and follows it with the answer, with no
//! "Antwoord" between them.
//!
//! ```text
//! Vraag 5
//! Bent u bereid om onderzoek te laten doen …? Zo nee, waarom niet?
//!
//! Er wordt middels het Handelingskader primair ingezet op zorg …
//! ```
//!
//! A letter with no heading at all that numbers its questions ("1. Kent u
//! …?⏎⏎Ja, dat bericht ken ik.", or "1. Kent u …?⏎Ja, …" a line apart) gets question blocks by those numbers when
//! most of them (two at least) show this shape (`blocks`), then the same split.
//!
//! Only a question block that no answer block answers is looked at. Its
//! question ends at the first paragraph (a blank line after it) whose text
//! ends in "?" (a footnote marker or a closing quote after the "?" allowed:
//! "…gedaan?3)", "…middelen? [3]") followed by a paragraph that opens with a capital (or a quote,
//! a parenthesis) and holds words (not a marker line "2, 3 en 4"), does not go on asking ("Zo ja, …", "Zo nee, …",
//! "Indien …", "En …") and does not itself end in "?". The answer is the rest
//! of the block. When no blank line does (a web page's paragraphs, one per
//! line; "…beurs?⏎Ja.⏎⏎Daarnaast …") a line break does the same, when no "?"
//! follows in the rest of the block.
//!
//! The answer block that results has an empty heading: a span of length 0 at
//! the start of its text (nothing printed is claimed as a heading), the
//! question's numbers, and a diagnostic `answer-without-heading` on that
//! empty span: `info` at a blank line, `warning` at a line break (less sure).
//! A letter without any answer heading is split only when at least two of its
//! questions show this shape (a list of questions alone, with a remark after
//! the last one, stays as it is).
//!
//! In a letter that shows the shape, a question that does not end in "?"
//! ("Licht toe welke maatregelen u neemt.⏎⏎Ik neem …", "… staan. Graag een
//! uitsplitsing.⏎⏎Die cijfers …") is split where its first paragraph (else
//! line) ends a sentence and the next can open an answer, when the block
//! holds no "?" at all and no note or page furniture; that is a guess, so
//! its diagnostic is a `warning`.

use crate::model::{Block, BlockKind, Diagnostic, DiagnosticCode, Severity, Span};

/// Whether a paragraph's text ends by asking: "…waarom niet?", "…gedaan?3)",
/// "…kampte?»", "…middelen? [3]".
fn ends_asking(t: &str) -> bool {
    let t = t.trim_end_matches(|c: char| {
        c.is_whitespace() || c.is_ascii_digit() || matches!(c, ')' | ']' | '[' | '»' | '”' | '’' | '"' | '\'' | ',')
    });
    t.ends_with('?')
}

/// Whether the paragraph that starts at `from` asks ("1. Kent u …?" up to
/// the next blank line, or a line of it ending in "?").
pub(super) fn paragraph_asks(text: &str, from: usize) -> bool {
    // A question is a paragraph or two: 4 KB without a blank line is not one.
    let rest = text.get(from..).unwrap_or("");
    let rest = rest.get(..crate::text::floor_char_boundary(rest, 4096)).unwrap_or("");
    let mut end = rest.len();
    let mut at = 0;
    while let Some(k) = rest.get(at..).and_then(|r| r.find('\n')) {
        let nl = at + k;
        let after = rest.get(nl + 1..).unwrap_or("");
        let line = after.split('\n').next().unwrap_or("");
        if line.trim().is_empty() {
            end = nl;
            break;
        }
        at = nl + 1;
    }
    // Its last line asks, or one line in it does and the answer follows on
    // the next line ("1. Kent u …?⏎Ja, …⏎⏎2. …").
    let para = rest.get(..end).unwrap_or("");
    ends_asking(para) || para.lines().any(ends_asking)
}

/// Whether a paragraph can open an answer: a capital, a quote, a parenthesis
/// or a digit, and not a word that goes on with the question.
fn opens_answer(t: &str) -> bool {
    let Some(c) = t.chars().next() else { return false };
    if !(c.is_uppercase() || matches!(c, '«' | '“' | '"' | '(')) {
        return false;
    }
    // Words, not a footnote marker on its own line ("1", "2, 3 en 4").
    if t.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return false;
    }
    let first = t.split(|c: char| c.is_whitespace() || c == ',').next().unwrap_or("");
    !matches!(first, "Zo" | "Indien" | "En" | "Of" | "Zoja" | "Zonee")
}

/// Where the answer starts inside `span` (a question block's body), and
/// whether that was found at a blank line (sure) or a line break (less sure).
pub(super) fn answer_start(text: &str, span: Span, excluded: &[Span]) -> Option<(usize, usize, bool)> {
    let body = span.slice(text);
    // The excluded spans (furniture, notes) that reach into this block.
    let local: Vec<Span> = excluded.iter().copied().filter(|e| e.start < span.end && span.start < e.end).collect();
    let inside = |p: usize| local.iter().any(|e| e.start <= span.start + p && span.start + p < e.end);
    // Paragraph breaks (a blank line), else line breaks.
    let mut blank_breaks: Vec<(usize, usize)> = Vec::new();
    let mut line_breaks: Vec<(usize, usize)> = Vec::new();
    let bytes = body.as_bytes();
    let mut i = 0;
    while let Some(k) = body.get(i..).and_then(|r| r.find('\n')) {
        let nl = i + k;
        let mut j = nl + 1;
        let mut blank = false;
        while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r' | b'\n' | b'\x0c') {
            blank |= bytes[j] == b'\n';
            j += 1;
        }
        if j >= bytes.len() {
            break;
        }
        if !inside(nl) && !inside(j) {
            if blank {
                blank_breaks.push((nl, j));
            } else {
                line_breaks.push((nl, j));
            }
        }
        i = j;
    }
    let pick = |breaks: &[(usize, usize)], lines: bool| -> Option<(usize, usize, bool)> {
        for (n, &(end, start)) in breaks.iter().enumerate() {
            let before = body.get(..end)?;
            if !ends_asking(before) {
                continue;
            }
            let next_end = breaks.get(n + 1).map_or(body.len(), |&(e, _)| e);
            let para = body.get(start..next_end)?;
            if !opens_answer(para) || ends_asking(para) {
                continue;
            }
            if lines && body.get(start..)?.contains('?') {
                return None;
            }
            let q_end = span.start + before.trim_end().len();
            return Some((q_end, span.start + start, !lines));
        }
        None
    };
    // A blank line first; else a line break ("…beurs?⏎Ja.⏎⏎Daarnaast …").
    pick(&blank_breaks, false).or_else(|| pick(&line_breaks, true))
}

/// The guess for a question that does not end in "?" ("Licht toe welke
/// maatregelen u neemt.⏎⏎Ik neem drie maatregelen."), made only in a letter
/// whose other answers have shown the shape: a block without any "?" whose
/// first paragraph (else line) ends a sentence and is followed by one that
/// can open an answer. `(question end, answer start)`.
pub(super) fn guessed_answer_start(text: &str, span: Span, excluded: &[Span]) -> Option<(usize, usize)> {
    let body = span.slice(text);
    if body.contains('?') || excluded.iter().any(|e| e.start < span.end && span.start < e.end) {
        return None;
    }
    let first_break = |sep: &str| -> Option<(usize, usize)> {
        let end = body.find(sep)?;
        let before = body.get(..end)?.trim_end();
        let after = body.get(end..)?;
        let start = end + (after.len() - after.trim_start().len());
        let next = body.get(start..)?;
        (before.ends_with(['.', '!']) && !next.is_empty() && opens_answer(next))
            .then(|| (span.start + before.len(), span.start + start))
    };
    first_break("\n\n").or_else(|| first_break("\n"))
}

/// Splits each unanswered question block whose answer follows it without a
/// heading; `rebuild` makes a block of a kind over a span (its parts, text).
pub(super) fn split(
    text: &str,
    questions: &mut [Block],
    answers: &mut Vec<Block>,
    excluded: &[Span],
    diagnostics: &mut Vec<Diagnostic>,
    mut rebuild: impl FnMut(BlockKind, &[u32], Span, Span) -> Block,
) {
    let answered: Vec<u32> = answers.iter().flat_map(|a| a.numbers.iter().copied()).collect();
    let mut found: Vec<(usize, usize, usize, bool)> = Vec::new();
    for (qi, q) in questions.iter().enumerate() {
        if q.numbers.is_empty() || q.numbers.iter().any(|n| answered.contains(n)) {
            continue;
        }
        if let Some((q_end, a_start, sure)) = answer_start(text, q.span, excluded) {
            found.push((qi, q_end, a_start, sure));
        }
    }
    if answers.is_empty() && found.len() < 2 {
        return;
    }
    // The letter shows the shape: a question that does not end in "?" is
    // split at its first paragraph, as a guess (a warning says so).
    for (qi, q) in questions.iter().enumerate() {
        if q.numbers.is_empty() || q.numbers.iter().any(|n| answered.contains(n)) || found.iter().any(|f| f.0 == qi) {
            continue;
        }
        if let Some((q_end, a_start)) = guessed_answer_start(text, q.span, excluded) {
            found.push((qi, q_end, a_start, false));
        }
    }
    crate::sort::by_key(&mut found, |f| (f.0, 0, 0));
    let had_answers = !answers.is_empty();
    for (qi, q_end, a_start, sure) in found {
        let q = &questions[qi];
        let a_span = Span::new(a_start, q.span.end);
        let numbers = q.numbers.clone();
        let heading = Span::new(a_start, a_start);
        let answer = rebuild(BlockKind::Answer, &numbers, heading, a_span);
        let question = rebuild(BlockKind::Question, &numbers, q.heading, Span::new(q.span.start, q_end));
        let label = crate::headings::heading_label(&question);
        questions[qi] = Block { id: questions[qi].id.clone(), ..question };
        diagnostics.push(Diagnostic {
            severity: if sure { Severity::Info } else { Severity::Warning },
            code: DiagnosticCode::AnswerWithoutHeading,
            message: format!(
                "The answer to {label} has no heading: it is taken to start {}",
                if sure { "at the paragraph after the question" } else { "at the line after the question" }
            ),
            params: vec![("label", label), ("from", (if sure { "paragraph" } else { "line" }).to_string())],
            span: heading,
        });
        answers.push(answer);
    }
    if had_answers {
        crate::sort::by_key(answers, |a| (a.span.start, 0, 0));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_ends_asking_markers_aside() {
        for t in ["waarom niet?", "gedaan?3)", "kampte?»", "middelen? [3] ", "vast?1, 2", "Sammy’?"] {
            assert!(ends_asking(t), "{t}");
        }
        for t in ["Ja.", "zie noot 3", "?."] {
            assert!(!ends_asking(t), "{t}");
        }
    }

    #[test]
    fn an_answer_opens_with_words_that_do_not_ask_on() {
        assert!(opens_answer("Ja."));
        assert!(opens_answer("«Nee», zegt de minister."));
        assert!(!opens_answer("Zo ja, welke?"));
        assert!(!opens_answer("Indien niet, waarom niet?"));
        assert!(!opens_answer("2, 3 en 4"));
        assert!(!opens_answer("ja, dat klopt"));
    }
}
