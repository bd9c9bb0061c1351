//! The W3C Web Annotation export (JSON-LD) and its selectors.
//!
//! ```text
//! collection = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
//!               "first": {"type": "AnnotationPage", "items": [annotation]}}
//! annotation = {"motivation": "tagging" | "commenting", "body": TextualBody,
//!               "target": {"source": "urn:sha256:…", "selector": [TextQuoteSelector, TextPositionSelector]}}
//! ```
//!
//! A TextQuoteSelector has the answer's text as `exact` with 32 characters of
//! `prefix` and `suffix`; a TextPositionSelector counts code points, as the
//! JSON export does.

use super::*;

/// One selector of a W3C Web Annotation target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type")]
pub enum Selector {
    TextQuoteSelector { exact: String, prefix: String, suffix: String },
    TextPositionSelector { start: usize, end: usize },
}

/// A W3C TextQuoteSelector and TextPositionSelector for the byte span `span`
/// of `text` (positions in code points).
#[must_use]
pub fn quote_selector(text: &str, index: &OffsetIndex, span: Span) -> [Selector; 2] {
    let before = text.get(..span.start).unwrap_or("");
    let after = text.get(span.end..).unwrap_or("");
    [
        Selector::TextQuoteSelector {
            exact: span.slice(text).into(),
            prefix: suffix_chars(before, CONTEXT).into(),
            suffix: prefix_chars(after, CONTEXT).into(),
        },
        Selector::TextPositionSelector { start: index.to_char(span.start), end: index.to_char(span.end) },
    ]
}

/// `{"type": "SpecificResource", "source": …, "selector": […]}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Target {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub source: String,
    pub selector: [Selector; 2],
}

/// A TextualBody with its purpose ("tagging", "commenting").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Body {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub purpose: &'static str,
    pub value: String,
    pub format: &'static str,
}

/// One W3C Web Annotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WebAnnotation {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub motivation: &'static str,
    pub label: String,
    pub body: Body,
    pub target: Target,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AnnotationPage {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub items: Vec<WebAnnotation>,
}

/// The W3C export: an AnnotationCollection holding one page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AnnotationCollection {
    #[serde(rename = "@context")]
    pub context: &'static str,
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub label: String,
    pub total: usize,
    pub first: AnnotationPage,
}

/// The W3C Web Annotation export (JSON-LD): an AnnotationCollection with one
/// `tagging` annotation per tag and one `commenting` annotation per note,
/// each targeting the answer's text (its `start`/`end` in the JSON export).
/// The source is `urn:sha256:<hex of the text>`. Answers of `tagged` that the
/// text does not have are left out.
#[must_use]
pub fn w3c(text: &str, tagged: &[AnswerTags]) -> AnnotationCollection {
    w3c_corrected(text, tagged, &[])
}

/// [`w3c`] on the parse with the user's `corrections` applied (the answers
/// as the page shows them).
#[must_use]
pub fn w3c_corrected(
    text: &str,
    tagged: &[AnswerTags],
    corrections: &[crate::corrections::Correction],
) -> AnnotationCollection {
    let text = normalize_newlines(text);
    let doc = crate::corrections::apply(&text, parse(&text), corrections).doc;
    let index = OffsetIndex::new(&text);
    let sha = annotation::sha256_hex(&text);
    let source = format!("urn:sha256:{sha}");
    let mut items = Vec::new();
    for t in tagged {
        let Some(b) = doc.answers.iter().find(|b| b.id == t.answer) else { continue };
        let target = Target {
            kind: "SpecificResource",
            source: source.clone(),
            selector: quote_selector(&text, &index, b.span),
        };
        let base = format!("urn:kamervragen:{}:{}", sha.get(..16).unwrap_or(&sha), b.id);
        let annotation = |id: String, motivation: &'static str, value: &str| WebAnnotation {
            id,
            kind: "Annotation",
            motivation,
            label: heading_label(b),
            body: Body { kind: "TextualBody", purpose: motivation, value: value.into(), format: "text/plain" },
            target: target.clone(),
        };
        for (k, tag) in t.tags.iter().enumerate() {
            items.push(annotation(format!("{base}:tag:{}", k + 1), "tagging", tag));
        }
        if !t.note.trim().is_empty() {
            items.push(annotation(format!("{base}:note"), "commenting", &t.note));
        }
    }
    AnnotationCollection {
        context: "http://www.w3.org/ns/anno.jsonld",
        id: format!("urn:kamervragen:{sha}"),
        kind: "AnnotationCollection",
        label: doc.header.id.clone().unwrap_or_else(|| "Kamervragen".into()),
        total: items.len(),
        first: AnnotationPage { kind: "AnnotationPage", items },
    }
}
