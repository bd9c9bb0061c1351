//! Agreement between two coders: the figures of `kamervragen agreement` and
//! (later) of the page's "Compare with another coder…", from the same code.
//!
//! - [`stats`]: percent agreement, Cohen's κ, Krippendorff's α (nominal).
//! - [`units`]: reading the two files' codings and matching their units.
//! - [`compare`]: the [`Report`]; [`csv`] writes it as a table.
//! - [`flat`]: a coding built from flat values (the page's "Compare with
//!   another coder…", through src/wasm.rs, without a deserializer).
//!
//! **Values.** Each codebook variable is compared on the units of its level
//! (answers, questions or documents) that both files have. A unit counts as
//! *coded* by a coder when it has at least one code of the codebook at that
//! level (of any variable), or the coder marked it `no_code` ("no code
//! applies"); otherwise it is *missing* for that coder. On a coded unit:
//! - per **code** (every variable): present (1) or absent (0);
//! - per **one-of** variable: the code the coder chose, or "none" when the
//!   coder chose none of this variable's codes (e.g. marked `no_code`); two
//!   or more codes of a one-of variable on one unit (a file edited by hand)
//!   count as one more category of their own ("a + b"), never as agreement;
//! - per **any-of** variable: **pooled**: every (unit, code) decision is one
//!   binary unit (present/absent), and the three figures are computed on all
//!   of them together (one coincidence matrix, one 2×2 table); `units` is
//!   still the number of units both coded. Pooling, unlike the mean of the
//!   codes' figures, stays defined when one code was never used.
//!
//! κ is computed on the units both coded; α uses every unit with two values,
//! which for two coders are the same units. A figure is `null` (in the CSV an
//! empty cell) when it is undefined, and `undefined` then says why: no unit
//! coded by both, or every unit got the same value from both coders.
//!
//! ```
//! use kamervragen::agreement::{compare, units::Coding};
//! let text = "Vraag 1\nWaarom?\n\nAntwoord 1\nDaarom.\n\nVraag 2\nWanneer?\n\nAntwoord 2\nMorgen.\n";
//! let mut a = kamervragen::annotation::export(text, &kamervragen::parse(text));
//! let mut b = a.clone();
//! a.answers[0].tags = vec!["toezegging".into()];
//! a.answers[1].no_code = true;
//! b.answers[0].tags = vec!["toezegging".into()];
//! b.answers[1].tags = vec!["toezegging".into()];
//! let report = compare(&Coding::from_documents(vec![a]), &Coding::from_documents(vec![b])).unwrap();
//! let code = &report.codes[0];
//! assert_eq!((code.variable.as_str(), code.code.as_str(), code.figures.units), ("tags", "toezegging", 2));
//! assert_eq!(code.figures.percent_agreement, Some(0.5));
//! assert_eq!(code.figures.cohen_kappa, Some(0.0));
//! ```

pub mod flat;
pub mod stats;
pub mod units;

use crate::annotation::{Codebook, Level, VariableKind};
use serde::Serialize;
use stats::{Undefined, Value};
use units::{Coding, Matched, Side, Unmatched};

/// The figures of one variable or code.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figures {
    /// Units coded by both coders.
    pub units: usize,
    /// In [0, 1]; null when no unit was coded by both.
    pub percent_agreement: Option<f64>,
    /// At most 1, may be negative; null when undefined.
    pub cohen_kappa: Option<f64>,
    /// At most 1, may be negative; null when undefined.
    pub krippendorff_alpha: Option<f64>,
    /// Why κ and α are null; null when they are defined.
    pub undefined: Option<String>,
}

/// The figures of one variable.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VariableRow {
    pub variable: String,
    pub kind: VariableKind,
    pub level: Level,
    #[serde(flatten)]
    pub figures: Figures,
}

/// The figures of one code: present or absent per unit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CodeRow {
    pub variable: String,
    pub code: String,
    #[serde(flatten)]
    pub figures: Figures,
}

/// The agreement report (docs/annotation-format.md, "Agreement report").
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub codes: Vec<CodeRow>,
    pub variables: Vec<VariableRow>,
    /// Whatever in either file the figures do not cover, with the reason.
    pub unmatched: Vec<Unmatched>,
    /// The two files' `coder` ("" when not known).
    pub coders: [String; 2],
    /// Documents compared, and of those re-anchored (their texts differ).
    pub documents: usize,
    pub reanchored: usize,
    /// Remarks on the comparison as a whole (e.g. the files' codebooks differ).
    pub notes: Vec<String>,
    /// The compared units the two coders coded differently (for adjudication;
    /// not part of the CLI's report).
    #[serde(skip)]
    pub differences: Vec<Difference>,
}

