//! The thin wasm binding: convert the input, call the core, convert the
//! output; every failure goes through [`into_error`].

use crate::{agreement, anchoring, annotation, codebook, corrections, normalize_newlines, offsets, parse, table, view};
use js_sys::{Array, JsString, Object, Reflect};
use serde::Serialize;
use std::borrow::Cow;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| web_sys::console::error_1(&JsValue::from_str(&info.to_string()))));
}

/// Parses `text` (as pasted) into `{annotations, view}`: the export JSON
/// (code points) and the render tree (UTF-16).
///
/// The render tree is built here rather than by serde: its text nodes are
/// slices of the JS string that came in (`String.prototype.slice`, no UTF-8
/// decoding), its kinds are made once per call, and the annotations'
/// `document.text` is that same string. For a 1 MB text that is ~35% fewer
/// strings decoded than through serde-wasm-bindgen, for the same objects.
///
/// With `fixes`, the user's corrections are applied first: the annotations
/// carry the placed ones (`corrections`), and `corrections` of the result
/// says which could not be placed (`unplaced`) and which block ids changed
/// (`moves`).
#[wasm_bindgen]
pub fn analyze(text: &JsString, fixes: Option<Corrections>) -> Result<JsValue, JsError> {
    let input = text.as_string().ok_or_else(|| JsError::new("analyze: the text is not a string"))?;
    let normalized = normalize_newlines(&input);
    // The input string itself when it is the parsed text: not when newlines
    // were normalized, nor when a lone surrogate became U+FFFD on the way in.
    let js_text = match &normalized {
        Cow::Borrowed(s) if !s.contains('\u{FFFD}') => text.clone(),
        _ => JsString::from(normalized.as_ref()),
    };
    let applied = corrections::apply_flat(&normalized, parse(&normalized), &fixes.map(|f| f.0).unwrap_or_default());
    let doc = applied.doc;
    let index = offsets::OffsetIndex::new(&normalized);
    let mut annotations = annotation::export_indexed(&normalized, &doc, &index);
    annotations.corrections = applied.placed;
    annotations.document.text = String::new();
    let annotations = to_js(&annotations)?;
    if let Ok(document) = Reflect::get(&annotations, &JsValue::from_str("document")) {
        set(&document, &JsValue::from_str("text"), &js_text);
    }
    let view = view::build_indexed(&normalized, &doc, &index);
    let out = Object::new();
    set(&out, &JsValue::from_str("annotations"), &annotations);
    set(&out, &JsValue::from_str("view"), &ViewToJs::new(js_text).view(&view));
    let outcome = Object::new();
    set(&outcome, &JsValue::from_str("unplaced"), &to_js(&applied.unplaced)?);
    set(&outcome, &JsValue::from_str("moves"), &to_js(&applied.moves)?);
    set(&out, &JsValue::from_str("corrections"), &outcome);
    // The values each diagnostic's message names, by name, in the order of
    // `annotations.diagnostics` (not in the export: the page words the message).
    let params = Array::new();
    for d in &doc.diagnostics {
        params.push(&params_object(&d.params));
    }
    set(&out, &JsValue::from_str("diagnostic_params"), &params);
    Ok(out.into())
}

/// A list of corrections from the page, one flat [`Corrections::add`] a
/// correction (see [`corrections::FlatCorrection`]); checked where it is used.
#[wasm_bindgen]
#[derive(Default)]
pub struct Corrections(Vec<corrections::FlatCorrection>);

#[wasm_bindgen]
impl Corrections {
    #[wasm_bindgen(constructor)]
    #[must_use]
    pub fn new() -> Corrections {
        Corrections::default()
    }

    /// The next correction: `values` one person a string (name, party, role,
    /// portfolio joined by TAB); `numbers` empty for none.
    #[allow(clippy::too_many_arguments)]
    pub fn add(
        &mut self,
        kind: String,
        start: f64,
        end: f64,
        quote: String,
        prefix: String,
        suffix: String,
        iso: Option<String>,
        target: Option<String>,
        url: Option<String>,
        numbers: Vec<u32>,
        block: Option<String>,
        field: Option<String>,
        values: Vec<String>,
    ) {
        let c = corrections::FlatCorrection {
            kind,
            start,
            end,
            quote,
            prefix,
            suffix,
            iso,
            target,
            url,
            numbers,
            block,
            field,
            values,
        };
        self.0.push(c);
    }
}

