//! Two coders' files, matched unit by unit.
//!
//! A **coding** is what one coder's file holds: a document file
//! (`kamervragen-annotations`), a collection file (`kamervragen-collection`)
//! or JSON Lines of document objects (as `kamervragen annotate` prints them);
//! its `coder`, its `codebook` (or only a `tag_set`) and its documents.
//!
//! **Units** are the things codes are put on, at three levels: a document
//! (`document.tags`), a question (`questions[].tags`), an answer
//! (`answers[].tags`). Each carries the coder's codes and the mark
//! `no_code` ("no code applies").
//!
//! **Matching**, in this order:
//! 1. documents with the same text (`document.sha256`): their questions and
//!    answers by id;
//! 2. the remaining documents with the same official `document.id`, or, when
//!    exactly one document of each file remains, that pair: the text differs,
//!    so B's answers are **re-anchored** on A's text by
//!    [`crate::anchoring::import_flat`] (by quote, as the page's import does;
//!    it refuses texts that share fewer than half their lines), and
//!    questions are matched by equal `text`;
//! 3. everything else is [`Unmatched`], listed with the reason: a document
//!    only one file has, a coded question or answer without a counterpart.
//!    Uncoded units without a counterpart carry no coding and are left out.
//!
//! ```
//! use kamervragen::agreement::units::{match_units, Coding};
//! let text = "Vraag 1\nWaarom?\n\nAntwoord 1\nDaarom.\n";
//! let mut a = kamervragen::annotation::export(text, &kamervragen::parse(text));
//! let mut b = a.clone();
//! a.answers[0].tags = vec!["toezegging".into()];
//! b.answers[0].no_code = true;
//! let m = match_units(&Coding::from_documents(vec![a]), &Coding::from_documents(vec![b]));
//! assert_eq!(m.documents, 1);
//! let answer = m.units.iter().find(|u| u.unit == "a1").unwrap();
//! assert_eq!((answer.a.tags.len(), answer.b.no_code), (1, true));
//! assert!(m.unmatched.is_empty());
//! ```

use crate::anchoring::{self, FlatAnswer, FlatFile};
use crate::annotation::{self, Annotations, Codebook, Collection, Level};
use serde::Serialize;
use std::collections::HashMap;

/// One coder's file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Coding {
    /// The file's `coder` ("" when not known).
    pub coder: String,
    pub codebook: Option<Codebook>,
    /// The names in the file's tag sets (collection and documents).
    pub tag_set: Vec<String>,
    pub documents: Vec<Annotations>,
}

impl Coding {
    /// The coding of single documents (a document file, JSON Lines): the
    /// coder and codebook are the first document's that has one.
    #[must_use]
    pub fn from_documents(documents: Vec<Annotations>) -> Self {
        let coder = documents.iter().map(|d| d.coder.clone()).find(|c| !c.is_empty()).unwrap_or_default();
        let codebook = documents.iter().find_map(|d| d.codebook.clone());
        let mut coding = Self { coder, codebook, tag_set: Vec::new(), documents };
        coding.add_tag_sets(&[]);
        coding
    }

    /// The coding of a collection file; a document's own coder or codebook
    /// stands in when the collection has none.
    #[must_use]
    pub fn from_collection(collection: Collection) -> Self {
        let mut coding = Self::from_documents(collection.documents);
        if !collection.coder.is_empty() {
            coding.coder = collection.coder;
        }
        if collection.codebook.is_some() {
            coding.codebook = collection.codebook;
        }
        coding.tag_set.clear();
        coding.add_tag_sets(&collection.tag_set);
        coding
    }

    fn add_tag_sets(&mut self, first: &[annotation::Tag]) {
        let names = first.iter().chain(self.documents.iter().flat_map(|d| &d.tag_set)).map(|t| &t.name);
        for name in names {
            if !self.tag_set.contains(name) {
                self.tag_set.push(name.clone());
            }
        }
    }
}

/// One coder's coding of a unit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Side {
    pub tags: Vec<String>,
    pub no_code: bool,
}

