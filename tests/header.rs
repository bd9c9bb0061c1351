//! The header: askers and parties, addressees, respondents, dates, id, kind,
//! the Mededeling — asserted as values and as the text each span covers.

mod common;

use common::fixture;
use kamervragen::header::{self, HeaderInput};
use kamervragen::model::{DocKind, Header};

/// The header of a whole fixture, through the full parse.
fn parsed(name: &str) -> (String, Header) {
    let text = fixture(name);
    let header = kamervragen::parse(&text).header;
    (text, header)
}

/// The header of a short text with no block headings.
fn head_only(text: &str) -> Header {
    header::parse(text, &HeaderInput { end: text.len(), furniture: &[], answer_blocks: 0, question_blocks: 0 })
}

fn askers(h: &Header) -> Vec<(String, String)> {
    h.askers.iter().map(|a| (a.name.clone(), a.party.clone())).collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| ((*a).to_string(), (*b).to_string())).collect()
}

#[test]
fn masthead_document_with_three_askers_two_addressees_and_two_respondents() {
    let (text, h) = parsed("header_masthead_answers.txt");
    assert_eq!(h.kind, DocKind::Answers);
    assert_eq!(
        askers(&h),
        pairs(&[("Sneller", "D66"), ("Chakor", "GroenLinks-PvdA"), ("Van Nispen", "SP")]),
        "three askers, each with the party printed after the name"
    );
    assert_eq!(h.askers[2].span.slice(&text), "Van\nNispen", "a name broken over a line keeps its span");
    let addressees: Vec<&str> = h.addressees.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(
        addressees,
        ["Minister van Buitenlandse Zaken", "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking"],
        "\"Ministers van A en voor B\" is two ministers"
    );
    assert_eq!(h.addressees[0].span.slice(&text), "Ministers van Buitenlandse Zaken");
    assert_eq!(h.addressees[1].span.slice(&text), "voor Buitenlandse\nHandel en Ontwikkelingssamenwerking");

    let r: Vec<(&str, &str, &str)> =
        h.respondents.iter().map(|r| (r.role.as_str(), r.name.as_str(), r.portfolio.as_str())).collect();
    assert_eq!(
        r,
        [
            ("Minister", "Bruins Slot", "BZ"),
            ("Minister", "Schreinemacher", "Buitenlandse Handel en Ontwikkelingssamenwerking")
        ],
        "two respondents even with the \"en\" missing between them"
    );
    assert_eq!(h.respondents[0].span.slice(&text), "Minister Bruins Slot (BZ)");

    assert_eq!(h.submitted.as_ref().map(|d| d.iso.as_str()), Some("2024-03-06"), "date broken over a line");
    assert_eq!(h.submitted.as_ref().map(|d| d.span.slice(&text)), Some("(ingezonden 6 maart \n2024)"));
    assert_eq!(h.received.as_ref().map(|d| d.iso.as_str()), Some("2024-03-25"));
    assert_eq!(h.received.as_ref().map(|d| d.span.slice(&text)), Some("(ontvangen 25 maart 2024)"));

    assert_eq!(h.id.as_deref(), Some("ah-tk-20232024-1314"));
    assert_eq!(h.session_year.as_deref(), Some("2023-2024"), "from the masthead, not from \"Zie ook … 2022–2023\"");
    assert_eq!(h.aanhangsel_nr, Some(1314));
    assert_eq!(h.subject.as_deref(), Some("het bericht «Jemen – hulp 🚗»"));

    let intro = h.questions_intro.map(|s| s.slice(&text));
    assert!(
        intro.is_some_and(|s| s.starts_with("Vragen van de leden") && s.ends_with("(ingezonden 6 maart \n2024).")),
        "questions intro: {intro:?}"
    );
    let answer = h.answer_intro.map(|s| s.slice(&text));
    assert!(
        answer
            .is_some_and(|s| s.starts_with("Antwoord van Minister") && s.ends_with("vergaderjaar 2022–2023, nr. 594.")),
        "answer intro runs over the \"Zie ook\" sentence: {answer:?}"
    );
    assert_eq!(h.mededeling, None);
}

