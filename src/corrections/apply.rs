//! Applying a correction list to a parse, in order: each correction is
//! located ([`super::place`]) and then applied to the document as corrected
//! so far. A block that is split keeps its id on the first part; the second
//! part, a block whose kind or numbers change, gets the id the parser would
//! give it ("a3", "a3_2" when taken). After a change of structure the answers
//! are paired with the questions again (and those diagnostics redone).

use super::place::locate;
use super::{Applied, At, Correction, Field, Kind, Move, Person, Reason, Unplaced};
use crate::blocks::{pair, parts_of, refers_to, Blocks};
use crate::headings::parse_heading;
use crate::model::{
    Addressee, Asker, Block, BlockKind, DateMention, DiagnosticCode, Document, HeaderDate, Precision, RefKind,
    Reference, Respondent, Span,
};
use crate::offsets::OffsetIndex;
use crate::text::{block_text, trim_span};
use chrono::NaiveDate;

/// The diagnostics that pairing answers with questions gives (redone after a
/// change of structure).
const PAIRING: [DiagnosticCode; 5] = [
    DiagnosticCode::DuplicateQuestion,
    DiagnosticCode::DuplicateAnswer,
    DiagnosticCode::UnpairedAnswer,
    DiagnosticCode::UnansweredQuestion,
    DiagnosticCode::QuestionGap,
];

/// Applies `corrections` to `doc`, the parse of `text` (normalised).
#[must_use]
pub fn apply(text: &str, doc: Document, corrections: &[Correction]) -> Applied {
    let index = OffsetIndex::new(text);
    let mut out = Applied { doc, placed: Vec::new(), unplaced: Vec::new(), moves: Vec::new() };
    let mut restructured = false;
    for (i, c) in corrections.iter().enumerate() {
        let at = if c.kind == Kind::Header { Some(At { span: Span::new(0, 0) }) } else { locate(text, &index, c) };
        let result = match at {
            None => Err((Reason::NotFound, "its text is not in this document".to_string())),
            Some(at) => one(text, &mut out.doc, c, at, i, &mut out.moves),
        };
        match (result, at) {
            (Ok(structure), Some(at)) => {
                restructured |= structure;
                let mut placed = c.clone();
                if c.kind != Kind::Header {
                    let anchored = super::anchor(text, &index, at.span);
                    (placed.start, placed.end, placed.quote) = (anchored.start, anchored.end, anchored.quote);
                    (placed.prefix, placed.suffix) = (anchored.prefix, anchored.suffix);
                }
                out.placed.push(placed);
            }
            (Err((reason, message)), _) => {
                out.unplaced.push(Unplaced { index: i, kind: c.kind, quote: c.quote.clone(), reason, message });
            }
            (Ok(_), None) => {}
        }
    }
    if restructured {
        repair(&mut out.doc);
    }
    out
}

type Outcome = Result<bool, (Reason, String)>;

fn nothing(msg: &str) -> Outcome {
    Err((Reason::NothingThere, msg.to_string()))
}

fn invalid(msg: impl Into<String>) -> Outcome {
    Err((Reason::Invalid, msg.into()))
}