impl Side {
    /// Anything on the unit at all: a code (of any variable) or the mark.
    #[must_use]
    pub fn touched(&self) -> bool {
        self.no_code || !self.tags.is_empty()
    }
}

/// A unit both files have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitPair {
    pub level: Level,
    /// The document's index in file A.
    pub doc: usize,
    /// The document's key: its official id, else the first 12 hex digits of its sha256 (as in the CSV).
    pub document: String,
    /// The question or answer id in file A; "document" for the document level.
    pub unit: String,
    pub a: Side,
    pub b: Side,
}

/// Something in one file the figures do not cover, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unmatched {
    /// "A" (the first file) or "B".
    pub file: &'static str,
    pub document: String,
    pub level: Level,
    /// The question or answer id in that file; null for a whole document.
    pub unit: Option<String>,
    /// A code that is not compared (not in the codebook, or at another level); else null.
    pub code: Option<String>,
    pub reason: String,
    /// The reason as a stable code and its params, for the page to word in
    /// the user's language (`compare.why.<why>` in www/lang-*.js); not in
    /// the CLI's output, which gives `reason`.
    #[serde(skip)]
    pub why: &'static str,
    #[serde(skip)]
    pub why_params: Vec<(&'static str, String)>,
}

/// The result of [`match_units`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Matched {
    pub units: Vec<UnitPair>,
    pub unmatched: Vec<Unmatched>,
    /// Documents matched (by text or re-anchored).
    pub documents: usize,
    /// Of those, re-anchored (the texts differ).
    pub reanchored: usize,
}

/// The key a document is listed by.
#[must_use]
pub fn document_key(doc: &Annotations) -> String {
    doc.document.id.clone().unwrap_or_else(|| doc.document.sha256.chars().take(12).collect())
}

/// How B's units map onto A's in a document pair: (B id, A id).
struct Mapping {
    answers: Vec<(String, String)>,
    questions: Vec<(String, String)>,
}

/// Matches the units of `a` and `b` (see the module documentation).
#[must_use]
pub fn match_units(a: &Coding, b: &Coding) -> Matched {
    let mut out = Matched::default();
    let (docs_a, docs_b) = (&a.documents, &b.documents);
    let mut used_a = vec![false; docs_a.len()];
    let mut used_b = vec![false; docs_b.len()];
    let mut pairs: Vec<(usize, usize, Option<Mapping>)> = Vec::new();
    // 1. The same text.
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, db) in docs_b.iter().enumerate().rev() {
        by_text.entry(db.document.sha256.as_str()).or_default().push(j);
    }
    for (i, da) in docs_a.iter().enumerate() {
        // The first unused document of B with this text (the lists are in reverse).
        if let Some(j) = by_text.get_mut(da.document.sha256.as_str()).and_then(Vec::pop) {
            used_a[i] = true;
            used_b[j] = true;
            pairs.push((i, j, None));
        }
    }
    // 2. The same official id, or the one document left on each side.
    let left = |used: &[bool]| used.iter().enumerate().filter(|(_, u)| !**u).map(|(i, _)| i).collect::<Vec<_>>();
    let mut candidates = Vec::new();
    for i in left(&used_a) {
        let Some(id) = &docs_a[i].document.id else { continue };
        if let Some(j) = left(&used_b).into_iter().find(|&j| docs_b[j].document.id.as_ref() == Some(id)) {
            if !candidates.iter().any(|&(_, cj)| cj == j) {
                candidates.push((i, j));
            }
        }
    }
    if candidates.is_empty() {
        if let ([i], [j]) = (left(&used_a).as_slice(), left(&used_b).as_slice()) {
            let (ia, ib) = (&docs_a[*i].document.id, &docs_b[*j].document.id);
            if ia.is_none() || ib.is_none() || ia == ib {
                candidates.push((*i, *j));
            }
        }
    }
    for (i, j) in candidates {
        match reanchor(&docs_a[i], &docs_b[j]) {
            Ok(mapping) => {
                used_a[i] = true;
                used_b[j] = true;
                pairs.push((i, j, Some(mapping)));
            }
            Err(message) => {
                for (file, doc) in [("A", &docs_a[i]), ("B", &docs_b[j])] {
                    out.unmatched.push(whole_document(
                        file,
                        doc,
                        "texts-differ",
                        format!("the texts differ and {message}"),
                    ));
                }
                used_a[i] = true;
                used_b[j] = true;
            }
        }
    }
    // 3. The rest.
    for (file, docs, used) in [("A", docs_a, &used_a), ("B", docs_b, &used_b)] {
        for (i, doc) in docs.iter().enumerate() {
            if used[i] {
                continue;
            }
            let twice = docs[..i].iter().zip(used.iter()).any(|(d, u)| *u && d.document.sha256 == doc.document.sha256);
            let other = if file == "A" { "B" } else { "A" };
            let (why, reason) = if twice {
                ("text-twice", format!("the same text is in file {file} twice; the first is compared"))
            } else {
                ("no-document", format!("file {other} has no document with this text (sha256) or id"))
            };
            out.unmatched.push(whole_document(file, doc, why, reason));
        }
    }
    crate::sort::by_key(&mut pairs, |p| (p.0, p.1, 0));
    for (i, j, mapping) in pairs {
        out.documents += 1;
        out.reanchored += usize::from(mapping.is_some());
        units_of(i, &docs_a[i], &docs_b[j], mapping.as_ref(), &mut out);
    }
    out
}