#[test]
fn party_glued_to_the_name_and_mede_namens() {
    let (text, h) = parsed("header_glued_party.txt");
    assert_eq!(askers(&h), pairs(&[("Faber-van de Klashorst", "PVV")]));
    assert_eq!(h.askers[0].span.slice(&text), "Faber-van de Klashorst");
    assert_eq!(h.addressees.len(), 1);
    assert_eq!(h.addressees[0].text, "Minister Justitie en Veiligheid", "kept as printed, \"van\" missing");
    assert_eq!(h.respondents.len(), 2);
    let first = &h.respondents[0];
    assert_eq!(
        (first.name.as_str(), first.portfolio.as_str(), first.on_behalf),
        ("Yes¸ilgöz-Zegerius", "Justitie en Veiligheid", false)
    );
    let second = &h.respondents[1];
    assert_eq!(
        (second.role.as_str(), second.portfolio.as_str(), second.on_behalf),
        ("Minister", "Rechtsbescherming", true)
    );
    assert_eq!(second.span.slice(&text), "Minister voor Rechtsbescherming");
    assert_eq!(h.received.as_ref().map(|d| d.iso.as_str()), Some("2024-06-11"));
    assert_eq!(h.id, None, "no masthead, no footer: no id");
}

#[test]
fn postponement_with_doubled_ontvangen_and_a_mededeling_block() {
    let (text, h) = parsed("header_postponement.txt");
    assert_eq!(h.kind, DocKind::Postponement);
    assert_eq!(askers(&h), pairs(&[("Van Eijk", "VVD"), ("Kostic´", "PvdD")]));
    assert_eq!(h.received.as_ref().map(|d| d.iso.as_str()), Some("2024-06-07"));
    assert_eq!(h.received.as_ref().map(|d| d.span.slice(&text)), Some("(ontvangen (ontvangen 7 juni 2024)"));
    assert_eq!(h.submitted.as_ref().map(|d| d.iso.as_str()), Some("2024-05-30"), "the header's date, not the notice's");
    assert_eq!(h.respondents.len(), 1);
    assert_eq!(h.respondents[0].name, "De Jonge");
    assert_eq!(
        h.mededeling.map(|s| s.slice(&text)),
        Some(
            "Mededeling\n\nDe schriftelijke vragen van de leden Van Eijk en Kostić (ingezonden 30 mei 2024)\n\
             zijn beantwoord middels een brief op 7 juni 2024."
        ),
        "the notice stops before the footnote"
    );
    assert_eq!(h.id.as_deref(), Some("ah-tk-20232024-1999"), "the footer id on its own line");
    assert_eq!(h.session_year.as_deref(), Some("2023-2024"), "from the id");
}

#[test]
fn oral_questions_with_a_kv_id() {
    let (text, h) = parsed("header_oral_questions.txt");
    assert_eq!(h.kind, DocKind::Questions);
    assert_eq!(askers(&h), pairs(&[("Krul", "CDA")]));
    assert_eq!(h.id.as_deref(), Some("kv-tk-2024Z18775"));
    assert_eq!(h.session_year.as_deref(), Some("2024-2025"));
    assert_eq!(h.aanhangsel_nr, None);
    assert_eq!(h.submitted.as_ref().map(|d| d.iso.as_str()), Some("2024-11-19"));
    assert_eq!(h.received, None);
    assert!(h.respondents.is_empty());
    assert!(h.questions_intro.is_some_and(|s| s.slice(&text).starts_with("Mondelinge vragen van het lid Krul")));
}

