//! Anchoring: the user's tags and notes on answer blocks, carried between
//! texts and out to other formats. The page never does offset arithmetic; it
//! calls these (through `wasm.rs`) instead.
//!
//! - [`import`] validates an annotation file (`kamervragen-annotations`,
//!   version 1, see `shared/docs/annotation-format.md`) and places its tags
//!   and notes on the answers of the current text: by answer id when the text
//!   is the same, else **re-anchored by quote**: the tagged answer's text
//!   `document.text[start:end]` is searched in the current text (nearest
//!   occurrence to where it was), then its first and last 48 characters, then
//!   its joined `text` against the current answers'. What cannot be placed is
//!   returned in `unplaced`, never dropped.
//! - [`quote_selector`] builds the W3C TextQuoteSelector (exact, prefix,
//!   suffix) and TextPositionSelector (code points) for a span.
//! - [`w3c`] is the W3C Web Annotation export: one annotation per tag.
//! - [`check_tag`] holds the rules for a tag (name, colour, key,
//!   description) that import and the page's tag editor share.
//!
//! A bad file is an [`ImportError`] with a message for the user, and a code
//! and params from which the page words it in the user's language:
//!
//! ```
//! use kamervragen::anchoring::import;
//! let err = import("{\"format\": \"kamervragen-annotations\", \"version\": 1, \"document\": {\"te", "").unwrap_err();
//! assert!(err.message.contains("ends too early"));
//! assert_eq!(err.code, "truncated");
//! let err = import(r#"{"format":"kamervragen-annotations","version":2}"#, "").unwrap_err();
//! assert!(err.message.contains("version 2"));
//! assert_eq!((err.code, err.params[0].clone()), ("version", ("version", "2".to_string())));
//! ```

use crate::annotation::{self, Tag};
use crate::headings::heading_label;
use crate::model::{Block, Span};
use crate::offsets::OffsetIndex;
use crate::pipeline::{normalize_newlines, parse};
use serde::{Deserialize, Serialize};
#[cfg(not(target_arch = "wasm32"))]
use serde_json::Value;
use std::fmt;

mod file;
mod reanchor;
mod tags;
#[cfg(test)]
mod tests;
mod w3c;

#[cfg(not(target_arch = "wasm32"))]
pub use file::flatten;
use file::{check_file, File, FileAnswer};
pub use file::{FlatAnswer, FlatFile, FlatTag, NOT_TEXT, SPAN_LISTS, TRUNCATED};
use reanchor::{reanchor, shared_lines};
pub use tags::{check_tag, html_in, is_hex_color};
pub use w3c::{
    quote_selector, w3c, w3c_corrected, AnnotationCollection, AnnotationPage, Body, Selector, Target, WebAnnotation,
};

/// The largest annotation file [`import`] reads (the page checks the file size first).
pub const MAX_IMPORT_BYTES: usize = 25 * 1024 * 1024;
/// Characters of context in a TextQuoteSelector's prefix and suffix.
const CONTEXT: usize = 32;
/// Characters of a quote's head and tail used when the whole quote is not found.
const HEAD: usize = 48;

/// Why an annotation file or a tag was refused: a stable kebab-case `code`
/// ("tag-html"), the values its message names (`params`, by name) and the
/// message in English. The page shows the message in the user's language
/// from the code and params (www/lang-*.js, `import.<code>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub code: &'static str,
    pub params: Vec<(&'static str, String)>,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ImportError {}

fn fail<T>(code: &'static str, params: &[(&'static str, String)], msg: impl Into<String>) -> Result<T, ImportError> {
    Err(ImportError { code, params: params.to_vec(), message: msg.into() })
}

/// The tags and note of one answer, by answer id (what the page stores).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerTags {
    pub answer: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub note: String,
}

/// Tags and a note placed on an answer of the current text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Placed {
    /// The current answer's id.
    pub answer: String,
    /// The answer id in the imported file.
    pub from: String,
    pub tags: Vec<String>,
    pub note: String,
    /// "id" (same text), "quote", "head-tail" or "text".
    pub how: &'static str,
}

/// Tags and a note that could not be placed on any current answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unplaced {
    pub from: String,
    /// "Antwoord 5".
    pub label: String,
    /// The start of the answer's text, for the user to recognise it.
    pub quote: String,
    pub tags: Vec<String>,
    pub note: String,
}

/// The result of a successful [`import`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Imported {
    /// The text the tags are placed on: the current text, or the file's when
    /// there was none.
    pub text: String,
    /// True when the file's text is the text the tags are placed on.
    pub same_text: bool,
    /// The file's tag set (validated).
    pub tag_set: Vec<Tag>,
    pub placed: Vec<Placed>,
    pub unplaced: Vec<Unplaced>,
    /// The file's corrections placed on the text (offsets into it), in order.
    pub corrections: Vec<crate::corrections::Correction>,
    /// The file's corrections that could not be placed, with the reason.
    pub corrections_unplaced: Vec<UnplacedCorrection>,
}