/// A compared unit the two coders coded differently: their codes of the
/// codebook at the unit's level differ, or one marked "no code applies" and
/// the other did not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// The document's index in file A, and its key.
    pub doc: usize,
    pub document: String,
    pub level: Level,
    /// The question or answer id in file A; "document" for the document level.
    pub unit: String,
    /// Its numbers ("Antwoord 6 en 7": [6, 7]; none for a document) and text in file A.
    pub numbers: Vec<u32>,
    pub text: String,
    /// Each coder's codes of the codebook on the unit (in file order), and the mark.
    pub a: Side,
    pub b: Side,
}

/// Compares two coders' files.
///
/// # Errors
/// A message when the two files have no document in common (or one has no
/// document at all): there is nothing to compare.
pub fn compare(a: &Coding, b: &Coding) -> Result<Report, String> {
    for (file, coding) in [("A", a), ("B", b)] {
        if coding.documents.is_empty() {
            return Err(format!("file {file} holds no document"));
        }
    }
    let matched = units::match_units(a, b);
    if matched.documents == 0 {
        return Err("the two files have no document in common (no text, official id or lines shared)".into());
    }
    let mut notes = Vec::new();
    let codebook = choose_codebook(a, b, &matched, &mut notes);
    let mut unmatched = matched.unmatched.clone();
    unmatched.extend(stray_codes(&codebook, &matched, a.codebook.is_none() && b.codebook.is_none()));
    let (mut variables, mut codes) = (Vec::new(), Vec::new());
    for variable in &codebook.variables {
        let units: Vec<[&Side; 2]> =
            matched.units.iter().filter(|u| u.level == variable.level).map(|u| [&u.a, &u.b]).collect();
        let coded: Vec<[bool; 2]> =
            units.iter().map(|s| s.map(|side| is_coded(&codebook, variable.level, side))).collect();
        let both = coded.iter().filter(|c| c[0] && c[1]).count();
        let mut pooled = Vec::new();
        for code in &variable.codes {
            let pairs: Vec<[Value; 2]> = units
                .iter()
                .zip(&coded)
                .map(|(sides, coded)| {
                    let value = |k: usize| coded[k].then(|| u32::from(sides[k].tags.contains(&code.name)));
                    [value(0), value(1)]
                })
                .collect();
            let figures = figures(&pairs, both, |v| if v == 1 { "present".into() } else { "absent".into() });
            codes.push(CodeRow { variable: variable.name.clone(), code: code.name.clone(), figures });
            pooled.extend(pairs);
        }
        let figures = match variable.kind {
            VariableKind::AnyOf => {
                figures(&pooled, both, |v| if v == 1 { "every code present" } else { "every code absent" }.into())
            }
            VariableKind::OneOf => {
                // 0: none; 1 + i: the i-th code; past that, combinations.
                let mut combinations: Vec<Vec<usize>> = Vec::new();
                let mut value = |side: &Side| -> u32 {
                    let chosen: Vec<usize> = variable
                        .codes
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| side.tags.contains(&c.name))
                        .map(|(i, _)| i)
                        .collect();
                    let index = match chosen.as_slice() {
                        [] => 0,
                        [one] => 1 + one,
                        _ => {
                            let at = combinations.iter().position(|c| *c == chosen).unwrap_or_else(|| {
                                combinations.push(chosen.clone());
                                combinations.len() - 1
                            });
                            1 + variable.codes.len() + at
                        }
                    };
                    u32::try_from(index).unwrap_or(u32::MAX)
                };
                let pairs: Vec<[Value; 2]> = units
                    .iter()
                    .zip(&coded)
                    .map(|(sides, coded)| [0, 1].map(|k| coded[k].then(|| value(sides[k]))))
                    .collect();
                figures(&pairs, both, |v| {
                    let v = usize::try_from(v).unwrap_or(usize::MAX);
                    match v.checked_sub(1) {
                        None => "none".into(),
                        Some(i) if i < variable.codes.len() => format!("“{}”", variable.codes[i].name),
                        Some(i) => combinations.get(i - variable.codes.len()).map_or_else(String::new, |c| {
                            c.iter().map(|&i| variable.codes[i].name.as_str()).collect::<Vec<_>>().join(" + ")
                        }),
                    }
                })
            }
        };
        variables.push(VariableRow {
            variable: variable.name.clone(),
            kind: variable.kind,
            level: variable.level,
            figures,
        });
    }
    Ok(Report {
        codes,
        variables,
        unmatched,
        coders: [a.coder.clone(), b.coder.clone()],
        documents: matched.documents,
        reanchored: matched.reanchored,
        notes,
        differences: differences(a, &codebook, &matched),
    })
}

