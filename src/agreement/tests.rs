//! The report on small codings of the seed document (six questions, six answers).

use super::*;
use crate::annotation::{self, Annotations, Code, Variable};

const SEED: &str = include_str!("../../tests/fixtures/seed.txt");

fn seed() -> Annotations {
    annotation::export(SEED, &crate::pipeline::parse(SEED))
}

fn code(name: &str) -> Code {
    Code { name: name.into(), ..Code::default() }
}

fn codebook() -> Codebook {
    Codebook {
        variables: vec![
            Variable {
                name: "type".into(),
                kind: VariableKind::OneOf,
                level: Level::Answer,
                codes: vec![code("volledig"), code("gedeeltelijk"), code("weigering")],
            },
            Variable {
                name: "verwijst naar".into(),
                kind: VariableKind::AnyOf,
                level: Level::Answer,
                codes: vec![code("wet"), code("rapport")],
            },
            Variable {
                name: "onderwerp".into(),
                kind: VariableKind::OneOf,
                level: Level::Document,
                codes: vec![code("economie"), code("defensie")],
            },
        ],
    }
}

/// A coder's file: `answers[i]` gets `tags[i]` ("-" marks no code applies, "" leaves it uncoded).
fn coding(tags: &[&str], document: &[&str]) -> Coding {
    let mut doc = seed();
    for (answer, t) in doc.answers.iter_mut().zip(tags) {
        match *t {
            "-" => answer.no_code = true,
            "" => {}
            t => answer.tags = t.split('+').map(str::to_string).collect(),
        }
    }
    doc.document.tags = document.iter().map(|t| (*t).to_string()).collect();
    doc.codebook = Some(codebook());
    doc.coder = "A".into();
    Coding::from_documents(vec![doc])
}

fn row<'a>(report: &'a Report, variable: &str) -> &'a Figures {
    &report.variables.iter().find(|v| v.variable == variable).expect("variable").figures
}

fn code_row<'a>(report: &'a Report, code: &str) -> &'a Figures {
    &report.codes.iter().find(|c| c.code == code).expect("code").figures
}

#[test]
fn one_of_values_are_the_chosen_code_or_none() {
    let a = coding(&["volledig", "volledig", "weigering", "-", "gedeeltelijk", ""], &[]);
    let b = coding(&["volledig", "gedeeltelijk", "weigering", "-", "gedeeltelijk", "volledig"], &[]);
    let report = compare(&a, &b).expect("report");
    let t = row(&report, "type");
    // The sixth answer is missing for A: five units coded by both, four agree.
    assert_eq!(t.units, 5);
    assert_eq!(t.percent_agreement, Some(0.8));
    let kappa = t.cohen_kappa.expect("defined");
    assert!(kappa > 0.7 && kappa < 0.8, "{kappa}");
    assert!(t.krippendorff_alpha.is_some() && t.undefined.is_none());
    // Per code: "weigering" on the same one unit in both.
    assert_eq!(code_row(&report, "weigering").cohen_kappa, Some(1.0));
    // The any-of variable: nobody used it, but the units are coded.
    let v = row(&report, "verwijst naar");
    assert_eq!((v.units, v.percent_agreement, v.cohen_kappa), (5, Some(1.0), None));
    assert!(v.undefined.as_deref().is_some_and(|u| u.contains("every code absent")), "{:?}", v.undefined);
    // The document level: neither coded the document.
    let d = row(&report, "onderwerp");
    assert_eq!((d.units, d.percent_agreement), (0, None));
    assert_eq!(d.undefined.as_deref(), Some("no unit was coded by both coders"));
    assert!(report.unmatched.is_empty(), "{:?}", report.unmatched);
}

#[test]
fn any_of_is_pooled_over_unit_code_decisions() {
    let a = coding(&["wet", "wet+rapport", "-", "rapport", "", ""], &["economie"]);
    let b = coding(&["wet", "wet", "-", "rapport", "", ""], &["economie"]);
    let report = compare(&a, &b).expect("report");
    let v = row(&report, "verwijst naar");
    // 4 units × 2 codes = 8 decisions, one differs.
    assert_eq!(v.units, 4);
    assert_eq!(v.percent_agreement, Some(7.0 / 8.0));
    assert!(v.cohen_kappa.is_some_and(|k| k < 1.0 && k > 0.5));
    assert_eq!(code_row(&report, "wet").cohen_kappa, Some(1.0));
    assert_eq!(code_row(&report, "wet").units, 4);
    let d = row(&report, "onderwerp");
    assert_eq!((d.units, d.percent_agreement, d.cohen_kappa), (1, Some(1.0), None));
}

