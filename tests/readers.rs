//! The same kind of document as each PDF reader extracts it: PDFium (Chrome,
//! Edge), pdf.js (Firefox) and poppler (Evince, Okular, `pdftotext`), one
//! fixture each (tests/fixtures/readers_*.txt, written for these tests).
//! Every assertion compares the text a span covers, or the text shown.

mod common;

use common::fixture;
use kamervragen::model::{Document, RefKind};
use kamervragen::parse;

/// Each footnote as its number, the text its span covers and its markers
/// with the two characters before each.
fn notes(text: &str, doc: &Document) -> Vec<(u32, String, Vec<String>)> {
    doc.footnotes
        .iter()
        .map(|f| {
            let markers = f
                .markers
                .iter()
                .map(|m| {
                    let from = text[..m.start].char_indices().rev().nth(1).map_or(0, |(i, _)| i);
                    format!("{}[{}]", &text[from..m.start], m.slice(text))
                })
                .collect();
            (f.number, f.span.slice(text).to_string(), markers)
        })
        .collect()
}

fn urls(doc: &Document) -> Vec<&str> {
    doc.references.iter().filter(|r| r.kind == RefKind::Url).map(|r| r.target.as_str()).collect()
}

fn block_texts(doc: &Document) -> Vec<&str> {
    doc.questions.iter().chain(&doc.answers).map(|b| b.text.as_str()).collect()
}

/// What holds for every reader: the blocks found, no hyphenation point shown.
fn shown_without_hyphenation_points(doc: &Document) {
    assert_eq!(doc.questions.len(), doc.answers.len());
    for shown in block_texts(doc).into_iter().chain(doc.footnotes.iter().map(|f| f.text.as_str())).chain(urls(doc)) {
        assert!(!shown.contains(['\u{fffe}', '\u{ad}']), "{shown:?}");
    }
}

#[test]
fn pdfium_hyphenation_points_and_notes_on_one_line() {
    let text = fixture("readers_pdfium.txt");
    assert!(text.contains('\u{fffe}') && text.contains('\u{ad}'));
    let doc = parse(&text);
    shown_without_hyphenation_points(&doc);
    // U+FFFE joins the word, or stands for the hyphen before a capital.
    assert_eq!(
        doc.answers[0].text,
        "Ja. De vaarwegbeheerders hebben mij daarover geïnformeerd in een overleg met de provincie Noord-Holland en de Dienst Vaarwegen."
    );
    assert!(doc.questions[1].text.ends_with("de verkeersveiligheid?"), "{}", doc.questions[1].text);
    // A page that ends inside a word: the answer goes on after the footer, and
    // the note printed after "gehou￾" is not part of it; the soft hyphen is not shown.
    assert!(
        doc.answers[1].text.ends_with(
            "op de hoogte gehouden van de nieuwe planning. Het sluiscomplex blijft open voor de beroepsvaart."
        ),
        "{}",
        doc.answers[1].text
    );
    // In a URL U+FFFE is the hyphen printed at the break; the span is the text as pasted.
    assert_eq!(urls(&doc), ["https://www.nieuwsblad-waterweg.nl/sluizen-gaan-later-open"]);
    let url = doc.references.iter().find(|r| r.kind == RefKind::Url).unwrap();
    assert_eq!(url.span.slice(&text), "https://www.nieuwsblad-waterweg.nl/sluizen-gaan\u{fffe}later-open");
    // Two notes on one line, and one right after the U+FFFE of a broken word.
    let got = notes(&text, &doc);
    let spans: Vec<(u32, &str)> = got.iter().map(|(n, s, _)| (*n, s.as_str())).collect();
    assert_eq!(
        spans[1..],
        [(2, "2 Kamerstuk 12 345, nr. 67."), (3, "3 Kamerstuk 12 345, nr. 68."), (4, "4 Kamerstuk 12 345, nr. 70.")]
    );
    assert_eq!(got.iter().map(|g| g.2.clone()).collect::<Vec<_>>(), [["»?[1]"], ["n.[2]"], ["d?[3]"], ["l.[4]"]]);
}