/// A correction of an imported file that could not be placed: the
/// correction itself (to keep) and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnplacedCorrection {
    pub correction: crate::corrections::Correction,
    pub reason: crate::corrections::Reason,
    pub message: String,
}

/// Validates the annotation file `json` and places its tags on `current_text`
/// (or, when that is empty, on the file's own text).
///
/// # Errors
/// A message for the user when the file is not JSON, is truncated, is another
/// format or version, has offsets out of range, negative, not whole numbers or
/// overlapping, has HTML in tags or notes, is too large, or belongs to a
/// different text.
#[cfg(not(target_arch = "wasm32"))]
pub fn import(json: &str, current_text: &str) -> Result<Imported, ImportError> {
    if json.len() > MAX_IMPORT_BYTES {
        let (size, max) = (json.len().div_ceil(1024 * 1024), MAX_IMPORT_BYTES / (1024 * 1024));
        return fail(
            "too-large",
            &[("size", size.to_string()), ("max", max.to_string())],
            format!("The file is too large ({size} MB); annotation files up to {max} MB can be imported."),
        );
    }
    let value: Value = serde_json::from_str(json).or_else(|e| {
        if e.is_eof() {
            fail("truncated", &[], TRUNCATED)
        } else {
            fail("not-json", &[("why", e.to_string())], format!("The file is not JSON ({e})."))
        }
    })?;
    import_value(&value, current_text)
}

/// [`import`] for JSON already parsed: reduces it with [`flatten`].
///
/// # Errors
/// As [`import`], but for the JSON syntax.
#[cfg(not(target_arch = "wasm32"))]
pub fn import_value(value: &Value, current_text: &str) -> Result<Imported, ImportError> {
    if !value.is_object() {
        return fail("not-annotation-file", &[], "The file is JSON but not an annotation file (expected an object with \"format\": \"kamervragen-annotations\").");
    }
    import_flat(&flatten(value), current_text)
}

/// Validates a [`FlatFile`] and places its tags on `current_text` (or, when
/// that is empty, on the file's own text).
///
/// # Errors
/// As [`import`].
pub fn import_flat(flat: &FlatFile, current_text: &str) -> Result<Imported, ImportError> {
    let file = check_file(flat)?;
    let current = normalize_newlines(current_text);
    let (target, same_text) = if current.trim().is_empty() {
        (file.text.clone(), true)
    } else {
        let same = *current == *file.text;
        (current.into_owned(), same)
    };
    if !same_text {
        let (shared, total) = shared_lines(&file.text, &target);
        if shared * 2 < total {
            return fail(
                "different-text",
                &[("shared", shared.to_string()), ("total", total.to_string())],
                format!(
                    "These annotations belong to a different text (only {shared} of its {total} lines are in the \
                     current document). Choose “New document” first to import them as a document of their own."
                ),
            );
        }
    }
    // Tags sit on the corrected blocks: the file's corrections first.
    let applied = crate::corrections::apply(&target, parse(&target), &file.corrections);
    let doc = applied.doc;
    let corrections_unplaced = applied
        .unplaced
        .into_iter()
        .filter_map(|u| {
            let correction = file.corrections.get(u.index)?.clone();
            Some(UnplacedCorrection { correction, reason: u.reason, message: u.message })
        })
        .collect();
    let mut placed = Vec::new();
    let mut unplaced = Vec::new();
    let file_index = OffsetIndex::new(&file.text);
    for a in file.answers.iter().filter(|a| !a.tags.is_empty() || !a.note.is_empty()) {
        let by_id = if same_text { doc.answers.iter().find(|b| b.id == a.id) } else { None };
        let found = by_id.map(|b| (b, "id")).or_else(|| reanchor(&file, &file_index, a, &target, &doc.answers));
        match found {
            Some((b, how)) => placed.push(Placed {
                answer: b.id.clone(),
                from: a.id.clone(),
                tags: a.tags.clone(),
                note: a.note.clone(),
                how,
            }),
            None => {
                let quote = Span::new(file_index.from_char(a.start), file_index.from_char(a.end)).slice(&file.text);
                unplaced.push(Unplaced {
                    from: a.id.clone(),
                    label: a.label.clone(),
                    quote: quote.chars().take(120).collect(),
                    tags: a.tags.clone(),
                    note: a.note.clone(),
                });
            }
        }
    }
    Ok(Imported {
        text: target,
        same_text,
        tag_set: file.tag_set,
        placed,
        unplaced,
        corrections: applied.placed,
        corrections_unplaced,
    })
}

fn prefix_chars(s: &str, n: usize) -> &str {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    s.get(..end).unwrap_or(s)
}

fn suffix_chars(s: &str, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    let start = s.char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
    s.get(start..).unwrap_or(s)
}
