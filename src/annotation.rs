//! The annotation JSON (`kamervragen-annotations`, version 1): the contract in
//! `shared/docs/annotation-format.md`. Spans are Unicode code points into
//! `document.text`, converted here once from the core's UTF-8 byte spans.
//!
//! ```
//! let text = "Vraag 1\nWat is de stand van zaken?\n\nAntwoord 1\nGoed.\n";
//! let json = kamervragen::annotation::export(text, &kamervragen::parse(text));
//! assert_eq!(json.format, "kamervragen-annotations");
//! assert_eq!(json.answers[0].questions, vec!["q1".to_string()]);
//! assert_eq!(&text[json.answers[0].start..json.answers[0].end], "Goed."); // ASCII: bytes = code points
//! ```

use crate::model::{self, Document, Span};
use crate::offsets::OffsetIndex;
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "kamervragen-annotations";
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Generator {
    pub name: String,
    pub version: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Range {
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Asker {
    pub name: String,
    pub party: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Addressee {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Respondent {
    pub role: String,
    pub name: String,
    pub portfolio: String,
    #[serde(default)]
    pub on_behalf: bool,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentInfo {
    pub text: String,
    pub sha256: String,
    /// Length in code points.
    pub length: usize,
    pub kind: model::DocKind,
    pub id: Option<String>,
    pub session_year: Option<String>,
    pub aanhangsel_nr: Option<u32>,
    pub subject: Option<String>,
    pub askers: Vec<Asker>,
    pub addressees: Vec<Addressee>,
    pub respondents: Vec<Respondent>,
    pub submitted: Option<String>,
    pub received: Option<String>,
    /// A ministry letter's "Datum" line (ISO): when the answer was written.
    #[serde(default)]
    pub dated: Option<String>,
    /// The user's codes on the whole document (codebook variables of level
    /// `document`); absent when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The coder decided that no code applies to the document; absent when false.
    #[serde(default, skip_serializing_if = "is_false")]
    pub no_code: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub numbers: Vec<u32>,
    pub start: usize,
    pub end: usize,
    pub parts: Vec<[usize; 2]>,
    pub text: String,
    pub heading: Range,
    /// The user's codes on the question (variables of level `question`);
    /// absent when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The coder decided that no code applies to the question; absent when false.
    #[serde(default, skip_serializing_if = "is_false")]
    pub no_code: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub id: String,
    pub numbers: Vec<u32>,
    pub questions: Vec<String>,
    pub start: usize,
    pub end: usize,
    pub parts: Vec<[usize; 2]>,
    pub text: String,
    pub heading: Range,
    pub refers_to: Vec<u32>,
    pub tags: Vec<String>,
    pub note: String,
    /// The coder decided that no code applies to the answer; absent when false.
    #[serde(default, skip_serializing_if = "is_false")]
    pub no_code: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Footnote {
    pub number: u32,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub markers: Vec<Range>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Date {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub iso: String,
    pub precision: model::Precision,
    pub role: Option<model::DateRole>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    pub kind: model::RefKind,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub target: String,
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Furniture {
    pub kind: model::FurnitureKind,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: model::Severity,
    /// Absent in files exported before diagnostics had codes.
    #[serde(default)]
    pub code: Option<model::DiagnosticCode>,
    pub message: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tag {
    pub name: String,
    pub color: String,
    pub key: Option<String>,
    pub description: String,
}

/// Whether a variable takes one code per unit or several.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum VariableKind {
    /// At most one code per unit: choosing a code replaces the variable's
    /// other code on the unit ("answer type": volledig / gedeeltelijk / weigering).
    #[serde(rename = "one-of")]
    OneOf,
    /// Any number of codes per unit ("refers to": wet / eerder antwoord / rapport).
    #[default]
    #[serde(rename = "any-of")]
    AnyOf,
}

/// What a variable's codes are put on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// An answer block (`answers[].tags`).
    #[default]
    Answer,
    /// A question block (`questions[].tags`).
    Question,
    /// The whole document (`document.tags`).
    Document,
}

/// One code of a codebook variable. Code names are unique across the whole
/// codebook, so a unit's `tags` (names) say which variable each belongs to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Code {
    pub name: String,
    /// When the code applies (plain text, may span lines).
    #[serde(default)]
    pub definition: String,
    /// A typical passage it applies to (plain text).
    #[serde(default)]
    pub example: String,
    /// `#rrggbb`, lowercase.
    #[serde(default)]
    pub color: String,
    /// A shortcut "1"–"9", or null.
    #[serde(default)]
    pub key: Option<String>,
}

/// One variable of a codebook: a list of codes of one kind, at one level.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variable {
    pub name: String,
    pub kind: VariableKind,
    #[serde(default)]
    pub level: Level,
    pub codes: Vec<Code>,
}

/// The codebook: the variables the coders code (docs/annotation-format.md).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Codebook {
    pub variables: Vec<Variable>,
}

impl Codebook {
    /// The codebook of a file with only a tag set: one any-of variable "tags"
    /// at the answer level holding every tag of `names`.
    #[must_use]
    pub fn from_tags<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut codes: Vec<Code> = Vec::new();
        for name in names {
            if !codes.iter().any(|c| c.name == name) {
                codes.push(Code { name: name.to_string(), ..Code::default() });
            }
        }
        Self {
            variables: vec![Variable { name: "tags".into(), kind: VariableKind::AnyOf, level: Level::Answer, codes }],
        }
    }

    /// The variable a code belongs to, and the code's index in it.
    #[must_use]
    pub fn find(&self, code: &str) -> Option<(usize, usize)> {
        self.variables
            .iter()
            .enumerate()
            .find_map(|(v, var)| var.codes.iter().position(|c| c.name == code).map(|c| (v, c)))
    }
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_false(b: &bool) -> bool {
    !*b
}

/// One document, its parse and (from the page) the user's tags.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Annotations {
    pub format: String,
    pub version: u32,
    pub generator: Generator,
    pub document: DocumentInfo,
    pub questions: Vec<Question>,
    pub answers: Vec<Answer>,
    pub footnotes: Vec<Footnote>,
    pub dates: Vec<Date>,
    pub references: Vec<Reference>,
    pub furniture: Vec<Furniture>,
    pub diagnostics: Vec<Diagnostic>,
    pub tag_set: Vec<Tag>,
    /// The codebook the tags belong to; absent (or null) when the file has
    /// only a tag set (then the tags are one any-of variable "tags").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub codebook: Option<Codebook>,
    /// Who coded the file (the page asks once); absent when not known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub coder: String,
    /// The user's corrections of the parse (`crate::corrections`), already
    /// applied to the structure above; absent when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<crate::corrections::Correction>,
}

/// The format name of a collection file.
pub const COLLECTION_FORMAT: &str = "kamervragen-collection";

/// Many documents as one dataset (`kamervragen-collection`, version 1): the
/// page's "Export all as JSON", the CLI's `--format json` with several files.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Collection {
    pub format: String,
    pub version: u32,
    pub generator: Generator,
    pub tag_set: Vec<Tag>,
    pub documents: Vec<Annotations>,
    /// As in [`Annotations`]: the codebook of every document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub codebook: Option<Codebook>,
    /// As in [`Annotations`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub coder: String,
}

impl Collection {
    /// A collection of `documents` with the tag set `tag_set`.
    #[must_use]
    pub fn new(documents: Vec<Annotations>, tag_set: Vec<Tag>) -> Self {
        Self {
            format: COLLECTION_FORMAT.into(),
            version: VERSION,
            generator: Generator::this(),
            tag_set,
            documents,
            codebook: None,
            coder: String::new(),
        }
    }
}

impl Generator {
    /// This program, as the generator of a file.
    #[must_use]
    pub fn this() -> Self {
        Self { name: env!("CARGO_PKG_NAME").into(), version: env!("CARGO_PKG_VERSION").into() }
    }
}

/// Hex SHA-256 of the UTF-8 text.
#[must_use]
pub fn sha256_hex(text: &str) -> String {
    use sha2::{Digest, Sha256};
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(64);
    for b in Sha256::digest(text.as_bytes()) {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0x0F)]));
    }
    out
}

