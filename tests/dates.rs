//! The date finder: one test per shape, and the traps that are not dates.

mod common;

use common::fixture;
use kamervragen::dates::{self, DateContext};
use kamervragen::model::{DateRole, DiagnosticCode, Precision, Span};

/// (text covered, iso, precision) of every date found in `text`, with the
/// document's date `anchor`.
fn found(text: &str, anchor: (i32, u32, u32)) -> Vec<(String, String, Precision)> {
    let ctx = DateContext { anchor: Some(anchor), ..DateContext::default() };
    dates::find(text, &ctx).into_iter().map(|d| (d.span.slice(text).to_string(), d.iso, d.precision)).collect()
}

/// Only the day-precision dates: (text covered, iso).
fn days(text: &str, anchor: (i32, u32, u32)) -> Vec<(String, String)> {
    found(text, anchor).into_iter().filter(|d| d.2 == Precision::Day).map(|d| (d.0, d.1)).collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter().map(|(a, b)| ((*a).to_string(), (*b).to_string())).collect()
}

const SEPT_2024: (i32, u32, u32) = (2024, 9, 3);

#[test]
fn full_dates() {
    assert_eq!(days("(ingezonden 8 augustus 2024).", SEPT_2024), pairs(&[("8 augustus 2024", "2024-08-08")]));
    assert_eq!(days("NOS, d.d. 14 juli 2023, «Kritiek»", SEPT_2024), pairs(&[("14 juli 2023", "2023-07-14")]));
    assert_eq!(days("(d.d.14 juli 2023)", SEPT_2024), pairs(&[("14 juli 2023", "2023-07-14")]));
    assert_eq!(days("Argos, 27 september, 2023, www", SEPT_2024), pairs(&[("27 september, 2023", "2023-09-27")]));
    assert_eq!(days("Op 1 januari 2024 begon", SEPT_2024), pairs(&[("1 januari 2024", "2024-01-01")]));
}

#[test]
fn glued_dates() {
    assert_eq!(days("sinds 1 oktober2024 geldt", SEPT_2024), pairs(&[("1 oktober2024", "2024-10-01")]));
    assert_eq!(days("het besluit van21 februari jl. over", SEPT_2024), pairs(&[("21 februari jl.", "2024-02-21")]));
    assert_eq!(
        days("op donderdag 24 oktober jongstledentevens een", (2024, 11, 18)),
        pairs(&[("donderdag 24 oktober jongstleden", "2024-10-24")])
    );
}

#[test]
fn footnote_marker_glued_to_the_year() {
    assert_eq!(days("de Kamerbrief van 14 juli 20235  waarin", SEPT_2024), pairs(&[("14 juli 2023", "2023-07-14")]));
}

#[test]
fn date_broken_over_a_line() {
    assert_eq!(days("(ingezonden 5 juni\n2024).", SEPT_2024), pairs(&[("5 juni\n2024", "2024-06-05")]));
    assert_eq!(days("(ontvangen\n13 november 2023).", SEPT_2024), pairs(&[("13 november 2023", "2023-11-13")]));
    // Two line breaks end the date.
    assert_eq!(days("op 5 maart\n\n2024 nog", SEPT_2024), pairs(&[("5 maart", "2024-03-05")]));
    // A break between day and month, but not after a page number.
    assert_eq!(days("sinds 5\nmaart 2024 nog", SEPT_2024), pairs(&[("5\nmaart 2024", "2024-03-05")]));
    assert_eq!(days("einde pagina.\n3\nMaart is een maand", SEPT_2024), vec![]);
}

#[test]
fn typos_and_abbreviations() {
    assert_eq!(days("Den Haag, 21 febuari 2023, ECLI", SEPT_2024), pairs(&[("21 febuari 2023", "2023-02-21")]));
    assert_eq!(days("op 3 okt. 2023 werd", SEPT_2024), pairs(&[("3 okt. 2023", "2023-10-03")]));
    // A typo is only read after a day number.
    assert!(found("de febuari-regeling", SEPT_2024).is_empty());
}

