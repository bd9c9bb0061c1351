//! The structure parser on short fixtures, one per shape: headings, page
//! furniture, footnotes, block text, pairing and diagnostics. Every assertion
//! compares the text a span covers.

mod common;

use common::fixture;
use kamervragen::model::{Block, DiagnosticCode, Document, FurnitureKind, Severity};
use kamervragen::parse;

fn headings<'t>(text: &'t str, blocks: &[Block]) -> Vec<&'t str> {
    blocks.iter().map(|b| b.heading.slice(text)).collect()
}

fn numbers(blocks: &[Block]) -> Vec<Vec<u32>> {
    blocks.iter().map(|b| b.numbers.clone()).collect()
}

fn parts<'t>(text: &'t str, b: &Block) -> Vec<&'t str> {
    b.parts.iter().map(|p| p.slice(text)).collect()
}

/// Each diagnostic as its code and the text its span covers (a heading).
fn diagnostics<'t>(text: &'t str, doc: &Document) -> Vec<(DiagnosticCode, &'t str)> {
    doc.diagnostics.iter().map(|d| (d.code, d.span.slice(text))).collect()
}

#[test]
fn every_heading_shape() {
    let text = fixture("structure_headings.txt");
    let doc = parse(&text);
    assert_eq!(headings(&text, &doc.questions), ["Vraag 1", "Vraag 2", "Vraag 3, 4 en 5", "Vraag 7, 8, 9 10 en 11"]);
    assert_eq!(numbers(&doc.questions), [vec![1], vec![2], vec![3, 4, 5], vec![7, 8, 9, 10, 11]]);
    assert_eq!(
        headings(&text, &doc.answers),
        ["Antwoord op vraag 1:", "Antwoord 2", "Antwoord op vragen 3 en 4", "Antwoord 5", "Antwoord 7, 8, 9, 10 en 11"]
    );
    // " Vraag 2" (leading space) ends answer 1; "\fVraag 3" ends answer 2.
    assert_eq!(doc.answers[0].span.slice(&text), "Ja, de Inlichtingen- en Veiligheidsdienst heeft mij geïnformeerd.");
    assert_eq!(doc.answers[1].span.slice(&text), "Ongeveer 35 000 kilometer.");
    assert_eq!(doc.questions[2].span.slice(&text), "Waarom? Wanneer? Hoe?");
    // Answers "3 en 4" and "5" both answer the one block "Vraag 3, 4 en 5".
    assert_eq!(doc.answers[2].questions, vec![2]);
    assert_eq!(doc.answers[3].questions, vec![2]);
    assert_eq!(doc.answers[3].refers_to, vec![2]);
    // Number 6 is skipped: reported, not invented.
    let found = diagnostics(&text, &doc);
    assert!(
        found.contains(&(DiagnosticCode::QuestionGap, "Vraag 7, 8, 9 10 en 11")),
        "no question 6 reported: {found:?}"
    );
}

#[test]
fn block_text_undoes_hyphenation_and_keeps_real_hyphens() {
    let text = fixture("structure_headings.txt");
    let doc = parse(&text);
    assert_eq!(
        doc.questions[0].text,
        "Kent u het bericht over de fietspaden in Oost-Jeruzalem en de besprekingen daarover?"
    );
    assert!(doc.questions[0].span.slice(&text).contains("besprekin-\ngen"));
    assert_eq!(doc.answers[0].text, "Ja, de Inlichtingen- en Veiligheidsdienst heeft mij geïnformeerd.");
}

