//! The command-line tool, run as a user would.

mod common;
use std::io::Write;
use std::process::Stdio;

use common::{cli as bin, fixture_arg as path};

#[test]
fn one_file_prints_one_json_document() {
    let out = bin()
        .args(["annotate", common::fixture_path("seed.txt").to_str().expect("UTF-8 path")])
        .output()
        .expect("runs");
    assert!(out.status.success(), "exit status {:?}", out.status);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is one JSON value");
    assert_eq!(json["format"], "kamervragen-annotations");
    assert_eq!(json["answers"].as_array().map(Vec::len), Some(6), "the seed has six answer blocks");
}

#[test]
fn several_files_print_one_json_object_per_line() {
    let seed = common::fixture_path("seed.txt").to_str().expect("UTF-8 path").to_string();
    let out = bin().args(["annotate", &seed, &seed]).output().expect("runs");
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "one line per file");
    for line in lines {
        let json: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        assert_eq!(json["questions"].as_array().map(Vec::len), Some(6));
    }
}

#[test]
fn dash_reads_standard_input() {
    let mut child = bin().args(["annotate", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"Vraag 1\r\nWaarom?\r\n\r\nAntwoord 1\r\nDaarom.\r\n")
        .expect("write");
    let out = child.wait_with_output().expect("finishes");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["document"]["text"], "Vraag 1\nWaarom?\n\nAntwoord 1\nDaarom.\n", "\\r\\n becomes \\n");
    assert_eq!(json["answers"][0]["text"], "Daarom.");
}

#[test]
fn a_missing_or_non_utf8_file_is_reported_and_the_others_still_processed() {
    let dir = std::env::temp_dir().join(format!("kamervragen-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"Vraag 1\nBent u bekend met Belgi\xeb?\n").expect("write");
    let missing = dir.join("missing.txt");
    let out = bin()
        .args([
            "annotate",
            missing.to_str().unwrap(),
            latin1.to_str().unwrap(),
            common::fixture_path("seed.txt").to_str().expect("UTF-8 path"),
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "failures give exit code 1");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let errors: Vec<&str> = stderr.lines().collect();
    assert_eq!(errors.len(), 2, "one line per bad file: {stderr}");
    assert!(errors[0].contains("missing.txt"), "names the missing file: {}", errors[0]);
    assert!(errors[1].contains("latin1.txt") && errors[1].contains("not UTF-8"), "says why: {}", errors[1]);
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(stdout.lines().count(), 1, "the good file is still processed");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn no_arguments_prints_usage() {
    let out = bin().output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage: kamervragen annotate"));
}

#[test]
fn format_csv_prints_the_table_of_all_files() {
    let seed = path("seed.txt");
    let flat = path("header_flat.txt");
    let out = bin().args(["annotate", "--format", "csv", &seed, &flat]).output().expect("runs");
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(csv.starts_with("\u{feff}document,sha256,document_name,"), "BOM, then the header: {}", &csv[..80]);
    let rows: Vec<&str> = csv.split("\r\n").filter(|r| !r.is_empty()).collect();
    assert!(rows.iter().filter(|r| r.starts_with("seed.txt,")).count() >= 6, "a row per answer of the seed");
    assert!(rows.iter().any(|r| r.contains(",header_flat.txt,")), "the second file is in the same table");
}

#[test]
fn format_json_with_several_files_is_one_collection() {
    let seed = path("seed.txt");
    let out = bin().args(["annotate", "--format=json", &seed, &seed]).output().expect("runs");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON value");
    assert_eq!(json["format"], "kamervragen-collection");
    assert_eq!(json["version"], 1);
    assert_eq!(json["documents"].as_array().map(Vec::len), Some(2));
    assert_eq!(json["documents"][1]["format"], "kamervragen-annotations");
}

#[test]
fn format_jsonl_with_one_file_is_one_line() {
    let out = bin().args(["annotate", "--format", "jsonl", &path("seed.txt")]).output().expect("runs");
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(stdout.lines().count(), 1);
    let json: serde_json::Value = serde_json::from_str(stdout.trim_end()).expect("JSON");
    assert_eq!(json["format"], "kamervragen-annotations");
}

#[test]
fn help_and_version() {
    let help = bin().args(["--help"]).output().expect("runs");
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("--format csv"));
    let version = bin().args(["annotate", "-V"]).output().expect("runs");
    assert!(version.status.success());
    assert_eq!(String::from_utf8_lossy(&version.stdout).trim(), format!("kamervragen {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn an_unknown_option_or_format_is_an_error_with_the_usage_not_a_file_name() {
    for args in [
        vec!["annotate", "--formaat", "csv", "x.txt"],
        vec!["annotate", "--format", "xml", "x.txt"],
        vec!["annotate", "--format"],
        vec!["annoteer", "x.txt"],
    ] {
        let out = bin().args(&args).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("usage: kamervragen annotate"), "{args:?}: {stderr}");
        assert!(!stderr.contains("No such file"), "{args:?} read as a file name: {stderr}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn a_file_named_like_an_option_is_read_after_double_dash() {
    let dir = std::env::temp_dir().join(format!("kamervragen-dash-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("--format"), "Vraag 1\nWaarom?\n\nAntwoord 1\nDaarom.\n").expect("write");
    let out = bin().current_dir(&dir).args(["annotate", "--", "--format"]).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["answers"][0]["text"], "Daarom.");
    std::fs::remove_dir_all(&dir).ok();
}
