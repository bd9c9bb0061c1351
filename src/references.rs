//! References: URLs, Kamerstukken, motions, EU law, ECLI, …
//!
//! (Skeleton: URLs on one line only so far; issue #4 adds the rest.)

use crate::model::{Footnote, RefKind, Reference, Span};
use regex::Regex;
use std::sync::OnceLock;

/// What the reference finder needs to know about the document.
#[derive(Clone, Debug, Default)]
pub struct RefContext<'a> {
    /// (question number, id of the answer block that answers it), for
    /// cross-references "zie het antwoord op vraag 7".
    pub answer_for_question: Vec<(u32, String)>,
    /// The footnotes, for a motion whose Kamerstuk is given in its footnote.
    pub footnotes: &'a [Footnote],
}

fn url_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"https?://[^\s<>«»]+").expect("valid regex"))
}

/// Finds the references in `text` (footnote markers are added by the caller).
#[must_use]
pub fn find(text: &str, _ctx: &RefContext<'_>) -> Vec<Reference> {
    url_re()
        .find_iter(text)
        .map(|m| {
            let url = m.as_str().trim_end_matches(['.', ',', ')', ';']);
            Reference {
                kind: RefKind::Url,
                span: Span::new(m.start(), m.start() + url.len()),
                target: url.to_string(),
                url: Some(url.to_string()),
            }
        })
        .collect()
}