/// Applies one located correction; Ok(true) when the blocks changed.
fn one(text: &str, doc: &mut Document, c: &Correction, at: At, i: usize, moves: &mut Vec<Move>) -> Outcome {
    let span = at.span;
    match c.kind {
        Kind::RemoveDate => {
            let before = doc.dates.len();
            doc.dates.retain(|d| d.span != span);
            if doc.dates.len() == before {
                return nothing("no date is highlighted there");
            }
            Ok(false)
        }
        Kind::RemoveReference => {
            let before = doc.references.len();
            doc.references.retain(|r| r.span != span);
            if doc.references.len() == before {
                return nothing("no reference is highlighted there");
            }
            Ok(false)
        }
        Kind::AddDate => {
            let iso = c.iso.as_deref().unwrap_or("").trim();
            let Some(precision) = iso_precision(iso) else {
                return invalid(format!("“{iso}” is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"));
            };
            if span.is_empty() || span.slice(text).trim().is_empty() {
                return invalid("the date has no text");
            }
            doc.dates.retain(|d| !d.span.overlaps(span));
            let at = doc.dates.partition_point(|d| d.span.start < span.start);
            doc.dates.insert(at, DateMention { span, iso: iso.to_string(), precision, role: None });
            Ok(false)
        }
        Kind::AddReference => {
            let target = c.target.as_deref().unwrap_or("").trim().to_string();
            let url = c.url.as_deref().map(str::trim).filter(|u| !u.is_empty()).map(str::to_string);
            if let Some(u) = &url {
                let lower = u.to_ascii_lowercase();
                if !(lower.starts_with("https://") || lower.starts_with("http://")) || u.chars().any(char::is_control) {
                    return invalid(format!("“{u}” is not an http(s) link"));
                }
            }
            if (target.is_empty() && url.is_none()) || span.is_empty() {
                return invalid("the reference has no target, link or text");
            }
            let kind = if target.is_empty() || Some(&target) == url.as_ref() { RefKind::Url } else { RefKind::Other };
            let target = if target.is_empty() { url.clone().unwrap_or_default() } else { target };
            doc.references.retain(|r| !r.span.overlaps(span) || r.kind == RefKind::FootnoteMarker);
            let at = doc.references.partition_point(|r| r.span.start < span.start);
            doc.references.insert(at, Reference { kind, span, target, url });
            Ok(false)
        }
        Kind::Split => split(text, doc, c, span.start, i, moves),
        Kind::Merge => merge(text, doc, span.start, i, moves),
        Kind::SetNumbers => {
            let Some(numbers) = c.numbers.clone().filter(|n| !n.is_empty() && n.iter().all(|&n| n > 0)) else {
                return invalid("no numbers given");
            };
            let Some((kind, k)) = block_at(doc, span.start) else {
                return nothing("no question or answer starts there");
            };
            let list = list_mut(doc, kind);
            list[k].numbers = numbers;
            renumber(doc, kind, k, i, moves);
            Ok(true)
        }
        Kind::SetKind => {
            let Some(to) = c.block else { return invalid("no kind given") };
            let Some((kind, k)) = block_at(doc, span.start) else {
                return nothing("no question or answer starts there");
            };
            if kind == to {
                return nothing("the block is already of that kind");
            }
            let mut b = list_mut(doc, kind).remove(k);
            b.kind = to;
            if to == BlockKind::Answer {
                b.refers_to = refers_to(&b.text);
            } else {
                b.refers_to.clear();
            }
            let list = list_mut(doc, to);
            let at = list.partition_point(|x| start_of(x) < start_of(&b));
            list.insert(at, b);
            renumber(doc, to, at, i, moves);
            Ok(true)
        }
        Kind::Header => header(doc, c),
    }
}

/// "2024-05-01" → Day, "2024-05" → Month, "2024" → Year; None when not a date.
fn iso_precision(iso: &str) -> Option<Precision> {
    let num = |s: &str| s.bytes().all(|b| b.is_ascii_digit()).then(|| s.parse::<u32>().ok()).flatten();
    let parts: Vec<&str> = iso.split('-').collect();
    let year = |s: &str| (s.len() == 4).then(|| num(s)).flatten().and_then(|y| i32::try_from(y).ok());
    match parts.as_slice() {
        [y] => year(y).map(|_| Precision::Year),
        [y, m] if m.len() == 2 => {
            (year(y).is_some() && num(m).is_some_and(|m| (1..=12).contains(&m))).then_some(Precision::Month)
        }
        [y, m, d] if m.len() == 2 && d.len() == 2 => {
            NaiveDate::from_ymd_opt(year(y)?, num(m)?, num(d)?).map(|_| Precision::Day)
        }
        _ => None,
    }
}

/// Where a block's extent starts: its heading, else its content.
fn start_of(b: &Block) -> usize {
    if b.heading.is_empty() {
        b.span.start
    } else {
        b.heading.start.min(b.span.start)
    }
}

fn end_of(b: &Block) -> usize {
    b.span.end.max(b.heading.end)
}

fn list_mut(doc: &mut Document, kind: BlockKind) -> &mut Vec<Block> {
    match kind {
        BlockKind::Question => &mut doc.questions,
        BlockKind::Answer => &mut doc.answers,
    }
}

/// Every block as (kind, index), in text order.
fn in_order(doc: &Document) -> Vec<(BlockKind, usize, usize)> {
    let mut all: Vec<(BlockKind, usize, usize)> = doc
        .questions
        .iter()
        .enumerate()
        .map(|(k, b)| (BlockKind::Question, k, start_of(b)))
        .chain(doc.answers.iter().enumerate().map(|(k, b)| (BlockKind::Answer, k, start_of(b))))
        .collect();
    crate::sort::by_key(&mut all, |x| (x.2, usize::from(x.0 == BlockKind::Answer), x.1));
    all
}

/// The block whose extent starts at `at` (else the one whose extent holds it).
fn block_at(doc: &Document, at: usize) -> Option<(BlockKind, usize)> {
    let all = in_order(doc);
    let exact = all.iter().find(|x| x.2 == at);
    let within = || {
        all.iter().rev().find(|x| {
            let b = &list(doc, x.0)[x.1];
            start_of(b) <= at && at < end_of(b)
        })
    };
    exact.or_else(within).map(|x| (x.0, x.1))
}

fn list(doc: &Document, kind: BlockKind) -> &[Block] {
    match kind {
        BlockKind::Question => &doc.questions,
        BlockKind::Answer => &doc.answers,
    }
}

