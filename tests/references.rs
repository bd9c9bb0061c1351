//! References, one test per shape: the text each reference covers, its
//! normalised target and its link; and the traps that must not be references.

mod common;

use common::fixture;
use kamervragen::model::{Footnote, RefKind, Reference, Span};
use kamervragen::references::{find, RefContext};
use proptest::prelude::*;

fn refs(text: &str) -> Vec<Reference> {
    find(text, &RefContext::default())
}

/// The references of `kind` as (covered text, target, url).
fn of_kind(text: &str, all: &[Reference], kind: RefKind) -> Vec<(String, String, Option<String>)> {
    all.iter()
        .filter(|r| r.kind == kind)
        .map(|r| (r.span.slice(text).to_string(), r.target.clone(), r.url.clone()))
        .collect()
}

/// Asserts a reference of `kind` covering exactly `covered`, with `target` (and `url` when given).
fn assert_ref(text: &str, all: &[Reference], kind: RefKind, covered: &str, target: &str, url: Option<&str>) {
    let found = of_kind(text, all, kind);
    let hit = found.iter().find(|(c, _, _)| c == covered);
    let Some((_, t, u)) = hit else {
        panic!("no {kind:?} covering {covered:?}; found {found:#?}");
    };
    assert_eq!(t, target, "target of {covered:?}");
    if let Some(url) = url {
        assert_eq!(u.as_deref(), Some(url), "url of {covered:?}");
    }
}

fn targets(text: &str, all: &[Reference], kind: RefKind) -> Vec<String> {
    of_kind(text, all, kind).into_iter().map(|(_, t, _)| t).collect()
}

fn kst_url(t: &str) -> String {
    format!("https://zoek.officielebekendmakingen.nl/{t}.html")
}

// ---------------------------------------------------------------- URLs

#[test]
fn url_broken_at_a_hyphen_keeps_the_hyphen() {
    let text = fixture("refs_urls.txt");
    let all = refs(&text);
    let u = "https://www.example.org/business/autos/us-expected-propose-barring-chinese-software-autonomous-vehicles-2024-08-04/";
    assert_ref(
        &text,
        &all,
        RefKind::Url,
        "https://www.example.org/business/autos/us-expected-propose-barring-chinese-\nsoftware-autonomous-vehicles-2024-08-04/",
        u,
        Some(u),
    );
}

#[test]
fn url_broken_after_the_scheme_and_before_a_percent_escape() {
    let text = fixture("refs_urls.txt");
    let all = refs(&text);
    let u = "https://www.voorbeeld.nl/sites/files/2022-03/220315_%20Beleid%20provincies%202022.pdf";
    assert_ref(
        &text,
        &all,
        RefKind::Url,
        "https://\n\nwww.voorbeeld.nl/sites/files/2022-03/220315_%20Beleid%20provincies\n%202022.pdf",
        u,
        Some(u),
    );
}

#[test]
fn url_without_scheme_broken_at_an_underscore() {
    let text = fixture("refs_urls.txt");
    let all = refs(&text);
    assert_ref(
        &text,
        &all,
        RefKind::Url,
        "www.internetconsultatie.nl/huisvesting_\n\nevacuees/b1",
        "www.internetconsultatie.nl/huisvesting_evacuees/b1",
        Some("https://www.internetconsultatie.nl/huisvesting_evacuees/b1"),
    );
    assert_ref(&text, &all, RefKind::Url, "www.gulhifalhu.mv", "www.gulhifalhu.mv", Some("https://www.gulhifalhu.mv"));
}

#[test]
fn bare_domain_with_a_path_and_trailing_punctuation_trimmed() {
    let text = fixture("refs_urls.txt");
    let all = refs(&text);
    assert_ref(
        &text,
        &all,
        RefKind::Url,
        "regionieuws.nl/2024/05/03/tieners-weer-\nvrijgelaten-na-verdenking/",
        "regionieuws.nl/2024/05/03/tieners-weer-vrijgelaten-na-verdenking/",
        Some("https://regionieuws.nl/2024/05/03/tieners-weer-vrijgelaten-na-verdenking/"),
    );
    assert_ref(
        &text,
        &all,
        RefKind::Url,
        "https://puc.overheid.nl/nza/doc/PUC_743104_22/1/",
        "https://puc.overheid.nl/nza/doc/PUC_743104_22/1/",
        None,
    );
}

