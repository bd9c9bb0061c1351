//! `kamervragen agreement`, run as a user would, on two coders' exports of
//! tests/fixtures/seed.txt made here: `kamervragen annotate` on the seed, then
//! codes added as each coder would.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Output;

mod common;
use common::{cli as bin, fixture_arg as fixture};

/// A fresh directory for one test's files.
fn dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kamervragen-agreement-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// `kamervragen annotate` of the given text files, as JSON.
fn annotate(args: &[&str]) -> Value {
    let out = bin().arg("annotate").args(args).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn codebook() -> Value {
    json!({"variables": [
        {"name": "type", "kind": "one-of", "level": "answer", "codes": [
            {"name": "volledig", "definition": "Beantwoordt de hele vraag.", "example": "Ja, dat klopt.", "color": "#1b7f5b", "key": "1"},
            {"name": "gedeeltelijk", "definition": "Beantwoordt een deel.", "example": "", "color": "#b35900", "key": "2"},
            {"name": "weigering", "definition": "Geeft geen antwoord.", "example": "", "color": "#aa1111", "key": "3"}]},
        {"name": "verwijst naar", "kind": "any-of", "level": "answer", "codes": [
            {"name": "wet", "definition": "", "example": "", "color": "#333333", "key": null},
            {"name": "rapport", "definition": "", "example": "", "color": "#333333", "key": null}]},
        {"name": "onderwerp", "kind": "one-of", "level": "document", "codes": [
            {"name": "economie", "definition": "", "example": "", "color": "#333333", "key": null}]}
    ]})
}

/// The seed's export coded by `coder`: answer i gets `answers[i]` ("-": no
/// code applies; "": not coded; codes joined by "+").
fn coded(coder: &str, answers: &[&str], document: &[&str]) -> Value {
    let mut json = annotate(&[&fixture("seed.txt")]);
    json["coder"] = json!(coder);
    json["codebook"] = codebook();
    json["document"]["tags"] = json!(document);
    for (i, tags) in answers.iter().enumerate() {
        match *tags {
            "" => {}
            "-" => json["answers"][i]["no_code"] = json!(true),
            t => json["answers"][i]["tags"] = json!(t.split('+').collect::<Vec<_>>()),
        }
    }
    json
}

fn write(dir: &Path, name: &str, json: &Value) -> String {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(json).expect("JSON")).expect("write");
    path.to_string_lossy().into_owned()
}

fn agreement(args: &[&str]) -> Output {
    bin().arg("agreement").args(args).output().expect("runs")
}

fn report(args: &[&str]) -> Value {
    let out = agreement(args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("the report is JSON")
}

fn row<'a>(report: &'a Value, list: &str, name: &str) -> &'a Value {
    let key = if list == "codes" { "code" } else { "variable" };
    report[list].as_array().and_then(|rows| rows.iter().find(|r| r[key] == name)).expect("row")
}