#[test]
fn pdf_pages_masthead_footers_and_interrupted_blocks() {
    let text = fixture("structure_pdf_pages.txt");
    let doc = parse(&text);
    let furniture: Vec<(FurnitureKind, &str)> = doc.furniture.iter().map(|f| (f.kind, f.span.slice(&text))).collect();
    assert_eq!(furniture.len(), 3, "{furniture:#?}");
    assert_eq!(furniture[0].0, FurnitureKind::Masthead);
    assert!(furniture[0].1.starts_with("Tweede Kamer der Staten-Generaal") && furniture[0].1.ends_with("1234"));
    assert_eq!(
        furniture[1],
        (
            FurnitureKind::PageFooter,
            "ah-tk-20232024-1234\nISSN 0921 - 7398\n’s-Gravenhage 2024\n\nTweede Kamer, vergaderjaar 2023–2024, Aanhangsel\n\n1"
        )
    );
    // A footer glued to the next heading: the heading is still found.
    assert_eq!(furniture[2].1, "ISSN 0921 - 7398’s-Gravenhage 2024Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 2");
    assert_eq!(headings(&text, &doc.answers), ["Antwoord 1", "Antwoord 2"]);
    // Answer 1 runs on after the footnotes and the footer of page 1.
    let a1 = &doc.answers[0];
    assert_eq!(
        parts(&text, a1),
        [
            "Ja. Het rapport2\n\nnoemt drie oorzaken van de achteruitgang van wilde\nbijen in Nederland en in de rest van",
            "Europa. Daar wordt aan gewerkt."
        ]
    );
    assert_eq!(
        a1.text,
        "Ja. Het rapport noemt drie oorzaken van de achteruitgang van wilde bijen in Nederland en in de rest van Europa. Daar wordt aan gewerkt."
    );
    // The span of question 2 ends before the footnote and the footer.
    assert_eq!(doc.questions[1].span.slice(&text), "Welke maatregelen neemt u, gezien de brief?3");
    assert_eq!(doc.questions[1].text, "Welke maatregelen neemt u, gezien de brief?");
    assert_eq!(doc.answers[1].span.slice(&text), "Ik neem de maatregelen uit de brief van vorig jaar.");
    // Footnote 2 runs over three lines.
    assert_eq!(doc.footnotes.len(), 3);
    assert_eq!(
        doc.footnotes[1].span.slice(&text),
        "2 Het rapport is te vinden op de website van de universiteit. Het is in het\nEngels geschreven en\nvertaald door de auteurs."
    );
    assert_eq!(
        doc.footnotes[1].text,
        "Het rapport is te vinden op de website van de universiteit. Het is in het Engels geschreven en vertaald door de auteurs."
    );
}

#[test]
fn footnote_markers_however_glued_and_never_fooled() {
    let text = fixture("structure_footnotes.txt");
    let doc = parse(&text);
    let numbers: Vec<u32> = doc.footnotes.iter().map(|f| f.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6, 7]);
    // What precedes each marker, and the marker itself.
    let contexts: Vec<String> = doc
        .footnotes
        .iter()
        .map(|f| {
            let m = f.markers.first().expect("every footnote has its marker");
            let line_start = text[..m.start].rfind('\n').map_or(0, |i| i + 1);
            format!("{}[{}]", &text[line_start..m.start], m.slice(&text))
        })
        .collect();
    assert_eq!(
        contexts,
        [
            "Wat vindt u van de veiligheid?[1]",
            "De regels zijn vastgesteld in UNECE[2]",
            "keuringseisen[3]",
            "Kent u de berichten «Lek» en «Nog een lek»?[4]",
            "Kent u de berichten «Lek» en «Nog een lek»?4, [5]",
            "[6]",
            "[7]",
        ]
    );
    // Footnote 2 continues across a blank line.
    assert_eq!(
        doc.footnotes[1].text,
        "The United Nations Economic Commission for Europe (UNECE). Hier is voor gekozen omdat dat de norm is."
    );
    // R155, versie 1.2, 2019/2144/EU, the Kamerstuk, amounts and years stay in the text.
    let a1 = &doc.answers[0].text;
    for kept in ["R155", "versie 1.2", "2019/2144/EU", "21 501-20, nr. 2068", "€ 2,8", "in 2023"] {
        assert!(a1.contains(kept), "{kept} missing from {a1}");
    }
    assert!(a1.contains("UNECE-verband") && a1.contains("typegoedkeuringseisen onder"), "{a1}");
    assert_eq!(doc.questions[1].text, "Kent u de berichten «Lek» en «Nog een lek»?");
    assert_eq!(
        doc.answers[1].text,
        "Ja. Zie ook het onderzoek Daarnaast is in de fichebundel is gekeken naar de gevolgen."
    );
    assert!(!doc.answers[1].span.slice(&text).contains("Bijlage"), "definitions are not part of the block");
}