/// The anchor of a new correction at the UTF-16 range `start..end` of `text`
/// (a selection, a caret, a block's start): `{kind, start, end, quote,
/// prefix, suffix}` in code points, `kind` as given.
#[wasm_bindgen]
pub fn anchor(text: &str, kind: &str, start: usize, end: usize) -> Result<JsValue, JsError> {
    let text = normalize_newlines(text);
    let mut c = corrections::anchor_utf16(&text, start, end);
    c.kind = corrections::Kind::named(kind).ok_or_else(|| JsError::new("anchor: unknown kind"))?;
    to_js(&c)
}

/// The parser's reading of the date at the UTF-16 range `start..end` of
/// `text` (a date it found there, else the first full date in the
/// selection), as ISO; undefined when it reads none.
#[wasm_bindgen]
#[must_use]
pub fn date_reading(text: &str, start: usize, end: usize) -> Option<String> {
    let text = normalize_newlines(text);
    let c = corrections::anchor_utf16(&text, start, end);
    let index = offsets::OffsetIndex::new(&text);
    let span = crate::model::Span::new(index.from_char(c.start), index.from_char(c.end));
    let doc = parse(&text);
    doc.dates
        .iter()
        .find(|d| d.span.overlaps(span))
        .map(|d| d.iso.clone())
        .or_else(|| crate::dates::parse_day_month_year(&c.quote))
}

#[wasm_bindgen]
extern "C" {
    /// `target[key] = value` (never throws on a plain object).
    #[wasm_bindgen(js_namespace = Reflect, js_name = set)]
    fn reflect_set(target: &JsValue, key: &JsValue, value: &JsValue) -> bool;
}

fn set(target: &JsValue, key: &JsValue, value: &JsValue) {
    reflect_set(target, key, value);
}

/// The render tree as JS objects, the shape serde gave it: a text node is a
/// string, a mark `{k, s, e, id?, label?, sub?, title?, href?, c}`, the
/// tree `{nodes, utf16_len}`.
struct ViewToJs {
    text: JsString,
    /// Property names, in the order above.
    keys: [JsValue; 9],
    /// The `k` and `sub` values seen so far (static strings, a dozen or so).
    statics: Vec<(&'static str, JsValue)>,
}

impl ViewToJs {
    fn new(text: JsString) -> Self {
        let keys = ["k", "s", "e", "id", "label", "sub", "title", "href", "c"].map(JsValue::from_str);
        ViewToJs { text, keys, statics: Vec::new() }
    }

    fn view(&mut self, view: &view::View) -> JsValue {
        let out = Object::new();
        let mut pos = 0;
        set(&out, &JsValue::from_str("nodes"), &self.nodes(&view.nodes, &mut pos));
        set(&out, &JsValue::from_str("utf16_len"), &JsValue::from(view.utf16_len));
        out.into()
    }

    /// `nodes`, the first starting at UTF-16 offset `pos`; `pos` ends after them.
    fn nodes(&mut self, nodes: &[view::Node], pos: &mut usize) -> JsValue {
        let out = Array::new();
        for node in nodes {
            match node {
                view::Node::Text(t) => {
                    let end = *pos + utf16_len(t);
                    out.push(&self.text.slice(to_u32(*pos), to_u32(end)));
                    *pos = end;
                }
                view::Node::Mark(m) => {
                    out.push(&self.mark(m));
                    *pos = m.e;
                }
            }
        }
        out.into()
    }

    fn mark(&mut self, m: &view::MarkNode) -> JsValue {
        let out: JsValue = Object::new().into();
        let k = self.stat(m.k);
        set(&out, &self.keys[0], &k);
        set(&out, &self.keys[1], &JsValue::from(m.s));
        set(&out, &self.keys[2], &JsValue::from(m.e));
        for (key, value) in [(3, &m.id), (4, &m.label)] {
            if let Some(v) = value {
                set(&out, &self.keys[key], &JsValue::from_str(v));
            }
        }
        if let Some(sub) = m.sub {
            let sub = self.stat(sub);
            set(&out, &self.keys[5], &sub);
        }
        for (key, value) in [(6, &m.title), (7, &m.href)] {
            if let Some(v) = value {
                set(&out, &self.keys[key], &JsValue::from_str(v));
            }
        }
        let mut pos = m.s;
        let c = self.nodes(&m.c, &mut pos);
        set(&out, &self.keys[8], &c);
        out
    }