#[test]
fn without_year_jl_is_the_most_recent_on_or_before_the_document_date() {
    assert_eq!(days("de brief van 31 juli jl. gaat", SEPT_2024), pairs(&[("31 juli jl.", "2024-07-31")]));
    assert_eq!(days("de brief van 15 december jl. gaat", (2024, 5, 21)), pairs(&[("15 december jl.", "2023-12-15")]));
    assert_eq!(days("op 24 mei jongstleden", SEPT_2024), pairs(&[("24 mei jongstleden", "2024-05-24")]));
    assert_eq!(days("op 3 september j.l. sprak", SEPT_2024), pairs(&[("3 september j.l.", "2024-09-03")]));
    assert_eq!(days("afgelopen 24 april sprak", SEPT_2024), pairs(&[("afgelopen 24 april", "2024-04-24")]));
    assert_eq!(days("op 29 februari jl.", (2025, 3, 1)), pairs(&[("29 februari jl.", "2024-02-29")]));
}

#[test]
fn without_year_or_suffix_is_the_documents_year() {
    assert_eq!(days("Op 26 september vindt de top plaats.", SEPT_2024), pairs(&[("26 september", "2024-09-26")]));
    assert_eq!(days("per 1 januari a.s. geldt", SEPT_2024), pairs(&[("1 januari a.s.", "2025-01-01")]));
    assert_eq!(
        days("tussen 1 december 2023 en 31 januari\ndit jaar", SEPT_2024),
        pairs(&[("1 december 2023", "2023-12-01"), ("31 januari\ndit jaar", "2024-01-31")])
    );
}

#[test]
fn weekday_is_checked_against_the_calendar() {
    let text = "tijdens de bijeenkomst van dinsdag 31 juli jl., waarin";
    let ctx = DateContext { anchor: Some(SEPT_2024), ..DateContext::default() };
    let scan = dates::scan(text, &ctx);
    assert_eq!(scan.dates.len(), 1);
    assert_eq!(scan.dates[0].span.slice(text), "dinsdag 31 juli jl.");
    assert_eq!(scan.dates[0].iso, "2024-07-31");
    assert_eq!(scan.diagnostics.len(), 1, "31 July 2024 was a Wednesday");
    assert_eq!(scan.diagnostics[0].code, DiagnosticCode::WeekdayMismatch);
    assert!(
        scan.diagnostics[0].message.contains("woensdag"),
        "names the real weekday: {}",
        scan.diagnostics[0].message
    );
    assert_eq!(scan.diagnostics[0].span.slice(text), "dinsdag 31 juli jl.");

    let right = dates::scan("van woensdag 31 juli jl. en", &ctx);
    assert!(right.diagnostics.is_empty());
}

#[test]
fn impossible_day_is_a_diagnostic_not_a_date() {
    let ctx = DateContext::default();
    let scan = dates::scan("op 31 april 2024 werd", &ctx);
    assert!(scan.dates.is_empty());
    assert_eq!(scan.diagnostics.len(), 1);
}

#[test]
fn lists_give_one_date_per_day() {
    assert_eq!(
        days("op 14, 15 en 16 maart jl. vond", SEPT_2024),
        pairs(&[("14", "2024-03-14"), ("15", "2024-03-15"), ("16 maart jl.", "2024-03-16")])
    );
    assert_eq!(
        days("de Conference – November 7 and 8, 2023 – Amsterdam", SEPT_2024),
        pairs(&[("November 7", "2023-11-07"), ("8, 2023", "2023-11-08")])
    );
    // Without a conjunction it is no list: "Schiedam 24" is a news site.
    assert_eq!(days("Schiedam 24, 26 maart 2024, «Politie»", SEPT_2024), pairs(&[("26 maart 2024", "2024-03-26")]));
    // Question numbers are no days.
    assert_eq!(days("de vragen 3 en 4 mei jl.", SEPT_2024), pairs(&[("4 mei jl.", "2024-05-04")]));
}

#[test]
fn ranges_give_two_dates() {
    assert_eq!(
        days("Van 1 juli t/m 30 september jl. zijn", (2024, 11, 18)),
        pairs(&[("1 juli", "2024-07-01"), ("30 september jl.", "2024-09-30")])
    );
    assert_eq!(
        days("In de periode 1 augustus 2021 t/m 30 september 2024 zijn", SEPT_2024),
        pairs(&[("1 augustus 2021", "2021-08-01"), ("30 september 2024", "2024-09-30")])
    );
    // The start of a range lies before its end, across a year boundary.
    assert_eq!(
        days("van 1 december tot en met 31 januari jl.", (2024, 3, 1)),
        pairs(&[("1 december", "2023-12-01"), ("31 januari jl.", "2024-01-31")])
    );
    assert_eq!(
        days("van 1 november 2023 tot 31 januari", SEPT_2024),
        pairs(&[("1 november 2023", "2023-11-01"), ("31 januari", "2024-01-31")])
    );
}

