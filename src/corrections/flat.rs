//! A correction as the page hands it over (flat fields, no deserializer in
//! the wasm) and as an imported file holds it, checked before use:
//!
//! ```text
//! kind    = one of the kinds ("remove-date", …, "header")
//! start   = whole number ≥ 0, ≤ end ≤ the text's length (code points)
//! quote, prefix, suffix, iso, target, url = text without HTML, ≤ 2,000 characters
//! numbers = whole numbers 1…9999 (empty: none given)
//! block   = "question" | "answer"; field = "askers" | … | "dated"
//! values  = one person a string: name, party, role, portfolio joined by TAB
//! ```

use super::{Correction, Field, Kind, Person, Reason, Unplaced};
use crate::model::BlockKind;

/// One correction, flat (see the module doc).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FlatCorrection {
    pub kind: String,
    pub start: f64,
    pub end: f64,
    pub quote: String,
    pub prefix: String,
    pub suffix: String,
    pub iso: Option<String>,
    pub target: Option<String>,
    pub url: Option<String>,
    pub numbers: Vec<u32>,
    pub block: Option<String>,
    pub field: Option<String>,
    pub values: Vec<String>,
}

/// Why a correction of a file was refused: a stable `code` (the page words
/// it as `import.<code>`), the values the message names and the message in
/// English (as `anchoring::ImportError`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub code: &'static str,
    pub params: Vec<(&'static str, String)>,
    pub message: String,
}

fn refuse<T>(code: &'static str, params: Vec<(&'static str, String)>, message: String) -> Result<T, Refusal> {
    Err(Refusal { code, params, message })
}

/// Checks `flat`, correction number `i` of a list, against a text of `len`
/// code points.
///
/// # Errors
/// A [`Refusal`] naming `corrections[i]` (`at`) and what is wrong.
pub fn check(i: usize, flat: &FlatCorrection, len: usize) -> Result<Correction, Refusal> {
    let what = format!("corrections[{i}]");
    let Some(kind) = Kind::named(&flat.kind) else {
        let k = clip(&flat.kind);
        return refuse(
            "correction-kind",
            vec![("at", what.clone()), ("kind", k.clone())],
            format!("{what} has an unknown kind (“{k}”)."),
        );
    };
    let offset = |v: f64, field: &str| -> Result<usize, Refusal> {
        let at = format!("{what}.{field}");
        if v.is_nan() {
            return refuse("offset-missing", vec![("at", at.clone())], format!("{at} is missing or not a number."));
        }
        if v < 0.0 {
            return refuse("offset-negative", vec![("at", at.clone())], format!("{at} is negative."));
        }
        if v.fract() != 0.0 || !v.is_finite() {
            return refuse("offset-fraction", vec![("at", at.clone())], format!("{at} is not a whole number."));
        }
        // Whole and ≥ 0; anything past usize saturates and is past the end.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let u = v as usize;
        if u > len {
            return refuse(
                "offset-past-end",
                vec![("at", at.clone()), ("value", u.to_string()), ("length", len.to_string())],
                format!("{at} ({u}) is past the end of the text ({len} characters)."),
            );
        }
        Ok(u)
    };
    let (start, end) = (offset(flat.start, "start")?, offset(flat.end, "end")?);
    if start > end {
        return refuse(
            "span-order",
            vec![("at", what.clone()), ("start", start.to_string()), ("end", end.to_string())],
            format!("{what} starts after it ends ({start} > {end})."),
        );
    }
    let texts = [&flat.quote, &flat.prefix, &flat.suffix]
        .into_iter()
        .chain(flat.iso.iter())
        .chain(flat.target.iter())
        .chain(flat.url.iter())
        .chain(flat.values.iter());
    for t in texts {
        if t.chars().count() > 2000 || t.contains('\u{0}') {
            return refuse(
                "correction-value",
                vec![("at", what.clone())],
                format!("{what} has a value that is too long or not text."),
            );
        }
    }
    for t in flat.target.iter().chain(flat.values.iter()) {
        if let Some(html) = html_in(t) {
            let html = clip(&html);
            return refuse(
                "correction-html",
                vec![("at", what.clone()), ("html", html.clone())],
                format!("{what} contains HTML (“{html}”)."),
            );
        }
    }
    let block = match flat.block.as_deref() {
        None | Some("") => None,
        Some("question") => Some(BlockKind::Question),
        Some("answer") => Some(BlockKind::Answer),
        Some(other) => {
            let v = clip(other);
            return refuse(
                "correction-block",
                vec![("at", what.clone()), ("value", v.clone())],
                format!("{what}.block is not “question” or “answer” (“{v}”)."),
            );
        }
    };
    let field = match flat.field.as_deref() {
        None | Some("") => None,
        Some(name) => match Field::named(name) {
            Some(f) => Some(f),
            None => {
                let v = clip(name);
                return refuse(
                    "correction-field",
                    vec![("at", what.clone()), ("value", v.clone())],
                    format!("{what}.field is unknown (“{v}”)."),
                );
            }
        },
    };
    if flat.numbers.iter().any(|&n| n == 0 || n > 9999) {
        return refuse(
            "correction-numbers",
            vec![("at", what.clone())],
            format!("{what}.numbers must be whole numbers from 1 to 9999."),
        );
    }
    let values = flat
        .values
        .iter()
        .map(|v| {
            let mut f = v.split('\t').map(str::to_string);
            Person {
                name: f.next().unwrap_or_default(),
                party: f.next().unwrap_or_default(),
                role: f.next().unwrap_or_default(),
                portfolio: f.next().unwrap_or_default(),
            }
        })
        .collect();
    Ok(Correction {
        kind,
        start,
        end,
        quote: flat.quote.clone(),
        prefix: flat.prefix.clone(),
        suffix: flat.suffix.clone(),
        iso: flat.iso.clone(),
        target: flat.target.clone(),
        url: flat.url.clone(),
        numbers: (!flat.numbers.is_empty()).then(|| flat.numbers.clone()),
        block,
        field,
        values,
    })
}

fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(30).collect();
    if s.chars().nth(30).is_some() {
        out.push('…');
    }
    out
}

/// The first thing in `s` that looks like an HTML tag ("<b", "</", "<!--"), as
/// `anchoring::html_in` finds it for tags and notes.
fn html_in(s: &str) -> Option<String> {
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        let after = rest.get(i + 1..).unwrap_or("");
        if after.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!' || c == '?') {
            return Some(rest.get(i..).unwrap_or("").to_string());
        }
        rest = after;
    }
    None
}

/// [`super::apply`] for a flat list (the page's): a correction that does not
/// pass [`check`] is listed as unplaced ([`Reason::Invalid`]); indices are
/// those of `flats`.
#[must_use]
pub fn apply_flat(text: &str, doc: crate::model::Document, flats: &[FlatCorrection]) -> super::Applied {
    let len = text.chars().count();
    let mut ok = Vec::new();
    let mut at = Vec::new();
    let mut bad = Vec::new();
    for (i, f) in flats.iter().enumerate() {
        match check(i, f, len) {
            Ok(c) => {
                ok.push(c);
                at.push(i);
            }
            Err(refusal) => bad.push(Unplaced {
                index: i,
                kind: Kind::named(&f.kind).unwrap_or_default(),
                quote: f.quote.clone(),
                reason: Reason::Invalid,
                message: refusal.message,
            }),
        }
    }
    let mut out = super::apply(text, doc, &ok);
    for u in &mut out.unplaced {
        u.index = at.get(u.index).copied().unwrap_or(u.index);
    }
    for m in &mut out.moves {
        m.correction = at.get(m.correction).copied().unwrap_or(m.correction);
    }
    out.unplaced.extend(bad);
    crate::sort::by_key(&mut out.unplaced, |u| (u.index, 0, 0));
    out
}
