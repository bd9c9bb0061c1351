//! The invariants every parse must hold on any input, shared by the fuzz
//! target (`fuzz/fuzz_targets/parse.rs`), the regression inputs
//! (`tests/regressions.rs`) and the property tests (`tests/invariants.rs`),
//! each of which includes this file with `#[path]`.
//!
//! - the core: every span in range, on char boundaries, parts inside their
//!   block and in order, answer → question indices valid;
//! - the offset converter: every byte ↔ code point ↔ UTF-16 offset agrees with
//!   a direct count, and out-of-range or mid-character offsets clamp/snap;
//! - the JSON export: every code point range covers the same text as the byte
//!   span it came from, and the JSON survives a serialise → parse round trip;
//! - the render tree: the text nodes spell the whole text once, every mark's
//!   UTF-16 range covers exactly its children's text, and only http(s) URLs
//!   and in-page "#…" anchors become links.
//!
//! A failed invariant panics with a message naming `name` and the construct.

#![allow(dead_code)]

use kamervragen::annotation::{self, Annotations};
use kamervragen::model::{Document, Span};
use kamervragen::offsets::OffsetIndex;
use kamervragen::view::{self, Node};

/// Runs the whole pipeline on `raw` as the page does (newlines normalised)
/// and on `raw` as given, checking everything.
pub fn check_all(raw: &str, name: &str) {
    check_text(raw, name);
    let normalized = kamervragen::normalize_newlines(raw);
    if normalized != raw {
        check_text(&normalized, name);
    }
}

/// Parses `text` and checks the parse, the export and the view.
pub fn check_text(text: &str, name: &str) {
    let doc = kamervragen::parse(text);
    check_document(text, &doc, name);
    check_offsets(text, name);
    check_export(text, &doc, name);
    check_view(text, &doc, name);
}

/// Every span inside the text and on char boundaries; parts ordered and
/// inside their block; blocks in text order.
pub fn check_document(text: &str, doc: &Document, name: &str) {
    let ok = |s: Span, what: &str| {
        assert!(s.start <= s.end && s.end <= text.len(), "{name}: {what} {s:?} out of range (len {})", text.len());
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{name}: {what} {s:?} off a char boundary"
        );
    };
    for b in doc.questions.iter().chain(&doc.answers) {
        ok(b.span, &b.id);
        ok(b.heading, &b.id);
        let mut at = b.span.start;
        for p in &b.parts {
            ok(*p, &b.id);
            assert!(b.span.contains(*p), "{name}: part {p:?} of {} outside its block {:?}", b.id, b.span);
            assert!(p.start >= at, "{name}: parts of {} out of order", b.id);
            at = p.end;
        }
        for &q in &b.questions {
            assert!(q < doc.questions.len(), "{name}: {} answers a question that does not exist", b.id);
        }
    }
    for list in [&doc.questions, &doc.answers] {
        for w in list.windows(2) {
            assert!(w[0].span.start <= w[1].span.start, "{name}: blocks {} and {} out of order", w[0].id, w[1].id);
        }
    }
    for f in &doc.footnotes {
        ok(f.span, "footnote");
        f.markers.iter().for_each(|m| ok(*m, "footnote marker"));
    }
    doc.furniture.iter().for_each(|f| ok(f.span, "furniture"));
    doc.dates.iter().for_each(|d| ok(d.span, "date"));
    doc.references.iter().for_each(|r| ok(r.span, "reference"));
    doc.diagnostics.iter().for_each(|d| ok(d.span, "diagnostic"));
    let h = &doc.header;
    h.askers.iter().for_each(|a| ok(a.span, "asker"));
    h.addressees.iter().for_each(|a| ok(a.span, "addressee"));
    h.respondents.iter().for_each(|r| ok(r.span, "respondent"));
    for (d, what) in [(&h.submitted, "submitted"), (&h.received, "received")] {
        if let Some(d) = d {
            ok(d.span, what);
        }
    }
    for (s, what) in
        [(h.questions_intro, "questions intro"), (h.answer_intro, "answer intro"), (h.mededeling, "mededeling")]
    {
        if let Some(s) = s {
            ok(s, what);
        }
    }
}