#[test]
fn numeric_dates() {
    assert_eq!(days("zie 12-10-2023 en", SEPT_2024), pairs(&[("12-10-2023", "2023-10-12")]));
    assert_eq!(days("de brief (11-10-2024) meldt", SEPT_2024), pairs(&[("11-10-2024", "2024-10-11")]));
    assert_eq!(days("Standmaand/peildatum:\n30-09-2024. De", SEPT_2024), pairs(&[("30-09-2024", "2024-09-30")]));
    assert_eq!(
        days("op 1/2/2024 en 2024-10-12.", SEPT_2024),
        pairs(&[("1/2/2024", "2024-02-01"), ("2024-10-12", "2024-10-12")])
    );
    assert!(days("versie 1.2.3 en 13-13-2024 en 12-10-20245", SEPT_2024).is_empty());
}

#[test]
fn english_dates() {
    assert_eq!(
        days("the Security Council, 15 April 2024 [EN/AR]", SEPT_2024),
        pairs(&[("15 April 2024", "2024-04-15")])
    );
    assert_eq!(days("ruling (14 September 2022) held", SEPT_2024), pairs(&[("14 September 2022", "2022-09-14")]));
    assert_eq!(days("on 25 October 2024.", SEPT_2024), pairs(&[("25 October 2024", "2024-10-25")]));
    assert_eq!(days("Forbes, Januari 25, 2023. What", SEPT_2024), pairs(&[("Januari 25, 2023", "2023-01-25")]));
    // English-only month names need a year: "may" is a verb.
    assert!(found("we may 5 times", SEPT_2024).is_empty());
}

#[test]
fn coarser_dates_have_their_precision() {
    let f = found("In maart 2022 en juli jl., afgelopen november, in april vorige jaar en in 2021.", (2024, 3, 7));
    let want = [
        ("maart 2022", "2022-03", Precision::Month),
        ("juli jl.", "2023-07", Precision::Month),
        ("afgelopen november", "2023-11", Precision::Month),
        ("april vorige jaar", "2023-04", Precision::Month),
        ("2021", "2021", Precision::Year),
    ];
    let want: Vec<_> = want.iter().map(|(a, b, p)| ((*a).to_string(), (*b).to_string(), *p)).collect();
    assert_eq!(f, want);
}

#[test]
fn vague_dates() {
    let f = found(
        "begin dit jaar, medio 2024, Q1 2024, het eerste kwartaal van 2025, na de zomer, eind dit jaar, \
         eind mei, begin juli van dit jaar, in de zomer van 2023, najaar 2024",
        (2024, 6, 1),
    );
    let got: Vec<(&str, &str)> =
        f.iter().filter(|d| d.2 == Precision::Vague).map(|d| (d.0.as_str(), d.1.as_str())).collect();
    assert_eq!(
        got,
        vec![
            ("begin dit jaar", "2024"),
            ("medio 2024", "2024"),
            ("Q1 2024", "2024"),
            ("eerste kwartaal van 2025", "2025"),
            ("na de zomer", "2024"),
            ("eind dit jaar", "2024"),
            ("eind mei", "2024-05"),
            ("begin juli van dit jaar", "2024-07"),
            ("in de zomer van 2023", "2023"),
            ("najaar 2024", "2024"),
        ]
    );
    assert_eq!(f.len(), got.len(), "nothing else: {f:?}");
}

#[test]
fn years_only_as_time_references() {
    let f = found("sinds 2019, van 2016 tot 2020, vanaf 2025; 2024 mensen en 1500 euro", SEPT_2024);
    let got: Vec<&str> = f.iter().map(|d| d.0.as_str()).collect();
    assert_eq!(got, ["2019", "2016", "2020", "2025"]);
    assert!(f.iter().all(|d| d.2 == Precision::Year));
    assert!(found("in 2024 procent", SEPT_2024).is_empty());
}

#[test]
fn traps_are_not_dates() {
    let text = fixture("dates_traps.txt");
    let f = found(&text, SEPT_2024);
    let got: Vec<(&str, &str)> = f.iter().map(|d| (d.0.as_str(), d.1.as_str())).collect();
    assert_eq!(got, vec![("10 oktober 2023", "2023-10-10"), ("26 maart 2024", "2024-03-26")]);
}

