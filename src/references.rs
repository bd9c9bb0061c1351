//! References: what a Kamervragen text points at, recognised and resolved to
//! official identifiers and links.
//!
//! | kind | example in the text | target | url |
//! |---|---|---|---|
//! | url | "(https://www.state.gov/first-…-risks/)" | the URL, rejoined over line breaks | itself |
//! | kamerstuk | "Kamerstuk 21 501-20, nr. 2068" | `kst-21501-20-2068` | officielebekendmakingen.nl |
//! | aanhangsel | "Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 2147" | `ah-tk-20232024-2147` | officielebekendmakingen.nl |
//! | handelingen | "Handelingen II 2023/24, nr. 45, item 12" | `h-tk-20232024-45-12` | officielebekendmakingen.nl |
//! | motion | "motie van de leden Erkens en Grinwis (Kamerstuk 36 197, nr. 15)" | `kst-36197-15` | officielebekendmakingen.nl |
//! | eu-law | "verordening 2019/2144/EU" | `32019R2144` | eur-lex.europa.eu |
//! | ecli | "ECLI:NL-⏎:RBDHA:2023:2055" | `ECLI:NL:RBDHA:2023:2055` | uitspraken.rechtspraak.nl |
//! | un-regulation | "UN Reglement R155 en R156" | `R155`, `R156` | — |
//! | law-article | "artikelen 3:10 en 3:17 Wft" | `art. 3:10 Wft`, `art. 3:17 Wft` | — |
//! | cross-reference | "zie het antwoord op vraag 7" | the answer's id, `a7` | — |
//!
//! Footnote markers (kind footnote-marker) are added by the parse (`pipeline`).
//!
//! How: one pass ([`crate::anchors::Anchors`]) reads the text word by word and notes
//! where a recogniser should look ("http", "www", "Kamerstuk", "ECLI",
//! "richtlijn", five-digit dossier numbers, …); each recogniser then reads only
//! a short [`window::Window`] there, folded so that line breaks and
//! hyphenation do not matter. Everything is linear in the text; no regex runs
//! on the whole text. Nothing found inside a URL is reported again as
//! something else ("…/kamerstukken/moties/…", "2024-04382").
//!
//! Only http(s) URLs are ever produced as `url`; the page also checks this
//! before it makes a link.

mod crossrefs;
mod kamerstukken;
mod legal;
mod motions;
mod urls;
mod window;

use crate::anchors::Anchors;
use crate::model::{Footnote, Reference, Span};

/// What the reference finder needs to know about the document.
#[derive(Clone, Debug, Default)]
pub struct RefContext<'a> {
    /// (question number, id of the answer block that answers it), for
    /// cross-references "zie het antwoord op vraag 7".
    pub answer_for_question: Vec<(u32, String)>,
    /// The footnotes, for a motion whose Kamerstuk is given in its footnote.
    pub footnotes: &'a [Footnote],
}

/// Whether `at` lies inside one of `spans` (sorted, not overlapping).
fn inside(spans: &[Span], at: usize) -> bool {
    let i = spans.partition_point(|s| s.end <= at);
    spans.get(i).is_some_and(|s| s.start <= at)
}

/// Finds the references in `text` (footnote markers are added by the caller),
/// sorted by position.
#[must_use]
pub fn find(text: &str, ctx: &RefContext<'_>) -> Vec<Reference> {
    find_with(text, ctx, &Anchors::new(text))
}

/// [`find`] with the anchors already collected (the parser shares them with the date scan).
pub(crate) fn find_with(text: &str, ctx: &RefContext<'_>, anchors: &Anchors) -> Vec<Reference> {
    let mut out = urls::find(text, anchors);
    let markers: Vec<Span> = ctx.footnotes.iter().flat_map(|f| f.markers.iter().copied()).collect();
    urls::drop_markers(text, &mut out, &markers);
    let url_spans: Vec<Span> = out.iter().map(|r| r.span).collect();
    let kst = kamerstukken::find(text, &url_spans, anchors);
    let mut taken = merge_spans(&url_spans, kst.iter().map(|r| r.span));
    let handelingen = kamerstukken::find_handelingen(text, &taken, anchors);
    taken = merge_spans(&taken, handelingen.iter().map(|r| r.span));
    let motions = motions::find(text, &url_spans, &kst, ctx.footnotes, anchors);
    let legal = legal::find(text, &taken, anchors);
    let cross = crossrefs::find(text, &url_spans, &ctx.answer_for_question, anchors);
    out.extend(kst);
    out.extend(handelingen);
    out.extend(motions);
    out.extend(legal);
    out.extend(cross);
    crate::sort::by_key(&mut out, |r| (r.span.start, r.span.end, r.kind as usize));
    out.dedup_by(|a, b| a.span == b.span && a.kind == b.kind);
    out
}

/// `a` plus the spans of `b`, sorted and with overlaps merged.
fn merge_spans(a: &[Span], b: impl Iterator<Item = Span>) -> Vec<Span> {
    let mut all: Vec<Span> = a.iter().copied().chain(b).collect();
    crate::sort::sort(&mut all);
    let mut out: Vec<Span> = Vec::with_capacity(all.len());
    for s in all {
        match out.last_mut() {
            Some(last) if s.start < last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}
