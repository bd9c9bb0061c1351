//! Invariants every parse must hold, checked on every fixture, on every file
//! of `../shared/corpus` when that folder exists, and on arbitrary input.

use kamervragen::model::{Document, Span};
use kamervragen::{annotation, parse, view};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

/// Every span inside the text and on char boundaries; parts ordered and
/// inside their block; blocks in text order.
fn check(text: &str, doc: &Document, name: &str) {
    let ok = |s: Span, what: &str| {
        assert!(s.start <= s.end && s.end <= text.len(), "{name}: {what} {s:?} out of range");
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
    for a in &doc.header.askers {
        ok(a.span, "asker");
    }
    // The boundary conversions hold too.
    let json = annotation::export(text, doc);
    let chars = text.chars().count();
    assert_eq!(json.document.length, chars, "{name}: length in code points");
    for a in &json.answers {
        assert!(a.start <= a.end && a.end <= chars, "{name}: {} out of range in code points", a.id);
    }
    let v = view::build(text, doc);
    assert_eq!(v.utf16_len, text.encode_utf16().count(), "{name}: utf16 length");
}

fn texts_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn every_fixture_parses_with_valid_spans() {
    let files = texts_in(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"));
    assert!(!files.is_empty(), "tests/fixtures holds the fixture texts");
    for path in files {
        let text = std::fs::read_to_string(&path).expect("fixture is UTF-8");
        check(&text, &parse(&text), &path.display().to_string());
    }
}

#[test]
fn every_shared_corpus_file_parses_with_valid_spans() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    for path in texts_in(&dir) {
        let raw = std::fs::read_to_string(&path).expect("corpus file is UTF-8");
        let text = kamervragen::normalize_newlines(&raw);
        let doc = parse(&text);
        check(&text, &doc, &path.display().to_string());
        assert!(
            !doc.diagnostics.iter().any(|d| d.severity == kamervragen::model::Severity::Error),
            "{}: parse reported an error: {:?}",
            path.display(),
            doc.diagnostics
        );
    }
}

/// Text made of the pieces Kamervragen are made of, in any order.
fn kamervragen_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Vraag 1\n".to_string()),
        Just("Vraag 6 en 7\n".to_string()),
        Just("Antwoord op vragen 3, 4 en 5:\n".to_string()),
        Just("Antwoord 2\n".to_string()),
        Just("veiligheid?1\n".to_string()),
        Just("1 Tweede Kamer, vergaderjaar 2023–2024, 21 501-20, nr. 2068\n".to_string()),
        Just("https://www.reuters.com/business/autos-\ntransportation/\n".to_string()),
        Just("(ingezonden 8 augustus 2024).\n".to_string()),
        Just("woensdag 31 juli jl., ".to_string()),
        Just("besprekin-\ngen ".to_string()),
        Just("\u{c}ah-tk-20232024-1481\nISSN 0921 - 7398\n’s-Gravenhage 2024\n".to_string()),
        Just("het lid Boswijk (CDA) ".to_string()),
        "[a-zA-Z0-9 ,.?()\\-/:’ë🚗\n\t\u{c}]{0,40}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn parse_never_panics_and_spans_stay_valid(text in kamervragen_like()) {
        let doc = parse(&text);
        check(&text, &doc, "proptest input");
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        let doc = parse(&text);
        check(&text, &doc, "arbitrary input");
    }
}