/// Every offset of `text` against a direct count, plus clamping past the end
/// and snapping inside a character.
pub fn check_offsets(text: &str, name: &str) {
    let index = OffsetIndex::new(text);
    let (mut chars, mut units) = (0usize, 0usize);
    let mut last = (0usize, 0usize, 0usize); // byte, chars, units at the last boundary
    for (byte, c) in text.char_indices().chain(std::iter::once((text.len(), '\0'))) {
        // Offsets inside the previous character snap to its start.
        for inside in last.0 + 1..byte {
            assert_eq!(index.to_char(inside), last.1, "{name}: to_char({inside}) inside a character");
            assert_eq!(index.to_utf16(inside), last.2, "{name}: to_utf16({inside}) inside a character");
        }
        assert_eq!(index.to_char(byte), chars, "{name}: to_char({byte})");
        assert_eq!(index.to_utf16(byte), units, "{name}: to_utf16({byte})");
        assert_eq!(index.from_char(chars), byte, "{name}: from_char({chars})");
        assert_eq!(index.from_utf16(units), byte, "{name}: from_utf16({units})");
        if byte > last.0 && units > last.2 + 1 {
            // The low surrogate of the previous (astral) character.
            assert_eq!(index.from_utf16(last.2 + 1), last.0, "{name}: from_utf16 inside a surrogate pair");
        }
        last = (byte, chars, units);
        chars += 1;
        units += c.len_utf16();
    }
    let (chars, units) = (last.1, last.2);
    assert_eq!(index.char_len(), chars, "{name}: char_len");
    assert_eq!(index.utf16_len(), units, "{name}: utf16_len");
    for past in [1, 2, 1000, usize::MAX / 2, usize::MAX] {
        assert_eq!(index.to_char(text.len().saturating_add(past)), chars, "{name}: to_char past the end");
        assert_eq!(index.to_utf16(text.len().saturating_add(past)), units, "{name}: to_utf16 past the end");
        assert_eq!(index.from_char(chars.saturating_add(past)), text.len(), "{name}: from_char past the end");
        assert_eq!(index.from_utf16(units.saturating_add(past)), text.len(), "{name}: from_utf16 past the end");
    }
}

/// The export's code point ranges cover what the byte spans cover.
pub fn check_export(text: &str, doc: &Document, name: &str) {
    let json = annotation::export(text, doc);
    let cps: Vec<char> = text.chars().collect();
    let cp_slice = |start: usize, end: usize, what: &str| -> String {
        assert!(start <= end && end <= cps.len(), "{name}: {what} [{start}, {end}) out of range ({})", cps.len());
        cps[start..end].iter().collect()
    };
    assert_eq!(json.document.length, cps.len(), "{name}: document.length in code points");
    assert_eq!(json.document.text, text, "{name}: document.text");
    for (q, b) in json.questions.iter().zip(&doc.questions) {
        assert_eq!(cp_slice(q.start, q.end, &q.id), b.span.slice(text), "{name}: {} range", q.id);
        assert_eq!(cp_slice(q.heading.start, q.heading.end, &q.id), b.heading.slice(text), "{name}: {} heading", q.id);
        for (p, s) in q.parts.iter().zip(&b.parts) {
            assert_eq!(cp_slice(p[0], p[1], &q.id), s.slice(text), "{name}: {} part", q.id);
        }
    }
    for (a, b) in json.answers.iter().zip(&doc.answers) {
        assert_eq!(cp_slice(a.start, a.end, &a.id), b.span.slice(text), "{name}: {} range", a.id);
        assert_eq!(cp_slice(a.heading.start, a.heading.end, &a.id), b.heading.slice(text), "{name}: {} heading", a.id);
        for (p, s) in a.parts.iter().zip(&b.parts) {
            assert_eq!(cp_slice(p[0], p[1], &a.id), s.slice(text), "{name}: {} part", a.id);
        }
        for q in &a.questions {
            assert!(json.questions.iter().any(|x| &x.id == q), "{name}: {} answers unknown {q}", a.id);
        }
    }
    for (f, d) in json.footnotes.iter().zip(&doc.footnotes) {
        assert_eq!(cp_slice(f.start, f.end, "footnote"), d.span.slice(text), "{name}: footnote {}", f.number);
        for (m, s) in f.markers.iter().zip(&d.markers) {
            assert_eq!(cp_slice(m.start, m.end, "marker"), s.slice(text), "{name}: marker of footnote {}", f.number);
        }
    }
    for d in &json.dates {
        assert_eq!(cp_slice(d.start, d.end, "date"), d.text, "{name}: date text");
    }
    for r in &json.references {
        assert_eq!(cp_slice(r.start, r.end, "reference"), r.text, "{name}: reference text");
    }
    for f in &json.furniture {
        cp_slice(f.start, f.end, "furniture");
    }
    for d in &json.diagnostics {
        cp_slice(d.start, d.end, "diagnostic");
    }
    for a in &json.document.askers {
        cp_slice(a.start, a.end, "asker");
    }
    for a in &json.document.addressees {
        cp_slice(a.start, a.end, "addressee");
    }
    for r in &json.document.respondents {
        cp_slice(r.start, r.end, "respondent");
    }
    // What the page downloads parses back to the same value.
    let s = serde_json::to_string(&json).unwrap_or_else(|e| panic!("{name}: export does not serialise: {e}"));
    let back: Annotations =
        serde_json::from_str(&s).unwrap_or_else(|e| panic!("{name}: export does not parse back: {e}"));
    assert!(back == json, "{name}: export changed in a JSON round trip");
}