#[test]
fn skip_spans_hide_dates() {
    let text = "Zie https://example.nl/1-mei-2024/x en 2 mei 2024.";
    let url_end = text.find(" en").unwrap_or(0);
    let ctx = DateContext { anchor: Some(SEPT_2024), skip: vec![Span::new(4, url_end)], ..DateContext::default() };
    let got: Vec<&str> = dates::find(text, &ctx).iter().map(|d| d.span.slice(text)).collect();
    assert_eq!(got, ["2 mei 2024"]);
    // Even without the skip span, the URL's digits are no date.
    assert_eq!(days("Zie https://example.nl/archief/1 mei 2024/x", SEPT_2024), vec![]);
}

#[test]
fn questions_resolve_against_the_submitted_date() {
    // Submitted 27 September, received 18 November: "1 oktober jl." in the
    // question is 2023's, in the answer 2024's.
    let text = "Vraag: wat gebeurde op 1 oktober jl.?\nAntwoord: op 1 oktober jl. niets.";
    let q_end = text.find('\n').unwrap_or(0);
    let ctx = DateContext {
        anchor: Some((2024, 11, 18)),
        written_from: Some((2024, 9, 27)),
        questions: vec![Span::new(0, q_end)],
        skip: vec![],
    };
    let iso: Vec<String> = dates::find(text, &ctx).into_iter().map(|d| d.iso).collect();
    assert_eq!(iso, ["2023-10-01", "2024-10-01"]);
}

#[test]
fn a_letter_without_header_dates_uses_its_own_date() {
    let text = fixture("dates_letter.txt");
    let f = found_without_anchor(&text);
    assert_eq!(
        f,
        vec![
            ("7 november 2023".to_string(), "2023-11-07".to_string(), Precision::Day),
            ("10 oktober 2023".to_string(), "2023-10-10".to_string(), Precision::Day),
            ("26 juni jl.".to_string(), "2023-06-26".to_string(), Precision::Day),
            ("27 september, 2023".to_string(), "2023-09-27".to_string(), Precision::Day),
            ("februari 2022".to_string(), "2022-02".to_string(), Precision::Month),
        ]
    );
}

fn found_without_anchor(text: &str) -> Vec<(String, String, Precision)> {
    dates::find(text, &DateContext::default())
        .into_iter()
        .map(|d| (d.span.slice(text).to_string(), d.iso, d.precision))
        .collect()
}

#[test]
fn whole_document_roles_and_diagnostics() {
    let text = fixture("dates_document.txt");
    let doc = kamervragen::parse(&text);
    let got: Vec<(&str, &str, Option<DateRole>)> =
        doc.dates.iter().map(|d| (d.span.slice(&text), d.iso.as_str(), d.role)).collect();
    let day = |s: &'static str, i: &'static str| (s, i, None);
    assert_eq!(
        got,
        vec![
            ("8 augustus\n2024", "2024-08-08", Some(DateRole::Submitted)),
            ("3 september 2024", "2024-09-03", Some(DateRole::Received)),
            day("woensdag 31 juli jl.", "2024-07-31"),
            day("31 juli jl.", "2024-07-31"),
            day("14", "2024-03-14"),
            day("15", "2024-03-15"),
            day("16 maart jl.", "2024-03-16"),
            day("26 september", "2024-09-26"),
            day("1 juli", "2024-07-01"),
            day("31 augustus jl.", "2024-08-31"),
            day("30-09-2024", "2024-09-30"),
            day("dinsdag 27 augustus jl.", "2024-08-27"),
            day("2 september 2024", "2024-09-02"),
        ]
    );
    assert!(doc.diagnostics.iter().all(|d| d.code != DiagnosticCode::WeekdayMismatch), "{:?}", doc.diagnostics);
}

#[test]
fn parse_day_month_year_reads_header_dates() {
    assert_eq!(dates::parse_day_month_year("(ingezonden 8 augustus 2024)").as_deref(), Some("2024-08-08"));
    assert_eq!(dates::parse_day_month_year("(ontvangen 5 juni\n2024)").as_deref(), Some("2024-06-05"));
    assert_eq!(dates::parse_day_month_year("(ingezonden 31 juli jl.)"), None);
    assert_eq!(kamervragen::calendar::month_from_name("Augustus"), Some(8));
    assert_eq!(kamervragen::calendar::month_from_name("augustusx"), None);
}

