//! Corrections: what the user changed in the parse where it was wrong. A
//! correction list is stored with the annotations (`corrections` in the
//! JSON, docs/annotation-format.md) and applied to the parse by [`apply`];
//! `document.text` is never rewritten.
//!
//! ```text
//! correction = {"kind", "start", "end", "quote", "prefix", "suffix", payload…}
//! kind       = "remove-date" | "remove-reference"      span: the highlight
//!            | "add-date" (iso)                        span: the new date
//!            | "add-reference" (target and/or url)     span: the new reference
//!            | "split" (block?, numbers?)              point: where the new block starts
//!            | "merge"                                 point: where the second block starts
//!            | "set-numbers" (numbers)                 point: where the block starts
//!            | "set-kind" (block)                      point: where the block starts
//!            | "header" (field, values | iso)          not anchored (0, 0)
//! ```
//!
//! Offsets are code points into `document.text`, as everywhere in the JSON;
//! `quote` is the text at `start..end` (empty for a point) and `prefix` /
//! `suffix` up to 32 characters either side, as in a W3C
//! TextQuoteSelector. A correction is **placed** where its quote still is
//! (same offsets), else re-anchored by quote as tag import does: prefix +
//! quote + suffix, then the quote alone, nearest where it was. What cannot be
//! placed comes back in [`Applied::unplaced`] with a reason, never dropped.
//!
//! Tags follow the block they were on: a block keeps its id unless its kind
//! or numbers change; [`Applied::moves`] lists every id that changed (on a
//! merge, the second block's id moves to the first; on a split, the tags
//! stay on the first part).
//!
//! ```
//! use kamervragen::corrections::{apply, Correction, Kind};
//! let text = "Vraag 1\nKan dat per 1 mei 2024?\n\nAntwoord 1\nJa.\n";
//! let doc = kamervragen::parse(text);
//! assert_eq!(doc.dates.len(), 1);
//! let fix = Correction { kind: Kind::RemoveDate, start: 20, end: 30, quote: "1 mei 2024".into(), ..Correction::default() };
//! let out = apply(text, doc, &[fix]);
//! assert!(out.doc.dates.is_empty() && out.unplaced.is_empty());
//! ```

use crate::model::{BlockKind, Document, Span};
use crate::offsets::OffsetIndex;
use serde::{Deserialize, Serialize};

mod apply;
mod flat;
mod place;
#[cfg(test)]
mod tests;

pub use apply::apply;
pub use flat::{apply_flat, check, FlatCorrection, Refusal};
pub use place::{anchor, anchor_utf16};

/// Characters of context kept either side of a correction's anchor.
pub const CONTEXT: usize = 32;

/// What a correction does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    #[default]
    RemoveDate,
    RemoveReference,
    AddDate,
    AddReference,
    Split,
    Merge,
    SetNumbers,
    SetKind,
    Header,
}

impl Kind {
    /// Every kind, in declaration order.
    pub const ALL: [Kind; 9] = [
        Kind::RemoveDate,
        Kind::RemoveReference,
        Kind::AddDate,
        Kind::AddReference,
        Kind::Split,
        Kind::Merge,
        Kind::SetNumbers,
        Kind::SetKind,
        Kind::Header,
    ];

    /// The kebab-case name, as in the JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::RemoveDate => "remove-date",
            Kind::RemoveReference => "remove-reference",
            Kind::AddDate => "add-date",
            Kind::AddReference => "add-reference",
            Kind::Split => "split",
            Kind::Merge => "merge",
            Kind::SetNumbers => "set-numbers",
            Kind::SetKind => "set-kind",
            Kind::Header => "header",
        }
    }

    /// The kind named `name` (as in the JSON).
    #[must_use]
    pub fn named(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// A header field a correction sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Askers,
    Addressees,
    Respondents,
    Submitted,
    Received,
    Dated,
}

impl Field {
    /// The field named `name` (as in the JSON).
    #[must_use]
    pub fn named(name: &str) -> Option<Field> {
        [Field::Askers, Field::Addressees, Field::Respondents, Field::Submitted, Field::Received, Field::Dated]
            .into_iter()
            .find(|f| f.as_str() == name)
    }

    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Field::Askers => "askers",
            Field::Addressees => "addressees",
            Field::Respondents => "respondents",
            Field::Submitted => "submitted",
            Field::Received => "received",
            Field::Dated => "dated",
        }
    }
}

/// One person of a header list: an asker (`name`, `party`), an addressee
/// (`name`: "Minister van Financiën") or a respondent (`role`, `name`,
/// `portfolio`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub party: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub portfolio: String,
}

/// One correction, as stored in the JSON (code points into `document.text`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// The text at `start..end` ("" for a point).
    #[serde(default)]
    pub quote: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    /// add-date: "2024-05-01", "2024-05" or "2024"; header dates: the date
    /// (absent: the date removed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso: Option<String>,
    /// add-reference: what it points at ("kst-21501-20-2068", a law…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// add-reference: an http(s) link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// set-numbers; split: the new block's numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbers: Option<Vec<u32>>,
    /// set-kind: the kind the block becomes; split: the new block's kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block: Option<BlockKind>,
    /// header: which field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<Field>,
    /// header lists: the people, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<Person>,
}

/// Why a correction was not placed (stable, for the page to word).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// Its text is not in this document any more.
    NotFound,
    /// The text is there, but not what it corrects (no date there, no block
    /// starting there, no block to split…).
    NothingThere,
    /// The correction itself is not valid (a date that is not ISO, an empty
    /// reference, a header field without a value).
    Invalid,
}

/// A correction that could not be placed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unplaced {
    /// Its index in the list.
    pub index: usize,
    pub kind: Kind,
    pub quote: String,
    pub reason: Reason,
    /// For people (English): what is wrong.
    pub message: String,
}

/// A block id that changed: tags and notes on `from` belong to `to` now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Move {
    /// The correction that moved it (index in the list).
    pub correction: usize,
    pub from: String,
    pub to: String,
}

/// The parse with the corrections applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    pub doc: Document,
    /// The corrections as placed (offsets into this text; unplaced ones as given).
    pub placed: Vec<Correction>,
    pub unplaced: Vec<Unplaced>,
    pub moves: Vec<Move>,
}

/// A located correction: byte span in the current text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct At {
    pub span: Span,
}

/// Code points of `span` as a correction's (start, end).
pub(crate) fn cp(index: &OffsetIndex, span: Span) -> (usize, usize) {
    (index.to_char(span.start), index.to_char(span.end))
}
