//! The reading view's text (`view::reading_paragraphs`): the paragraphs a
//! question or answer shows, with its lines joined, line-end hyphenation
//! undone and the page furniture and footnotes printed in its middle left
//! out; the render tree still holds the whole text once, as pasted.

use kamervragen::view::{self, reading_paragraphs, reading_text, Node};
use std::fs;

fn fixture(name: &str) -> String {
    fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).expect("fixture")
}

fn build(text: &str) -> view::View {
    view::build(text, &kamervragen::parse(text))
}

fn whole_text(nodes: &[Node]) -> String {
    nodes
        .iter()
        .map(|n| match n {
            Node::Text(t) => t.clone(),
            Node::Mark(m) => whole_text(&m.c),
        })
        .collect()
}

#[test]
fn an_answer_cut_by_footnotes_and_a_page_footer_reads_as_one_text() {
    let text = fixture("reading_page_break.txt");
    let v = build(&text);
    assert_eq!(whole_text(&v.nodes), text, "the tree still holds the text as pasted");
    assert_eq!(
        reading_paragraphs(&v, "a1"),
        [
            "Ja. Het rapport noemt drie oorzaken van de achteruitgang van wilde bijen. Wij hebben het rapport \
             besproken met de onderzoekers; de uitkomsten van die besprekingen staan in de brief.2 Het onderzoek \
             naar de oorzaken loopt nog en de resultaten van dat onderzoek worden in de loop van dit jaar verwacht.",
            "Over de maatregelen informeer ik uw Kamer voor de zomer.",
        ]
    );
    assert_eq!(
        reading_paragraphs(&v, "q1"),
        ["Kent u het rapport «Bijen in nood» over de achteruitgang van wilde bijen in Nederland?1"]
    );
    assert_eq!(reading_paragraphs(&v, "a2"), ["Zie het antwoord op vraag 1."]);
    let all = reading_text(&v.nodes);
    assert!(
        !all.contains("ISSN") && !all.contains("Wageningen"),
        "no furniture, no footnote in the running text: {all}"
    );
    assert!(all.starts_with(
        "Vragen van het lid Bakker (SP) aan de Minister van Landbouw over bijen (ingezonden 4 maart 2024).\n\n\
         Antwoord van Minister Smit"
    ));
}

#[test]
fn the_seed_reads_as_paragraphs() {
    let text = fixture("seed.txt");
    let v = build(&text);
    assert_eq!(whole_text(&v.nodes), text);
    assert_eq!(
        reading_paragraphs(&v, "a1"),
        [
            "De analyse van de technische risico’s van slimme (elektrische) voertuigen2 voor de nationale veiligheid \
             is gestart. Momenteel worden de specifieke onderzoeksvragen voor de uitvoering van deze analyse \
             vastgesteld, waaronder op het gebied van sabotage en spionage. Na afronding van de risicoanalyse zal er \
             vervolgens een beleidsmatige analyse plaatsvinden om te komen tot opties om deze eventuele risico’s te \
             mitigeren.",
            "De uitvoering van motie Boswijk c.s. wordt breed interdepartementaal opgepakt. Deelnemende partijen aan \
             de technische en beleidsmatige werkgroepen zijn de Ministeries van Infrastructuur en Waterstaat, \
             Economische Zaken, Buitenlandse Zaken, Financiën, Justitie en Veiligheid, Defensie, alsmede \
             voertuigenautoriteit RDW, de Algemene Inlichtingen- en Veiligheidsdienst (AIVD), en de Autoriteit \
             Persoonsgegevens (AP). Voor het einde van het jaar zal de Kamer worden geïnformeerd over de eerste \
             resultaten van deze werkgroepen.",
        ]
    );
    assert_eq!(
        reading_paragraphs(&v, "a3"),
        ["Nederland was aanwezig bij de bijeenkomst. Dit was een vertrouwelijke bijeenkomst. Wij kunnen daarom \
          niet ingaan op de inhoud van de besprekingen."]
    );
}

#[test]
fn pdfium_hyphenation_points_and_urls_over_lines_join() {
    let text = "Vraag 1\nWat?\n\nAntwoord 1\nDe vredesonderhande\u{fffe}lingen gaan door, zie https://www.rijksoverheid.nl/\ndocumenten/brief voor meer.\n";
    let v = build(text);
    assert_eq!(
        reading_paragraphs(&v, "a1"),
        ["De vredesonderhandelingen gaan door, zie https://www.rijksoverheid.nl/documenten/brief voor meer."]
    );
}