/// The annotation JSON for `doc`, parsed from `text`; tags empty.
#[must_use]
pub fn export(text: &str, doc: &Document) -> Annotations {
    export_indexed(text, doc, &OffsetIndex::new(text))
}

/// [`export`] with the text's offset index already built (the page builds it
/// once for the export and the render tree).
#[must_use]
pub fn export_indexed(text: &str, doc: &Document, index: &OffsetIndex) -> Annotations {
    let cp = |s: Span| (index.to_char(s.start), index.to_char(s.end));
    let range = |s: Span| {
        let (start, end) = cp(s);
        Range { start, end }
    };
    let parts = |ps: &[Span]| ps.iter().map(|p| <[usize; 2]>::from(cp(*p))).collect::<Vec<_>>();
    let h = &doc.header;
    let document = DocumentInfo {
        text: text.to_string(),
        sha256: sha256_hex(text),
        length: index.char_len(),
        kind: h.kind,
        id: h.id.clone(),
        session_year: h.session_year.clone(),
        aanhangsel_nr: h.aanhangsel_nr,
        subject: h.subject.clone(),
        askers: h
            .askers
            .iter()
            .map(|a| {
                let (start, end) = cp(a.span);
                Asker { name: a.name.clone(), party: a.party.clone(), start, end }
            })
            .collect(),
        addressees: h
            .addressees
            .iter()
            .map(|a| {
                let (start, end) = cp(a.span);
                Addressee { text: a.text.clone(), start, end }
            })
            .collect(),
        respondents: h
            .respondents
            .iter()
            .map(|r| {
                let (start, end) = cp(r.span);
                Respondent {
                    role: r.role.clone(),
                    name: r.name.clone(),
                    portfolio: r.portfolio.clone(),
                    on_behalf: r.on_behalf,
                    start,
                    end,
                }
            })
            .collect(),
        submitted: h.submitted.as_ref().map(|d| d.iso.clone()),
        received: h.received.as_ref().map(|d| d.iso.clone()),
        dated: h.dated.as_ref().map(|d| d.iso.clone()),
        tags: Vec::new(),
        no_code: false,
    };
    let questions = doc
        .questions
        .iter()
        .map(|q| {
            let (start, end) = cp(q.span);
            Question {
                id: q.id.clone(),
                numbers: q.numbers.clone(),
                start,
                end,
                parts: parts(&q.parts),
                text: q.text.clone(),
                heading: range(q.heading),
                tags: Vec::new(),
                no_code: false,
            }
        })
        .collect();
    let answers = doc
        .answers
        .iter()
        .map(|a| {
            let (start, end) = cp(a.span);
            Answer {
                id: a.id.clone(),
                numbers: a.numbers.clone(),
                questions: a.questions.iter().filter_map(|&i| doc.questions.get(i)).map(|q| q.id.clone()).collect(),
                start,
                end,
                parts: parts(&a.parts),
                text: a.text.clone(),
                heading: range(a.heading),
                refers_to: a.refers_to.clone(),
                tags: Vec::new(),
                note: String::new(),
                no_code: false,
            }
        })
        .collect();
    Annotations {
        format: FORMAT.into(),
        version: VERSION,
        generator: Generator::this(),
        document,
        questions,
        answers,
        footnotes: doc
            .footnotes
            .iter()
            .map(|f| {
                let (start, end) = cp(f.span);
                Footnote {
                    number: f.number,
                    start,
                    end,
                    text: f.text.clone(),
                    markers: f.markers.iter().map(|m| range(*m)).collect(),
                }
            })
            .collect(),
        dates: doc
            .dates
            .iter()
            .map(|d| {
                let (start, end) = cp(d.span);
                Date {
                    start,
                    end,
                    text: d.span.slice(text).into(),
                    iso: d.iso.clone(),
                    precision: d.precision,
                    role: d.role,
                }
            })
            .collect(),
        references: doc
            .references
            .iter()
            .map(|r| {
                let (start, end) = cp(r.span);
                Reference {
                    kind: r.kind,
                    start,
                    end,
                    text: r.span.slice(text).into(),
                    target: r.target.clone(),
                    url: r.url.clone(),
                }
            })
            .collect(),
        furniture: doc
            .furniture
            .iter()
            .map(|f| {
                let (start, end) = cp(f.span);
                Furniture { kind: f.kind, start, end }
            })
            .collect(),
        diagnostics: doc
            .diagnostics
            .iter()
            .map(|d| {
                let (start, end) = cp(d.span);
                Diagnostic { severity: d.severity, code: Some(d.code), message: d.message.clone(), start, end }
            })
            .collect(),
        tag_set: Vec::new(),
        codebook: None,
        coder: String::new(),
        corrections: Vec::new(),
    }
}
