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
            }
        })
        .collect();
    Annotations {
        format: FORMAT.into(),
        version: VERSION,
        generator: Generator { name: env!("CARGO_PKG_NAME").into(), version: env!("CARGO_PKG_VERSION").into() },
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
    }
}
