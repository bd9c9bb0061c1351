//! A coder's [`Coding`] built from flat values, one call per piece: how the
//! page hands the core its own collection and another coder's file (parsed
//! by `JSON.parse`) without a deserializer in the wasm.
//!
//! The calls, in order: [`Builder::tag`] for each name of the tag sets;
//! [`Builder::variable`] and its [`Builder::code`]s for a codebook; then per
//! document [`Builder::document`] with its text (parsed here, as on export:
//! the structure, `sha256` and ids are this program's) followed by
//! [`Builder::unit`] for each of its coded units (`level` "document",
//! "question" or "answer"; `tags` joined by "\n"). A unit is put on the
//! block with its id when the file gave no text or the same text, else on
//! the one block of that level with the same text; a coded unit that finds
//! none (a file from another version of the parser) is listed as unmatched,
//! never dropped.
//!
//! ```
//! use kamervragen::agreement::flat::{compare, Builder};
//! let text = "Vraag 1\nWaarom?\n\nAntwoord 1\nDaarom.\n";
//! let (mut a, mut b) = (Builder::new(false, "Anna".into()), Builder::new(true, "Bob".into()));
//! a.document(text);
//! a.unit("answer", "a1", "", "toezegging", false);
//! b.document(text);
//! b.unit("answer", "a1", "Daarom.", "", true);
//! b.unit("answer", "a9", "Nergens.", "toezegging", false);
//! let report = compare(a, b).unwrap();
//! assert_eq!(report.coders, ["Anna".to_string(), "Bob".to_string()]);
//! assert_eq!(report.differences.len(), 1);
//! assert_eq!(report.unmatched[0].unit.as_deref(), Some("a9"));
//! ```

use super::units::{document_key, Coding, Unmatched};
use super::Report;
use crate::annotation::{self, Code, Codebook, Level, Variable, VariableKind};
use crate::pipeline::{normalize_newlines, parse};

/// One coder's coding as it is being built.
#[derive(Clone, Debug, Default)]
pub struct Builder {
    file: &'static str,
    coding: Coding,
    /// Coded units that found no block.
    lost: Vec<Unmatched>,
    /// Per block of the last document (questions, then answers): already given a unit.
    taken: Vec<bool>,
}

impl Builder {
    /// File B (the other coder's) when `b`, else file A; `coder` may be "".
    #[must_use]
    pub fn new(b: bool, coder: String) -> Self {
        let coding = Coding { coder, ..Coding::default() };
        Self { file: if b { "B" } else { "A" }, coding, ..Self::default() }
    }

    /// A name of the file's tag set.
    pub fn tag(&mut self, name: &str) {
        if !self.coding.tag_set.iter().any(|t| t == name) {
            self.coding.tag_set.push(name.to_string());
        }
    }

    /// The next codebook variable: `kind` "one-of" (else any-of), `level`
    /// "question" or "document" (else answer).
    pub fn variable(&mut self, name: String, kind: &str, level: &str) {
        let kind = if kind == "one-of" { VariableKind::OneOf } else { VariableKind::AnyOf };
        let level = match level {
            "question" => Level::Question,
            "document" => Level::Document,
            _ => Level::Answer,
        };
        let codebook = self.coding.codebook.get_or_insert_with(Codebook::default);
        codebook.variables.push(Variable { name, kind, level, codes: Vec::new() });
    }

    /// The next code of the last variable.
    pub fn code(&mut self, name: String) {
        if let Some(v) = self.coding.codebook.as_mut().and_then(|c| c.variables.last_mut()) {
            v.codes.push(Code { name, ..Code::default() });
        }
    }

    /// The next document, by its text.
    pub fn document(&mut self, text: &str) {
        let text = normalize_newlines(text);
        let doc = annotation::export(&text, &parse(&text));
        self.taken = vec![false; doc.questions.len() + doc.answers.len()];
        self.coding.documents.push(doc);
    }

