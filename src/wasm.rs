//! The thin wasm binding: convert the input, call the core, convert the
//! output; every failure goes through [`into_error`].

use crate::{anchoring, annotation, normalize_newlines, offsets, parse, view};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// What the page gets for one text: the export JSON (code points) and the
/// render tree (UTF-16).
#[derive(Serialize)]
struct Analysis {
    annotations: annotation::Annotations,
    view: view::View,
}

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| web_sys::console::error_1(&JsValue::from_str(&info.to_string()))));
}

/// Parses `text` (as pasted) into `{annotations, view}`.
#[wasm_bindgen]
pub fn analyze(text: &str) -> Result<JsValue, JsError> {
    let text = normalize_newlines(text);
    let doc = parse(&text);
    let index = offsets::OffsetIndex::new(&text);
    to_js(&Analysis {
        annotations: annotation::export_indexed(&text, &doc, &index),
        view: view::build_indexed(&text, &doc, &index),
    })
}

/// An annotation file for import, filled from `JSON.parse` by
/// `www/importer.js` (see [`anchoring::FlatFile`]).
#[wasm_bindgen]
pub struct ImportFile(anchoring::FlatFile);

#[wasm_bindgen]
impl ImportFile {
    #[wasm_bindgen(constructor)]
    #[must_use]
    pub fn new(
        format: Option<String>,
        w3c: bool,
        version: Option<f64>,
        text: Option<String>,
        length: Option<f64>,
        sha256: Option<String>,
    ) -> ImportFile {
        ImportFile(anchoring::FlatFile { format, w3c, version, text, length, sha256, ..Default::default() })
    }

    /// A span of the file ("answers[3]", start, end); NaN when not a number.
    pub fn span(&mut self, name: String, start: f64, end: f64) {
        self.0.spans.push((name, start, end));
    }

    /// The next answer: tags joined by "\n", numbers by " ".
    pub fn answer(&mut self, id: String, numbers: String, text: String, tags: String, note: String) {
        self.0.answers.push(anchoring::FlatAnswer { id, numbers, text, tags, note });
    }

    /// The next tag of the tag set.
    pub fn tag(&mut self, name: String, color: String, key: String, description: String) {
        self.0.tag_set.push(anchoring::FlatTag { name, color, key, description });
    }

    /// Validates the file and places its tags on `current` (see
    /// [`anchoring::import_flat`]); throws the message for the user.
    pub fn place(&self, current: &str) -> Result<JsValue, JsError> {
        to_js(&anchoring::import_flat(&self.0, current).map_err(into_error)?)
    }
}

/// The W3C Web Annotation export of `text`, as an object: answer `answers[i]`
/// has the tags `tags[i]` (names joined by "\n") and the note `notes[i]`.
/// (Flat string arrays keep a deserializer out of the wasm.)
#[wasm_bindgen]
pub fn export_w3c(text: &str, answers: Vec<String>, tags: Vec<String>, notes: Vec<String>) -> Result<JsValue, JsError> {
    let tagged: Vec<anchoring::AnswerTags> = answers
        .into_iter()
        .zip(tags)
        .zip(notes)
        .map(|((answer, tags), note)| anchoring::AnswerTags {
            answer,
            tags: tags.split('\n').filter(|t| !t.is_empty()).map(str::to_string).collect(),
            note,
        })
        .collect();
    to_js(&anchoring::w3c(text, &tagged))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(into_error)
}

fn into_error(err: impl std::fmt::Display) -> JsError {
    JsError::new(&err.to_string())
}

/// Bench only (`npm run bench`): normalize + parse, no export, no view, no
/// conversion; returns the number of references so nothing is optimised away.
#[wasm_bindgen]
#[must_use]
pub fn bench_parse(text: &str) -> usize {
    let text = normalize_newlines(text);
    parse(&text).references.len()
}