/// The id the parser would give block `k` of `kind` now, unique in the document.
fn fresh_id(doc: &Document, kind: BlockKind, k: usize) -> String {
    let b = &list(doc, kind)[k];
    let prefix = if kind == BlockKind::Question { "q" } else { "a" };
    let base = if b.numbers.is_empty() {
        format!("{prefix}{}", k + 1)
    } else {
        let nums: Vec<String> = b.numbers.iter().map(u32::to_string).collect();
        format!("{prefix}{}", nums.join("-"))
    };
    let taken = |id: &str| doc.questions.iter().chain(&doc.answers).any(|x| x.id == id && !std::ptr::eq(x, b));
    if !taken(&base) {
        return base;
    }
    (2..).map(|n| format!("{base}_{n}")).find(|id| !taken(id)).unwrap_or(base)
}

/// Gives block `k` of `kind` the id its kind and numbers call for; a change is a move.
fn renumber(doc: &mut Document, kind: BlockKind, k: usize, i: usize, moves: &mut Vec<Move>) {
    let id = fresh_id(doc, kind, k);
    let b = &mut list_mut(doc, kind)[k];
    if b.id != id {
        moves.push(Move { correction: i, from: std::mem::replace(&mut b.id, id.clone()), to: id });
    }
}

/// The excluded spans (furniture, footnotes) and the footnote markers, sorted.
fn cuts(doc: &Document) -> (Vec<Span>, Vec<Span>) {
    let mut excluded: Vec<Span> =
        doc.furniture.iter().map(|f| f.span).chain(doc.footnotes.iter().map(|f| f.span)).collect();
    crate::sort::sort(&mut excluded);
    let mut markers: Vec<Span> = doc.footnotes.iter().flat_map(|f| f.markers.iter().copied()).collect();
    crate::sort::sort(&mut markers);
    (excluded, markers)
}

/// `b` with its content set to `range` (parts, text and refers_to redone).
fn refill(text: &str, doc: &Document, b: &mut Block, range: Span) {
    let (excluded, markers) = cuts(doc);
    let range = trim_span(text, range);
    b.parts = parts_of(text, range, &excluded);
    b.span = match (b.parts.first(), b.parts.last()) {
        (Some(f), Some(l)) => Span::new(f.start, l.end),
        _ => Span::new(range.start, range.start),
    };
    b.text = block_text(text, &b.parts, &markers);
    b.refers_to = if b.kind == BlockKind::Answer { refers_to(&b.text) } else { Vec::new() };
}

fn split(text: &str, doc: &mut Document, c: &Correction, at: usize, i: usize, moves: &mut Vec<Move>) -> Outcome {
    let found = in_order(doc).into_iter().find(|x| {
        let b = &list(doc, x.0)[x.1];
        b.span.start < at && at < b.span.end
    });
    let Some((kind, k, _)) = found else { return nothing("no question or answer to split there") };
    let old = list(doc, kind)[k].clone();
    // A heading at the split ("Antwoord 3" the parser missed) becomes the new block's.
    let line_start = at + (text.get(at..).unwrap_or("").len() - text.get(at..).unwrap_or("").trim_start().len());
    let line = text.get(line_start..).unwrap_or("").lines().next().unwrap_or("");
    let shape = heading_at(line);
    let heading = shape.as_ref().map_or(Span::new(at, at), |s| Span::new(line_start, line_start + s.len));
    let new_kind = c.block.or(shape.as_ref().map(|s| s.kind)).unwrap_or(kind);
    let numbers = c.numbers.clone().or_else(|| shape.as_ref().map(|s| s.numbers.clone())).unwrap_or_default();
    let mut first = old.clone();
    refill(text, doc, &mut first, Span::new(old.span.start, at));
    let mut second = Block {
        kind: new_kind,
        id: String::new(),
        numbers,
        heading: if heading.is_empty() { Span::new(0, 0) } else { heading },
        span: Span::new(0, 0),
        parts: Vec::new(),
        text: String::new(),
        questions: Vec::new(),
        refers_to: Vec::new(),
    };
    refill(text, doc, &mut second, Span::new(heading.end, old.span.end));
    list_mut(doc, kind)[k] = first;
    let target = list_mut(doc, new_kind);
    let pos = target.partition_point(|x| start_of(x) < heading.start.max(at));
    target.insert(pos, second);
    let id = fresh_id(doc, new_kind, pos);
    list_mut(doc, new_kind)[pos].id = id;
    let _ = (i, moves); // the tags stay on the first part: nothing moves
    Ok(true)
}