/// A document only one file has (or that could not be re-anchored).
fn whole_document(file: &'static str, doc: &Annotations, why: &'static str, reason: String) -> Unmatched {
    let coded = usize::from(Side { tags: doc.document.tags.clone(), no_code: doc.document.no_code }.touched())
        + doc.questions.iter().filter(|q| !q.tags.is_empty() || q.no_code).count()
        + doc.answers.iter().filter(|a| !a.tags.is_empty() || a.no_code).count();
    Unmatched {
        file,
        document: document_key(doc),
        level: Level::Document,
        unit: None,
        code: None,
        reason: format!("{reason} ({coded} coded unit{} not compared)", if coded == 1 { "" } else { "s" }),
        why,
        why_params: vec![("file", file.to_string()), ("units", coded.to_string())],
    }
}

/// The unit pairs of one matched document pair, and its unmatched units.
fn units_of(doc: usize, da: &Annotations, db: &Annotations, mapping: Option<&Mapping>, out: &mut Matched) {
    let document = document_key(da);
    out.units.push(UnitPair {
        level: Level::Document,
        doc,
        document: document.clone(),
        unit: "document".into(),
        a: Side { tags: da.document.tags.clone(), no_code: da.document.no_code },
        b: Side { tags: db.document.tags.clone(), no_code: db.document.no_code },
    });
    let questions_a: Vec<(&str, Side)> =
        da.questions.iter().map(|q| (q.id.as_str(), Side { tags: q.tags.clone(), no_code: q.no_code })).collect();
    let questions_b: Vec<(&str, Side)> =
        db.questions.iter().map(|q| (q.id.as_str(), Side { tags: q.tags.clone(), no_code: q.no_code })).collect();
    let answers_a: Vec<(&str, Side)> =
        da.answers.iter().map(|q| (q.id.as_str(), Side { tags: q.tags.clone(), no_code: q.no_code })).collect();
    let answers_b: Vec<(&str, Side)> =
        db.answers.iter().map(|q| (q.id.as_str(), Side { tags: q.tags.clone(), no_code: q.no_code })).collect();
    let (map_q, map_a) = match mapping {
        Some(m) => (Some(m.questions.as_slice()), Some(m.answers.as_slice())),
        None => (None, None),
    };
    pair_blocks(Level::Question, (doc, &document), &questions_a, &questions_b, map_q, out);
    pair_blocks(Level::Answer, (doc, &document), &answers_a, &answers_b, map_a, out);
}