#[test]
fn word_notice_with_beiden_and_lower_case_roles() {
    let (text, h) = parsed("header_word_notice.txt");
    assert_eq!(h.kind, DocKind::Postponement);
    assert_eq!(
        askers(&h),
        pairs(&[("Gabriëls", "GroenLinks-PvdA"), ("Bromet", "GroenLinks-PvdA")]),
        "\"(beiden …)\" gives the party to both names"
    );
    assert_eq!(h.askers[0].span.slice(&text), "Gabriëls");
    let addressees: Vec<&str> = h.addressees.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(
        addressees,
        [
            "Minister van Landbouw, Visserij, Voedselzekerheid en Natuur",
            "Staatssecretaris van Infrastructuur en Waterstaat"
        ]
    );
    assert_eq!(h.respondents[0].role, "Staatssecretaris");
    assert_eq!(h.respondents[0].name, "Rummenie");
    assert_eq!(h.received.as_ref().map(|d| d.iso.as_str()), Some("2024-11-20"));
    assert_eq!(h.aanhangsel_nr, Some(615), "\"AH 615\" in a Word file");
    assert_eq!(h.id, None, "no session year printed: no id is made up");
    let notice = h.mededeling.map(|s| s.slice(&text)).unwrap_or("");
    assert!(notice.starts_with("Op 6 november jl.") && notice.ends_with("worden beantwoord."), "{notice:?}");
}

#[test]
fn ministry_letter_names_the_minister_from_the_signature() {
    let (text, h) = parsed("header_letter.txt");
    assert_eq!(h.kind, DocKind::Answers);
    assert_eq!(askers(&h), pairs(&[("Teunissen", "PvdD")]));
    let addressees: Vec<&str> = h.addressees.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(
        addressees,
        ["Minister van Justitie en Veiligheid", "Minister van Landbouw, Visserij, Voedselzekerheid en Natuur"]
    );
    assert_eq!(
        h.subject.as_deref(),
        Some("ernstig dierenleed bij de inzet van politiehonden"),
        "one paragraph per line: the subject ends with its line"
    );
    let r: Vec<(&str, &str, bool)> =
        h.respondents.iter().map(|r| (r.name.as_str(), r.portfolio.as_str(), r.on_behalf)).collect();
    assert_eq!(
        r,
        [("van Weel", "Justitie en Veiligheid", false), ("", "Landbouw, Visserij, Voedselzekerheid en Natuur", true)]
    );
    assert_eq!(h.received, None, "a letter's Datum line is not a received date");
    assert_eq!(h.submitted, None);
    let dated = h.dated.as_ref().expect("the Datum line is the letter's date");
    assert_eq!((dated.iso.as_str(), dated.span.slice(&text)), ("2024-08-26", "26 augustus 2024"));
    assert!(h.answer_intro.is_some_and(|s| s.slice(&text).starts_with("Antwoorden van de minister")));
}

#[test]
fn a_letter_date_on_the_datum_line_itself_and_never_from_a_longer_word() {
    let dated = |head: &str| head_only(head).dated.map(|d| d.iso);
    assert_eq!(dated("Datum: 7 november 2023\nOnderwerp\nBeantwoording"), Some("2023-11-07".into()));
    assert_eq!(dated("\t\tDatum\t\t1 maart 2024\n"), Some("2024-03-01".into()));
    assert_eq!(dated("Datumstempel 7 november 2023\n"), None, "not the word Datum");
    assert_eq!(dated("Datum\n\n\nOnderwerp 7 november 2023\n"), None, "the date must follow on the next line");
    assert_eq!(dated("Vragen van het lid Boswijk (CDA) (ingezonden 8 augustus 2024)."), None);
}

