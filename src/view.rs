//! The page's render tree: the text cut into nested marks (blocks, headings,
//! page furniture, footnotes, dates, references), so the page builds its DOM
//! from text nodes without any offset arithmetic of its own.
//!
//! Marks nest by level (a block holds a footnote area, which holds a URL); a
//! mark that crosses its parent's end is clipped there, and one that overlaps
//! an earlier sibling starts where that sibling ends. Every node carries its
//! UTF-16 range (`s`, `e`) for the DOM.
//!
//! The reading view is another rendering of the same tree: the line breaks of
//! [`crate::reading`] are marks of their own, innermost ("join": shown as
//! nothing, "para": a paragraph break), and [`reading_text`] is what that view
//! shows (furniture and footnotes hidden, other line breaks folded to spaces).
//!
//! ```
//! let text = "Vraag 1\nKan dat?\n\nAntwoord 1\nJa.\n";
//! let view = kamervragen::view::build(text, &kamervragen::parse(text));
//! let json = serde_json::to_string(&view.nodes).unwrap();
//! assert!(json.starts_with(r#"[{"k":"question","s":0,"e":16,"id":"q1","label":"Vraag 1","c":[{"k":"heading""#));
//! ```

use crate::headings::heading_label;
use crate::model::{Block, BlockKind, Document, FurnitureKind, RefKind, Span};
use crate::offsets::OffsetIndex;
use crate::reading::Break;
use serde::Serialize;

/// A node of the render tree: plain text, or a mark with children.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Node {
    Text(String),
    Mark(Box<MarkNode>),
}

/// A mark: what it is, where it is (UTF-16), and what the page shows for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MarkNode {
    /// "question", "answer", "heading", "furniture", "footnote", "date",
    /// "reference", "prose" (text between blocks); line breaks of the
    /// reading view: "join", "para".
    pub k: &'static str,
    /// UTF-16 start and end.
    pub s: usize,
    pub e: usize,
    /// Block id ("a6-7"), or footnote id ("fn-3").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Accessible name ("Antwoord 6 en 7").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Sub-kind: the reference kind ("url", "kamerstuk"), furniture kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sub: Option<&'static str>,
    /// What hover or focus shows: a date's ISO value, a reference's target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A link: an http(s) URL, or "#fn-3" / "#a7" inside the page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    pub c: Vec<Node>,
}

/// The whole render tree of one document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct View {
    pub nodes: Vec<Node>,
    /// Length of the text in UTF-16 units.
    pub utf16_len: usize,
}

/// A mark before nesting, in byte offsets.
struct Mark {
    span: Span,
    level: u8,
    node: MarkNode,
}

fn mark(span: Span, level: u8, k: &'static str) -> Mark {
    Mark {
        span,
        level,
        node: MarkNode { k, s: 0, e: 0, id: None, label: None, sub: None, title: None, href: None, c: Vec::new() },
    }
}

fn block_mark(b: &Block) -> Mark {
    let k = if b.kind == BlockKind::Question { "question" } else { "answer" };
    let start = if b.heading.is_empty() { b.span.start } else { b.heading.start };
    let mut m = mark(Span::new(start, b.span.end.max(b.heading.end)), 0, k);
    m.node.id = Some(b.id.clone());
    m.node.label = Some(heading_label(b));
    m
}

/// Only http(s) URLs become links; anything else ("javascript:") never does.
fn safe_http(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && !url.chars().any(char::is_control)
}

fn marks(text: &str, doc: &Document) -> Vec<Mark> {
    let mut out: Vec<Mark> = Vec::new();
    for b in doc.questions.iter().chain(&doc.answers) {
        out.push(block_mark(b));
        if !b.heading.is_empty() {
            out.push(mark(b.heading, 2, "heading"));
        }
    }
    for f in &doc.furniture {
        let mut m = mark(f.span, 1, "furniture");
        m.node.sub = Some(match f.kind {
            FurnitureKind::Masthead => "masthead",
            FurnitureKind::PageFooter => "page-footer",
            FurnitureKind::PageHeader => "page-header",
        });
        out.push(m);
    }
    for f in &doc.footnotes {
        let mut m = mark(f.span, 1, "footnote");
        m.node.id = Some(format!("fn-{}", f.number));
        m.node.label = Some(format!("Voetnoot {}", f.number));
        out.push(m);
    }
    for d in &doc.dates {
        let mut m = mark(d.span, 3, "date");
        m.node.title = Some(d.iso.clone());
        out.push(m);
    }
    for r in &doc.references {
        let mut m = mark(r.span, 3, "reference");
        m.node.sub = Some(RefKind::as_str(r.kind));
        m.node.title = Some(r.target.clone());
        m.node.href = match r.kind {
            RefKind::FootnoteMarker => Some(format!("#fn-{}", r.target)),
            RefKind::CrossReference => Some(format!("#{}", r.target)),
            _ => r.url.as_deref().filter(|u| safe_http(u)).map(str::to_string),
        };
        out.push(m);
    }
    // The text between blocks, one mark a stretch: the reading view sets it as a column like the blocks.
    for region in crate::reading::between_blocks(text, doc) {
        out.push(mark(crate::text::trim_span(text, region), 0, "prose"));
    }
    for p in crate::reading::breaks(text, doc) {
        out.push(mark(p.span, 4, if p.kind == Break::Join { "join" } else { "para" }));
    }
    out.retain(|m| !m.span.is_empty());
    // By start, then level, then the longer mark first.
    crate::sort::by_key(&mut out, |m| (m.span.start, usize::from(m.level), usize::MAX - m.span.end));
    out
}

