//! The CSV table of a collection: one row per answer across all documents,
//! ready for R (`read.csv(f, fileEncoding = "UTF-8-BOM")`), pandas
//! (`read_csv(f, encoding="utf-8-sig")`), Stata or Excel. The page's
//! "Export CSV" (one document) and "Export all as CSV" and the CLI's
//! `--format csv` all write it here, so the columns are the same everywhere.
//!
//! The grammar is RFC 4180: UTF-8 with a byte-order mark, fields separated by
//! `,`, records ended by CRLF, a field quoted (`"…"`, inner `"` doubled) when it
//! holds `,` `"` CR or LF. Values are exactly the data: nothing is added to
//! them (no apostrophe before a note that starts with "-" or "=").
//!
//! Rows, in document order:
//! - one for each answer block: its document's columns, its numbers, the
//!   numbers and text of the questions it answers, its text, tags and note;
//! - one for each question that no answer answers (the answer columns empty);
//! - one for a document with no block at all (a postponement notice), so that
//!   every document is in the table.
//!
//! A row carries the codes of every level that applies to it: the answer's
//! own, its questions' and the document's (the document's repeat on each of
//! its rows, as its `kind` does).
//!
//! Columns, in this order (multi-valued cells are joined with `;`, the numbers
//! of "Vraag 6 en 7" give `6;7`, a question text per question joined with a
//! blank line):
//!
//! | column | value |
//! | --- | --- |
//! | `document` | a stable key: the official id (`ah-tk-20232024-1481`), else the file name, else the first 12 hex digits of `sha256` |
//! | `sha256` | the text's SHA-256 |
//! | `document_name` | the name the user sees (the file name from the CLI) |
//! | `kind`, `submitted`, `received` | as in the JSON |
//! | `askers`, `parties` | the askers' names and their parties, in the same order |
//! | `addressees`, `respondents` | the ministers asked; those who answered (`Minister Klever (Buitenlandse Handel en Ontwikkelingshulp)`) |
//! | `answer`, `answer_numbers` | the answer's id (`a6-7`) and numbers |
//! | `question_numbers`, `question_text` | the questions it answers |
//! | `answer_text`, `tags` | the answer's text; its tags, then the codes of the questions it answers (`questions[].tags`) and of the document (`document.tags`) |
//! | `tag_<name>` | one per tag of the tag set: 1 when the row's `tags` hold it, else 0 |
//! | `note` | the user's note |
//! | `corrections` | the page's table only (not the CLI's): how many corrections the user made to the document's parse (0: as the parser read it) |
//!
//! ```
//! let text = "Vraag 1\nWaarom, \"echt\"?\n\nAntwoord 1\nDaarom.\n";
//! let json = kamervragen::annotation::export(text, &kamervragen::parse(text));
//! let csv = kamervragen::table::csv(&[(&json, "brief.txt")], &[]);
//! let mut lines = csv.trim_start_matches('\u{feff}').split("\r\n");
//! assert!(lines.next().unwrap().starts_with("document,sha256,document_name,kind,"));
//! assert!(lines.next().unwrap().contains(",1,1,\"Waarom, \"\"echt\"\"?\",Daarom.,"));
//! ```

use crate::annotation::Annotations;
use std::fmt::Write;

/// The columns before the tag columns.
const COLUMNS: [&str; 16] = [
    "document",
    "sha256",
    "document_name",
    "kind",
    "submitted",
    "received",
    "askers",
    "parties",
    "addressees",
    "respondents",
    "answer",
    "answer_numbers",
    "question_numbers",
    "question_text",
    "answer_text",
    "tags",
];

/// The CSV of `docs` (each with the name the user knows it by) with one 0/1
/// column for each name in `tag_set`.
#[must_use]
pub fn csv(docs: &[(&Annotations, &str)], tag_set: &[String]) -> String {
    let named: Vec<_> = docs.iter().map(|(doc, name)| (*doc, *name, *name)).collect();
    table(&named, tag_set, false)
}

/// As [`csv`], each document with two names: the file name (the key when the
/// document has no official id) and the name the user sees (`document_name`),
/// as the page has both; with the last column `corrections` (the page's
/// corrections of each document's parse).
#[must_use]
pub fn csv_named(docs: &[(&Annotations, &str, &str)], tag_set: &[String]) -> String {
    table(docs, tag_set, true)
}

fn table(docs: &[(&Annotations, &str, &str)], tag_set: &[String], corrections: bool) -> String {
    let mut out = String::from('\u{feff}');
    let header = COLUMNS.iter().map(|c| (*c).to_string()).chain(tag_set.iter().map(|t| format!("tag_{t}")));
    let last = if corrections { &["note", "corrections"][..] } else { &["note"][..] };
    record(&mut out, header.chain(last.iter().map(|c| (*c).to_string())));
    for (doc, file, name) in docs {
        let count = corrections.then(|| doc.corrections.len().to_string());
        rows(&mut out, doc, file, name, tag_set, count.as_deref());
    }
    out
}