#[test]
fn slips_in_the_opening_sentence_still_give_the_askers() {
    for opening in [
        "Vragen van het leden Boswijk (CDA) en Van der Lee (GroenLinks-PvdA) aan de Minister van Financiën over iets.",
        "Vragen van de lid Boswijk (CDA) en Van der Lee (GroenLinks-PvdA) aan de Minister van Financiën over iets.",
        "Vragen van het lid lid Boswijk (CDA) en Van der Lee (GroenLinks-PvdA) aan de Minister van Financiën over iets.",
        "Vragen van van het lid Boswijk (CDA) en Van der Lee (GroenLinks-PvdA) aan de Minister van Financiën over iets.",
        "Mondelinge vragen van het het lid Boswijk (CDA) en Van der Lee (GroenLinks-PvdA) aan de Minister van Financiën over iets.",
    ] {
        let h = head_only(opening);
        assert_eq!(askers(&h), pairs(&[("Boswijk", "CDA"), ("Van der Lee", "GroenLinks-PvdA")]), "{opening}");
        assert_eq!(h.subject.as_deref(), Some("iets"), "{opening}");
        assert!(h.questions_intro.is_some(), "{opening}");
    }
}

#[test]
fn names_glued_by_the_pdf_come_apart() {
    let text = "Vragen van de leden deJong (VVD), DaniëlleJansen (Nieuw Sociaal Contract), VanDijk (SP) en McDonald (CDA) aan de Minister van Financiën over iets.";
    let h = head_only(text);
    assert_eq!(
        askers(&h),
        pairs(&[("de Jong", "VVD"), ("Jansen", "Nieuw Sociaal Contract"), ("Van Dijk", "SP"), ("McDonald", "CDA")]),
        "a glued particle is kept as printed; a glued first name is left out; Mc stays"
    );
    let spans: Vec<&str> = h.askers.iter().map(|a| a.span.slice(text)).collect();
    assert_eq!(spans, ["deJong", "Jansen", "VanDijk", "McDonald"]);
}

#[test]
fn a_party_in_another_case_gets_its_usual_spelling() {
    let h = head_only("Vragen van de leden Mutluer (PvDA), Ellemeet (Groenlinks-PvdA) en Bikker (christenunie) en Kops (Partij voor X) aan de Minister.");
    assert_eq!(
        askers(&h),
        pairs(&[
            ("Mutluer", "PvdA"),
            ("Ellemeet", "GroenLinks-PvdA"),
            ("Bikker", "ChristenUnie"),
            ("Kops", "Partij voor X")
        ])
    );
}

#[test]
fn flattened_document_on_one_line() {
    let (text, h) = parsed("header_flat.txt");
    assert_eq!(askers(&h), pairs(&[("Bouwmeester", "PvdA")]));
    assert_eq!(h.submitted.as_ref().map(|d| d.iso.as_str()), Some("2014-10-03"));
    assert_eq!(h.received.as_ref().map(|d| d.iso.as_str()), Some("2014-11-26"));
    assert_eq!(h.id.as_deref(), Some("ah-tk-20142015-698"), "the id matching the masthead number");
    assert_eq!(h.session_year.as_deref(), Some("2014-2015"));
    assert_eq!(h.aanhangsel_nr, Some(698), "not 403 from \"Zie ook … nr. 403\"");
    assert_eq!(h.respondents[0].span.slice(&text), "Minister Schippers (Volksgezondheid, Welzijn en Sport)");
}

#[test]
fn allen_gives_one_party_to_every_name() {
    let h = head_only("Vragen van de leden Klaver, Jetten en Van Dijk (allen GroenLinks) aan de Minister-President over de top (ingezonden 1 mei 2024).");
    assert_eq!(askers(&h), pairs(&[("Klaver", "GroenLinks"), ("Jetten", "GroenLinks"), ("Van Dijk", "GroenLinks")]));
    assert_eq!(h.addressees[0].text, "Minister-President");
    assert_eq!(h.kind, DocKind::Questions);
}

#[test]
fn vraag_van_het_lid_and_name_prefixes() {
    let h = head_only("Vraag van het lid Van Houwelingen (FVD) aan de Minister van Justitie en Veiligheid over de NAVO (ingezonden\n1 oktober 2024).");
    assert_eq!(askers(&h), pairs(&[("Van Houwelingen", "FVD")]));
    assert_eq!(h.submitted.as_ref().map(|d| d.iso.as_str()), Some("2024-10-01"));
    let h = head_only("Vragen van de leden van Dijk (SGP) en A.H. Kops (PVV) aan de Minister van Financiën.");
    assert_eq!(
        askers(&h),
        pairs(&[("van Dijk", "SGP"), ("Kops", "PVV")]),
        "a lower-case prefix is kept, initials are left out"
    );
}