#[test]
fn numbered_questions_with_antwoord_labels() {
    let text = fixture("structure_numbered.txt");
    let doc = parse(&text);
    assert_eq!(headings(&text, &doc.questions), ["1.", "2.", "3."]);
    assert_eq!(headings(&text, &doc.answers), ["Antwoord:", "Antwoord:", "Antwoord:"]);
    assert_eq!(numbers(&doc.answers), [vec![1], vec![2], vec![3]]);
    assert_eq!(doc.questions[1].span.slice(&text), "Zijn er andere bedrijven aanwezig? Zo ja, welke?");
    // A numbered list inside an answer is not a question.
    assert_eq!(doc.answers[1].span.slice(&text), "Dat is niet bekend. De lijst:\n1. eerste punt;\n2. tweede punt.");
    assert_eq!(doc.answers[2].questions, vec![2]);
}

#[test]
fn a_document_flattened_onto_one_line() {
    let text = fixture("structure_flat.txt");
    let doc = parse(&text);
    assert_eq!(headings(&text, &doc.questions), ["Vraag 1", "Vraag 2 en 3", "Vraag 4"]);
    assert_eq!(headings(&text, &doc.answers), ["Antwoord 1", "Antwoord 2 en 3", "Antwoord 4"]);
    assert_eq!(doc.questions[0].text, "Kent u de berichten «Rekening te hoog» en «Weer een rekening»?");
    // The footnotes and the footer inside question 2 en 3 are cut out.
    assert_eq!(doc.questions[1].parts.len(), 2);
    assert!(
        doc.questions[1].text.ends_with("wat vindt u van de rol van de verzekeraars daarin?"),
        "{}",
        doc.questions[1].text
    );
    let notes: Vec<&str> = doc.footnotes.iter().map(|f| f.span.slice(&text)).collect();
    assert_eq!(
        notes,
        [
            "1 Financieel Dagblad, «Rekening te hoog», 24 september 2014",
            "2 De Telegraaf, «Weer een rekening», 27 september 2014",
            "3 Kamerstuk, 28 828, nr. 70"
        ]
    );
    assert_eq!(doc.answers[2].text, "Navraag leert dat dit nog niet is gebeurd.");
}

#[test]
fn postponement_notice_makes_no_false_blocks() {
    let text = fixture("structure_postponement.txt");
    let doc = parse(&text);
    assert_eq!(numbers(&doc.questions), [vec![1], vec![2]]);
    assert!(doc.answers.is_empty());
    // Question 2 stops at its marker list, before "Mededeling".
    assert_eq!(doc.questions[1].span.slice(&text), "Wat bedoelde u met uw uitspraak?\n2, 3 en 4");
    assert_eq!(doc.questions[1].text, "Wat bedoelde u met uw uitspraak?");
    assert_eq!(doc.footnotes.len(), 4);
    assert_eq!(doc.footnotes[3].span.slice(&text), "4Kinderombudsman, 27 juni 2023, «De crisis voorbij»");
    assert!(doc.diagnostics.iter().all(|d| d.severity != Severity::Error));
}

#[test]
fn pairing_and_diagnostics() {
    let text = fixture("structure_pairing.txt");
    let doc = parse(&text);
    let ids = |idx: &[usize]| idx.iter().map(|&i| doc.questions[i].id.clone()).collect::<Vec<_>>();
    // "5 en 6" answers two separate questions; "4, 7 en 8" is not contiguous.
    assert_eq!(ids(&doc.answers[0].questions), ["q5", "q6"]);
    // Number 8 is printed twice: both are kept, the answer pairs with the nearest.
    assert_eq!(ids(&doc.answers[1].questions), ["q4", "q7", "q8_2"]);
    assert_eq!(doc.answers[1].refers_to, vec![5]);
    let found = diagnostics(&text, &doc);
    for expected in [
        (DiagnosticCode::DuplicateQuestion, "Vraag 8"),
        (DiagnosticCode::UnansweredQuestion, "Vraag 10"),
        (DiagnosticCode::UnpairedAnswer, "Antwoord 12"),
    ] {
        assert!(found.contains(&expected), "{expected:?} not in {found:?}");
    }
    let twice =
        doc.diagnostics.iter().find(|d| d.code == DiagnosticCode::DuplicateQuestion).expect("duplicate reported");
    assert_eq!(twice.span.slice(&text), "Vraag 8");
    assert_eq!(twice.span, doc.questions[5].heading);
}