#[test]
fn url_broken_after_a_slash_and_alone_on_the_next_line() {
    let text = fixture("refs_urls.txt");
    let all = refs(&text);
    let u = "https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2022D25169&did=2022D25169";
    assert_ref(
        &text,
        &all,
        RefKind::Url,
        "https://www.tweedekamer.nl/kamerstukken/moties/\n\ndetail?id=2022D25169&did=2022D25169",
        u,
        Some(u),
    );
    let q = "https://www.ncsc.nl/documenten/publicaties/2023/september/18/maak-je-organisatie-quantumveilig";
    assert!(targets(&text, &all, RefKind::Url).contains(&q.to_string()), "{q} rejoined");
}

#[test]
fn url_not_joined_with_a_page_footer_or_a_sentence() {
    let text = fixture("refs_urls.txt");
    let all = refs(&text);
    let urls = targets(&text, &all, RefKind::Url);
    assert!(urls.contains(&"https://www.oecd.org/".to_string()), "{urls:#?}");
    assert!(urls.iter().all(|u| !u.contains("Tweede") && !u.contains("ah-tk")), "{urls:#?}");
}

#[test]
fn url_with_a_hyphen_and_a_stray_space() {
    let text = fixture("refs_urls.txt");
    let all = refs(&text);
    let u = "https://www.rtvoost.nl/nieuws/2371937/politiehond-in-dalfsen-keerde-overleden";
    assert_ref(
        &text,
        &all,
        RefKind::Url,
        "https://www.rtvoost.nl/nieuws/2371937/politiehond-in-dalfsen- keerde-overleden",
        u,
        Some(u),
    );
}

#[test]
fn url_broken_inside_a_word() {
    let text = "4 Rijksoverheid, «Aanpassingen» (https://www.rijksoverheid.nl/actueel/nieuws/2023/10/04/aanpassingen-wapen\nexportcontrolebeleid).\n5 Argos, www.vpro.nl/argos/het-laatste-kwartier.html \nvng.nl/sites/default/files/2021-09/handelingskader.pdf \n";
    let all = refs(text);
    assert_eq!(
        targets(text, &all, RefKind::Url),
        vec![
            "https://www.rijksoverheid.nl/actueel/nieuws/2023/10/04/aanpassingen-wapenexportcontrolebeleid",
            "www.vpro.nl/argos/het-laatste-kwartier.html",
            "vng.nl/sites/default/files/2021-09/handelingskader.pdf",
        ]
    );
}

#[test]
fn javascript_never_yields_a_url() {
    let text = fixture("refs_urls.txt");
    let all = refs(&text);
    for r in &all {
        let url = r.url.as_deref().unwrap_or("https://");
        assert!(url.starts_with("https://") || url.starts_with("http://"), "{r:?}");
        assert!(!r.target.to_ascii_lowercase().contains("javascript"), "{r:?}");
        assert!(!r.target.contains("evil"), "{r:?}");
    }
    for hostile in
        ["javascript:alert(1)", "JavaScript://%0Aalert(1)", "<a href=\"javascript:x\">www</a>", "javascript:https://x"]
    {
        for r in refs(hostile) {
            let url = r.url.unwrap_or_default();
            assert!(url.is_empty() || url.starts_with("https://") || url.starts_with("http://"), "{hostile}: {url}");
            assert!(!url.to_ascii_lowercase().starts_with("javascript"), "{hostile}: {url}");
        }
    }
}

#[test]
fn names_with_a_dot_are_not_urls() {
    let text = fixture("refs_urls.txt");
    let all = refs(&text);
    let urls = targets(&text, &all, RefKind::Url);
    assert!(
        urls.iter().all(|u| !u.contains("Discriminatie") && !u.contains("nctv") && !u.contains("en/of")),
        "{urls:#?}"
    );
    assert_eq!(urls.len(), 10, "{urls:#?}");
}

// ---------------------------------------------------------------- Kamerstukken