#[test]
fn a_party_broken_over_a_line_is_rejoined() {
    let text = "Vragen van de leden Hirsch (GroenLinks-\nPvdA) en Jansen (Nieuw Sociaal\nContract) aan de Minister.";
    let h = head_only(text);
    assert_eq!(askers(&h), pairs(&[("Hirsch", "GroenLinks-PvdA"), ("Jansen", "Nieuw Sociaal Contract")]));
}

#[test]
fn a_mention_of_a_member_alone_is_no_questions_document() {
    let h = head_only("In het debat zei het lid Boswijk (CDA) dat hij tevreden was.");
    assert_eq!(askers(&h), pairs(&[("Boswijk", "CDA")]));
    assert_eq!(h.kind, DocKind::Other);
}

#[test]
fn masthead_phrase_and_subject_motion_are_no_askers() {
    let text = "Vragen gesteld door de leden der Kamer, met de daarop door de\nregering gegeven antwoorden\n\n387\n\n\
                Vragen van het lid Boswijk (CDA) aan de Minister van Buitenlandse Zaken over de motie van het lid Van Zanten c.s.\n(ingezonden 2 oktober 2023).";
    let h = head_only(text);
    assert_eq!(askers(&h), pairs(&[("Boswijk", "CDA")]));
    assert_eq!(h.aanhangsel_nr, Some(387));
    assert_eq!(h.subject.as_deref(), Some("de motie van het lid Van Zanten c.s."));
    let h = head_only("Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden");
    assert!(h.askers.is_empty(), "{:?}", h.askers);
    assert_eq!(h.kind, DocKind::Other);
}

#[test]
fn markdown_masthead_builds_the_id() {
    let text = "\n# 2\n\n#### Vergaderjaar 2023–2024 Aanhangsel van de Handelingen\n\n\
                **Vragen gesteld door de leden der Kamer, met de daarop door de**\n**regering gegeven antwoorden**\n\n### 387\n\n\
                Vragen van het lid Boswijk (CDA) aan de Minister van Buitenlandse Zaken\nover de situatie in de Zuidelijke Kaukasus (ingezonden 2 oktober 2023).\n";
    let h = head_only(text);
    assert_eq!(h.id.as_deref(), Some("ah-tk-20232024-387"));
    assert_eq!(h.session_year.as_deref(), Some("2023-2024"));
    assert_eq!(h.aanhangsel_nr, Some(387));
}

#[test]
fn a_footnote_citing_a_session_is_not_the_session_year() {
    let text = "Vragen van het lid Boswijk (CDA) aan de Minister (ingezonden 8 augustus 2024).\n\n\
                1 Tweede Kamer, vergaderjaar 2023–2024, 21 501-20, nr. 2068\n";
    let h = head_only(text);
    assert_eq!(h.session_year, None);
}

#[test]
fn the_header_ends_where_the_input_says() {
    let text = "Vraag 1\nKunt u het lid Boswijk (CDA) antwoorden (ingezonden 8 augustus 2024)?\n";
    let h = header::parse(text, &HeaderInput { end: 0, furniture: &[], answer_blocks: 0, question_blocks: 1 });
    assert!(h.askers.is_empty() && h.submitted.is_none(), "nothing before the first heading");
    assert_eq!(h.kind, DocKind::Questions);
}

/// Only the head of a text is read: 10 MB on one line and a million
/// "Mededeling" lines still give the header (their timing: `benches/hostile.rs`).
#[test]
fn big_texts_without_headings_give_the_header() {
    let mut text = String::from("Vragen van het lid Boswijk (CDA) aan de Minister (ingezonden 8 augustus 2024).\n");
    let filler = "Mededeling het lid de leden (ontvangen ah-tk-2023 vergaderjaar 2023–2024 Minister van ";
    while text.len() < 10_000_000 {
        text.push_str(filler);
    }
    let h = head_only(&text);
    assert_eq!(askers(&h), pairs(&[("Boswijk", "CDA")]));

    let lines = "Mededeling\n".repeat(1_000_000);
    let h = head_only(&lines);
    assert!(h.mededeling.is_some());
}

