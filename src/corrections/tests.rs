use super::*;
use crate::model::{Precision, RefKind};
use crate::pipeline::parse;

const TEXT: &str = "Vragen van het lid Jansen (D66) aan de Minister van Financiën (ingezonden 8 augustus 2024).\n\n\
Vraag 1\nKent u het bericht van 1 mei 2024 over de kosten?\n\n\
Antwoord 1\nJa. Zie kamerstuk 36 410, nr. 3 en https://www.rijksoverheid.nl/a.\n\n\
Vraag 2\nWat kost het?\n\n\
Antwoord 2\nTien euro.\nAntwoord 3\nDat weet ik niet.\n\n\
Vraag 3\nWanneer?\n";

/// A correction of `kind` on the first occurrence of `quote` (a point when
/// `point`: the start of the quote).
fn on(text: &str, kind: Kind, quote: &str, point: bool) -> Correction {
    let at = text.find(quote).unwrap_or_else(|| panic!("{quote:?} not in the text"));
    let end = if point { at } else { at + quote.len() };
    let mut c = anchor(text, &OffsetIndex::new(text), Span::new(at, end));
    c.kind = kind;
    c
}

fn run(text: &str, list: &[Correction]) -> Applied {
    apply(text, parse(text), list)
}

#[test]
fn remove_a_date_and_a_reference() {
    let doc = parse(TEXT);
    assert!(doc.dates.iter().any(|d| d.span.slice(TEXT) == "1 mei 2024"));
    let url = doc.references.iter().find(|r| r.kind == RefKind::Url).expect("a URL").span.slice(TEXT).to_string();
    let out =
        run(TEXT, &[on(TEXT, Kind::RemoveDate, "1 mei 2024", false), on(TEXT, Kind::RemoveReference, &url, false)]);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert!(!out.doc.dates.iter().any(|d| d.span.slice(TEXT) == "1 mei 2024"));
    assert!(!out.doc.references.iter().any(|r| r.kind == RefKind::Url));
    // Nothing highlighted there: unplaced, with the reason.
    let out = run(TEXT, &[on(TEXT, Kind::RemoveDate, "het bericht", false)]);
    assert_eq!(out.unplaced[0].reason, Reason::NothingThere);
}

#[test]
fn add_a_date_and_a_reference() {
    let mut date = on(TEXT, Kind::AddDate, "Tien euro", false);
    date.iso = Some("2024-02-29".into());
    let mut reference = on(TEXT, Kind::AddReference, "het bericht", false);
    reference.target = Some("NOS, 1 mei".into());
    reference.url = Some("https://nos.nl/x".into());
    let out = run(TEXT, &[date, reference]);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    let d = out.doc.dates.iter().find(|d| d.span.slice(TEXT) == "Tien euro").expect("the added date");
    assert_eq!((d.iso.as_str(), d.precision), ("2024-02-29", Precision::Day));
    let r = out.doc.references.iter().find(|r| r.span.slice(TEXT) == "het bericht").expect("the added reference");
    assert_eq!((r.kind, r.target.as_str(), r.url.as_deref()), (RefKind::Other, "NOS, 1 mei", Some("https://nos.nl/x")));
    // Dates stay in text order.
    assert!(out.doc.dates.windows(2).all(|w| w[0].span.start <= w[1].span.start));
    // A day that is not in the calendar, a link that is not http(s): invalid.
    let mut bad = on(TEXT, Kind::AddDate, "Tien euro", false);
    bad.iso = Some("2023-02-29".into());
    let mut js = on(TEXT, Kind::AddReference, "Tien euro", false);
    js.url = Some("javascript:alert(1)".into());
    let out = run(TEXT, &[bad, js]);
    assert_eq!(out.unplaced.iter().map(|u| u.reason).collect::<Vec<_>>(), vec![Reason::Invalid, Reason::Invalid]);
}

