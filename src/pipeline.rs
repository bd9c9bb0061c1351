//! The parse: each finder in turn, in the order their results feed each
//! other.
//!
//! ```text
//! lines → furniture → footnotes → blocks (question and answer headings)
//!       → header (up to the first heading)
//! words (one pass) → references → dates (resolved against the header's dates)
//! ```
//!
//! "(ingezonden 8 augustus 2024)" in the header is the date that "31 juli
//! jl." in an answer resolves against; a URL found by the references is
//! where no date is looked for ("…/2023/september/18/…").

use crate::anchors::Anchors;
use crate::model::{DateRole, Diagnostic, DiagnosticCode, Document, RefKind, Reference, Severity, Span};
use crate::{blocks, dates, footnotes, furniture, header, lines, references, sort};
use std::borrow::Cow;

/// The text as the parser sees it: `\r\n` and lone `\r` become `\n`. This is
/// `document.text` in the JSON; nothing else is ever rewritten.
#[must_use]
pub fn normalize_newlines(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Parses one document. Never panics; spans index `text` as given (pass it
/// through [`normalize_newlines`] first to match the JSON's `document.text`).
#[must_use]
pub fn parse(text: &str) -> Document {
    parse_with(text, || Anchors::new(text))
}

/// [`parse`] on two threads: the word scan for references and dates runs
/// beside furniture, footnotes, blocks and header (for the CLI on a large
/// file; the result is the same).
#[cfg(not(target_arch = "wasm32"))]
#[must_use]
pub fn parse_parallel(text: &str) -> Document {
    std::thread::scope(|scope| {
        let anchors = scope.spawn(|| Anchors::new(text));
        parse_with(text, || anchors.join().unwrap_or_else(|_| Anchors::new(text)))
    })
}

/// The parse, with the word scan given as `anchors` (called once, when needed).
fn parse_with(text: &str, anchors: impl FnOnce() -> Anchors) -> Document {
    // The line index, found once for furniture, footnotes and blocks.
    let lines: Vec<Span> = lines::lines(text).collect();
    let furniture = furniture::find_in(text, &lines);
    let footnotes = footnotes::find_in(text, &lines, &furniture);

    let mut excluded: Vec<Span> = furniture.iter().map(|f| f.span).collect();
    excluded.extend(footnotes.iter().map(|f| f.span));
    sort::sort(&mut excluded);
    let markers: Vec<Span> = footnotes.iter().flat_map(|f| f.markers.iter().copied()).collect();
    let blocks = blocks::find_in(text, &lines, &excluded, &markers);

    let header_end = blocks.first_heading().unwrap_or(text.len());
    let header = header::parse(
        text,
        &header::HeaderInput {
            end: header_end,
            furniture: &furniture,
            answer_blocks: blocks.answers.len(),
            question_blocks: blocks.questions.len(),
        },
    );

    let answer_for_question =
        blocks.answers.iter().flat_map(|a| a.numbers.iter().map(move |n| (*n, a.id.clone()))).collect();
    // One pass over the words for the reference recognisers and the date scan.
    let anchors = anchors();
    let ref_ctx = references::RefContext { answer_for_question, footnotes: &footnotes };
    let mut references = references::find_with(text, &ref_ctx, &anchors);
    references.extend(footnotes.iter().flat_map(|f| {
        f.markers.iter().map(move |m| Reference {
            kind: RefKind::FootnoteMarker,
            span: *m,
            target: f.number.to_string(),
            url: None,
        })
    }));
    sort::by_key(&mut references, |r| (r.span.start, r.span.end, r.kind as usize));

    let anchor =
        header.received.as_ref().or(header.submitted.as_ref()).or(header.dated.as_ref()).and_then(|d| iso_ymd(&d.iso));
    let written_from = header.submitted.as_ref().and_then(|d| iso_ymd(&d.iso));
    let skip = references
        .iter()
        .filter(|r| !matches!(r.kind, RefKind::FootnoteMarker | RefKind::CrossReference))
        .map(|r| r.span)
        .collect();
    let questions = blocks.questions.iter().map(|q| q.span).collect();
    let date_scan =
        dates::scan_with(text, &dates::DateContext { anchor, written_from, questions, skip }, &anchors.dates);
    let mut dates = date_scan.dates;
    for date in &mut dates {
        if header.submitted.as_ref().is_some_and(|d| d.span.contains(date.span)) {
            date.role = Some(DateRole::Submitted);
        } else if header.received.as_ref().is_some_and(|d| d.span.contains(date.span)) {
            date.role = Some(DateRole::Received);
        } else if header.dated.as_ref().is_some_and(|d| d.span.contains(date.span)) {
            date.role = Some(DateRole::Dated);
        }
    }

    let mut diagnostics = blocks.diagnostics;
    diagnostics.extend(date_scan.diagnostics);
    if blocks.questions.is_empty() && blocks.answers.is_empty() {
        diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            code: DiagnosticCode::NoHeadings,
            message: "No question or answer headings (\"Vraag 1\", \"Antwoord 1\") were recognised".into(),
            params: Vec::new(),
            span: Span::new(0, 0),
        });
    }

    Document {
        header,
        questions: blocks.questions,
        answers: blocks.answers,
        footnotes,
        furniture,
        dates,
        references,
        diagnostics,
    }
}

/// "2024-08-08" → (2024, 8, 8).
fn iso_ymd(iso: &str) -> Option<(i32, u32, u32)> {
    let mut it = iso.splitn(3, '-');
    Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?, it.next()?.parse().ok()?))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_parallel_parse_gives_the_same_document() {
        let seed = include_str!("../tests/fixtures/seed.txt");
        for text in [seed, "", "Vraag 1\nWat?\n\nAntwoord 1\nZie het antwoord op vraag 1, 14 maart jl.\n"] {
            assert_eq!(super::parse_parallel(text), super::parse(text));
        }
    }
}