#[test]
fn never_panics_on_odd_input_or_odd_end() {
    let texts = [
        "",
        "(",
        "(ingezonden",
        "(ontvangen 99 mei 2024)",
        "het lid ",
        "de leden (beiden )",
        "Antwoord van Minister (",
        "Antwoord van de Minister van",
        "Mededeling",
        "vergaderjaar 2023–",
        "ah-tk-20232024-",
        "Vragen van het lid É´ ¸ (Ä) aan de Ministers van en voor en van , over",
        "het lid Ö(🚗",
    ];
    for text in texts {
        for end in [0, 1, 2, 3, 5, 8, 13, text.len(), usize::MAX] {
            let h = header::parse(text, &HeaderInput { end, furniture: &[], answer_blocks: 0, question_blocks: 0 });
            for s in h.askers.iter().map(|a| a.span).chain(h.respondents.iter().map(|r| r.span)) {
                assert!(s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn header_spans_are_valid(
            text in "(Vragen van |het lid |de leden |Van |Dijk|\\(|\\)|\\(beiden |PVV|, | en |aan de |Ministers |van |voor |\
                      over |\\(ingezonden |\\(ontvangen |8 augustus 2024|Antwoord van |mede namens |Mededeling\n|\n|é|🚗| )*",
            end in 0usize..400,
        ) {
            let h = header::parse(&text, &HeaderInput { end, furniture: &[], answer_blocks: 0, question_blocks: 0 });
            let mut spans: Vec<_> = h.askers.iter().map(|a| a.span).collect();
            spans.extend(h.addressees.iter().map(|a| a.span));
            spans.extend(h.respondents.iter().map(|r| r.span));
            spans.extend(h.submitted.iter().chain(h.received.iter()).map(|d| d.span));
            spans.extend(h.questions_intro.iter().chain(h.answer_intro.iter()).chain(h.mededeling.iter()).copied());
            for s in spans {
                prop_assert!(s.start <= s.end && s.end <= text.len(), "{s:?}");
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{s:?}");
            }
        }
    }
}

#[test]
fn names_glued_in_other_ways_and_a_party_after_a_missing_name() {
    let (text, h) = parsed("header_glued_names.txt");
    assert_eq!(
        askers(&h),
        pairs(&[("van der Berg", "VVD"), ("Bikker", "ChristenUnie"), ("Kops", "PVV"), ("De Roon", "PVV")])
    );
    let covered: Vec<&str> = h.askers.iter().map(|a| a.span.slice(&text)).collect();
    assert_eq!(covered, ["vanderBerg", "Bikker", "Kops", "De Roon"]);
    assert_eq!(h.submitted.map(|d| d.iso), Some("2024-05-06".into()));
    // Glued initials with a particle after them; a first name is never read as particles.
    let h = head_only("Vragen van het lid H.J.M.van Dijk (SP) aan de Minister van Financiën over belastingen.");
    assert_eq!(askers(&h), pairs(&[("van Dijk", "SP")]));
    let h = head_only("Vragen van het lid DeanJansen (SP) aan de Minister van Financiën over belastingen.");
    assert_eq!(askers(&h), pairs(&[("Jansen", "SP")]));
    let h = head_only("Vragen van het lid VanDenBerg (SP) aan de Minister van Financiën over belastingen.");
    assert_eq!(askers(&h), pairs(&[("Van Den Berg", "SP")]));
    // Letters whose lower case differs in length (Kelvin sign, dotted I, capital sharp s) never split a char.
    for name in ["\u{212a}vanBerg", "\u{130}vanDe\u{1e9e}Berg", "van\u{212a}Berg", "\u{130}.Bikker"] {
        let _ = head_only(&format!("Vragen van het lid {name} (SP) aan de Minister van Financiën."));
    }
}

#[test]
fn a_letter_date_in_figures_or_with_an_abbreviated_month() {
    let (text, h) = parsed("header_letter_numeric_date.txt");
    let dated = h.dated.as_ref().expect("Datum: 03-09-2024");
    assert_eq!((dated.iso.as_str(), dated.span.slice(&text)), ("2024-09-03", "03-09-2024"));
    assert_eq!(askers(&h), pairs(&[("Dassen", "Volt")]));
    let (text, h) = parsed("header_letter_abbreviated_date.txt");
    let dated = h.dated.as_ref().expect("Datum 3 sep. 2024");
    assert_eq!((dated.iso.as_str(), dated.span.slice(&text)), ("2024-09-03", "3 sep. 2024"));
    let dated = |head: &str| head_only(head).dated.map(|d| d.iso);
    assert_eq!(dated("Datum 3.9.2024\n"), Some("2024-09-03".into()));
    assert_eq!(dated("Datum\n12/11/2023\n"), Some("2023-11-12".into()));
    assert_eq!(dated("Datum 3 okt 2024\n"), Some("2024-10-03".into()));
    assert_eq!(dated("Datum 13-13-2024\n"), None, "no month 13");
    assert_eq!(dated("Datum 32-01-2024\n"), None, "no day 32");
    assert_eq!(dated("Datum Kenmerk 2024-0000123456\n"), None);
    // A blank line between label and date, a weekday before it.
    assert_eq!(dated("Datum\n\n3 september 2024\n"), Some("2024-09-03".into()));
    assert_eq!(dated("Datum\ndinsdag 3 september 2024\n"), Some("2024-09-03".into()));
    assert_eq!(dated("Datum\nKenmerk\n3 september 2024\n"), None, "another label's value");
    // In the whole parse the Datum line's date is the one with the role.
    let doc = kamervragen::parse(&text);
    let roles: Vec<(&str, Option<kamervragen::model::DateRole>)> =
        doc.dates.iter().map(|d| (d.span.slice(&text), d.role)).collect();
    assert_eq!(roles[0], ("3 sep. 2024", Some(kamervragen::model::DateRole::Dated)));
    assert_eq!(doc.dates[1].iso, "2024-09-02", "jl. resolved against the letter's date");
}

#[test]
fn members_named_the_way_letters_and_sloppy_openings_do() {
    let (text, h) = parsed("header_member_wording.txt");
    assert_eq!(askers(&h), pairs(&[("Kops", "PVV")]));
    assert_eq!(h.askers[0].span.slice(&text), "Kops");
    let of = |head: &str| askers(&head_only(head));
    let tail = " aan de minister van BZK over wonen (ingezonden 6 mei 2024).";
    assert_eq!(
        of(&format!("Vragen van de Kamerleden Kops (PVV) en Dijk (SP){tail}")),
        pairs(&[("Kops", "PVV"), ("Dijk", "SP")])
    );
    assert_eq!(of(&format!("Vragen van lid Kops (PVV){tail}")), pairs(&[("Kops", "PVV")]));
    assert_eq!(
        of(&format!("Vragen van leden Kops (PVV) en Dijk (SP){tail}")),
        pairs(&[("Kops", "PVV"), ("Dijk", "SP")])
    );
    assert_eq!(of(&format!("Vragen van het lid de heer Van Baarle (DENK){tail}")), pairs(&[("Van Baarle", "DENK")]));
    assert_eq!(
        of(&format!("Vragen van de leden mw. Kops (PVV) en dhr. Dijk (SP){tail}")),
        pairs(&[("Kops", "PVV"), ("Dijk", "SP")])
    );
    // Without an article "lid" is read only right after "van": not in "artikel 3, lid Twee" or "als lid Kops".
    assert!(of("Het bestuur, met als lid Kops (PVV), besloot.").is_empty());
}
