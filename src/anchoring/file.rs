//! The annotation file as import reads it: reduced to a [`FlatFile`] (by
//! [`flatten`] natively, by `www/importer.js` in the page) and then checked.
//!
//! ```text
//! file    = {"format": "kamervragen-annotations", "version": 1,
//!            "document": {"text", "length", "sha256", …},
//!            "answers": [{"id": "a6_7", "numbers": [6, 7], "start", "end", "tags", "note", …}],
//!            "tag_set": [{"name", "color", "key", "description"}], …}
//! ```
//!
//! Refused, with a message for the user: another "format" ("This is a W3C Web
//! Annotation file; …"), another version, a "document.sha256" or
//! "document.length" that does not match the text, offsets that are
//! missing, negative, fractional or past the end ("answers[3].end (5000) is
//! past the end of the text (1200 characters)."), overlapping blocks, HTML
//! in a tag or note.

use super::tags::{check_tag_in, check_tag_name, clip};
use super::*;
use crate::headings::numbered_label;

/// The message for a file that ends in the middle of its JSON.
pub const TRUNCATED: &str = "The file is not complete JSON: it ends too early (truncated?).";

/// An annotation file reduced to what [`import_flat`] checks and uses: the
/// page fills it from `JSON.parse` (which keeps a JSON parser out of the
/// wasm), native code from [`flatten`]. Numbers are `f64` as in JavaScript,
/// NaN when missing or not a number; text that was not text is [`NOT_TEXT`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FlatFile {
    pub format: Option<String>,
    /// The file has a JSON-LD `@context` (a W3C export).
    pub w3c: bool,
    pub version: Option<f64>,
    pub text: Option<String>,
    pub length: Option<f64>,
    pub sha256: Option<String>,
    /// Every span of the file: ("answers[3]", start, end), ("dates[0]", …),
    /// ("answers[3].parts[0]", …).
    pub spans: Vec<(String, f64, f64)>,
    pub answers: Vec<FlatAnswer>,
    pub tag_set: Vec<FlatTag>,
    /// The file's `corrections` (see [`crate::corrections`]).
    pub corrections: Vec<crate::corrections::FlatCorrection>,
}

/// An answer of a [`FlatFile`]; its span is the one named `answers[i]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FlatAnswer {
    pub id: String,
    /// "6 7".
    pub numbers: String,
    pub text: String,
    /// Tag names joined by "\n".
    pub tags: String,
    pub note: String,
}

/// A tag of a [`FlatFile`]'s tag set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FlatTag {
    pub name: String,
    pub color: String,
    pub key: String,
    pub description: String,
}

/// Stands for a value that should have been text and was not.
pub const NOT_TEXT: &str = "\u{0}";

/// The lists of an annotation file whose entries carry spans.
pub const SPAN_LISTS: [&str; 8] =
    ["questions", "answers", "footnotes", "dates", "references", "furniture", "diagnostics", "document.askers"];