#[test]
fn markdown_conversion() {
    let text = fixture("structure_markdown.txt");
    let doc = parse(&text);
    assert_eq!(doc.questions[0].text, "Bent u bekend met de commentaren «Gezuiverd» en «Weinig waard»?");
    assert_eq!(doc.answers[0].text, "Ja. Zie ook de motie van het lid Ceder en de brief.");
    assert_eq!(doc.footnotes.len(), 5);
    let markers: Vec<&str> = doc.footnotes.iter().flat_map(|f| f.markers.iter().map(|m| m.slice(&text))).collect();
    assert_eq!(markers, ["[1 ]", "[2]", "[3 ]", "[4", "5 ]"]);
    let page: Vec<&str> = doc.furniture.iter().map(|f| f.span.slice(&text)).collect();
    assert_eq!(page.last().copied(), Some("h tk 20232024 388\n\n\n-----"));
    assert_eq!(doc.answers[0].span.slice(&text), "Ja. Zie ook de motie van het lid Ceder[3 ] en de brief.[4 5 ]");
}

#[test]
fn the_seed_document() {
    let text = fixture("seed.txt");
    let doc = parse(&text);
    assert_eq!(doc.footnotes.len(), 7);
    // Answer 5 continues after footnotes 3–7.
    let a5 = &doc.answers[4];
    assert_eq!(a5.parts.len(), 2);
    assert!(parts(&text, a5)[1].starts_with("antwoord op vraag 1, worden indien nodig"));
    assert!(a5.text.ends_with("veiligheidsmaatregelen genomen."));
    assert!(a5.text.contains("in UNECE-verband, specifiek UN Reglement R155 en R156"));
    assert!(a5.text.contains("als typegoedkeuringseisen onder verordening 2019/2144/EU"));
    assert_eq!(doc.answers[2].text.rsplit(' ').next(), Some("besprekingen."));
    assert_eq!(doc.questions[0].text.rsplit(' ').next(), Some("veiligheid?"));
    // Footnote 2 runs across a blank line; the question after it is not part of it.
    assert!(doc.footnotes[1].text.ends_with("met de verbondenheid van het voertuig met het internet."));
    assert_eq!(doc.questions[1].heading.slice(&text), "Vraag 2");
}

#[test]
fn questions_without_numbers_get_their_position() {
    let text = fixture("structure_unnumbered.txt");
    let doc = parse(&text);
    assert_eq!(numbers(&doc.questions), [vec![1], vec![2], vec![3]]);
    assert!(doc.questions.iter().all(|q| q.heading.is_empty()));
    assert_eq!(doc.questions[1].span.slice(&text), "Deelt u de mening dat deze wijzigingen de natuur schaden? 1)");
    assert_eq!(doc.questions[1].text, "Deelt u de mening dat deze wijzigingen de natuur schaden?");
    assert_eq!(doc.questions[2].span.slice(&text), "Kunt u deze vragen snel beantwoorden?");
    assert_eq!(doc.footnotes.len(), 1);
}

#[test]
fn web_page_copy_a_heading_opening_a_line_ends_the_footnote() {
    let text = fixture("structure_web_copy.txt");
    let doc = parse(&text);
    assert_eq!(headings(&text, &doc.questions), ["Vraag 1", "Vraag 2", "Vraag 3:"]);
    assert_eq!(headings(&text, &doc.answers), ["Antwoord 1", "Antwoord 2", "Antwoord 3:"]);
    assert_eq!(
        doc.questions[1].span.slice(&text),
        "Welke maatregelen neemt u om het tekort op korte termijn op te lossen?"
    );
    let notes: Vec<&str> = doc.footnotes.iter().map(|f| f.span.slice(&text)).collect();
    assert_eq!(
        notes,
        [
            "1 Dagblad van het Noorden, 3 april 2024, «Gemeenten kampen met tekort aan opvangplekken»",
            "2 Kamerstuk 19 637, nr. 3100",
            "3 Zie ook de brief van 12 maart 2024 over de",
        ]
    );
    assert!(diagnostics(&text, &doc).is_empty());
}

