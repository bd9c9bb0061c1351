//! Import validation, re-anchoring by quote and the W3C export, on small
//! texts that hold ’ ë – and an emoji.

use kamervragen::anchoring::{check_tag, import, quote_selector, w3c, AnswerTags};
use kamervragen::annotation::{self, Tag};
use kamervragen::offsets::OffsetIndex;
use serde_json::Value;

const TEXT: &str = "Vragen van het lid Jansen (CDA) over auto’s.\n\nVraag 1\nKent u het bericht “ë – 🚗”?\n\nAntwoord 1\nJa, ik ken het bericht over België 🚗.\n\nVraag 2\nGaat u iets doen?\n\nAntwoord 2\nNee, daar zie ik geen aanleiding toe.\n\nVraag 3\nWanneer?\n\nAntwoord 3\nZie het antwoord op vraag 2.\n";

/// The export of `text` with tags on answers a1 and a2 and a note on a2.
fn exported(text: &str) -> String {
    let mut a = annotation::export(text, &kamervragen::parse(text));
    a.answers[0].tags = vec!["toezegging".into()];
    a.answers[1].tags = vec!["weigering".into(), "verwijzing".into()];
    a.answers[1].note = "Kort; zie ook “motie”.".into();
    a.tag_set = vec![Tag {
        name: "toezegging".into(),
        color: "#1b7f5b".into(),
        key: Some("1".into()),
        description: "Belofte".into(),
    }];
    serde_json::to_string(&a).unwrap()
}

fn edit(json: &str, f: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(json).unwrap();
    f(&mut v);
    serde_json::to_string(&v).unwrap()
}

#[test]
fn same_text_places_every_tag_by_id() {
    let got = import(&exported(TEXT), TEXT).expect("a valid export imports");
    assert!(got.same_text);
    assert!(got.unplaced.is_empty());
    let a2 = got.placed.iter().find(|p| p.answer == "a2").expect("a2 is tagged");
    assert_eq!(a2.tags, ["weigering", "verwijzing"]);
    assert_eq!(a2.note, "Kort; zie ook “motie”.");
    assert_eq!(a2.how, "id");
    assert_eq!(got.tag_set[0].key.as_deref(), Some("1"));
}

#[test]
fn an_empty_document_takes_the_files_text() {
    let got = import(&exported(TEXT), "  \n").unwrap();
    assert_eq!(got.text, TEXT);
    assert_eq!(got.placed.len(), 2);
}

#[test]
fn an_edited_text_gets_the_tags_re_anchored_by_quote() {
    // A line added before everything and a typo fixed in answer 2: the
    // answers' positions shift, their texts mostly stay.
    let edited =
        TEXT.replace("Vragen van", "Aanhangsel 123\nVragen van").replace("geen aanleiding", "geen enkele aanleiding");
    let got = import(&exported(TEXT), &edited).unwrap();
    assert!(!got.same_text);
    assert_eq!(got.text, edited);
    let on = |id: &str| got.placed.iter().find(|p| p.from == id).map(|p| (p.answer.as_str(), p.how));
    assert_eq!(on("a1"), Some(("a1", "quote")));
    assert_eq!(on("a2"), Some(("a2", "head-tail")));
    assert!(got.unplaced.is_empty());
}

#[test]
fn a_tag_whose_answer_is_gone_is_listed_not_dropped() {
    let shorter = TEXT.replace("Antwoord 2\nNee, daar zie ik geen aanleiding toe.\n\n", "");
    let got = import(&exported(TEXT), &shorter).unwrap();
    assert_eq!(got.placed.len(), 1, "a1 is still there");
    assert_eq!(got.unplaced.len(), 1);
    let u = &got.unplaced[0];
    assert_eq!(u.label, "Antwoord 2");
    assert_eq!(u.quote, "Nee, daar zie ik geen aanleiding toe.");
    assert_eq!(u.tags, ["weigering", "verwijzing"]);
}

#[test]
fn annotations_for_a_different_text_are_refused() {
    // Its few lines ("Vraag 1", "Antwoord 1") occur in TEXT, but it is not TEXT.
    let other = "Vraag 1\nIets heel anders?\n\nAntwoord 1\nNee, daar zie ik geen aanleiding toe.\n";
    let err = import(&exported(TEXT), other).unwrap_err();
    assert!(err.message.contains("different text"), "{err}");
    assert_eq!(err.code, "different-text", "a code for the page to word it by");
    assert!(err.params.iter().any(|(k, _)| *k == "shared") && err.params.iter().any(|(k, _)| *k == "total"));
}