#[test]
fn kamerstuk_in_a_footnote_with_session_year() {
    let text = fixture("refs_kamerstukken.txt");
    let all = refs(&text);
    let t = "kst-21501-20-2068";
    assert_ref(&text, &all, RefKind::Kamerstuk, "21 501-20, nr. 2068", t, Some(&kst_url(t)));
}

#[test]
fn kamerstukken_ii_with_year_and_roman_sub_number() {
    let text = fixture("refs_kamerstukken.txt");
    let all = refs(&text);
    assert_ref(&text, &all, RefKind::Kamerstuk, "Kamerstukken II 2023/24, 36 410 IV, nr. 15", "kst-36410-IV-15", None);
    assert_ref(
        &text,
        &all,
        RefKind::Kamerstuk,
        "Kamerstukken ll 2023/24, 36 410 VIII, nr. 106",
        "kst-36410-VIII-106",
        None,
    );
    assert_ref(&text, &all, RefKind::Kamerstuk, "Kamerstukken II2015–16, 34 104, nr. 128", "kst-34104-128", None);
}

#[test]
fn kamerstuk_glued_and_without_nr() {
    let text = fixture("refs_kamerstukken.txt");
    let all = refs(&text);
    assert_ref(&text, &all, RefKind::Kamerstuk, "Kamerstuk23 432, nr.537", "kst-23432-537", None);
    assert_ref(&text, &all, RefKind::Kamerstuk, "Kamerstuk 21501-20-2128", "kst-21501-20-2128", None);
    assert_ref(&text, &all, RefKind::Kamerstuk, "36 471-64", "kst-36471-64", Some(&kst_url("kst-36471-64")));
    assert_ref(&text, &all, RefKind::Kamerstuk, "Kamerstuk, 28 828, nr. 70", "kst-28828-70", None);
    assert_ref(&text, &all, RefKind::Kamerstuk, "31 839, nr. 1024", "kst-31839-1024", None);
}

#[test]
fn kamerstuk_broken_over_a_line() {
    let text = fixture("refs_kamerstukken.txt");
    let all = refs(&text);
    assert_ref(&text, &all, RefKind::Kamerstuk, "Kamerstuk 29 023,\nnr. 487", "kst-29023-487", None);
}

#[test]
fn several_numbers_are_several_kamerstukken() {
    let text = fixture("refs_kamerstukken.txt");
    let all = refs(&text);
    assert_ref(&text, &all, RefKind::Kamerstuk, "Kamerstuk 25 424, nr. 679", "kst-25424-679", None);
    assert_ref(&text, &all, RefKind::Kamerstuk, "nr. 684", "kst-25424-684", None);
    assert_ref(&text, &all, RefKind::Kamerstuk, "685", "kst-25424-685", None);
}

#[test]
fn kamerstuk_traps() {
    let text = fixture("refs_kamerstukken.txt");
    let all = refs(&text);
    let kst = targets(&text, &all, RefKind::Kamerstuk);
    assert!(kst.contains(&"kst-32813-1395".to_string()), "{kst:#?}");
    assert!(!kst.contains(&"kst-32813-2".to_string()), "\"2 mei\" is a date: {kst:#?}");
    assert!(kst.iter().all(|k| !k.contains("2023Z") && !k.contains("25000") && !k.contains("20232024")), "{kst:#?}");
    assert_eq!(kst.len(), 14, "{kst:#?}");
}

#[test]
fn aanhangsel_and_handelingen() {
    let text = fixture("refs_kamerstukken.txt");
    let all = refs(&text);
    let t = "ah-tk-20232024-2147";
    assert_ref(
        &text,
        &all,
        RefKind::Aanhangsel,
        "Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 2147",
        t,
        Some(&kst_url(t)),
    );
    assert_ref(
        &text,
        &all,
        RefKind::Aanhangsel,
        "Aanhangsel Handelin-\ngen, vergaderjaar 2023–2024, nr. 1045",
        "ah-tk-20232024-1045",
        None,
    );
    assert_ref(
        &text,
        &all,
        RefKind::Handelingen,
        "Handelingen II 2023/24, nr. 45, item 12",
        "h-tk-20232024-45-12",
        Some(&kst_url("h-tk-20232024-45-12")),
    );
    assert_eq!(of_kind(&text, &all, RefKind::Aanhangsel).len(), 2, "the masthead is not a reference");
}

