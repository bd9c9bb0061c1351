//! The thin wasm binding: convert the input, call the core, convert the
//! output; every failure goes through [`into_error`].

use crate::{anchoring, annotation, normalize_newlines, parse, view};
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
    to_js(&Analysis { annotations: annotation::export(&text, &doc), view: view::build(&text, &doc) })
}

/// Validates an annotation file and places its tags on `current` (see
/// [`anchoring::import`]); throws the message for the user.
#[wasm_bindgen]
pub fn import_annotations(json: &str, current: &str) -> Result<JsValue, JsError> {
    to_js(&anchoring::import(json, current).map_err(into_error)?)
}

/// The W3C Web Annotation export of `text` with `tagged` (`[{answer, tags, note}]`).
#[wasm_bindgen]
pub fn export_w3c(text: &str, tagged: JsValue) -> Result<String, JsError> {
    let tagged: Vec<anchoring::AnswerTags> = serde_wasm_bindgen::from_value(tagged).map_err(into_error)?;
    serde_json::to_string_pretty(&anchoring::w3c(text, &tagged)).map_err(into_error)
}

/// The share of the lines of `a` found in `b` (0–1).
#[wasm_bindgen]
#[must_use]
pub fn similarity(a: &str, b: &str) -> f64 {
    anchoring::similarity(&normalize_newlines(a), &normalize_newlines(b))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(into_error)
}

fn into_error(err: impl std::fmt::Display) -> JsError {
    JsError::new(&err.to_string())
}