/// The key of a document in the table (see the module doc).
#[must_use]
pub fn document_key(doc: &Annotations, name: &str) -> String {
    let d = &doc.document;
    match (&d.id, name.trim()) {
        (Some(id), _) if !id.is_empty() => id.clone(),
        (_, name) if !name.is_empty() => name.to_string(),
        _ => d.sha256.chars().take(12).collect(),
    }
}

/// The rows of one document; `corrections` (its count) as the last column when given.
fn rows(out: &mut String, doc: &Annotations, file: &str, name: &str, tag_set: &[String], corrections: Option<&str>) {
    let d = &doc.document;
    let join = |items: &mut dyn Iterator<Item = String>| items.collect::<Vec<_>>().join(";");
    let numbers = |ns: &[u32]| ns.iter().map(u32::to_string).collect::<Vec<_>>().join(";");
    let respondent = |r: &crate::annotation::Respondent| {
        let who = [r.role.as_str(), r.name.as_str()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>();
        match r.portfolio.as_str() {
            "" => who.join(" "),
            portfolio => format!("{} ({portfolio})", who.join(" ")),
        }
    };
    let document = [
        document_key(doc, if file.trim().is_empty() { name } else { file }),
        d.sha256.clone(),
        name.to_string(),
        d.kind.as_str().to_string(),
        d.submitted.clone().unwrap_or_default(),
        d.received.clone().unwrap_or_default(),
        join(&mut d.askers.iter().map(|a| a.name.clone())),
        join(&mut d.askers.iter().map(|a| a.party.clone())),
        join(&mut d.addressees.iter().map(|a| a.text.clone())),
        join(&mut d.respondents.iter().map(respondent)),
    ];
    let row = |out: &mut String, block: [String; 6], tags: &[String], note: &str| {
        let flags = tag_set.iter().map(|t| if tags.contains(t) { "1" } else { "0" }.to_string());
        let fields = document
            .iter()
            .cloned()
            .chain(block)
            .chain(flags)
            .chain(std::iter::once(note.to_string()))
            .chain(corrections.map(str::to_string));
        record(out, fields);
    };
    let mut answered = vec![false; doc.questions.len()];
    for a in &doc.answers {
        let asked: Vec<_> = doc.questions.iter().enumerate().filter(|(_, q)| a.questions.contains(&q.id)).collect();
        for (i, _) in &asked {
            answered[*i] = true;
        }
        let tags = codes([&a.tags].into_iter().chain(asked.iter().map(|(_, q)| &q.tags)).chain([&d.tags]));
        let block = [
            a.id.clone(),
            numbers(&a.numbers),
            asked.iter().map(|(_, q)| numbers(&q.numbers)).collect::<Vec<_>>().join(";"),
            asked.iter().map(|(_, q)| q.text.as_str()).collect::<Vec<_>>().join("\n\n"),
            a.text.clone(),
            tags.join(";"),
        ];
        row(out, block, &tags, &a.note);
    }
    for (q, _) in doc.questions.iter().zip(&answered).filter(|(_, done)| !**done) {
        let tags = codes([&q.tags, &d.tags]);
        let block = [String::new(), String::new(), numbers(&q.numbers), q.text.clone(), String::new(), tags.join(";")];
        row(out, block, &tags, "");
    }
    if doc.questions.is_empty() && doc.answers.is_empty() {
        let mut block: [String; 6] = Default::default();
        block[5] = d.tags.join(";");
        row(out, block, &d.tags, "");
    }
}

/// The codes of several units in one list, each once, in order.
fn codes<'a>(lists: impl IntoIterator<Item = &'a Vec<String>>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in lists.into_iter().flatten() {
        if !out.contains(tag) {
            out.push(tag.clone());
        }
    }
    out
}