/// Reduces parsed JSON to a [`FlatFile`] (the page's `flatten` in
/// `www/importer.js` does the same in JavaScript).
#[must_use]
#[cfg(not(target_arch = "wasm32"))]
pub fn flatten(value: &Value) -> FlatFile {
    let text = |v: Option<&Value>| match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(_) => NOT_TEXT.to_string(),
    };
    let num = |v: Option<&Value>| v.and_then(Value::as_f64).unwrap_or(f64::NAN);
    let list = |v: Option<&Value>| v.and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default().to_vec();
    let doc = value.get("document");
    let mut spans = Vec::new();
    for key in SPAN_LISTS {
        let items = match key.split_once('.') {
            Some((a, b)) => list(value.get(a).and_then(|v| v.get(b))),
            None => list(value.get(key)),
        };
        for (i, item) in items.iter().enumerate() {
            let what = format!("{key}[{i}]");
            spans.push((what.clone(), num(item.get("start")), num(item.get("end"))));
            if let Some(h) = item.get("heading").filter(|h| h.is_object()) {
                spans.push((format!("{what}.heading"), num(h.get("start")), num(h.get("end"))));
            }
            for (j, p) in list(item.get("parts")).iter().enumerate() {
                spans.push((format!("{what}.parts[{j}]"), num(p.get(0)), num(p.get(1))));
            }
            for (j, m) in list(item.get("markers")).iter().enumerate() {
                spans.push((format!("{what}.markers[{j}]"), num(m.get("start")), num(m.get("end"))));
            }
        }
    }
    let answers = list(value.get("answers"))
        .iter()
        .map(|a| FlatAnswer {
            id: text(a.get("id")),
            numbers: list(a.get("numbers"))
                .iter()
                .filter_map(Value::as_u64)
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(" "),
            text: text(a.get("text")),
            tags: list(a.get("tags")).iter().map(|t| text(Some(t))).collect::<Vec<_>>().join("\n"),
            note: text(a.get("note")),
        })
        .collect();
    let tag_set = list(value.get("tag_set"))
        .iter()
        .map(|t| FlatTag {
            name: text(t.get("name")),
            color: text(t.get("color")),
            key: text(t.get("key")),
            description: text(t.get("description")),
        })
        .collect();
    let opt = |v: Option<&Value>| match v {
        None | Some(Value::Null) => None,
        v => Some(text(v)),
    };
    let corrections = list(value.get("corrections"))
        .iter()
        .map(|c| crate::corrections::FlatCorrection {
            kind: text(c.get("kind")),
            start: num(c.get("start")),
            end: num(c.get("end")),
            quote: text(c.get("quote")),
            prefix: text(c.get("prefix")),
            suffix: text(c.get("suffix")),
            iso: opt(c.get("iso")),
            target: opt(c.get("target")),
            url: opt(c.get("url")),
            numbers: list(c.get("numbers"))
                .iter()
                .filter_map(Value::as_u64)
                .filter_map(|n| u32::try_from(n).ok())
                .collect(),
            block: opt(c.get("block")),
            field: opt(c.get("field")),
            values: list(c.get("values"))
                .iter()
                .map(|p| ["name", "party", "role", "portfolio"].map(|k| text(p.get(k)).replace('\t', " ")).join("\t"))
                .collect(),
        })
        .collect();
    FlatFile {
        corrections,
        format: value.get("format").and_then(Value::as_str).map(str::to_string),
        w3c: value.get("@context").is_some(),
        version: value.get("version").and_then(Value::as_f64),
        text: doc.and_then(|d| d.get("text")).and_then(Value::as_str).map(str::to_string),
        length: doc.and_then(|d| d.get("length")).map(|l| l.as_f64().unwrap_or(f64::NAN)),
        sha256: doc.and_then(|d| d.get("sha256")).and_then(Value::as_str).map(str::to_string),
        spans,
        answers,
        tag_set,
    }
}

/// An answer of the imported file, validated.
pub(super) struct FileAnswer {
    pub(super) id: String,
    pub(super) label: String,
    /// Code points into the file's text.
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: String,
    pub(super) tags: Vec<String>,
    pub(super) note: String,
}

/// The parts of an annotation file that import uses, validated.
pub(super) struct File {
    pub(super) text: String,
    pub(super) corrections: Vec<crate::corrections::Correction>,
    pub(super) answers: Vec<FileAnswer>,
    pub(super) tag_set: Vec<Tag>,
}