/// Pairs the blocks of one level: by id, or by `mapping` (B id → A id).
fn pair_blocks(
    level: Level,
    (doc, document): (usize, &str),
    in_a: &[(&str, Side)],
    in_b: &[(&str, Side)],
    mapping: Option<&[(String, String)]>,
    out: &mut Matched,
) {
    let what = if level == Level::Question { "question" } else { "answer" };
    let a_id_of = |b_id: &str| match mapping {
        None => Some(b_id.to_string()),
        Some(m) => m.iter().find(|(b, _)| b == b_id).map(|(_, a)| a.clone()),
    };
    let mut matched_a = vec![false; in_a.len()];
    for (b_id, b_side) in in_b {
        let found = a_id_of(b_id).and_then(|id| (0..in_a.len()).find(|&i| !matched_a[i] && in_a[i].0 == id));
        match found {
            Some(i) => {
                matched_a[i] = true;
                out.units.push(UnitPair {
                    level,
                    doc,
                    document: document.to_string(),
                    unit: in_a[i].0.to_string(),
                    a: in_a[i].1.clone(),
                    b: b_side.clone(),
                });
            }
            None if b_side.touched() => out.unmatched.push(Unmatched {
                file: "B",
                document: document.to_string(),
                level,
                unit: Some((*b_id).to_string()),
                code: None,
                reason: if mapping.is_some() {
                    format!("the texts differ and this {what} could not be placed on file A's text")
                } else {
                    format!("file A's document has no {what} with this id")
                },
                why: if mapping.is_some() { "not-placed" } else { "no-such-id" },
                why_params: vec![("level", what.to_string())],
            }),
            None => {}
        }
    }
    for (i, (a_id, a_side)) in in_a.iter().enumerate() {
        if !matched_a[i] && a_side.touched() {
            out.unmatched.push(Unmatched {
                file: "A",
                document: document.to_string(),
                level,
                unit: Some((*a_id).to_string()),
                code: None,
                reason: format!("file B's document has no {what} that matches this one"),
                why: "no-match-in-b",
                why_params: vec![("level", what.to_string())],
            });
        }
    }
}

/// Places B's answers on A's text as the page's import does, and B's
/// questions by equal text. An error when the texts are too different.
fn reanchor(da: &Annotations, db: &Annotations) -> Result<Mapping, String> {
    let mut spans = Vec::new();
    for (list, blocks) in [
        ("questions", db.questions.iter().map(|q| (q.start, q.end, &q.parts)).collect::<Vec<_>>()),
        ("answers", db.answers.iter().map(|a| (a.start, a.end, &a.parts)).collect()),
    ] {
        for (i, (start, end, parts)) in blocks.into_iter().enumerate() {
            spans.push((format!("{list}[{i}]"), as_f64(start), as_f64(end)));
            for (j, p) in parts.iter().enumerate() {
                spans.push((format!("{list}[{i}].parts[{j}]"), as_f64(p[0]), as_f64(p[1])));
            }
        }
    }
    let flat = FlatFile {
        format: Some(db.format.clone()),
        w3c: false,
        version: Some(f64::from(db.version)),
        text: Some(db.document.text.clone()),
        length: Some(as_f64(db.document.length)),
        sha256: Some(db.document.sha256.clone()),
        // The blocks are compared as exported (corrections already applied).
        corrections: Vec::new(),
        spans,
        // Every answer gets a note, so that every answer is placed or listed.
        answers: db
            .answers
            .iter()
            .map(|a| FlatAnswer {
                id: a.id.clone(),
                numbers: a.numbers.iter().map(u32::to_string).collect::<Vec<_>>().join(" "),
                text: a.text.clone(),
                tags: String::new(),
                note: "·".into(),
            })
            .collect(),
        tag_set: Vec::new(),
    };
    let imported = anchoring::import_flat(&flat, &da.document.text)
        .map_err(|e| lowercase_first(e.message.split(" Choose ").next().unwrap_or_default()))?;
    let answers = imported.placed.into_iter().map(|p| (p.from, p.answer)).collect();
    let mut questions = Vec::new();
    for qb in &db.questions {
        let same: Vec<&annotation::Question> = da.questions.iter().filter(|qa| qa.text == qb.text).collect();
        if let [qa] = same.as_slice() {
            questions.push((qb.id.clone(), qa.id.clone()));
        }
    }
    Ok(Mapping { answers, questions })
}