/// One record: the fields, quoted where RFC 4180 needs it, and CRLF.
pub(crate) fn record(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\r', '\n']) {
            let _ = write!(out, "\"{}\"", field.replace('"', "\"\""));
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str, tags: &[(&str, &[&str], &str)], tag_set: &[&str]) -> Vec<Vec<String>> {
        let mut json = crate::annotation::export(text, &crate::pipeline::parse(text));
        for (id, t, note) in tags {
            let a = json.answers.iter_mut().find(|a| a.id == *id).expect("answer id");
            a.tags = t.iter().map(|s| (*s).to_string()).collect();
            a.note = (*note).to_string();
        }
        let set: Vec<String> = tag_set.iter().map(|s| (*s).to_string()).collect();
        let csv = csv(&[(&json, "brief.txt")], &set);
        assert!(csv.starts_with('\u{feff}') && csv.ends_with("\r\n"), "BOM and CRLF");
        parse_csv(csv.trim_start_matches('\u{feff}'))
    }

    /// A strict RFC 4180 reader, to check what a reader gets back.
    fn parse_csv(s: &str) -> Vec<Vec<String>> {
        let (mut rows, mut row, mut field, mut quoted, mut chars) =
            (Vec::new(), Vec::new(), String::new(), false, s.chars().peekable());
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "CR only in CRLF");
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => field.push(c),
            }
        }
        rows
    }

    const GROUPED: &str = "Vragen van het lid Boswijk (CDA) aan de Minister van Financiën over iets.\n\n\
        Vraag 1\nWaarom, \"echt\"?\n\nVraag 2\nEn dan?\n\nVraag 3\nEn nu?\n\n\
        Antwoord 1 en 2\nDaarom.\n";

    #[test]
    fn one_row_per_answer_then_the_unanswered_questions() {
        let rows = table(GROUPED, &[("a1-2", &["toezegging", "eigen, code"], "-1 begin\nregel")], &["toezegging", "x"]);
        let col = |name: &str| rows[0].iter().position(|c| c == name).expect(name);
        assert_eq!(rows[0].last().map(String::as_str), Some("note"));
        assert_eq!(rows.len(), 3, "header, answer 1 en 2, question 3 without answer");
        assert!(rows.iter().all(|r| r.len() == rows[0].len()), "every row has every column");
        let a = &rows[1];
        assert_eq!(a[col("answer")], "a1-2");
        assert_eq!(a[col("answer_numbers")], "1;2");
        assert_eq!(a[col("question_numbers")], "1;2");
        assert_eq!(a[col("question_text")], "Waarom, \"echt\"?\n\nEn dan?");
        assert_eq!(a[col("answer_text")], "Daarom.");
        assert_eq!(a[col("tags")], "toezegging;eigen, code");
        assert_eq!((a[col("tag_toezegging")].as_str(), a[col("tag_x")].as_str()), ("1", "0"));
        assert_eq!(a[col("note")], "-1 begin\nregel", "exactly the data: no apostrophe added");
        assert_eq!(a[col("askers")], "Boswijk");
        assert_eq!(a[col("parties")], "CDA");
        assert_eq!(a[col("document")], "brief.txt", "no official id: the file name");
        let q = &rows[2];
        assert_eq!((q[col("answer")].as_str(), q[col("question_numbers")].as_str()), ("", "3"));
        assert_eq!(q[col("question_text")], "En nu?");
    }

    #[test]
    fn a_row_carries_the_codes_of_its_answer_its_questions_and_its_document() {
        let mut json = crate::annotation::export(GROUPED, &crate::pipeline::parse(GROUPED));
        json.answers[0].tags = vec!["volledig".into()];
        json.questions[0].tags = vec!["feitenvraag".into()];
        json.questions[2].tags = vec!["opinievraag".into()];
        json.document.tags = vec!["economie".into()];
        let set: Vec<String> = ["volledig", "feitenvraag", "opinievraag", "economie"].map(String::from).to_vec();
        let rows = parse_csv(csv(&[(&json, "brief.txt")], &set).trim_start_matches('\u{feff}'));
        let col = |name: &str| rows[0].iter().position(|c| c == name).expect(name);
        assert_eq!(
            rows[1][col("tags")],
            "volledig;feitenvraag;economie",
            "answer, then its question, then the document"
        );
        assert_eq!(rows[2][col("tags")], "opinievraag;economie", "the unanswered question's row");
        let flags =
            |r: &Vec<String>| set.iter().map(|t| r[col(&format!("tag_{t}"))].clone()).collect::<Vec<_>>().join("");
        assert_eq!((flags(&rows[1]), flags(&rows[2])), ("1101".to_string(), "0011".to_string()));
    }

    #[test]
    fn the_file_name_is_the_key_and_the_shown_name_the_document_name() {
        let json = crate::annotation::export("Vraag 1\nWat?\n", &crate::pipeline::parse("Vraag 1\nWat?\n"));
        let csv = csv_named(&[(&json, "brief.txt", "Mijn brief"), (&json, "", "Alleen een naam")], &[]);
        let rows = parse_csv(csv.trim_start_matches('\u{feff}'));
        assert_eq!((rows[1][0].as_str(), rows[1][2].as_str()), ("brief.txt", "Mijn brief"));
        assert_eq!((rows[2][0].as_str(), rows[2][2].as_str()), ("Alleen een naam", "Alleen een naam"));
    }

    #[test]
    fn a_document_without_blocks_still_has_a_row() {
        let rows = table("Geen vragen hier.\n", &[], &[]);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1][0], "brief.txt");
        assert_eq!(rows[1][3], "other");
    }

    #[test]
    fn the_key_is_the_official_id_then_the_name_then_the_hash() {
        let mut json = crate::annotation::export("x", &crate::pipeline::parse("x"));
        assert_eq!(document_key(&json, " "), json.document.sha256[..12]);
        assert_eq!(document_key(&json, "a.txt"), "a.txt");
        json.document.id = Some("ah-tk-20232024-1481".into());
        assert_eq!(document_key(&json, "a.txt"), "ah-tk-20232024-1481");
    }
}