#[test]
fn identical_codings_give_1_and_a_constant_code_is_undefined_not_1() {
    let tags = ["volledig", "gedeeltelijk", "weigering", "volledig", "gedeeltelijk", "weigering"];
    let report = compare(&coding(&tags, &[]), &coding(&tags, &[])).expect("report");
    let t = row(&report, "type");
    assert_eq!((t.cohen_kappa, t.krippendorff_alpha, t.percent_agreement), (Some(1.0), Some(1.0), Some(1.0)));
    let wet = code_row(&report, "wet");
    assert_eq!((wet.cohen_kappa, wet.krippendorff_alpha), (None, None));
    assert!(wet.undefined.as_deref().is_some_and(|u| u.contains("(absent)")));
}

#[test]
fn two_codes_of_a_one_of_variable_are_a_category_of_their_own() {
    let a = coding(&["volledig+weigering", "volledig", "", "", "", ""], &[]);
    let b = coding(&["volledig", "volledig", "", "", "", ""], &[]);
    let report = compare(&a, &b).expect("report");
    assert_eq!(row(&report, "type").percent_agreement, Some(0.5));
}

#[test]
fn codes_outside_the_codebook_or_at_another_level_are_listed() {
    let a = coding(&["volledig+onbekend", "economie", "", "", "", ""], &[]);
    let b = coding(&["volledig", "volledig", "", "", "", ""], &[]);
    let report = compare(&a, &b).expect("report");
    let stray: Vec<(&str, Option<&str>)> = report.unmatched.iter().map(|u| (u.file, u.code.as_deref())).collect();
    assert_eq!(stray, vec![("A", Some("onbekend")), ("A", Some("economie"))]);
    assert!(report.unmatched[1].reason.contains("level is document"), "{}", report.unmatched[1].reason);
    // The second answer carries a (misplaced) code only: missing for A in "type".
    assert_eq!(row(&report, "type").units, 1);
}

#[test]
fn without_a_codebook_the_tags_are_one_any_of_variable() {
    let mut a = seed();
    let mut b = seed();
    a.answers[0].tags = vec!["toezegging".into()];
    b.answers[0].tags = vec!["toezegging".into(), "verwijzing".into()];
    a.tag_set = vec![annotation::Tag {
        name: "ongebruikt".into(),
        color: "#000000".into(),
        key: None,
        description: String::new(),
    }];
    let report = compare(&Coding::from_documents(vec![a]), &Coding::from_documents(vec![b])).expect("report");
    assert_eq!(report.variables.len(), 1);
    assert_eq!((report.variables[0].variable.as_str(), report.variables[0].kind), ("tags", VariableKind::AnyOf));
    let names: Vec<&str> = report.codes.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(names, vec!["ongebruikt", "toezegging", "verwijzing"]);
    assert_eq!(report.variables[0].figures.units, 1);
}

#[test]
fn files_of_different_documents_are_an_error() {
    let other = "Vraag 1\nIets heel anders?\n\nAntwoord 1\nNee.\n";
    let b = Coding::from_documents(vec![annotation::export(other, &crate::pipeline::parse(other))]);
    let err = compare(&coding(&[], &[]), &b).expect_err("nothing in common");
    assert!(err.contains("no document in common"), "{err}");
    assert!(compare(&coding(&[], &[]), &Coding::default()).is_err());
}

#[test]
fn the_csv_has_a_row_per_variable_and_code_and_empty_cells_when_undefined() {
    let tags = ["volledig", "gedeeltelijk", "", "", "", ""];
    let report = compare(&coding(&tags, &[]), &coding(&tags, &[])).expect("report");
    let csv = csv(&report);
    assert!(csv.starts_with(
        "\u{feff}row,variable,code,kind,level,units,percent_agreement,cohen_kappa,krippendorff_alpha,undefined\r\n"
    ));
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 1 + 3 + 7);
    assert_eq!(lines[1], "variable,type,,one-of,answer,2,1,1,1,");
    assert!(lines[4].starts_with("code,type,weigering,one-of,answer,2,1,,,both coders"), "{}", lines[4]);
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn read_takes_documents_collections_and_json_lines_and_refuses_the_rest() {
    let doc = seed();
    let one = serde_json::to_string(&doc).expect("json");
    assert_eq!(read(&one).expect("document").documents.len(), 1);
    let mut collection = annotation::Collection::new(vec![doc.clone(), doc], Vec::new());
    collection.coder = "Bo".into();
    let coding = read(&serde_json::to_string(&collection).expect("json")).expect("collection");
    assert_eq!((coding.documents.len(), coding.coder.as_str()), (2, "Bo"));
    assert_eq!(read(&format!("{one}\n{one}\n")).expect("jsonl").documents.len(), 2);
    assert!(read("nee").expect_err("not JSON").starts_with("not JSON"));
    assert!(read("{\"format\": \"iets\", \"version\": 1}").expect_err("other").contains("\"iets\""));
    assert!(read("{\"format\": \"kamervragen-annotations\", \"version\": 2}").expect_err("v2").contains("version"));
    assert!(read("{\"format\": \"kamervragen-annotations\", \"version\": 1}")
        .expect_err("empty")
        .contains("missing field"));
    assert!(read("[]").is_err());
}