    fn stat(&mut self, s: &'static str) -> JsValue {
        if let Some((_, v)) = self.statics.iter().find(|(t, _)| *t == s) {
            return v.clone();
        }
        let v = JsValue::from_str(s);
        self.statics.push((s, v.clone()));
        v
    }
}

/// Length of `s` in UTF-16 units: one per char, two for a 4-byte char.
fn utf16_len(s: &str) -> usize {
    s.bytes().map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)).sum()
}

/// wasm32: usize is u32.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
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

    /// The file's corrections (filled as for the view, [`Corrections::add`]).
    pub fn corrections(&mut self, list: Corrections) {
        self.0.corrections.extend(list.0);
    }

    /// Validates the file and places its tags on `current` (see
    /// [`anchoring::import_flat`]); throws the message for the user.
    pub fn place(&self, current: &str) -> Result<JsValue, JsValue> {
        let placed = anchoring::import_flat(&self.0, current).map_err(import_error)?;
        Ok(to_js(&placed)?)
    }
}

/// A tag as typed or imported, checked and normalised by the core's rules
/// (see [`anchoring::check_tag`]): `{name, color, key, description}`;
/// throws the message for the user.
#[wasm_bindgen]
pub fn check_tag(name: &str, color: &str, key: &str, description: &str) -> Result<JsValue, JsValue> {
    let tag = anchoring::check_tag(name, color, key, description).map_err(import_error)?;
    Ok(to_js(&tag)?)
}

/// The W3C Web Annotation export of `text`, as an object: answer `answers[i]`
/// has the tags `tags[i]` (names joined by "\n") and the note `notes[i]`.
/// (Flat string arrays keep a deserializer out of the wasm.)
/// With `fixes`, on the corrected parse (the answers as the page shows them).
#[wasm_bindgen]
pub fn export_w3c(
    text: &str,
    answers: Vec<String>,
    tags: Vec<String>,
    notes: Vec<String>,
    fixes: Option<Corrections>,
) -> Result<JsValue, JsError> {
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
    let text = normalize_newlines(text);
    let placed = corrections::apply_flat(&text, parse(&text), &fixes.map(|f| f.0).unwrap_or_default()).placed;
    to_js(&anchoring::w3c_corrected(&text, &tagged, &placed))
}

/// The CSV table of a collection (see [`table::csv_named`]), built one
/// document at a time from flat strings (no deserializer in the wasm): the
/// core parses each text, puts the page's tags and notes on its answers and
/// writes the table. The page runs it in the worker for a whole collection.
#[wasm_bindgen]
#[derive(Default)]
pub struct Table(Vec<(annotation::Annotations, String, String)>);

#[wasm_bindgen]
impl Table {
    #[wasm_bindgen(constructor)]
    #[must_use]
    pub fn new() -> Table {
        Table::default()
    }

    /// Document `text`, known by the file name `file` (the key without an
    /// official id) and the name `name`; unit `answers[i]` (an answer id, a
    /// question id or "document") has the tags `tags[i]` (joined by "\n")
    /// and (an answer) the note `notes[i]`; `fixes`: the user's corrections
    /// of its parse.
    #[allow(clippy::too_many_arguments)]
    pub fn add(
        &mut self,
        text: &str,
        file: String,
        name: String,
        answers: Vec<String>,
        tags: Vec<String>,
        notes: Vec<String>,
        fixes: Option<Corrections>,
    ) {
        let text = normalize_newlines(text);
        let applied = corrections::apply_flat(&text, parse(&text), &fixes.map(|f| f.0).unwrap_or_default());
        let mut json = annotation::export(&text, &applied.doc);
        json.corrections = applied.placed;
        json.document.text = String::new(); // not in the table
        for ((id, tags), note) in answers.iter().zip(&tags).zip(notes) {
            let tags = tags.split('\n').filter(|t| !t.is_empty()).map(str::to_string).collect();
            if id == "document" {
                json.document.tags = tags;
            } else if let Some(q) = json.questions.iter_mut().find(|q| &q.id == id) {
                q.tags = tags;
            } else if let Some(a) = json.answers.iter_mut().find(|a| &a.id == id) {
                a.tags = tags;
                a.note = note;
            }
        }
        self.0.push((json, file, name));
    }

    /// The table (UTF-8 with BOM, CRLF) with one 0/1 column per name of `tag_set`.
    #[must_use]
    pub fn csv(&self, tag_set: Vec<String>) -> String {
        let rows: Vec<_> = self.0.iter().map(|(d, file, name)| (d, file.as_str(), name.as_str())).collect();
        table::csv_named(&rows, &tag_set)
    }
}