#[test]
fn two_coders_of_the_seed_give_the_figures_per_variable_and_code() {
    let dir = dir("figures");
    let a = write(
        &dir,
        "a.json",
        &coded("Anna", &["volledig", "volledig+wet", "weigering", "-", "gedeeltelijk", ""], &["economie"]),
    );
    let b = write(
        &dir,
        "b.json",
        &coded("Bram", &["volledig", "gedeeltelijk+wet", "weigering", "-", "gedeeltelijk", "volledig"], &["economie"]),
    );
    let report = report(&[&a, &b]);
    assert_eq!(report["coders"], json!(["Anna", "Bram"]));
    assert_eq!(report["unmatched"], json!([]));
    let t = row(&report, "variables", "type");
    assert_eq!(
        (t["kind"].as_str(), t["level"].as_str(), t["units"].as_u64()),
        (Some("one-of"), Some("answer"), Some(5))
    );
    assert_eq!(t["percent_agreement"], json!(0.8));
    for figure in ["cohen_kappa", "krippendorff_alpha"] {
        let x = t[figure].as_f64().expect("defined");
        assert!(x > 0.5 && x < 1.0, "{figure} {x}");
    }
    assert_eq!(row(&report, "codes", "weigering")["cohen_kappa"], json!(1.0));
    assert_eq!(row(&report, "codes", "wet")["cohen_kappa"], json!(1.0));
    // "rapport" was never used: κ and α undefined, with the reason; agreement is 1.
    let rapport = row(&report, "codes", "rapport");
    assert_eq!((&rapport["cohen_kappa"], &rapport["krippendorff_alpha"]), (&Value::Null, &Value::Null));
    assert_eq!(rapport["percent_agreement"], json!(1.0));
    assert!(rapport["undefined"].as_str().is_some_and(|u| u.contains("same value (absent)")), "{rapport}");
    // The document level: one unit, the same code: undefined, not 1.
    let onderwerp = row(&report, "variables", "onderwerp");
    assert_eq!((onderwerp["units"].as_u64(), &onderwerp["cohen_kappa"]), (Some(1), &Value::Null));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn identical_files_agree_completely() {
    let dir = dir("identical");
    let json = coded("", &["volledig", "gedeeltelijk", "weigering", "volledig", "gedeeltelijk", "weigering"], &[]);
    let a = write(&dir, "a.json", &json);
    let report = report(&[&a, &a]);
    let t = row(&report, "variables", "type");
    assert_eq!(
        (&t["percent_agreement"], &t["cohen_kappa"], &t["krippendorff_alpha"]),
        (&json!(1.0), &json!(1.0), &json!(1.0))
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_collection_compares_with_document_files_and_json_lines() {
    let dir = dir("collection");
    // Coder A: a collection of the seed and another document.
    let mut collection = annotate(&["--format=json", &fixture("seed.txt"), &fixture("header_flat.txt")]);
    collection["documents"][0] = coded("Anna", &["volledig", "weigering"], &[]);
    collection["codebook"] = codebook();
    let a = write(&dir, "a.json", &collection);
    // Coder B: JSON Lines of the same two documents, as `annotate` prints them.
    let out = bin().args(["annotate", &fixture("seed.txt"), &fixture("header_flat.txt")]).output().expect("runs");
    let mut lines: Vec<Value> =
        String::from_utf8(out.stdout).expect("UTF-8").lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
    lines[0] = coded("Bram", &["volledig", "gedeeltelijk"], &[]);
    let jsonl: String = lines.iter().map(|l| serde_json::to_string(l).expect("JSON") + "\n").collect();
    let b = dir.join("b.jsonl");
    std::fs::write(&b, jsonl).expect("write");
    let report = report(&[&a, b.to_str().expect("path")]);
    assert_eq!(report["documents"], json!(2));
    assert_eq!(row(&report, "variables", "type")["units"], json!(2));
    assert_eq!(row(&report, "variables", "type")["percent_agreement"], json!(0.5));
    // A single document file against the collection: the other document is listed.
    let single = write(&dir, "single.json", &coded("Bram", &["volledig", "weigering"], &[]));
    let report = self::report(&[&a, &single]);
    let unmatched = report["unmatched"].as_array().expect("list");
    assert_eq!(unmatched.len(), 1, "{unmatched:?}");
    assert_eq!(
        (&unmatched[0]["file"], &unmatched[0]["level"], &unmatched[0]["unit"]),
        (&json!("A"), &json!("document"), &Value::Null)
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_edited_text_is_reanchored_and_what_cannot_be_placed_is_listed() {
    let dir = dir("edited");
    let seed = std::fs::read_to_string(fixture("seed.txt")).expect("seed");
    let edited = dir.join("edited.txt");
    std::fs::write(&edited, seed.replacen("Antwoord 1", "Antwoord 1\nEen zin die coder B's tekst extra heeft.", 1))
        .expect("write");
    let a = write(&dir, "a.json", &coded("Anna", &["volledig"; 6], &[]));
    let mut b = annotate(&[edited.to_str().expect("path")]);
    b["codebook"] = codebook();
    for answer in b["answers"].as_array_mut().expect("answers") {
        answer["tags"] = json!(["volledig"]);
    }
    let b = write(&dir, "b.json", &b);
    let report = report(&[&a, &b]);
    assert_eq!((&report["documents"], &report["reanchored"]), (&json!(1), &json!(1)));
    let units = row(&report, "variables", "type")["units"].as_u64().expect("units");
    let unmatched = report["unmatched"].as_array().expect("list").len();
    assert!(units + 2 * unmatched as u64 >= 6, "units {units}, unmatched {unmatched}");
    assert!(units >= 5, "the unchanged answers are compared: {units}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn format_csv_is_one_row_per_variable_and_code() {
    let dir = dir("csv");
    let a = write(&dir, "a.json", &coded("", &["volledig", "gedeeltelijk"], &[]));
    let out = agreement(&["--format", "csv", &a, &a]);
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(csv.starts_with(
        "\u{feff}row,variable,code,kind,level,units,percent_agreement,cohen_kappa,krippendorff_alpha,undefined\r\n"
    ));
    let rows: Vec<&str> = csv.split("\r\n").filter(|r| !r.is_empty()).collect();
    assert_eq!(rows.len(), 1 + 3 + 6, "header, three variables, six codes");
    assert_eq!(rows[1], "variable,type,,one-of,answer,2,1,1,1,");
    assert!(rows.iter().any(|r| r.starts_with("code,verwijst naar,rapport,any-of,answer,2,1,,,both coders")), "{csv}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn old_files_without_a_codebook_compare_their_tags() {
    let dir = dir("tags");
    let mut a = annotate(&[&fixture("seed.txt")]);
    let mut b = a.clone();
    for (json, tags) in [(&mut a, ["toezegging", "toezegging"]), (&mut b, ["toezegging", "verwijzing"])] {
        for (i, tag) in tags.iter().enumerate() {
            json["answers"][i]["tags"] = json!([tag]);
        }
    }
    let report = report(&[&write(&dir, "a.json", &a), &write(&dir, "b.json", &b)]);
    assert_eq!(report["variables"][0]["variable"], "tags");
    assert_eq!(report["variables"][0]["kind"], "any-of");
    assert_eq!(report["variables"][0]["units"], 2);
    assert_eq!(row(&report, "codes", "toezegging")["percent_agreement"], json!(0.5));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bad_input_is_a_one_line_error() {
    let dir = dir("bad");
    let a = write(&dir, "a.json", &coded("", &["volledig"], &[]));
    let other = annotate(&[&fixture("header_flat.txt")]);
    let other = write(&dir, "other.json", &other);
    let tag_set = write(&dir, "tags.json", &json!({"format": "kamervragen-tag-set", "version": 1, "tag_set": []}));
    for (args, code, says) in [
        (vec![a.clone(), fixture("seed.txt")], 1, "not JSON"),
        (vec![a.clone(), tag_set], 1, "kamervragen-tag-set"),
        (vec![a.clone(), other], 1, "no document in common"),
        (vec![a.clone(), dir.join("missing.json").to_string_lossy().into_owned()], 1, "missing.json"),
        (vec![a.clone()], 2, "two files"),
        (vec!["--format".into(), "jsonl".into(), a.clone(), a.clone()], 2, "json or csv"),
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = agreement(&args);
        assert_eq!(out.status.code(), Some(code), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.lines().next().is_some_and(|l| l.contains(says)), "{args:?}: {stderr}");
        if code == 1 {
            assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        }
        assert!(out.stdout.is_empty());
    }
    std::fs::remove_dir_all(&dir).ok();
}