#[test]
fn split_a_block_at_a_lost_heading() {
    // "Antwoord 3" inside the block of Antwoord 2 (as if the parser missed it): split before it.
    let text = TEXT.replace("Tien euro.\nAntwoord 3\nDat", "Tien euro. Antwoord 3 Dat");
    let before = parse(&text);
    let a2 = before.answers.iter().find(|a| a.id == "a2").expect("a2");
    assert!(a2.text.contains("Antwoord 3"), "the parser reads the glued heading now: {:?}", before.answers);
    let out = run(&text, &[on(&text, Kind::Split, "Antwoord 3", true)]);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    let ids: Vec<&str> = out.doc.answers.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a1", "a2", "a3"]);
    assert_eq!(out.doc.answers[1].text, "Tien euro.");
    assert_eq!(out.doc.answers[2].heading.slice(&text), "Antwoord 3");
    assert_eq!(out.doc.answers[2].text, "Dat weet ik niet.");
    assert_eq!(out.doc.answers[2].numbers, [3]);
    assert_eq!(out.doc.answers[2].questions, [2], "paired with Vraag 3");
    assert!(out.moves.is_empty(), "the tags stay on the first part");
}

#[test]
fn split_without_a_heading_and_merge_back() {
    let split = on(TEXT, Kind::Split, "Zie kamerstuk", true);
    let out = run(TEXT, std::slice::from_ref(&split));
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(out.doc.answers.len(), 4);
    assert_eq!(out.doc.answers[0].text, "Ja.");
    assert_eq!(out.doc.answers[1].numbers, Vec::<u32>::new());
    assert!(out.doc.answers[1].text.starts_with("Zie kamerstuk"));
    let new_id = out.doc.answers[1].id.clone();
    // Merge "Antwoord 1" with the next block (the part split off): back as it was.
    let merge = on(TEXT, Kind::Merge, "Antwoord 1", true);
    let out = run(TEXT, &[split, merge]);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(out.doc.answers, parse(TEXT).answers);
    assert_eq!(out.moves, vec![Move { correction: 1, from: new_id, to: "a1".into() }]);
}

#[test]
fn merge_two_answers_moves_the_tags_of_the_second() {
    let out = run(TEXT, &[on(TEXT, Kind::Merge, "Antwoord 2", true)]);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(out.doc.answers.len(), 2);
    assert!(out.doc.answers[1].text.contains("Tien euro.") && out.doc.answers[1].text.contains("Dat weet ik niet."));
    assert_eq!(out.moves, vec![Move { correction: 0, from: "a3".into(), to: "a2".into() }]);
    // The last block has nothing after it.
    let out = run(TEXT, &[on(TEXT, Kind::Merge, "Vraag 3", true)]);
    assert_eq!(out.unplaced[0].reason, Reason::NothingThere);
}

#[test]
fn set_numbers_and_kind() {
    let mut numbers = on(TEXT, Kind::SetNumbers, "Antwoord 3", true);
    numbers.numbers = Some(vec![3, 4]);
    let out = run(TEXT, &[numbers]);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(out.doc.answers[2].numbers, [3, 4]);
    assert_eq!(out.doc.answers[2].id, "a3-4");
    assert_eq!(out.moves, vec![Move { correction: 0, from: "a3".into(), to: "a3-4".into() }]);
    // Vraag 3 turned into an answer: "a3" is taken, so "a3_2".
    let mut kind = on(TEXT, Kind::SetKind, "Vraag 3", true);
    kind.block = Some(BlockKind::Answer);
    let out = run(TEXT, &[kind]);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(out.doc.questions.len(), 2);
    assert_eq!(out.doc.answers.last().map(|a| a.id.as_str()), Some("a3_2"));
    assert_eq!(out.moves[0].from, "q3");
    // Already an answer: nothing to do there.
    let mut same = on(TEXT, Kind::SetKind, "Antwoord 1", true);
    same.block = Some(BlockKind::Answer);
    assert_eq!(run(TEXT, &[same]).unplaced[0].reason, Reason::NothingThere);
}