/// A codebook from a codebook file or the page's editor, filled from
/// `JSON.parse` by `www/codebook.js` one variable and code at a time (no
/// deserializer in the wasm), then checked or written as Markdown (see
/// [`codebook`]).
#[wasm_bindgen]
#[derive(Default)]
pub struct CodebookInput(annotation::Codebook);

#[wasm_bindgen]
impl CodebookInput {
    #[wasm_bindgen(constructor)]
    #[must_use]
    pub fn new() -> CodebookInput {
        CodebookInput::default()
    }

    /// The next variable; throws when its kind or level is unknown.
    pub fn variable(&mut self, name: &str, kind: &str, level: &str) -> Result<(), JsValue> {
        self.0.variables.push(codebook::variable(name, kind, level).map_err(codebook_error)?);
        Ok(())
    }

    /// The next code of the last variable (`key` "" for none).
    pub fn code(&mut self, name: String, definition: String, example: String, color: String, key: String) {
        if let Some(v) = self.0.variables.last_mut() {
            v.codes.push(annotation::Code {
                name,
                definition,
                example,
                color,
                key: Some(key).filter(|k| !k.is_empty()),
            });
        }
    }

    /// The codebook checked and normalised (`{variables: […]}`); throws the message for the user.
    pub fn check(&self) -> Result<JsValue, JsValue> {
        Ok(to_js(&codebook::check(&self.0).map_err(codebook_error)?)?)
    }

    /// The codebook as Markdown, in `lang` ("nl…": Dutch, else English).
    #[must_use]
    pub fn markdown(&self, lang: &str) -> String {
        codebook::markdown(&self.0, codebook::Lang::from_code(lang))
    }
}

/// The head of a collection file (`{format, version, generator, tag_set: [],
/// documents: []}`): the page fills in `tag_set` and `documents`.
#[wasm_bindgen]
pub fn collection_head() -> Result<JsValue, JsError> {
    to_js(&annotation::Collection::new(Vec::new(), Vec::new()))
}

/// One coder's coding for "Compare with another coder…", filled from the
/// collection or from `JSON.parse` of the other coder's file by
/// `www/compare.js` (see [`agreement::flat::Builder`]).
#[wasm_bindgen]
pub struct Coder(agreement::flat::Builder);

#[wasm_bindgen]
impl Coder {
    /// File B (the other coder's) when `b`, else A (the page's own).
    #[wasm_bindgen(constructor)]
    #[must_use]
    pub fn new(b: bool, coder: String) -> Coder {
        Coder(agreement::flat::Builder::new(b, coder))
    }

    pub fn tag(&mut self, name: &str) {
        self.0.tag(name);
    }

    pub fn variable(&mut self, name: String, kind: &str, level: &str) {
        self.0.variable(name, kind, level);
    }

    pub fn code(&mut self, name: String) {
        self.0.code(name);
    }

    pub fn document(&mut self, text: &str) {
        self.0.document(text);
    }

    /// A coded unit of the last document; `tags` joined by "\n".
    pub fn unit(&mut self, level: &str, id: &str, text: &str, tags: &str, no_code: bool) {
        self.0.unit(level, id, text, tags, no_code);
    }
}

/// The agreement report of `a` against `b` (both consumed):
/// `{report, csv, differences}` (`agreement::compare`, `agreement::csv`);
/// throws the core's message when there is nothing to compare.
#[wasm_bindgen]
pub fn agreement(a: Coder, b: Coder) -> Result<JsValue, JsError> {
    let report = agreement::flat::compare(a.0, b.0).map_err(into_error)?;
    let out = Object::new();
    // Numbers as JavaScript writes them: no float formatting in the wasm.
    let number = |x: f64| {
        agreement::plain_decimal(&String::from(js_sys::Number::from(x).to_string_with_radix(10).unwrap_or_default()))
    };
    set(&out, &JsValue::from_str("csv"), &JsValue::from_str(&agreement::csv_with(&report, number)));
    set(&out, &JsValue::from_str("differences"), &list(&report.differences, difference_js));
    set(&out, &JsValue::from_str("report"), &report_js(&report));
    Ok(out.into())
}

// The report as plain objects, field by field, in the shape serde gives it
// (`kamervragen agreement`'s JSON, plus `differences`): ~3 KB gzip less
// wasm than serde-wasm-bindgen for these types.

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let out = Object::new();
    for (key, value) in fields {
        set(&out, &JsValue::from_str(key), value);
    }
    out.into()
}