#[test]
fn broken_files_get_a_clear_message() {
    let good = exported(TEXT);
    let cases: Vec<(String, &str)> = vec![
        ("hello".into(), "not JSON"),
        (good[..good.len() / 2].into(), "ends too early"),
        ("[1,2]".into(), "not an annotation file"),
        (r#"{"format":"other","version":1}"#.into(), "“other” file"),
        (r#"{"@context":"http://www.w3.org/ns/anno.jsonld"}"#.into(), "W3C"),
        (edit(&good, |v| v["version"] = 7.into()), "version 7"),
        (edit(&good, |v| v["answers"][0]["start"] = (-3).into()), "negative"),
        (edit(&good, |v| v["answers"][0]["end"] = 1.5.into()), "not a whole number"),
        (edit(&good, |v| v["answers"][0]["end"] = "12".into()), "not a number"),
        (edit(&good, |v| v["answers"][0]["end"] = 99_999.into()), "past the end"),
        (edit(&good, |v| v["dates"] = serde_json::json!([{"start": 5, "end": 2}])), "starts after it ends"),
        (edit(&good, |v| v["answers"][1]["start"] = v["answers"][0]["start"].clone()), "overlap"),
        (edit(&good, |v| v["answers"][0]["tags"][0] = "<img src=x onerror=alert(1)>".into()), "HTML"),
        (edit(&good, |v| v["answers"][0]["note"] = "<script>alert(1)</script>".into()), "HTML"),
        (edit(&good, |v| v["document"]["text"] = "Vraag 1\nAnders.".into()), "does not match"),
    ];
    for (file, expected) in cases {
        let err = import(&file, TEXT).expect_err(expected);
        assert!(err.message.contains(expected), "expected “{expected}” in: {err}");
    }
}

#[test]
fn a_huge_file_is_refused_before_parsing() {
    let big = format!("{{\"x\":\"{}\"}}", "a".repeat(kamervragen::anchoring::MAX_IMPORT_BYTES));
    assert!(import(&big, "").unwrap_err().message.contains("too large"));
}

#[test]
fn quote_selectors_count_code_points() {
    let text = "auto’s 🚗 België – en verder";
    let index = OffsetIndex::new(text);
    let start = text.find("België").unwrap();
    let span = kamervragen::model::Span::new(start, start + "België".len());
    let [quote, pos] = quote_selector(text, &index, span).map(|s| serde_json::to_value(s).unwrap());
    assert_eq!(quote["exact"], "België");
    assert_eq!(quote["prefix"], "auto’s 🚗 ");
    assert_eq!(quote["suffix"], " – en verder");
    let cps: Vec<char> = text.chars().collect();
    let (s, e) = (pos["start"].as_u64().unwrap() as usize, pos["end"].as_u64().unwrap() as usize);
    assert_eq!(cps[s..e].iter().collect::<String>(), "België");
}

#[test]
fn w3c_export_has_one_tagging_annotation_per_tag() {
    let tagged = vec![
        AnswerTags {
            answer: "a1".into(),
            tags: vec!["toezegging".into(), "volledig antwoord".into()],
            note: "n".into(),
        },
        AnswerTags { answer: "a404".into(), tags: vec!["x".into()], note: String::new() },
    ];
    let out = serde_json::to_value(w3c(TEXT, &tagged)).unwrap();
    assert_eq!(out["@context"], "http://www.w3.org/ns/anno.jsonld");
    let items = out["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 3, "two tags and a note; the unknown answer is left out");
    assert_eq!(items[0]["motivation"], "tagging");
    assert_eq!(items[0]["body"]["purpose"], "tagging");
    assert_eq!(items[1]["body"]["value"], "volledig antwoord");
    assert_eq!(items[2]["motivation"], "commenting");
    let sel = &items[0]["target"]["selector"];
    assert_eq!(sel[0]["exact"], "Ja, ik ken het bericht over België 🚗.");
    let json = annotation::export(TEXT, &kamervragen::parse(TEXT));
    assert_eq!(sel[1]["start"], json.answers[0].start);
    assert_eq!(sel[1]["end"], json.answers[0].end);
}

#[test]
fn the_page_checks_a_tag_by_the_import_rules() {
    let tag = check_tag("  Kosten ", "#1B7F5B", "3", "Wat het kost").expect("a good tag");
    assert_eq!(
        tag,
        Tag {
            name: "Kosten".into(),
            color: "#1b7f5b".into(),
            key: Some("3".into()),
            description: "Wat het kost".into()
        }
    );
    let plain = check_tag("Kosten", "red", "0", "").expect("colour and key fall back");
    assert_eq!((plain.color.as_str(), plain.key), ("#6b6b75", None), "not a hex colour, not a key 1–9");
    for (name, description) in
        [("", ""), ("<b>Kosten</b>", ""), ("Kosten", "<script>"), (&"x".repeat(81)[..], ""), ("a\u{7}b", "")]
    {
        let err = check_tag(name, "#1b7f5b", "", description).expect_err("refused");
        assert!(!err.message.is_empty() && !err.code.is_empty(), "{name:?}: a message for the user, and its code");
    }
}

#[test]
fn a_diagnostic_without_a_code_still_reads() {
    let old = r#"{"severity": "warning", "message": "Vraag 10 has no answer", "start": 3, "end": 11}"#;
    let d: annotation::Diagnostic = serde_json::from_str(old).expect("an export from before codes");
    assert_eq!(d.code, None);
    let new = r#"{"severity": "warning", "code": "unanswered-question", "message": "Vraag 10 has no answer", "start": 3, "end": 11}"#;
    let d: annotation::Diagnostic = serde_json::from_str(new).expect("an export with codes");
    assert_eq!(d.code, Some(kamervragen::model::DiagnosticCode::UnansweredQuestion));
    assert_eq!(serde_json::to_string(&d).expect("serializes"), new.replace(": ", ":").replace(", ", ","));
}

/// A file with corrections: its answers are the corrected ones, and import
/// applies the corrections again (re-anchored on a changed text) before
/// placing the tags; what cannot be placed is listed.
#[test]
fn corrections_travel_with_the_file() {
    use kamervragen::corrections::{anchor, apply, Kind};
    let index = OffsetIndex::new(TEXT);
    let at = TEXT.find("Antwoord 2").unwrap();
    let mut merge = anchor(TEXT, &index, kamervragen::model::Span::new(at, at));
    merge.kind = Kind::Merge;
    let at = TEXT.find("auto’s").unwrap();
    let mut date = anchor(TEXT, &index, kamervragen::model::Span::new(at, at + "auto’s".len()));
    date.kind = Kind::AddDate;
    date.iso = Some("2024-05".into());
    let applied = apply(TEXT, kamervragen::parse(TEXT), &[merge, date]);
    assert!(applied.unplaced.is_empty());
    let mut a = annotation::export(TEXT, &applied.doc);
    a.corrections = applied.placed;
    assert_eq!(a.questions.len(), 2, "Vraag 3 merged into Antwoord 2, the block before it");
    a.answers[1].tags = vec!["verwijzing".into()];
    let json = serde_json::to_string(&a).unwrap();
    assert!(json.contains(r#""corrections":[{"kind":"merge""#), "{json}");
    // The same text: both placed again, the tag on the merged answer.
    let same = import(&json, TEXT).unwrap();
    assert_eq!((same.corrections.len(), same.corrections_unplaced.len()), (2, 0));
    assert_eq!(same.placed[0].answer, "a2");
    // A changed text: a line above, and the date's words gone.
    let changed = format!("Aanhangsel\n\n{}", TEXT.replace("over auto’s", "over fietsen"));
    let moved = import(&json, &changed).unwrap();
    assert_eq!(moved.corrections.len(), 1, "the merge re-anchored");
    assert_eq!(moved.corrections[0].start, changed[..changed.find("Antwoord 2").unwrap()].chars().count());
    assert_eq!(moved.corrections_unplaced.len(), 1);
    assert_eq!(moved.corrections_unplaced[0].correction.quote, "auto’s");
    assert_eq!(moved.placed.iter().map(|p| p.answer.as_str()).collect::<Vec<_>>(), ["a2"]);
    // A bad correction refuses the file with a message naming it.
    let bad = edit(&json, |v| v["corrections"][1]["kind"] = "rewrite".into());
    let err = import(&bad, TEXT).unwrap_err();
    assert_eq!((err.code, err.params[0].1.as_str()), ("correction-kind", "corrections[1]"));
    assert!(err.message.contains("corrections[1] has an unknown kind"));
    let past = edit(&json, |v| v["corrections"][0]["end"] = 99_999.into());
    let err = import(&past, TEXT).unwrap_err();
    assert_eq!(err.code, "offset-past-end");
    assert!(err.message.contains("corrections[0].end (99999) is past the end"));
    // The W3C export targets the corrected answer.
    let tagged = [AnswerTags { answer: "a2".into(), tags: vec!["verwijzing".into()], note: String::new() }];
    let plain = serde_json::to_value(w3c(TEXT, &tagged)).unwrap();
    let fixed = serde_json::to_value(kamervragen::anchoring::w3c_corrected(TEXT, &tagged, &a.corrections)).unwrap();
    assert_ne!(plain, fixed);
    assert!(fixed.to_string().contains("Wanneer?"), "the merged text is the target");
}
