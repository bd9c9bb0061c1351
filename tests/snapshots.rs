//! One insta snapshot per fixture in tests/fixtures: what the parser reads in
//! it, as text (each span shown as the text it covers), so a change in
//! behaviour shows up as a readable diff.

mod common;

use kamervragen::model::{Block, Document};
use serde_json::{json, Value};

fn block(text: &str, b: &Block, doc: &Document) -> Value {
    json!({
        "id": b.id,
        "numbers": b.numbers,
        "heading": b.heading.slice(text),
        "parts": b.parts.len(),
        "text": b.text,
        "paired_with": b.questions.iter().filter_map(|&i| doc.questions.get(i)).map(|q| q.id.as_str()).collect::<Vec<_>>(),
        "refers_to": b.refers_to,
    })
}

fn summary(text: &str, doc: &Document) -> Value {
    let h = &doc.header;
    json!({
        "header": {
            "kind": h.kind,
            "id": h.id,
            "session_year": h.session_year,
            "subject": h.subject,
            "askers": h.askers.iter().map(|a| format!("{} ({}) ← {:?}", a.name, a.party, a.span.slice(text))).collect::<Vec<_>>(),
            "addressees": h.addressees.iter().map(|a| a.text.clone()).collect::<Vec<_>>(),
            "respondents": h.respondents.iter().map(|r| format!("{} {} ({}){}", r.role, r.name, r.portfolio, if r.on_behalf { ", mede namens" } else { "" })).collect::<Vec<_>>(),
            "submitted": h.submitted.as_ref().map(|d| format!("{} ← {:?}", d.iso, d.span.slice(text))),
            "received": h.received.as_ref().map(|d| format!("{} ← {:?}", d.iso, d.span.slice(text))),
            "dated": h.dated.as_ref().map(|d| format!("{} ← {:?}", d.iso, d.span.slice(text))),
        },
        "questions": doc.questions.iter().map(|b| block(text, b, doc)).collect::<Vec<_>>(),
        "answers": doc.answers.iter().map(|b| block(text, b, doc)).collect::<Vec<_>>(),
        "footnotes": doc.footnotes.iter().map(|f| json!({
            "number": f.number,
            "text": f.text,
            "markers": f.markers.iter().map(|m| {
                let before = text.get(m.start.saturating_sub(12)..m.start).or_else(|| text.get(m.start..m.start)).unwrap_or("");
                format!("…{before}[{}]", m.slice(text))
            }).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "furniture": doc.furniture.iter().map(|f| format!("{:?}: {:?}", f.kind, f.span.slice(text))).collect::<Vec<_>>(),
        "dates": doc.dates.iter().map(|d| format!("{:?} → {} {:?}{}", d.span.slice(text), d.iso, d.precision, d.role.map(|r| format!(" {r:?}")).unwrap_or_default())).collect::<Vec<_>>(),
        "references": doc.references.iter().map(|r| format!("{:?} {:?} → {}", r.kind, r.span.slice(text), r.target)).collect::<Vec<_>>(),
        "diagnostics": doc.diagnostics.iter().map(|d| format!("{:?} {}: {}", d.severity, d.code.as_str(), d.message)).collect::<Vec<_>>(),
    })
}

#[test]
fn every_fixture_matches_its_snapshot() {
    let files = common::texts_in(&common::fixtures_dir());
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_path("snapshots");
    settings.bind(|| {
        for path in files {
            let raw = std::fs::read_to_string(&path).expect("fixture is UTF-8");
            let text = kamervragen::normalize_newlines(&raw);
            let name = path.file_stem().and_then(|s| s.to_str()).expect("file name").to_string();
            insta::assert_json_snapshot!(name, summary(&text, &kamervragen::parse(&text)));
        }
    });
}