#[test]
fn kamerstuk_lists_and_spaces() {
    let text = "Zie Kamerstukken II 2023/24, 21 501-02, nrs. 2800 en 2801 en de brief 36\u{a0}600 VII, nr. 12.";
    let all = refs(text);
    assert_eq!(
        targets(text, &all, RefKind::Kamerstuk),
        vec!["kst-21501-02-2800", "kst-21501-02-2801", "kst-36600-VII-12"]
    );
}

#[test]
fn two_citations_joined_by_en() {
    let text = "(Kamerstukken 21 501-32, nr. 1630 en 21 501-32, nr. 1631) en Kamerstuk 36 200-A, nr. 5 en Kamerstuk 36410-IV-15.";
    let all = refs(text);
    assert_eq!(
        targets(text, &all, RefKind::Kamerstuk),
        vec!["kst-21501-32-1630", "kst-21501-32-1631", "kst-36200-A-5", "kst-36410-IV-15"]
    );
}

#[test]
fn eu_law_older_numbering() {
    let text = "Richtlijn 95/46/EG, Verordening (EEG) nr. 1408/71 en Regulation (EU) No 1025/2012.";
    let all = refs(text);
    assert_eq!(targets(text, &all, RefKind::EuLaw), vec!["31995L0046", "31971R1408", "32012R1025"]);
}

// ---------------------------------------------------------------- Motions

fn motions_ctx(text: &str) -> (Vec<Footnote>, Vec<(u32, String)>) {
    let marker = text.find("c.s.2?").map(|i| Span::new(i + 4, i + 5)).unwrap_or_default();
    let def = text.rfind("2 Kamerstuk").unwrap_or(0);
    let footnote = Footnote {
        number: 2,
        span: Span::new(def, text.len()),
        text: "Kamerstuk 36 410 VIII, nr. 82".into(),
        markers: vec![marker],
    };
    let answers = [1, 2, 3, 5, 6, 7, 8].iter().map(|n| (*n, format!("a{n}"))).collect();
    (vec![footnote], answers)
}

#[test]
fn motions_by_name_and_with_their_kamerstuk() {
    let text = fixture("refs_motions.txt");
    let (footnotes, answer_for_question) = motions_ctx(&text);
    let all = find(&text, &RefContext { answer_for_question, footnotes: &footnotes });
    assert_ref(&text, &all, RefKind::Motion, "motie Boswijk c.s.", "motie Boswijk c.s.", None);
    assert_ref(&text, &all, RefKind::Motion, "motie-Simons c.s.", "motie-Simons c.s.", None);
    assert_ref(
        &text,
        &all,
        RefKind::Motion,
        "motie van de leden Erkens en Grinwis",
        "kst-36197-15",
        Some(&kst_url("kst-36197-15")),
    );
    assert_ref(&text, &all, RefKind::Motion, "motie Bikker/Omtzigt", "kst-36410-74", None);
    assert_ref(&text, &all, RefKind::Motion, "motie-Bruins Slot/Pia Dijkstra", "motie-Bruins Slot/Pia Dijkstra", None);
    assert_ref(&text, &all, RefKind::Motion, "motie Joseph-\nAgema", "motie Joseph-Agema", None);
}

#[test]
fn motion_linked_through_its_footnote() {
    let text = fixture("refs_motions.txt");
    let (footnotes, answer_for_question) = motions_ctx(&text);
    let all = find(&text, &RefContext { answer_for_question, footnotes: &footnotes });
    assert_ref(&text, &all, RefKind::Motion, "motie van het lid Van\nZanten c.s.", "kst-36410-VIII-82", None);
    // Named again without a marker: the same members' motion.
    assert_ref(&text, &all, RefKind::Motion, "motie van het lid Van Zanten c.s.", "kst-36410-VIII-82", None);
}

#[test]
fn motion_of_members_with_two_motions_is_not_guessed() {
    let text = "Motie Bikker, Kamerstuk 36 410, nr. 31 en de motie Bikker (Kamerstuk 36 410, nr. 74); de motie Bikker.";
    let all = refs(text);
    let motions = targets(text, &all, RefKind::Motion);
    assert_eq!(motions, vec!["kst-36410-31", "kst-36410-74", "motie Bikker"]);
}