fn list<T>(items: &[T], each: impl Fn(&T) -> JsValue) -> JsValue {
    items.iter().map(each).collect::<Array>().into()
}

fn text(s: &str) -> JsValue {
    JsValue::from_str(s)
}

fn maybe_text(s: Option<&str>) -> JsValue {
    s.map_or(JsValue::NULL, JsValue::from_str)
}

fn figures_js(head: &[(&str, JsValue)], f: &agreement::Figures) -> JsValue {
    let number = |x: Option<f64>| x.map_or(JsValue::NULL, JsValue::from_f64);
    let mut fields = head.to_vec();
    fields.extend([
        ("units", JsValue::from(to_u32(f.units))),
        ("percent_agreement", number(f.percent_agreement)),
        ("cohen_kappa", number(f.cohen_kappa)),
        ("krippendorff_alpha", number(f.krippendorff_alpha)),
        ("undefined", maybe_text(f.undefined.as_deref())),
    ]);
    object(&fields)
}

fn side_js(side: &agreement::units::Side) -> JsValue {
    object(&[("tags", list(&side.tags, |t| text(t))), ("no_code", JsValue::from_bool(side.no_code))])
}

fn difference_js(d: &agreement::Difference) -> JsValue {
    object(&[
        ("doc", JsValue::from(to_u32(d.doc))),
        ("document", text(&d.document)),
        ("level", text(agreement::level_name(d.level))),
        ("unit", text(&d.unit)),
        ("numbers", list(&d.numbers, |n| JsValue::from(*n))),
        ("text", text(&d.text)),
        ("a", side_js(&d.a)),
        ("b", side_js(&d.b)),
    ])
}

fn report_js(r: &agreement::Report) -> JsValue {
    let codes = list(&r.codes, |c| figures_js(&[("variable", text(&c.variable)), ("code", text(&c.code))], &c.figures));
    let variables = list(&r.variables, |v| {
        let head = [("variable", text(&v.variable)), ("level", text(agreement::level_name(v.level)))];
        figures_js(&head, &v.figures)
    });
    let unmatched = list(&r.unmatched, |u| {
        object(&[
            ("file", text(u.file)),
            ("document", text(&u.document)),
            ("level", text(agreement::level_name(u.level))),
            ("unit", maybe_text(u.unit.as_deref())),
            ("code", maybe_text(u.code.as_deref())),
            ("reason", text(&u.reason)),
            ("why", text(u.why)),
            ("why_params", params_object(&u.why_params).into()),
        ])
    });
    object(&[
        ("codes", codes),
        ("variables", variables),
        ("unmatched", unmatched),
        ("coders", list(&r.coders, |c| text(c))),
        ("documents", JsValue::from(to_u32(r.documents))),
        ("reanchored", JsValue::from(to_u32(r.reanchored))),
        ("notes", list(&r.notes, |n| text(n))),
    ])
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(into_error)
}

fn into_error(err: impl std::fmt::Display) -> JsError {
    JsError::new(&err.to_string())
}

/// `{name: value, …}` of a message's params.
fn params_object(params: &[(&str, String)]) -> Object {
    let o = Object::new();
    for (k, v) in params {
        set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o
}

/// A refused file or tag as an Error with its English message, `code` and
/// `params` (the page words the message in the user's language).
fn import_error(err: anchoring::ImportError) -> JsValue {
    coded_error(&err.message, err.code, &err.params, None)
}

/// A refused codebook as [`import_error`], with `at` (where a refused name is).
fn codebook_error(err: codebook::CodebookError) -> JsValue {
    coded_error(&err.message, err.code, &err.params, err.at)
}

fn coded_error(message: &str, code: &str, params: &[(&str, String)], at: Option<&str>) -> JsValue {
    let e: JsValue = JsError::new(message).into();
    set(&e, &JsValue::from_str("code"), &JsValue::from_str(code));
    set(&e, &JsValue::from_str("params"), &params_object(params));
    if let Some(at) = at {
        set(&e, &JsValue::from_str("atCode"), &JsValue::from_str(at));
    }
    e
}

/// Bench only (`npm run bench`): normalize + parse, no export, no view, no
/// conversion; returns the number of references so nothing is optimised away.
#[wasm_bindgen]
#[must_use]
pub fn bench_parse(text: &str) -> usize {
    let text = normalize_newlines(text);
    parse(&text).references.len()
}