#[test]
fn spans_are_on_char_boundaries_for_any_input() {
    let inputs = [
        "ë31 juli jl.ë",
        "31 ▯juli",
        "— 1 mei —",
        "1\u{a0}mei\u{a0}2024",
        "maart",
        "31",
        "Q",
        "Q1",
        "begin",
        "afgelopen",
        "1, 2, 3, 4, 5, 6, 7, 8, 9, 10 en 11 mei",
        "t/",
        "j.",
        "2024-",
        "1-2-",
        "\u{202f}14\u{202f}juli\u{202f}2023",
    ];
    for text in inputs {
        let scan = dates::scan(text, &DateContext { anchor: Some(SEPT_2024), ..DateContext::default() });
        for d in &scan.dates {
            assert!(
                d.span.end <= text.len() && text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end)
            );
        }
    }
    let nbsp = days("1\u{a0}mei\u{a0}2024", SEPT_2024);
    assert_eq!(nbsp, pairs(&[("1\u{a0}mei\u{a0}2024", "2024-05-01")]));
}

mod hostile {
    use super::*;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "1",
        "14",
        "31",
        "2024",
        "20235",
        "12-10-2023",
        " ",
        "\n",
        ",",
        ".",
        "-",
        "/",
        "t/m",
        "en",
        "jl.",
        "j.l.",
        "jongstleden",
        "a.s.",
        "mei",
        "juli",
        "febuari",
        "okt.",
        "October",
        "May",
        "woensdag",
        "afgelopen",
        "begin",
        "dit jaar",
        "van",
        "Q",
        "Q1",
        "zomer",
        "na de",
        "eerste kwartaal",
        "https://x.nl/",
        "ë",
        "\u{a0}",
        "—",
        "€",
    ];

    proptest! {
        #[test]
        fn never_panics_and_spans_are_valid(parts in proptest::collection::vec(0..PIECES.len(), 0..40),
                                           year in 1990i32..2030, month in 1u32..13) {
            let text: String = parts.iter().map(|i| PIECES[*i]).collect();
            let ctx = DateContext {
                anchor: Some((year, month, 28)),
                written_from: Some((year, month, 1)),
                questions: vec![Span::new(0, text.len() / 2)],
                skip: vec![Span::new(text.len() / 3, text.len() / 3)],
            };
            let scan = dates::scan(&text, &ctx);
            for d in &scan.dates {
                prop_assert!(d.span.start < d.span.end && d.span.end <= text.len());
                prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
            }
            prop_assert!(scan.dates.windows(2).all(|w| w[0].span.end <= w[1].span.start), "in order, disjoint");
            for d in &scan.diagnostics {
                prop_assert!(d.span.end <= text.len());
            }
            let _ = dates::parse_day_month_year(&text);
        }
    }

    /// Long runs of one shape are read to the end with valid spans (how the
    /// time grows with their length is measured in `benches/hostile.rs`).
    #[test]
    fn long_repetitions_are_read() {
        for unit in
            ["1, ", "1 en ", "1 mei ", "31 juli jl. ", "mei 1 en ", "0", "a", "1-1-", "begin van ", "\n1 mei 2024"]
        {
            let text = unit.repeat(40_000);
            let ctx = DateContext { anchor: Some(SEPT_2024), ..DateContext::default() };
            let scan = dates::scan(&text, &ctx);
            assert!(scan.dates.windows(2).all(|w| w[0].span.end <= w[1].span.start), "{unit:?}: in order, disjoint");
            assert!(scan.dates.iter().all(|d| d.span.end <= text.len()), "{unit:?}: spans inside the text");
        }
    }
}

#[test]
fn without_suffix_a_day_far_after_the_document_is_last_years() {
    assert_eq!(days("Op 15 december is besloten", (2024, 1, 10)), pairs(&[("15 december", "2023-12-15")]));
    assert_eq!(days("Op 31 januari is besloten", (2024, 3, 7)), pairs(&[("31 januari", "2024-01-31")]));
    assert_eq!(days("Op 26 september vindt het plaats", (2024, 9, 3)), pairs(&[("26 september", "2024-09-26")]));
    let f = found("de RBZ van december", (2024, 1, 10));
    assert_eq!(f, vec![("december".to_string(), "2023-12".to_string(), Precision::Month)]);
}