#[test]
fn header_fields() {
    let askers = Correction {
        kind: Kind::Header,
        field: Some(Field::Askers),
        values: vec![
            Person { name: "De Jong".into(), party: "PVV".into(), ..Person::default() },
            Person { name: "Bos".into(), party: "CDA".into(), ..Person::default() },
        ],
        ..Correction::default()
    };
    let received = Correction {
        kind: Kind::Header,
        field: Some(Field::Received),
        iso: Some("2024-09-03".into()),
        ..Correction::default()
    };
    let submitted = Correction { kind: Kind::Header, field: Some(Field::Submitted), ..Correction::default() };
    let respondents = Correction {
        kind: Kind::Header,
        field: Some(Field::Respondents),
        values: vec![
            Person {
                role: "Minister".into(),
                name: "Heinen".into(),
                portfolio: "Financiën".into(),
                ..Person::default()
            },
            Person { role: "Staatssecretaris".into(), portfolio: "Toeslagen".into(), ..Person::default() },
            Person { party: "only a party".into(), ..Person::default() },
        ],
        ..Correction::default()
    };
    let out = run(TEXT, &[askers, received, submitted, respondents]);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    let h = &out.doc.header;
    assert_eq!(
        h.askers.iter().map(|a| (a.name.as_str(), a.party.as_str())).collect::<Vec<_>>(),
        [("De Jong", "PVV"), ("Bos", "CDA")]
    );
    assert_eq!(h.received.as_ref().map(|d| d.iso.as_str()), Some("2024-09-03"));
    assert_eq!(h.submitted, None);
    assert_eq!(h.respondents[0].name, "Heinen");
    assert_eq!(
        h.respondents.iter().map(|r| (r.role.as_str(), r.name.as_str())).collect::<Vec<_>>(),
        [("Minister", "Heinen"), ("Staatssecretaris", "")],
        "a role without a name is kept; nothing at all is not"
    );
    let bad = Correction {
        kind: Kind::Header,
        field: Some(Field::Dated),
        iso: Some("2024-09".into()),
        ..Correction::default()
    };
    assert_eq!(run(TEXT, &[bad]).unplaced[0].reason, Reason::Invalid);
}

#[test]
fn re_anchored_on_a_changed_text() {
    let mut date = on(TEXT, Kind::AddDate, "Tien euro", false);
    date.iso = Some("2024-01-01".into());
    let remove = on(TEXT, Kind::RemoveDate, "1 mei 2024", false);
    let merge = on(TEXT, Kind::Merge, "Antwoord 2", true);
    // The text moved on: a line added at the top, the answers further down.
    let changed = format!("Tweede Kamer der Staten-Generaal, een regel erbij\n\n{TEXT}");
    let out = run(&changed, &[date, remove, merge]);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert!(out.doc.dates.iter().any(|d| d.span.slice(&changed) == "Tien euro" && d.iso == "2024-01-01"));
    assert!(!out.doc.dates.iter().any(|d| d.span.slice(&changed) == "1 mei 2024"));
    assert_eq!(out.doc.answers.len(), 2);
    // The placed corrections carry the offsets in the new text.
    let shift = "Tweede Kamer der Staten-Generaal, een regel erbij\n\n".chars().count();
    assert_eq!(out.placed[0].start, TEXT[..TEXT.find("Tien euro").unwrap_or(0)].chars().count() + shift);
}

#[test]
fn unplaceable_when_the_text_is_gone() {
    let remove = on(TEXT, Kind::RemoveDate, "1 mei 2024", false);
    let split = on(TEXT, Kind::Split, "Zie kamerstuk", true);
    let changed =
        TEXT.replace("het bericht van 1 mei 2024", "het bericht").replace("Ja. Zie kamerstuk 36 410, nr. 3 en", "Nee.");
    let out = run(&changed, &[remove, split]);
    assert_eq!(out.unplaced.len(), 2);
    assert!(out.unplaced.iter().all(|u| u.reason == Reason::NotFound), "{:?}", out.unplaced);
    assert_eq!(out.unplaced[0].quote, "1 mei 2024");
    assert_eq!(out.doc, parse(&changed), "nothing changed");
}

#[test]
fn anchors_in_utf16_and_code_points() {
    let text = "🚗 ’s-Gravenhage, 3 mei 2024";
    // UTF-16: the car is two units, the quote mark one.
    let c = anchor_utf16(text, 18, 28);
    assert_eq!(c.quote, "3 mei 2024");
    assert_eq!((c.start, c.end), (17, 27));
    assert_eq!(c.prefix, "🚗 ’s-Gravenhage, ");
    let json =
        serde_json::to_string(&Correction { kind: Kind::SetKind, block: Some(BlockKind::Question), ..c }).unwrap();
    assert!(json.contains(r#""kind":"set-kind""#) && json.contains(r#""block":"question""#), "{json}");
    let back: Correction = serde_json::from_str(&json).unwrap();
    assert_eq!(back.block, Some(BlockKind::Question));
}