/// An offset as the import's flat file holds it (offsets are far below 2^53).
#[allow(clippy::cast_precision_loss)]
fn as_f64(n: usize) -> f64 {
    n as f64
}

/// "These annotations …" → "these annotations …", for a message inside a sentence.
fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| crate::text::lowercase(&c.to_string()) + chars.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../tests/fixtures/seed.txt");

    fn seed() -> Annotations {
        annotation::export(SEED, &crate::pipeline::parse(SEED))
    }

    #[test]
    fn the_same_text_matches_every_unit_by_id() {
        let (a, b) = (seed(), seed());
        let m = match_units(&Coding::from_documents(vec![a.clone()]), &Coding::from_documents(vec![b]));
        assert_eq!((m.documents, m.reanchored), (1, 0));
        assert_eq!(m.units.len(), 1 + a.questions.len() + a.answers.len());
        assert!(m.unmatched.is_empty());
    }

    #[test]
    fn an_edited_text_is_reanchored_and_a_lost_answer_listed() {
        let a = seed();
        let edited = SEED.replacen("Antwoord 1", "Antwoord 1\nEen nieuwe eerste zin.", 1);
        let mut b = annotation::export(&edited, &crate::pipeline::parse(&edited));
        assert_ne!(a.document.sha256, b.document.sha256);
        for answer in &mut b.answers {
            answer.tags = vec!["x".into()];
        }
        let m = match_units(&Coding::from_documents(vec![a.clone()]), &Coding::from_documents(vec![b.clone()]));
        assert_eq!((m.documents, m.reanchored), (1, 1), "{:?}", m.unmatched);
        let answers = m.units.iter().filter(|u| u.level == Level::Answer).count();
        let lost = m.unmatched.iter().filter(|u| u.level == Level::Answer).count();
        assert_eq!(answers + lost, b.answers.len(), "every answer of B is compared or listed");
        assert!(answers >= b.answers.len() - 1, "{:?}", m.unmatched);
    }

    #[test]
    fn a_document_only_one_file_has_is_listed() {
        let other = "Vraag 1\nIets heel anders?\n\nAntwoord 1\nNee.\n";
        let mut b = annotation::export(other, &crate::pipeline::parse(other));
        b.answers[0].tags = vec!["x".into()];
        let a = seed();
        let m = match_units(&Coding::from_documents(vec![a.clone()]), &Coding::from_documents(vec![a, b]));
        assert_eq!(m.documents, 1);
        assert_eq!(m.unmatched.len(), 1, "{:?}", m.unmatched);
        assert_eq!((m.unmatched[0].file, m.unmatched[0].unit.as_deref()), ("B", None));
        assert!(m.unmatched[0].reason.contains("1 coded unit not"), "{}", m.unmatched[0].reason);
    }

    #[test]
    fn a_text_twice_in_one_file_is_compared_once_and_the_second_listed() {
        let m = match_units(&Coding::from_documents(vec![seed(), seed()]), &Coding::from_documents(vec![seed()]));
        assert_eq!(m.documents, 1);
        assert_eq!(m.unmatched.len(), 1);
        assert!(m.unmatched[0].reason.starts_with("the same text is in file A twice"), "{}", m.unmatched[0].reason);
        let both =
            match_units(&Coding::from_documents(vec![seed(), seed()]), &Coding::from_documents(vec![seed(), seed()]));
        assert_eq!((both.documents, both.unmatched.len()), (2, 0));
    }

    #[test]
    fn two_different_texts_are_not_paired() {
        let other = "Vraag 1\nIets heel anders?\n\nAntwoord 1\nNee.\n";
        let b = annotation::export(other, &crate::pipeline::parse(other));
        let m = match_units(&Coding::from_documents(vec![seed()]), &Coding::from_documents(vec![b]));
        assert_eq!(m.documents, 0);
        assert_eq!(m.unmatched.len(), 2);
        assert!(m.unmatched[0].reason.contains("different text"), "{}", m.unmatched[0].reason);
        assert!(!m.unmatched[0].reason.contains("New document"), "no advice for the page: {}", m.unmatched[0].reason);
    }
}