/// The render tree spells the text once and its UTF-16 ranges are exact.
pub fn check_view(text: &str, doc: &Document, name: &str) {
    let v = view::build(text, doc);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(v.utf16_len, utf16.len(), "{name}: utf16_len");
    let mut at = 0usize;
    let spelled = walk(&v.nodes, &utf16, &mut at, (0, utf16.len()), name);
    assert!(spelled == text, "{name}: the render tree does not spell the text");
    assert_eq!(at, utf16.len(), "{name}: the render tree stops short");
    serde_json::to_string(&v.nodes).unwrap_or_else(|e| panic!("{name}: view does not serialise: {e}"));
}

/// Walks `nodes`, tracking the UTF-16 position `at`; returns their text.
fn walk(nodes: &[Node], utf16: &[u16], at: &mut usize, parent: (usize, usize), name: &str) -> String {
    let mut out = String::new();
    for n in nodes {
        match n {
            Node::Text(t) => {
                assert!(!t.is_empty(), "{name}: empty text node");
                *at += t.encode_utf16().count();
                out.push_str(t);
            }
            Node::Mark(m) => {
                assert_eq!(m.s, *at, "{name}: {} mark starts at {} but the text before it ends at {}", m.k, m.s, at);
                assert!(m.s < m.e, "{name}: empty {} mark at {}", m.k, m.s);
                assert!(parent.0 <= m.s && m.e <= parent.1, "{name}: {} mark outside its parent", m.k);
                if let Some(href) = &m.href {
                    let lower = href.to_ascii_lowercase();
                    assert!(
                        href.starts_with('#') || lower.starts_with("https://") || lower.starts_with("http://"),
                        "{name}: unsafe href {href:?}"
                    );
                    assert!(!href.chars().any(char::is_control), "{name}: control character in href {href:?}");
                }
                let inner = walk(&m.c, utf16, at, (m.s, m.e), name);
                assert_eq!(*at, m.e, "{name}: {} mark's children end at {} not {}", m.k, at, m.e);
                let covered = String::from_utf16(&utf16[m.s..m.e])
                    .unwrap_or_else(|_| panic!("{name}: {} mark [{}, {}) splits a surrogate pair", m.k, m.s, m.e));
                assert!(
                    covered == inner,
                    "{name}: {} mark [{}, {}) covers other text than its children",
                    m.k,
                    m.s,
                    m.e
                );
                out.push_str(&inner);
            }
        }
    }
    out
}