#[test]
fn motion_traps() {
    let text = fixture("refs_motions.txt");
    let all = refs(&text);
    assert_eq!(of_kind(&text, &all, RefKind::Motion).len(), 8, "{:#?}", of_kind(&text, &all, RefKind::Motion));
}

// ---------------------------------------------------------------- Cross-references

#[test]
fn cross_references_target_the_answer() {
    let text = fixture("refs_motions.txt");
    let (footnotes, answer_for_question) = motions_ctx(&text);
    let all = find(&text, &RefContext { answer_for_question, footnotes: &footnotes });
    assert_ref(&text, &all, RefKind::CrossReference, "antwoord op vraag 7", "a7", None);
    assert_ref(&text, &all, RefKind::CrossReference, "antwoord op vraag 5", "a5", None);
    assert_ref(&text, &all, RefKind::CrossReference, "antwoorden op de vragen 2", "a2", None);
    assert_ref(&text, &all, RefKind::CrossReference, "6", "a6", None);
    assert_ref(&text, &all, RefKind::CrossReference, "8", "a8", None);
    assert_ref(&text, &all, RefKind::CrossReference, "vraag 3", "a3", None);
    let n = of_kind(&text, &all, RefKind::CrossReference).len();
    assert_eq!(n, 6, "the heading \"Antwoord op vraag 2\" is not a cross-reference");
}

#[test]
fn cross_reference_to_an_unknown_answer_is_left_out() {
    let text = "Zie het antwoord op vraag 9.";
    let ctx = RefContext { answer_for_question: vec![(1, "a1".into())], footnotes: &[] };
    assert!(find(text, &ctx).is_empty());
}

// ---------------------------------------------------------------- Legal sources

#[test]
fn un_regulations_two_from_one_phrase() {
    let text = fixture("refs_legal.txt");
    let all = refs(&text);
    assert_ref(&text, &all, RefKind::UnRegulation, "UN Reglement R155", "R155", None);
    assert_ref(&text, &all, RefKind::UnRegulation, "R156", "R156", None);
    assert_eq!(of_kind(&text, &all, RefKind::UnRegulation).len(), 2, "\"deze reglementen\" names none");
}

#[test]
fn eu_law_to_celex() {
    let text = fixture("refs_legal.txt");
    let all = refs(&text);
    assert_ref(
        &text,
        &all,
        RefKind::EuLaw,
        "verordening 2019/2144/EU",
        "32019R2144",
        Some("https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32019R2144"),
    );
    assert_ref(&text, &all, RefKind::EuLaw, "Verordening (EU) 2023/1115", "32023R1115", None);
    assert_ref(&text, &all, RefKind::EuLaw, "Richtlijn (EU) 2016/680", "32016L0680", None);
    assert_ref(&text, &all, RefKind::EuLaw, "btw-richtlijn (2006/112)", "32006L0112", None);
    assert_ref(&text, &all, RefKind::EuLaw, "Verordening (EG) nr. 1907/2006", "32006R1907", None);
    assert_eq!(
        of_kind(&text, &all, RefKind::EuLaw).len(),
        5,
        "OESO-richtlijnen and a bare verordening are not EU acts"
    );
}

#[test]
fn ecli_also_when_broken() {
    let text = fixture("refs_legal.txt");
    let all = refs(&text);
    assert_ref(
        &text,
        &all,
        RefKind::Ecli,
        "ECLI:NL:RVS:2024:3946",
        "ECLI:NL:RVS:2024:3946",
        Some("https://uitspraken.rechtspraak.nl/details?id=ECLI:NL:RVS:2024:3946"),
    );
    assert_ref(
        &text,
        &all,
        RefKind::Ecli,
        "ECLI:NL-\n:RBDHA:2023:2055",
        "ECLI:NL:RBDHA:2023:2055",
        Some("https://uitspraken.rechtspraak.nl/details?id=ECLI:NL:RBDHA:2023:2055"),
    );
}