/// The compared units whose codes of the codebook (at their level) or marks differ.
fn differences(a: &Coding, codebook: &Codebook, matched: &Matched) -> Vec<Difference> {
    let of_level = |level: Level, side: &Side| Side {
        tags: side
            .tags
            .iter()
            .filter(|t| codebook.find(t).is_some_and(|(v, _)| codebook.variables[v].level == level))
            .cloned()
            .collect(),
        no_code: side.no_code,
    };
    let mut out = Vec::new();
    for unit in &matched.units {
        let (side_a, side_b) = (of_level(unit.level, &unit.a), of_level(unit.level, &unit.b));
        let same = side_a.no_code == side_b.no_code
            && side_a.tags.len() == side_b.tags.len()
            && side_a.tags.iter().all(|t| side_b.tags.contains(t));
        if !same {
            let doc = &a.documents[unit.doc];
            let (numbers, text) = match unit.level {
                Level::Document => (Vec::new(), String::new()),
                Level::Question => doc
                    .questions
                    .iter()
                    .find(|q| q.id == unit.unit)
                    .map(|q| (q.numbers.clone(), q.text.clone()))
                    .unwrap_or_default(),
                Level::Answer => doc
                    .answers
                    .iter()
                    .find(|x| x.id == unit.unit)
                    .map(|x| (x.numbers.clone(), x.text.clone()))
                    .unwrap_or_default(),
            };
            out.push(Difference {
                doc: unit.doc,
                document: unit.document.clone(),
                level: unit.level,
                unit: unit.unit.clone(),
                numbers,
                text,
                a: side_a,
                b: side_b,
            });
        }
    }
    out
}

/// The three figures of `pairs`; `units`: the units both coded; `describe`
/// names a value for the reason a figure is undefined.
fn figures(pairs: &[[Value; 2]], units: usize, describe: impl Fn(u32) -> String) -> Figures {
    let undefined = stats::undefined(pairs).map(|why| match why {
        Undefined::NoUnits if pairs.is_empty() && units > 0 => "the variable has no codes".to_string(),
        Undefined::NoUnits => "no unit was coded by both coders".to_string(),
        Undefined::OneValue(v) => format!(
            "both coders gave every unit the same value ({}): with no variation there is nothing to agree on beyond chance",
            describe(v)
        ),
    });
    Figures {
        units,
        percent_agreement: stats::percent_agreement(pairs),
        cohen_kappa: stats::cohen_kappa(pairs),
        krippendorff_alpha: stats::krippendorff_alpha(pairs),
        undefined,
    }
}

/// Coded: a code of the codebook at `level`, or the mark "no code applies".
fn is_coded(codebook: &Codebook, level: Level, side: &Side) -> bool {
    side.no_code
        || side.tags.iter().any(|t| codebook.find(t).is_some_and(|(v, _)| codebook.variables[v].level == level))
}