mod properties {
    use super::*;
    use proptest::collection::vec;
    use proptest::prelude::*;

    const NAMES: [&str; 8] = ["volledig", "gedeeltelijk", "weigering", "wet", "rapport", "economie", "onbekend", ""];

    /// A coder's file of the seed (or of an edited seed) with arbitrary codes,
    /// marks and, with `rename`, answer ids that no longer match.
    fn file(tags: &[Vec<usize>], marks: &[bool], edit: bool, rename: bool) -> Coding {
        let text = if edit { SEED.replacen("Antwoord 2", "Antwoord 2\nEen extra zin.", 1) } else { SEED.to_string() };
        let mut doc = annotation::export(&text, &crate::pipeline::parse(&text));
        for (i, answer) in doc.answers.iter_mut().enumerate() {
            answer.tags = tags.get(i).map(|t| t.iter().map(|&n| NAMES[n].to_string()).collect()).unwrap_or_default();
            answer.no_code = marks.get(i).copied().unwrap_or(false);
            if rename && i % 2 == 0 {
                answer.id = format!("x{i}");
            }
        }
        if let Some(q) = doc.questions.first_mut() {
            q.tags = tags.first().map(|t| t.iter().map(|&n| NAMES[n].to_string()).collect()).unwrap_or_default();
        }
        doc.document.tags = tags.last().map(|t| t.iter().map(|&n| NAMES[n].to_string()).collect()).unwrap_or_default();
        doc.codebook = Some(codebook());
        Coding::from_documents(vec![doc])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn any_two_codings_give_figures_in_range_and_never_panic(
            tags_a in vec(vec(0..NAMES.len(), 0..3), 0..7),
            tags_b in vec(vec(0..NAMES.len(), 0..3), 0..7),
            marks_a in vec(any::<bool>(), 6),
            marks_b in vec(any::<bool>(), 6),
            edit in any::<bool>(),
            rename in any::<bool>(),
        ) {
            let a = file(&tags_a, &marks_a, false, false);
            let b = file(&tags_b, &marks_b, edit, rename);
            let report = compare(&a, &b).expect("the same document");
            let swapped = compare(&b, &a).expect("the same document");
            let rows = report.variables.iter().map(|v| &v.figures).chain(report.codes.iter().map(|c| &c.figures));
            for f in rows {
                if let Some(p) = f.percent_agreement {
                    prop_assert!((0.0..=1.0).contains(&p));
                }
                for x in [f.cohen_kappa, f.krippendorff_alpha].into_iter().flatten() {
                    prop_assert!(x.is_finite() && x <= 1.0);
                }
                prop_assert_eq!(f.undefined.is_some(), f.cohen_kappa.is_none());
                prop_assert_eq!(f.cohen_kappa.is_none(), f.krippendorff_alpha.is_none());
            }
            if !edit && !rename {
                // The same text: swapping the files swaps nothing in the figures.
                let figures = |r: &Report| r.variables.iter().map(|v| v.figures.clone()).collect::<Vec<_>>();
                prop_assert_eq!(figures(&report), figures(&swapped));
            }
        }
    }
}

#[test]
fn javascript_numbers_are_written_as_rust_writes_them() {
    for (js, x) in [
        ("1e-7", 1e-7),
        ("-2.5e-8", -2.5e-8),
        ("1.2345e-7", 1.2345e-7),
        ("1.5e+21", 1.5e21),
        ("0.123", 0.123),
        ("-1", -1.0),
        ("0", 0.0),
    ] {
        assert_eq!(super::plain_decimal(js), x.to_string(), "{js}");
    }
}
