//! The thin wasm binding: convert the input, call the core, convert the
//! output; every failure goes through [`into_error`].

use crate::{annotation, normalize_newlines, parse, view};
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

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(into_error)
}

fn into_error(err: impl std::fmt::Display) -> JsError {
    JsError::new(&err.to_string())
}