#[test]
fn answers_printed_without_a_heading() {
    let text = fixture("structure_answers_without_heading.txt");
    let doc = parse(&text);
    assert_eq!(headings(&text, &doc.questions), ["Vraag 1", "Vraag 2", "Vraag 3", "Vraag 4"]);
    // The answers without a heading get an empty heading at the start of their text.
    assert_eq!(headings(&text, &doc.answers), ["Antwoord op vraag 1", "", "", "Antwoord op vraag 4"]);
    assert_eq!(numbers(&doc.answers), [vec![1], vec![2], vec![3], vec![4]]);
    let ids: Vec<&str> = doc.answers.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a1", "a2", "a3", "a4"]);
    assert_eq!(doc.answers[1].questions, vec![1]);
    assert_eq!(doc.answers[1].heading.start, doc.answers[1].span.start);
    assert_eq!(doc.questions[1].span.slice(&text), "Deelt u de mening dat de opvang beter moet? Zo nee, waarom niet?");
    assert_eq!(
        doc.answers[1].span.slice(&text),
        "Ik deel die mening. De opvang moet beter en daarom investeert het kabinet\nin extra plekken.\n\nDaarnaast wordt de wachttijd verkort."
    );
    // "Zo ja, …?" still asks: the question goes on to the paragraph after it.
    assert_eq!(
        doc.questions[2].span.slice(&text),
        "Wat is de stand van zaken rond de nieuwe locaties?\n\nZo ja, welke locaties zijn in beeld?2)"
    );
    assert_eq!(
        doc.answers[2].span.slice(&text),
        "Er zijn drie locaties in beeld. Over de vraag of er meer volgen, kan ik nog\nniets zeggen."
    );
    assert_eq!(
        diagnostics(&text, &doc),
        [(DiagnosticCode::AnswerWithoutHeading, ""), (DiagnosticCode::AnswerWithoutHeading, "")]
    );
    assert!(doc.diagnostics.iter().all(|d| d.severity == Severity::Info));
    assert_eq!(doc.diagnostics[0].span.start, doc.answers[1].span.start);
    let notes: Vec<&str> = doc.footnotes.iter().map(|f| f.span.slice(&text)).collect();
    assert_eq!(notes, ["1 NOS, 3 april 2024, «Opvang loopt vast»", "2 Kamerstuk 19 637, nr. 3100"]);
}

#[test]
fn answers_without_a_heading_one_paragraph_a_line() {
    let text = fixture("structure_answers_without_heading_lines.txt");
    let doc = parse(&text);
    assert_eq!(
        doc.questions[0].span.slice(&text),
        "Kent u het bericht dat de wachtlijsten in de jeugdzorg opnieuw zijn gegroeid, en wat is uw reactie daarop?"
    );
    assert_eq!(
        doc.answers[0].span.slice(&text),
        "Ja, dat bericht ken ik. De wachtlijsten zijn een grote zorg en ik spreek de gemeenten daar binnenkort op aan."
    );
    assert_eq!(doc.questions[1].span.slice(&text), "Welke maatregelen neemt u? Wanneer informeert u de Kamer?");
    assert_eq!(doc.answers[1].span.slice(&text), "Ik informeer de Kamer voor de zomer over de maatregelen.");
    // The last question has nothing after it: no answer is made up.
    assert_eq!(doc.answers.len(), 2);
    let codes: Vec<(DiagnosticCode, Severity)> = doc.diagnostics.iter().map(|d| (d.code, d.severity)).collect();
    assert_eq!(
        codes,
        [
            (DiagnosticCode::AnswerWithoutHeading, Severity::Warning),
            (DiagnosticCode::AnswerWithoutHeading, Severity::Warning),
            (DiagnosticCode::UnansweredQuestion, Severity::Warning),
        ]
    );
}

#[test]
fn a_list_of_questions_alone_gets_no_answers() {
    // One question with a remark after it, no answer anywhere: left as it is.
    let text = "Vraag 1\nKent u het bericht?\n\nToelichting bij de vragen.\n\nVraag 2\nWat gaat u doen?\n";
    let doc = parse(text);
    assert!(doc.answers.is_empty());
    assert_eq!(doc.questions[0].span.slice(text), "Kent u het bericht?\n\nToelichting bij de vragen.");
}

#[test]
fn numbered_questions_answered_without_labels() {
    let text = fixture("structure_numbered_no_labels.txt");
    let doc = parse(&text);
    assert_eq!(headings(&text, &doc.questions), ["1.", "2.", "3."]);
    assert_eq!(headings(&text, &doc.answers), ["", "", ""]);
    assert_eq!(doc.questions[1].span.slice(&text), "Deelt u de mening dat de opvang beter moet? Zo nee, waarom niet?");
    // A numbered list inside an answer is not a question.
    assert_eq!(
        doc.answers[1].span.slice(&text),
        "Ik deel die mening. De opvang moet op drie punten beter:\n1. meer plekken;\n2. kortere wachttijden;\n3. betere zorg."
    );
    assert_eq!(doc.answers[0].span.slice(&text), "Ja, dat bericht ken ik.");
    assert_eq!(doc.answers[2].questions, vec![2]);
    let codes: Vec<DiagnosticCode> = doc.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, [DiagnosticCode::AnswerWithoutHeading; 3]);
}