/// File A's codebook, else B's, else one any-of variable "tags" of every tag
/// in either file's tag set or on a compared answer.
fn choose_codebook(a: &Coding, b: &Coding, matched: &Matched, notes: &mut Vec<String>) -> Codebook {
    let shape = |c: &Codebook| {
        c.variables
            .iter()
            .map(|v| (v.name.clone(), v.kind, v.level, v.codes.iter().map(|c| c.name.clone()).collect::<Vec<_>>()))
            .collect::<Vec<_>>()
    };
    let codebook = match (&a.codebook, &b.codebook) {
        (Some(ca), Some(cb)) => {
            if shape(ca) != shape(cb) {
                notes.push(
                    "The two files' codebooks differ; file A's is used (codes it lacks are listed under unmatched)."
                        .into(),
                );
            }
            ca.clone()
        }
        (Some(c), None) | (None, Some(c)) => c.clone(),
        (None, None) => {
            let used = matched
                .units
                .iter()
                .filter(|u| u.level == Level::Answer)
                .flat_map(|u| u.a.tags.iter().chain(&u.b.tags));
            Codebook::from_tags(a.tag_set.iter().chain(&b.tag_set).chain(used).map(String::as_str))
        }
    };
    let mut seen: Vec<&str> = Vec::new();
    for code in codebook.variables.iter().flat_map(|v| &v.codes) {
        if seen.contains(&code.name.as_str()) {
            notes.push(format!(
                "The code “{}” is in two variables (code names must be unique): its figures are not reliable.",
                code.name
            ));
        }
        seen.push(&code.name);
    }
    codebook
}

/// Codes on compared units that the codebook does not have at that level.
fn stray_codes(codebook: &Codebook, matched: &Matched, no_codebook: bool) -> Vec<Unmatched> {
    let mut out = Vec::new();
    for unit in &matched.units {
        for (file, side) in [("A", &unit.a), ("B", &unit.b)] {
            for tag in &side.tags {
                let (why, why_params, reason) = match codebook.find(tag) {
                    Some((v, _)) if codebook.variables[v].level == unit.level => continue,
                    Some((v, _)) => {
                        let (name, its) = (&codebook.variables[v].name, level_name(codebook.variables[v].level));
                        let params = vec![
                            ("variable", name.clone()),
                            ("its", its.to_string()),
                            ("level", level_name(unit.level).to_string()),
                        ];
                        let reason = format!(
                            "a code of variable “{name}”, whose level is {its}, on a {}",
                            level_name(unit.level)
                        );
                        ("other-level", params, reason)
                    }
                    None if no_codebook => (
                        "no-codebook",
                        Vec::new(),
                        "the files have no codebook: only the tags of answers are compared".into(),
                    ),
                    None => ("not-in-codebook", Vec::new(), "not a code of the codebook".into()),
                };
                out.push(Unmatched {
                    file,
                    document: unit.document.clone(),
                    level: unit.level,
                    unit: (unit.level != Level::Document).then(|| unit.unit.clone()),
                    code: Some(tag.clone()),
                    reason,
                    why,
                    why_params,
                });
            }
        }
    }
    out
}

/// "answer", "question" or "document", as in the files.
#[must_use]
pub fn level_name(level: Level) -> &'static str {
    match level {
        Level::Answer => "answer",
        Level::Question => "question",
        Level::Document => "document",
    }
}

fn kind_name(kind: VariableKind) -> &'static str {
    match kind {
        VariableKind::OneOf => "one-of",
        VariableKind::AnyOf => "any-of",
    }
}

/// The report as CSV (RFC 4180, UTF-8 with a byte-order mark, CRLF; as
/// `crate::table`): one row per variable, each followed by its codes' rows.
/// Columns: `row` (`variable` | `code`), `variable`, `code` (empty on a
/// variable's row), `kind`, `level`, `units`, `percent_agreement`,
/// `cohen_kappa`, `krippendorff_alpha` (empty when undefined), `undefined`
/// (why).
#[must_use]
pub fn csv(report: &Report) -> String {
    csv_with(report, |x| x.to_string())
}

/// [`csv`] with the numbers written by `number` (Rust's shortest decimal):
/// the page passes JavaScript's `String(x)` through [`plain_decimal`], which
/// gives the same digits and keeps Rust's float formatting (~10 KB gzip) out
/// of the wasm.
#[must_use]
pub fn csv_with(report: &Report, number: impl Fn(f64) -> String) -> String {
    let mut out = String::from('\u{feff}');
    let header = [
        "row",
        "variable",
        "code",
        "kind",
        "level",
        "units",
        "percent_agreement",
        "cohen_kappa",
        "krippendorff_alpha",
        "undefined",
    ];
    crate::table::record(&mut out, header.iter().map(|h| (*h).to_string()));
    let number = |x: Option<f64>| x.map(&number).unwrap_or_default();
    let cells = |f: &Figures| {
        [
            f.units.to_string(),
            number(f.percent_agreement),
            number(f.cohen_kappa),
            number(f.krippendorff_alpha),
            f.undefined.clone().unwrap_or_default(),
        ]
    };
    for v in &report.variables {
        let head = [
            "variable".into(),
            v.variable.clone(),
            String::new(),
            kind_name(v.kind).into(),
            level_name(v.level).into(),
        ];
        crate::table::record(&mut out, head.into_iter().chain(cells(&v.figures)));
        for c in report.codes.iter().filter(|c| c.variable == v.variable) {
            let head = [
                "code".into(),
                c.variable.clone(),
                c.code.clone(),
                kind_name(v.kind).into(),
                level_name(v.level).into(),
            ];
            crate::table::record(&mut out, head.into_iter().chain(cells(&c.figures)));
        }
    }
    out
}