/// Builds the render tree of `doc`, parsed from `text`.
#[must_use]
pub fn build(text: &str, doc: &Document) -> View {
    build_indexed(text, doc, &OffsetIndex::new(text))
}

/// [`build`] with the text's offset index already built.
#[must_use]
pub fn build_indexed(text: &str, doc: &Document, index: &OffsetIndex) -> View {
    let mut marks = marks(text, doc);
    let mut i = 0;
    let nodes = nest(text, index, &mut marks, Span::new(0, text.len()), u8::MAX, &mut i);
    View { nodes, utf16_len: index.utf16_len() }
}

/// The nodes inside `range`, consuming the marks that start in it.
fn nest(
    text: &str,
    index: &OffsetIndex,
    marks: &mut [Mark],
    range: Span,
    parent_level: u8,
    i: &mut usize,
) -> Vec<Node> {
    let mut out = Vec::new();
    let mut at = range.start;
    while *i < marks.len() && marks[*i].span.start < range.end {
        let k = *i;
        *i += 1;
        let start = marks[k].span.start.max(at);
        let end = marks[k].span.end.min(range.end);
        // A mark may only sit inside a mark of a lower level.
        if start >= end || (parent_level != u8::MAX && marks[k].level <= parent_level) {
            continue;
        }
        push_text(text, Span::new(at, start), &mut out);
        let children = nest(text, index, marks, Span::new(start, end), marks[k].level, i);
        let mut node = std::mem::replace(
            &mut marks[k].node,
            MarkNode { k: "", s: 0, e: 0, id: None, label: None, sub: None, title: None, href: None, c: Vec::new() },
        );
        node.s = index.to_utf16(start);
        node.e = index.to_utf16(end);
        node.c = children;
        out.push(Node::Mark(Box::new(node)));
        at = end;
    }
    push_text(text, Span::new(at, range.end), &mut out);
    out
}

fn push_text(text: &str, span: Span, out: &mut Vec<Node>) {
    if let Some(s) = text.get(span.start..span.end).filter(|s| !s.is_empty()) {
        out.push(Node::Text(s.to_string()));
    }
}

/// The text the reading view shows for `nodes`: page furniture and footnotes
/// left out, a "join" as nothing, a "para" as a blank line, a heading on a
/// line of its own, blocks apart by a blank line, every other run of white
/// space one space (as the page's CSS folds it).
#[must_use]
pub fn reading_text(nodes: &[Node]) -> String {
    let mut out = String::new();
    shown(nodes, &mut out);
    let paras: Vec<String> =
        out.split("\n\n").map(|p| p.split('\n').map(fold).collect::<Vec<_>>().join("\n")).collect();
    paras.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join("\n\n")
}

/// One space for every run of white space, none at either end.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn shown(nodes: &[Node], out: &mut String) {
    for n in nodes {
        match n {
            Node::Text(t) => out.push_str(&t.replace('\n', " ")),
            Node::Mark(m) => match m.k {
                "furniture" | "footnote" | "join" => {}
                "para" => out.push_str("\n\n"),
                "heading" => {
                    shown(&m.c, out);
                    out.push('\n');
                }
                "question" | "answer" => {
                    out.push_str("\n\n");
                    shown(&m.c, out);
                    out.push_str("\n\n");
                }
                _ => shown(&m.c, out),
            },
        }
    }
}

/// The paragraphs the reading view shows for block `id` (its heading left out).
#[must_use]
pub fn reading_paragraphs(view: &View, id: &str) -> Vec<String> {
    fn find<'a>(nodes: &'a [Node], id: &str) -> Option<&'a MarkNode> {
        nodes.iter().find_map(|n| match n {
            Node::Mark(m) if m.id.as_deref() == Some(id) => Some(&**m),
            Node::Mark(m) => find(&m.c, id),
            Node::Text(_) => None,
        })
    }
    let Some(block) = find(&view.nodes, id) else { return Vec::new() };
    let body: Vec<Node> = block.c.iter().filter(|n| !matches!(n, Node::Mark(m) if m.k == "heading")).cloned().collect();
    reading_text(&body).split("\n\n").map(str::to_string).filter(|p| !p.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of a node, as the DOM would show it.
    fn text_of(nodes: &[Node]) -> String {
        nodes
            .iter()
            .map(|n| match n {
                Node::Text(t) => t.clone(),
                Node::Mark(m) => text_of(&m.c),
            })
            .collect()
    }

    #[test]
    fn the_tree_holds_the_whole_text_once() {
        let text = "Intro ’s ë 🚗\nVraag 1\nKunt u 31 juli 2024 https://x.nl/a bevestigen?\n\nAntwoord 1\nJa.\n";
        let view = build(text, &crate::pipeline::parse(text));
        assert_eq!(text_of(&view.nodes), text);
        assert_eq!(view.utf16_len, text.encode_utf16().count());
    }

    #[test]
    fn utf16_ranges_land_on_the_right_characters() {
        let text = "’ë–🚗\nVraag 1\nWat?\n\nAntwoord 1\nJa.";
        let view = build(text, &crate::pipeline::parse(text));
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let q = view.nodes.iter().find_map(|n| match n {
            Node::Mark(m) if m.k == "question" => Some(m),
            _ => None,
        });
        let q = q.expect("a question block");
        assert_eq!(String::from_utf16_lossy(&utf16[q.s..q.e]), "Vraag 1\nWat?");
        assert_eq!(q.label.as_deref(), Some("Vraag 1"));
    }

    #[test]
    fn javascript_urls_never_become_links() {
        assert!(!safe_http("javascript:alert(1)"));
        assert!(!safe_http("https://x.nl/\u{0}"));
        assert!(safe_http("https://www.rijksoverheid.nl/"));
    }
}