#[test]
fn a_numbered_list_without_questions_stays_text() {
    let text = "Onderwerp Voortgang\n\n1. Eerste punt van de brief.\n\nToelichting.\n\n2. Tweede punt?\n\nNee.\n";
    let doc = parse(text);
    assert!(doc.questions.is_empty() && doc.answers.is_empty());
}

#[test]
fn footnote_numbers_glued_to_their_text() {
    let text = fixture("footnotes_glued_numbers.txt");
    let doc = parse(&text);
    let notes: Vec<(u32, &str, &str)> =
        doc.footnotes.iter().map(|f| (f.number, f.span.slice(&text), f.text.as_str())).collect();
    assert_eq!(
        notes,
        [
            (1, "1https://www.nos.nl/artikel/2519-bericht", "https://www.nos.nl/artikel/2519-bericht"),
            (2, "2Kamerstukken II 2023/24, 21 501-20, nr. 2068", "Kamerstukken II 2023/24, 21 501-20, nr. 2068"),
            // After the page footer and a form feed.
            (3, "3www.rijksoverheid.nl/documenten/brief", "www.rijksoverheid.nl/documenten/brief"),
            // A page's notes run together with no space (PDFium).
            (4, "4Kamerstukken II 2023/24, 21 501, nr. 240.", "Kamerstukken II 2023/24, 21 501, nr. 240."),
            (5, "5https://www.tweedekamer.nl/verslag", "https://www.tweedekamer.nl/verslag"),
            // A link without its scheme.
            (6, "6nos.nl/artikel/2520-rapport", "nos.nl/artikel/2520-rapport"),
        ]
    );
    let urls: Vec<&str> = doc
        .references
        .iter()
        .filter(|r| r.kind == kamervragen::model::RefKind::Url)
        .map(|r| r.span.slice(&text))
        .collect();
    assert_eq!(
        urls,
        [
            "https://www.nos.nl/artikel/2519-bericht",
            "www.rijksoverheid.nl/documenten/brief",
            "https://www.tweedekamer.nl/verslag",
            "nos.nl/artikel/2520-rapport",
        ]
    );
}

#[test]
fn an_answer_on_the_line_after_its_question_then_paragraphs() {
    let text = "Vraag 1\nKent u het bericht?\n\nAntwoord 1\nJa.\n\nVraag 2\nGaat de beurs door?\nJa, de beurs gaat door.\n\nDaarnaast komt er een tweede beurs.\n";
    let doc = parse(text);
    assert_eq!(doc.questions[1].span.slice(text), "Gaat de beurs door?");
    assert_eq!(doc.answers[1].span.slice(text), "Ja, de beurs gaat door.\n\nDaarnaast komt er een tweede beurs.");
    assert_eq!(doc.diagnostics[0].code, DiagnosticCode::AnswerWithoutHeading);
    assert_eq!(doc.diagnostics[0].severity, Severity::Warning);
}

#[test]
fn a_heading_ended_by_a_full_stop_before_its_text() {
    let text = fixture("structure_heading_full_stop.txt");
    let doc = parse(&text);
    assert_eq!(headings(&text, &doc.questions), ["Vraag 1.", "Vraag 2.", "Vraag 3."]);
    assert_eq!(numbers(&doc.questions), [vec![1], vec![2], vec![3]]);
    assert_eq!(doc.questions[0].span.slice(&text), "Kent u het bericht «Opvang loopt vast»?");
    // The first answer has no heading: it is read from the question block.
    assert_eq!(doc.answers[0].span.slice(&text), "Ja, dat bericht ken ik.");
    assert_eq!(headings(&text, &doc.answers)[1..], ["Antwoord 2.", "Antwoord op vraag 3."]);
    assert_eq!(doc.answers[1].span.slice(&text), "Nee. De opvang is op orde sinds 1 januari 2024.");
    assert_eq!(doc.answers[2].span.slice(&text), "Er zijn 3. locaties bijgekomen.");
    // Not a heading: "Vraag 1." alone keeps working, "Vraag 1.2" or a lower-case word after it is no heading.
    assert!(kamervragen::headings::parse_heading("Vraag 1.").is_some());
    assert!(kamervragen::headings::parse_heading("Vraag 1.2 Kent u").is_none());
    assert!(kamervragen::headings::parse_heading("Vraag 1. en verder").is_none());
}