#[test]
fn law_articles() {
    let text = fixture("refs_legal.txt");
    let all = refs(&text);
    assert_ref(
        &text,
        &all,
        RefKind::LawArticle,
        "artikel 31, eerste lid, van de Huisvestingswet 2014",
        "art. 31 lid 1 Huisvestingswet 2014",
        None,
    );
    assert_ref(&text, &all, RefKind::LawArticle, "artikelen 3:10", "art. 3:10 Wft", None);
    assert_ref(&text, &all, RefKind::LawArticle, "3:17 Wft", "art. 3:17 Wft", None);
    assert_ref(&text, &all, RefKind::LawArticle, "artikel 2.1", "art. 2.1 Wet dieren", None);
    assert_ref(&text, &all, RefKind::LawArticle, "artikel 8.11 van de Wet dieren", "art. 8.11 Wet dieren", None);
    assert_ref(&text, &all, RefKind::LawArticle, "artikel 68 Grondwet", "art. 68 Grondwet", None);
    assert_eq!(of_kind(&text, &all, RefKind::LawArticle).len(), 6, "a newspaper \"artikel\" is not a law article");
}

// ---------------------------------------------------------------- Whole documents

#[test]
fn nothing_inside_a_url_is_reported_again() {
    let text = fixture("refs_urls.txt");
    let all = refs(&text);
    let urls: Vec<Span> = all.iter().filter(|r| r.kind == RefKind::Url).map(|r| r.span).collect();
    for r in all.iter().filter(|r| r.kind != RefKind::Url) {
        assert!(!urls.iter().any(|u| u.overlaps(r.span)), "{r:?} inside a URL");
    }
}

#[test]
fn spans_are_valid_sorted_and_never_overlap_within_a_kind() {
    for name in ["refs_urls.txt", "refs_kamerstukken.txt", "refs_legal.txt", "refs_motions.txt", "seed.txt"] {
        let text = fixture(name);
        let all = refs(&text);
        for r in &all {
            assert!(r.span.end <= text.len() && r.span.start < r.span.end, "{name}: {r:?}");
            assert!(text.is_char_boundary(r.span.start) && text.is_char_boundary(r.span.end), "{name}: {r:?}");
        }
        for w in all.windows(2) {
            assert!(w[0].span.start <= w[1].span.start, "{name}: out of order");
            assert!(!w[0].span.overlaps(w[1].span), "{name}: {:?} overlaps {:?}", w[0], w[1]);
        }
    }
}

#[test]
fn the_seed_document() {
    let text = fixture("seed.txt");
    let doc = kamervragen::parse(&text);
    let kst = targets(&text, &doc.references, RefKind::Kamerstuk);
    assert!(kst.contains(&"kst-21501-20-2068".to_string()), "{kst:?}");
    let un = targets(&text, &doc.references, RefKind::UnRegulation);
    assert_eq!(un, vec!["R155", "R156"]);
    assert!(targets(&text, &doc.references, RefKind::EuLaw).contains(&"32019R2144".to_string()));
}

proptest! {
    #[test]
    fn never_panics_and_spans_stay_valid(s in "(?s).{0,300}") {
        let all = refs(&s);
        for r in &all {
            prop_assert!(r.span.end <= s.len() && s.is_char_boundary(r.span.start) && s.is_char_boundary(r.span.end));
            if let Some(u) = &r.url {
                prop_assert!(u.starts_with("https://") || u.starts_with("http://"));
            }
        }
    }

    #[test]
    fn never_panics_on_reference_like_noise(s in "([Kk]amerstuk|https://|www\\.|ECLI:NL|motie |artikel |antwoord op vraag |[0-9]{1,5}|, nr\\. ?|[-/ \n(),.:]|Handelingen|vergaderjaar 2023–2024|verordening|\\(EU\\)|R15|ë|€){0,40}") {
        let all = refs(&s);
        for r in &all {
            prop_assert!(r.span.end <= s.len() && s.is_char_boundary(r.span.start) && s.is_char_boundary(r.span.end));
        }
    }
}