pub(super) fn check_file(flat: &FlatFile) -> Result<File, ImportError> {
    match flat.format.as_deref() {
        Some(annotation::FORMAT) => {}
        Some(other) => {
            let other = clip(other, 40);
            return fail(
                "other-format",
                &[("format", other.clone())],
                format!("This is a “{other}” file, not a Kamervragen Annotator export."),
            );
        }
        None if flat.w3c => {
            return fail(
                "w3c-file",
                &[],
                "This is a W3C Web Annotation file; import the file from “Export JSON” instead.",
            )
        }
        None => {
            return fail(
                "no-format",
                &[],
                "The file is JSON but not a Kamervragen Annotator export (it has no \"format\").",
            )
        }
    }
    match flat.version {
        Some(v) if v == f64::from(annotation::VERSION) => {}
        Some(v) if v.fract() == 0.0 && (1.0..1e9).contains(&v) => {
            // A whole number below 1e9: the cast is exact.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let v = v as u64;
            let reads = annotation::VERSION;
            return fail(
                "version",
                &[("version", v.to_string()), ("reads", reads.to_string())],
                format!("This file is version {v} of the annotation format; this page reads version {reads}."),
            );
        }
        _ => return fail("no-version", &[], "The file has no valid \"version\"."),
    }
    let Some(raw_text) = flat.text.as_deref() else {
        return fail("no-text", &[], "The file has no document text (\"document.text\").");
    };
    let text = normalize_newlines(raw_text).into_owned();
    let len = text.chars().count();
    if let Some(l) = flat.length {
        if offset(l, "", "", len).ok() != Some(len) {
            return fail(
                "length-mismatch",
                &[("length", len.to_string())],
                format!("\"document.length\" does not match the text ({len} characters)."),
            );
        }
    }
    if let Some(sha) = &flat.sha256 {
        if !sha.eq_ignore_ascii_case(&annotation::sha256_hex(&text)) {
            return fail(
                "sha256-mismatch",
                &[],
                "\"document.sha256\" does not match the text: the file was edited or damaged.",
            );
        }
    }
    let mut blocks: Vec<(usize, usize, &str)> = Vec::new();
    let mut answer_spans: Vec<(&str, (usize, usize))> = Vec::new();
    for (name, s, e) in &flat.spans {
        let start = offset(*s, name, "start", len)?;
        let end = offset(*e, name, "end", len)?;
        if start > end {
            return fail(
                "span-order",
                &[("at", name.clone()), ("start", start.to_string()), ("end", end.to_string())],
                format!("{name} starts after it ends ({start} > {end})."),
            );
        }
        let is_block = name.starts_with("answers[") || name.starts_with("questions[");
        if is_block && !name.contains('.') {
            blocks.push((start, end, name));
            answer_spans.push((name.as_str(), (start, end)));
        }
    }
    crate::sort::by_key(&mut blocks, |b| (b.0, b.1, 0));
    for (i, a) in blocks.iter().enumerate() {
        let kind = a.2.split('[').next().unwrap_or("");
        let next = blocks.get(i + 1..).unwrap_or_default().iter().find(|b| b.2.starts_with(kind));
        if let Some(b) = next {
            if b.0 < a.1 && a.0 < a.1 && b.0 < b.1 {
                let params = [
                    ("a", a.2.to_string()),
                    ("a_start", a.0.to_string()),
                    ("a_end", a.1.to_string()),
                    ("b", b.2.to_string()),
                    ("b_start", b.0.to_string()),
                    ("b_end", b.1.to_string()),
                ];
                return fail(
                    "overlap",
                    &params,
                    format!("{} ({}–{}) and {} ({}–{}) overlap.", a.2, a.0, a.1, b.2, b.0, b.1),
                );
            }
        }
    }
    let answers = flat
        .answers
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let name = format!("answers[{i}]");
            let (start, end) = answer_spans.iter().find(|(n, _)| *n == name).map_or((0, 0), |(_, r)| *r);
            file_answer(i, a, start, end)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let tag_set = flat
        .tag_set
        .iter()
        .enumerate()
        .map(|(i, t)| {
            check_tag_in(&format!("tag_set[{i}]"), &format!("tag_set[{i}]"), &t.name, &t.color, &t.key, &t.description)
        })
        .collect::<Result<_, _>>()?;
    let corrections = flat
        .corrections
        .iter()
        .enumerate()
        .map(|(i, c)| {
            crate::corrections::check(i, c, len).map_err(|r| ImportError {
                code: r.code,
                params: r.params,
                message: r.message,
            })
        })
        .collect::<Result<_, _>>()?;
    Ok(File { text, corrections, answers, tag_set })
}

/// An offset: a whole number ≥ 0, at most `len`.
pub(super) fn offset(v: f64, what: &str, field: &str, len: usize) -> Result<usize, ImportError> {
    if v.is_nan() {
        return fail(
            "offset-missing",
            &[("at", format!("{what}.{field}"))],
            format!("{what}.{field} is missing or not a number."),
        );
    }
    if v < 0.0 {
        return fail("offset-negative", &[("at", format!("{what}.{field}"))], format!("{what}.{field} is negative."));
    }
    if v.fract() != 0.0 || !v.is_finite() {
        return fail(
            "offset-fraction",
            &[("at", format!("{what}.{field}"))],
            format!("{what}.{field} is not a whole number."),
        );
    }
    // Whole and ≥ 0; anything past usize saturates and is past the end.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let u = v as usize;
    if u > len {
        return fail(
            "offset-past-end",
            &[("at", format!("{what}.{field}")), ("value", u.to_string()), ("length", len.to_string())],
            format!("{what}.{field} ({u}) is past the end of the text ({len} characters)."),
        );
    }
    Ok(u)
}

pub(super) fn file_answer(i: usize, a: &FlatAnswer, start: usize, end: usize) -> Result<FileAnswer, ImportError> {
    if a.id == NOT_TEXT || a.id.is_empty() {
        return fail("answer-no-id", &[("at", format!("answers[{i}]"))], format!("answers[{i}] has no \"id\"."));
    }
    let id = clip(&a.id, 40);
    let tags = a
        .tags
        .split('\n')
        .filter(|t| !t.is_empty())
        .map(|t| check_tag_name(t, &format!("A tag on {id}"), &id))
        .collect::<Result<Vec<_>, _>>()?;
    if a.note == NOT_TEXT {
        return fail("note-not-text", &[("id", id.clone())], format!("The note of {id} is not text."));
    }
    if let Some(html) = html_in(&a.note) {
        return fail(
            "note-html",
            &[("id", id.clone()), ("html", html.to_string())],
            format!("The note of {id} contains HTML (“{html}”); notes must be plain text."),
        );
    }
    let numbers: Vec<&str> = a.numbers.split_whitespace().collect();
    let label = if numbers.is_empty() { format!("Antwoord ({id})") } else { numbered_label("Antwoord", &numbers) };
    let text = if a.text == NOT_TEXT { String::new() } else { a.text.clone() };
    Ok(FileAnswer { id, label, start, end, text, tags, note: a.note.clone() })
}