    /// A coded unit of the last document: its id and (when known) text in
    /// the file, its codes joined by "\n", and the mark "no code applies".
    pub fn unit(&mut self, level: &str, id: &str, text: &str, tags: &str, no_code: bool) {
        let Some(doc) = self.coding.documents.last_mut() else { return };
        let tags: Vec<String> = tags.split('\n').filter(|t| !t.is_empty()).map(str::to_string).collect();
        if tags.is_empty() && !no_code {
            return;
        }
        let (level, blocks, offset): (Level, Vec<(&str, &str)>, usize) = match level {
            "document" => {
                doc.document.tags = tags;
                doc.document.no_code = no_code;
                return;
            }
            "question" => {
                (Level::Question, doc.questions.iter().map(|q| (q.id.as_str(), q.text.as_str())).collect(), 0)
            }
            _ => (
                Level::Answer,
                doc.answers.iter().map(|a| (a.id.as_str(), a.text.as_str())).collect(),
                doc.questions.len(),
            ),
        };
        let free = |i: usize| !self.taken[offset + i];
        let found = blocks
            .iter()
            .position(|(bid, btext)| *bid == id && (text.is_empty() || *btext == text))
            .filter(|&i| free(i))
            .or_else(|| {
                let same: Vec<usize> =
                    (0..blocks.len()).filter(|&i| free(i) && !text.is_empty() && blocks[i].1 == text).collect();
                match same.as_slice() {
                    [one] => Some(*one),
                    _ => None,
                }
            });
        let Some(i) = found else {
            let what = if level == Level::Question { "question" } else { "answer" };
            self.lost.push(Unmatched {
                file: self.file,
                document: document_key(doc),
                level,
                unit: Some(id.to_string()),
                code: None,
                reason: format!("this {what} is not in the document as this version of the program reads its text"),
                why: "not-in-text",
                why_params: vec![("level", what.to_string())],
            });
            return;
        };
        self.taken[offset + i] = true;
        if level == Level::Question {
            doc.questions[i].tags = tags;
            doc.questions[i].no_code = no_code;
        } else {
            doc.answers[i].tags = tags;
            doc.answers[i].no_code = no_code;
        }
    }
}

/// The agreement report of two built codings ([`super::compare`]), with the
/// units neither could place listed first under `unmatched`.
///
/// # Errors
/// As [`super::compare`].
pub fn compare(a: Builder, b: Builder) -> Result<Report, String> {
    let mut report = super::compare(&a.coding, &b.coding)?;
    report.unmatched.splice(0..0, a.lost.into_iter().chain(b.lost));
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../tests/fixtures/seed.txt");

    /// The same report as from the annotation files themselves (`compare` on [`Coding`]s).
    #[test]
    fn built_codings_give_the_report_of_the_files() {
        let mut fa = annotation::export(SEED, &parse(SEED));
        let mut fb = fa.clone();
        fa.answers[0].tags = vec!["x".into()];
        fa.answers[1].tags = vec!["y".into()];
        fb.answers[0].tags = vec!["x".into()];
        fb.answers[1].no_code = true;
        fb.questions[0].tags = vec!["stray".into()];
        let files =
            super::super::compare(&Coding::from_documents(vec![fa.clone()]), &Coding::from_documents(vec![fb.clone()]))
                .unwrap();
        let mut a = Builder::new(false, String::new());
        let mut b = Builder::new(true, String::new());
        for (builder, file) in [(&mut a, &fa), (&mut b, &fb)] {
            builder.document(&file.document.text);
            for q in &file.questions {
                builder.unit("question", &q.id, &q.text, &q.tags.join("\n"), q.no_code);
            }
            for x in &file.answers {
                builder.unit("answer", &x.id, &x.text, &x.tags.join("\n"), x.no_code);
            }
        }
        let built = compare(a, b).unwrap();
        assert_eq!(built, files);
        assert_eq!(built.differences.len(), 1, "{:?}", built.differences);
        assert_eq!((built.differences[0].unit.as_str(), built.differences[0].b.no_code), ("a2", true));
    }

    #[test]
    fn a_unit_with_another_id_but_the_same_text_is_placed_by_text() {
        let fa = annotation::export(SEED, &parse(SEED));
        let mut b = Builder::new(true, String::new());
        b.document(SEED);
        b.unit("answer", "old-id", &fa.answers[1].text, "x", false);
        assert!(b.lost.is_empty());
        assert_eq!(b.coding.documents[0].answers[1].tags, ["x"]);
    }

    #[test]
    fn a_codebook_is_built_in_order() {
        let mut b = Builder::new(false, String::new());
        b.variable("type".into(), "one-of", "question");
        b.code("open".into());
        b.code("dicht".into());
        b.variable("ref".into(), "any-of", "");
        b.code("wet".into());
        let codebook = b.coding.codebook.unwrap();
        assert_eq!(codebook.variables.len(), 2);
        assert_eq!((codebook.variables[0].kind, codebook.variables[0].level), (VariableKind::OneOf, Level::Question));
        assert_eq!(codebook.find("wet"), Some((1, 0)));
    }
}