/// The heading that opens `line`: the line itself ("Antwoord 3", "Vraag 4:")
/// or its first few words ("Antwoord 3 Dat weet ik niet." → "Antwoord 3").
fn heading_at(line: &str) -> Option<crate::headings::HeadingShape> {
    let line = line.trim_end();
    if let Some(shape) = parse_heading(line) {
        return Some(shape);
    }
    let ends = line.char_indices().filter(|(_, c)| c.is_whitespace()).map(|(i, _)| i).take(8);
    ends.filter_map(|end| parse_heading(line.get(..end)?).filter(|s| s.len == end)).last()
}

fn merge(text: &str, doc: &mut Document, at: usize, i: usize, moves: &mut Vec<Move>) -> Outcome {
    let all = in_order(doc);
    let Some(pos) = all.iter().position(|x| x.2 == at) else { return nothing("no question or answer starts there") };
    let Some(&(kind2, k2, _)) = all.get(pos + 1) else { return nothing("there is no next block to merge with") };
    let (kind1, k1, _) = all[pos];
    let second = list(doc, kind2)[k2].clone();
    let mut first = list(doc, kind1)[k1].clone();
    let range = Span::new(first.span.start, end_of(&second));
    refill(text, doc, &mut first, range);
    list_mut(doc, kind1)[k1] = first.clone();
    // Remove the second (after the first is written back: indices of other kinds are unchanged).
    let k2 = list(doc, kind2).iter().position(|b| b.id == second.id).unwrap_or(k2);
    list_mut(doc, kind2).remove(k2);
    moves.push(Move { correction: i, from: second.id.clone(), to: first.id.clone() });
    for r in &mut doc.references {
        if r.kind == RefKind::CrossReference && r.target == second.id {
            r.target.clone_from(&first.id);
        }
    }
    Ok(true)
}

fn header(doc: &mut Document, c: &Correction) -> Outcome {
    let Some(field) = c.field else { return invalid("no header field given") };
    let clean = |p: &Person| Person {
        name: p.name.trim().chars().take(200).collect(),
        party: p.party.trim().chars().take(100).collect(),
        role: p.role.trim().chars().take(100).collect(),
        portfolio: p.portfolio.trim().chars().take(200).collect(),
    };
    // A respondent may have a role and no name ("mede namens de Minister van …").
    let people: Vec<Person> = c.values.iter().map(clean).filter(|p| !p.name.is_empty() || !p.role.is_empty()).collect();
    let h = &mut doc.header;
    match field {
        Field::Askers => {
            let old = std::mem::take(&mut h.askers);
            h.askers = people
                .into_iter()
                .enumerate()
                .map(|(k, p)| Asker {
                    name: p.name,
                    party: p.party,
                    span: old.get(k).map_or_else(Span::default, |a| a.span),
                })
                .collect();
        }
        Field::Addressees => {
            let old = std::mem::take(&mut h.addressees);
            h.addressees = people
                .into_iter()
                .enumerate()
                .map(|(k, p)| Addressee { text: p.name, span: old.get(k).map_or_else(Span::default, |a| a.span) })
                .collect();
        }
        Field::Respondents => {
            let old = std::mem::take(&mut h.respondents);
            h.respondents = people
                .into_iter()
                .enumerate()
                .map(|(k, p)| Respondent {
                    role: p.role,
                    name: p.name,
                    portfolio: p.portfolio,
                    on_behalf: old.get(k).is_some_and(|r| r.on_behalf),
                    span: old.get(k).map_or_else(Span::default, |r| r.span),
                })
                .collect();
        }
        Field::Submitted | Field::Received | Field::Dated => {
            let slot = match field {
                Field::Submitted => &mut h.submitted,
                Field::Received => &mut h.received,
                _ => &mut h.dated,
            };
            match c.iso.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                None => *slot = None,
                Some(iso) if iso_precision(iso) == Some(Precision::Day) => {
                    let span = slot.as_ref().map_or_else(Span::default, |d| d.span);
                    *slot = Some(HeaderDate { iso: iso.to_string(), span });
                }
                Some(iso) => return invalid(format!("“{iso}” is not a day (YYYY-MM-DD)")),
            }
        }
    }
    Ok(false)
}

/// Answers paired with questions again, and those diagnostics redone.
fn repair(doc: &mut Document) {
    let mut blocks = Blocks {
        questions: std::mem::take(&mut doc.questions),
        answers: std::mem::take(&mut doc.answers),
        diagnostics: Vec::new(),
    };
    crate::sort::by_key(&mut blocks.questions, |b| (start_of(b), 0, 0));
    crate::sort::by_key(&mut blocks.answers, |b| (start_of(b), 0, 0));
    for a in &mut blocks.answers {
        a.questions.clear();
    }
    pair(&mut blocks);
    doc.questions = blocks.questions;
    doc.answers = blocks.answers;
    doc.diagnostics.retain(|d| !PAIRING.contains(&d.code));
    doc.diagnostics.extend(blocks.diagnostics);
}