/// A shortest decimal as JavaScript writes it (`String(x)`: "1e-7",
/// "-2.5e-8", "1.5e+21") in Rust's plain notation ("0.0000001",
/// "-0.000000025", "1500000000000000000000"); anything else as it is.
#[must_use]
pub fn plain_decimal(js: &str) -> String {
    let Some((mantissa, exp)) = js.split_once('e') else { return js.to_string() };
    let Ok(exp) = exp.parse::<i32>() else { return js.to_string() };
    let (sign, mantissa) = mantissa.strip_prefix('-').map_or(("", mantissa), |m| ("-", m));
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int}{frac}");
    // The decimal point sits after `point` digits.
    let point = i32::try_from(int.len()).unwrap_or(0) + exp;
    let body = if point <= 0 {
        format!("0.{}{digits}", "0".repeat(usize::try_from(-point).unwrap_or(0)))
    } else if let Ok(p) = usize::try_from(point) {
        if p >= digits.len() {
            format!("{digits}{}", "0".repeat(p - digits.len()))
        } else {
            format!("{}.{}", &digits[..p], &digits[p..])
        }
    } else {
        digits
    };
    format!("{sign}{body}")
}

/// Reads one coder's file: a document file, a collection file, or JSON Lines
/// of document objects.
///
/// # Errors
/// A one-line message: not JSON, not this program's format or version, or a
/// document that does not have the format's fields.
#[cfg(not(target_arch = "wasm32"))]
pub fn read(json: &str) -> Result<Coding, String> {
    use crate::annotation::{Annotations, Collection, COLLECTION_FORMAT, FORMAT, VERSION};
    use serde_json::Value;
    let values: Vec<Value> = match serde_json::from_str::<Value>(json) {
        Ok(v) => vec![v],
        Err(whole) => {
            let lines: Result<Vec<Value>, _> =
                json.lines().filter(|l| !l.trim().is_empty()).map(serde_json::from_str::<Value>).collect();
            match lines {
                Ok(values) if values.len() > 1 => values,
                _ => return Err(format!("not JSON ({whole}); give annotation files (`kamervragen annotate`, the page's Export JSON), not texts")),
            }
        }
    };
    let several = values.len() > 1;
    let mut documents = Vec::new();
    for (i, value) in values.into_iter().enumerate() {
        let at = if several { format!("line {}: ", i + 1) } else { String::new() };
        let format = value.get("format").and_then(Value::as_str).map(str::to_string);
        let version = value.get("version").and_then(Value::as_u64);
        match format.as_deref() {
            Some(FORMAT | COLLECTION_FORMAT) => {}
            Some(other) => return Err(format!("{at}a \"{other}\" file, not a Kamervragen Annotator export")),
            None => return Err(format!("{at}not a Kamervragen Annotator export (no \"format\")")),
        }
        if version != Some(u64::from(VERSION)) {
            return Err(format!(
                "{at}not version {VERSION} of the format (\"version\": {})",
                value.get("version").unwrap_or(&Value::Null)
            ));
        }
        if format.as_deref() == Some(COLLECTION_FORMAT) {
            if several {
                return Err(format!("{at}a collection inside JSON Lines"));
            }
            let collection: Collection =
                serde_json::from_value(value).map_err(|e| format!("not a valid {COLLECTION_FORMAT} file: {e}"))?;
            return Ok(Coding::from_collection(collection));
        }
        let doc: Annotations =
            serde_json::from_value(value).map_err(|e| format!("{at}not a valid {FORMAT} file: {e}"))?;
        documents.push(doc);
    }
    Ok(Coding::from_documents(documents))
}

#[cfg(test)]
mod tests;
