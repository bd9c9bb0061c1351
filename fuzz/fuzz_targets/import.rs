//! Fuzz target: annotation import (`kamervragen::anchoring`, issue 5/7).
//!
//! - Input starting with `{` or `[`: an arbitrary (usually broken) annotation
//!   file, imported into no text and into the seed. It must never panic;
//!   when accepted, every tag lands on an answer the text really has, and
//!   tags and notes carry no control characters or HTML.
//! - Any other input: a text. Its own export, tagged, must import back onto
//!   the same text with every tag placed by id, onto no text, and (without
//!   panicking) onto an edited text; the W3C export must build and serialise.
//!
//! Seeds: `../shared/corpus/gold/*.json` (files) and the corpus texts.
#![no_main]

use kamervragen::anchoring::{self, AnswerTags, Imported};
use kamervragen::annotation::{self, Tag};
use libfuzzer_sys::fuzz_target;

const SEED: &str = include_str!("../../tests/fixtures/seed.txt");

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    if input.starts_with('{') || input.starts_with('[') {
        for current in ["", SEED] {
            if let Ok(imported) = anchoring::import(&input, current) {
                check_imported(&imported, current);
            }
        }
    } else {
        round_trip(&input);
    }
});

/// What an accepted import promises.
fn check_imported(imported: &Imported, current: &str) {
    let current = kamervragen::normalize_newlines(current);
    if !current.trim().is_empty() {
        assert_eq!(imported.text, *current, "tags are placed on the current text");
    }
    let doc = kamervragen::parse(&imported.text);
    for p in &imported.placed {
        assert!(doc.answers.iter().any(|a| a.id == p.answer), "placed on {} which the text does not have", p.answer);
    }
    let tags = imported.placed.iter().flat_map(|p| &p.tags).chain(imported.unplaced.iter().flat_map(|u| &u.tags));
    for t in tags.chain(imported.tag_set.iter().map(|t| &t.name)) {
        assert!(!t.trim().is_empty() && !t.chars().any(char::is_control), "tag name {t:?} accepted");
        assert!(anchoring::html_in(t).is_none(), "tag with HTML {t:?} accepted");
    }
    for note in imported.placed.iter().map(|p| &p.note).chain(imported.unplaced.iter().map(|u| &u.note)) {
        assert!(anchoring::html_in(note).is_none(), "note with HTML {note:?} accepted");
    }
    for t in &imported.tag_set {
        assert!(anchoring::is_hex_color(&t.color), "tag colour {:?} accepted", t.color);
    }
}

fn round_trip(raw: &str) {
    let text = kamervragen::normalize_newlines(raw);
    let doc = kamervragen::parse(&text);
    let mut json = annotation::export(&text, &doc);
    let tag = "Toezegging ✓";
    json.tag_set =
        vec![Tag { name: tag.into(), color: "#1b7f5b".into(), key: Some("1".into()), description: "a < b".into() }];
    let mut tagged = Vec::new();
    for a in &mut json.answers {
        a.tags = vec![tag.into()];
        a.note = "Zie ook <3 en a < b.".into();
        tagged.push(AnswerTags { answer: a.id.clone(), tags: a.tags.clone(), note: a.note.clone() });
    }
    let file = serde_json::to_string(&json).expect("export serialises");
    let answers = json.answers.len();

    let same = anchoring::import(&file, &text).unwrap_or_else(|e| panic!("own export refused on its own text: {e}"));
    check_imported(&same, &text);
    assert!(same.same_text, "own export is not recognised as the same text");
    assert_eq!(same.placed.len() + same.unplaced.len(), answers, "a tagged answer was dropped");
    assert!(same.unplaced.is_empty(), "own export on its own text left answers unplaced: {:?}", same.unplaced);
    assert!(same.placed.iter().all(|p| p.how == "id" && p.answer == p.from), "own export not placed by id");

    let fresh = anchoring::import(&file, "").unwrap_or_else(|e| panic!("own export refused on an empty page: {e}"));
    check_imported(&fresh, "");
    assert_eq!(fresh.text, *text, "an empty page takes the file's text");

    // An edited text: tags move by quote or stay unplaced, never vanish.
    let edited = format!("Inleiding.\n\n{text}\nNaschrift.\n");
    if let Ok(moved) = anchoring::import(&file, &edited) {
        check_imported(&moved, &edited);
        assert_eq!(moved.placed.len() + moved.unplaced.len(), answers, "a tagged answer vanished after an edit");
    }

    let w3c = anchoring::w3c(&text, &tagged);
    serde_json::to_string(&w3c).expect("W3C export serialises");
}