#[test]
fn a_question_without_a_question_mark_in_a_letter_without_answer_headings() {
    let text = fixture("structure_answers_without_heading_statement.txt");
    let doc = parse(&text);
    assert_eq!(numbers(&doc.answers), [vec![1], vec![2], vec![3], vec![5]]);
    assert_eq!(
        doc.questions[1].span.slice(&text),
        "Kunt u per regio aangeven hoeveel kinderen op de wachtlijst staan. Graag een\nuitsplitsing naar leeftijd."
    );
    assert_eq!(
        doc.answers[1].span.slice(&text),
        "Die cijfers zijn niet per regio beschikbaar. Landelijk wachten 4.000\nkinderen."
    );
    // One line each: split at the line break.
    assert_eq!(doc.questions[2].span.slice(&text), "Licht toe welke maatregelen u neemt.");
    assert_eq!(doc.answers[2].span.slice(&text), "Ik neem drie maatregelen.");
    // A single paragraph is a question without its answer, not split.
    assert_eq!(doc.questions[3].span.slice(&text), "In het rapport staat dat de wachttijden stijgen.");
    // The guesses are warnings; the answers after a "?" stay info.
    let severities: Vec<(&str, Severity)> = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == DiagnosticCode::AnswerWithoutHeading)
        .map(|d| (doc.answers.iter().find(|a| a.span.start == d.span.start).map_or("", |a| a.id.as_str()), d.severity))
        .collect();
    assert_eq!(
        severities,
        [("a1", Severity::Info), ("a2", Severity::Warning), ("a3", Severity::Warning), ("a5", Severity::Info)]
    );
    // Where no answer has shown the shape, nothing is guessed.
    let alone = "Vraag 1\nLicht toe welke maatregelen u neemt.\n\nIk neem er drie.\n";
    assert!(parse(alone).answers.is_empty());
}

#[test]
fn numbered_questions_with_the_answer_on_the_next_line() {
    let text = fixture("structure_numbered_without_labels_lines.txt");
    let doc = parse(&text);
    assert_eq!(numbers(&doc.questions), [vec![1], vec![2], vec![3]]);
    assert_eq!(numbers(&doc.answers), [vec![1], vec![2], vec![3]]);
    assert_eq!(doc.questions[1].span.slice(&text), "Deelt u de mening dat de opvang beter moet? Zo nee, waarom niet?");
    assert_eq!(doc.answers[1].span.slice(&text), "Ik deel die mening.\nDaarom komt er geld bij.");
    // The list in the last answer is the answer's, not new questions.
    assert_eq!(doc.answers[2].span.slice(&text), "Er komen 500 plekken bij:\n1. in Groningen 200;\n2. in Utrecht 300.");
    assert!(doc.diagnostics.iter().all(|d| d.code == DiagnosticCode::AnswerWithoutHeading), "{:?}", doc.diagnostics);
}

#[test]
fn headings_in_capitals_or_closed_by_a_parenthesis() {
    let text = fixture("structure_heading_capitals_parenthesis.txt");
    let doc = parse(&text);
    assert_eq!(headings(&text, &doc.questions), ["VRAAG 1)", "VRAGEN 2 EN 3", "Vraag 4)"]);
    assert_eq!(headings(&text, &doc.answers), ["ANTWOORD OP VRAAG 1)", "ANTWOORD OP DE VRAGEN 2 EN 3", "Antwoord 4)"]);
    assert_eq!(numbers(&doc.answers), [vec![1], vec![2, 3], vec![4]]);
    assert_eq!(doc.questions[2].span.slice(&text), "Waarom niet?");
    assert_eq!(doc.answers[2].span.slice(&text), "Omdat het niet hoeft.");
    assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
    let n = |t: &str| kamervragen::headings::parse_heading(t).map(|h| h.numbers);
    assert_eq!(n("VRAGEN 3 T/M 5"), Some(vec![3, 4, 5]));
    assert_eq!(n("Vraag 2) wat"), None, "a lower-case word after it");
}