#[test]
fn urls_glued_to_their_surroundings() {
    let text = fixture("refs_urls_glued.txt");
    let doc = kamervragen::parse(&text);
    let all = &doc.references;
    let covered: Vec<String> = of_kind(&text, all, RefKind::Url).into_iter().map(|(c, _, _)| c).collect();
    assert_eq!(
        covered,
        [
            // "(…)en": the closing parenthesis and the word glued after it are not the URL's.
            "https://www.nos.nl/artikel/2519-lek",
            // A parenthesis the URL opened itself is kept.
            "https://nl.wikipedia.org/wiki/Lek_(rivier)",
            // "….De brief": a new sentence glued after the full stop.
            "www.rijksoverheid.nl/documenten/brief",
            // ",en": a word glued after a comma.
            "https://www.overheid.nl/regels/wet",
            // ".3 Daarnaast": a footnote marker glued after the full stop.
            "https://www.example.nl/toelichting",
            // ")4": a marker after the parenthesis.
            "https://www.example.nl/bijlage",
            // Two URLs glued together, with or without a footnote number between.
            "https://www.a.nl/eerste",
            "https://www.b.nl/tweede",
            "https://www.c.nl/derde",
            "https://www.d.nl/vierde?id=2",
            // Footnote numbers glued to the URL: "1https://…", "3www.…", after a page footer "4https://…".
            "https://www.nos.nl/artikel/2519-lek",
            "www.example.nl/toelichting",
            "https://www.example.nl/bijlage",
        ]
    );
    assert_ref(
        &text,
        all,
        RefKind::Url,
        "www.example.nl/toelichting",
        "www.example.nl/toelichting",
        Some("https://www.example.nl/toelichting"),
    );
    let notes: Vec<(u32, &str)> = doc.footnotes.iter().map(|f| (f.number, f.span.slice(&text))).collect();
    assert_eq!(
        notes,
        [
            (1, "1https://www.nos.nl/artikel/2519-lek"),
            (2, "2Kamerstukken II 2023/24, 21 501-20, nr. 2068"),
            (3, "3www.example.nl/toelichting"),
            (4, "4https://www.example.nl/bijlage"),
            (5, "5Kamerstuk 32 140, nr. 174"),
        ]
    );
}

#[test]
fn url_signs_inside_a_query_stay() {
    let text = "Zie https://www.x.nl/zoek?q=a,b en https://www.x.nl/r?id=2.3 en https://www.x.nl/v1.2 en https://www.x.nl/r.pdf.";
    let all = refs(text);
    let covered: Vec<String> = of_kind(text, &all, RefKind::Url).into_iter().map(|(c, _, _)| c).collect();
    assert_eq!(
        covered,
        ["https://www.x.nl/zoek?q=a,b", "https://www.x.nl/r?id=2.3", "https://www.x.nl/v1.2", "https://www.x.nl/r.pdf"]
    );
}

#[test]
fn urls_inside_urls_and_urls_glued_in_other_ways() {
    let text = fixture("refs_urls_nested.txt");
    let doc = kamervragen::parse(&text);
    let covered: Vec<String> = of_kind(&text, &doc.references, RefKind::Url).into_iter().map(|(c, _, _)| c).collect();
    assert_eq!(
        covered,
        [
            // A URL inside a URL's path (an archive link) or query (a redirect) is the one URL.
            "https://web.archive.org/web/2024/https://www.nos.nl/artikel/2520",
            "https://www.google.com/url?q=https://www.rivm.nl/rapport",
            // "x(https://…)": the parenthesis between them is neither's.
            "https://www.overheid.nl/wet",
            "https://www.overheid.nl/toelichting",
            // A full stop between them.
            "https://www.a.nl/eerste",
            "https://www.b.nl/tweede",
            // A URL without a scheme runs into one with a scheme.
            "www.c.nl/derde",
            "https://www.d.nl/vierde",
            // A footnote number and "www." glued after a URL.
            "https://www.e.nl/vijfde",
            "www.f.nl/zesde",
            // "Https://": a word processor's capital.
            "Https://www.rijksoverheid.nl/documenten/rapport",
        ]
    );
    assert_ref(
        &text,
        &doc.references,
        RefKind::Url,
        "Https://www.rijksoverheid.nl/documenten/rapport",
        "Https://www.rijksoverheid.nl/documenten/rapport",
        Some("https://www.rijksoverheid.nl/documenten/rapport"),
    );
    assert_eq!(doc.footnotes.len(), 1, "{:?}", doc.footnotes);
}