#[test]
fn pdfjs_markers_set_apart_by_a_space() {
    let text = fixture("readers_pdfjs.txt");
    let doc = parse(&text);
    shown_without_hyphenation_points(&doc);
    let got = notes(&text, &doc);
    let markers: Vec<Vec<String>> = got.iter().map(|g| g.2.clone()).collect();
    // "»? 1" at the line end, "jl. 2" before a word, "»? 3" before a capital,
    // "provincies. 4" after a sentence, "…onderzoek) 5" at the line end, "gemeld 6"
    // ending a block (a heading follows); "nr. 2" is no marker.
    assert_eq!(markers, [["? [1]"], [". [2]"], ["? [3]"], [". [4]"], [") [5]"], ["d [6]"]]);
    assert_eq!(
        block_texts(&doc),
        [
            "Bent u bekend met het onderzoek «Lezen in de brugklas»?",
            "Hoeveel scholen doen mee aan het programma «Samen lezen»? Welke scholen zijn dat?",
            "Wat is de planning van het vervolg (CWI- en TNO-onderzoek).",
            "Komt er een evaluatie?",
            "Ja. Zoals ik in mijn brief van 2 april jl. heb aangegeven, volg ik de leesresultaten nauwgezet.",
            "Aan het programma doen 120 scholen mee, verspreid over alle provincies. Een lijst staat op de website van de Inspectie (zie nr. 2 van de bijlage).",
            "Het vervolgonderzoek start in het najaar, zoals eerder gemeld",
            "Ja, in 2032.",
        ]
    );
}

#[test]
fn poppler_numbers_apart_from_their_notes() {
    let text = fixture("readers_poppler.txt");
    let doc = parse(&text);
    shown_without_hyphenation_points(&doc);
    let got = notes(&text, &doc);
    assert_eq!(got.iter().map(|g| g.0).collect::<Vec<_>>(), [1, 2, 3, 4]);
    // Note 1: its number, the furniture between and its text.
    assert!(got[0].1.starts_with("1\n\nah-tk-20302031-779"), "{:?}", got[0].1);
    assert_eq!(
        doc.footnotes[0].text.split(" (https").next(),
        Some("Zorgkrant, 6 mei 2031, «Huisartsen zien steeds meer patiënten»")
    );
    // Three numbers stacked, then their three texts: one line each.
    assert!(got[1].1.starts_with("2\n3\n4\n\nKamerstuk 34 567, nr. 20."), "{:?}", got[1].1);
    assert_eq!(got[2].1, "Kamerstuk 34 567, nr. 21.");
    assert_eq!(got[3].1, "Kamerstuk 34 567, nr. 22.");
    // The "2" heading a table column is not note 2: the table stays in the answer.
    assert_eq!(
        doc.answers[1].text,
        "Het aantal patiënten per regio staat in de tabel hieronder. Regio Noord Zuid 2 12 3 14 Alle cijfers komen uit de jaarlijkse monitor."
    );
    assert_eq!(doc.questions[1].text, "Hoeveel patiënten staan op een wachtlijst?");
    // poppler dropped the hyphen of "meer-⏎patienten"; the cited title has both words.
    assert_eq!(urls(&doc), ["https://www.zorgkrant.nl/nieuws/huisartsen-zien-steeds-meer-patienten/"]);
}

/// The shared scorer on each reader's variants of the gold documents, when
/// the corpus and python3 are there (the team's checkout): a regression guard.
#[test]
fn every_reader_scores_like_pdfminer_on_the_shared_corpus() {
    let corpus = common::corpus_dir();
    let scorer = corpus.join("../tools/score.py");
    let gold = corpus.join("gold");
    if !scorer.exists() || !gold.exists() {
        return;
    }
    for reader in ["pdfminer", "pdfium", "pdfjs", "poppler"] {
        let labels = std::env::temp_dir().join(format!("kamervragen-readers-{}-{reader}", std::process::id()));
        std::fs::create_dir_all(&labels).unwrap();
        for f in common::files_in(&gold, false) {
            let name = f.file_name().unwrap().to_string_lossy().to_string();
            if name.ends_with(&format!("_{reader}.json")) {
                std::fs::copy(&f, labels.join(&name)).unwrap();
            }
        }
        let out = std::process::Command::new("python3")
            .arg(&scorer)
            .args(["--quiet", "--min", "0.99", "--bin", env!("CARGO_BIN_EXE_kamervragen"), "--texts"])
            .arg(&corpus)
            .arg("--labels")
            .arg(&labels)
            .output();
        let _ = std::fs::remove_dir_all(&labels);
        let Ok(out) = out else { return }; // no python3
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{reader}: {said}{}", String::from_utf8_lossy(&out.stderr));
    }
}

/// poppler's joined slug words are split back only in a text whose reader
/// joins broken words: one that still has "zit-⏎ting" kept its URL hyphens.
#[test]
fn slugs_are_repaired_only_where_the_reader_joined_broken_words() {
    let note = "1 Krant, «Tieners weer vrijgelaten na de zitting» (https://krant.nl/a/tieners-weervrijgelaten-na-de-zitting)\n";
    let joined = format!("Vraag 1\nKent u het bericht over de zitting?1\n\n{note}");
    assert_eq!(urls(&parse(&joined)), ["https://krant.nl/a/tieners-weer-vrijgelaten-na-de-zitting"]);
    let broken = format!("Vraag 1\nKent u het bericht over de zit-\nting?1\n\n{note}");
    assert_eq!(urls(&parse(&broken)), ["https://krant.nl/a/tieners-weervrijgelaten-na-de-zitting"]);
}
