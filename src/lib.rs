//! Kamervragen Annotator: reads the text of Dutch parliamentary written
//! questions and their answers ("Aanhangsel van de Handelingen") as users paste
//! it from a PDF or Word file, and finds the header, the question and answer
//! blocks, footnotes, page furniture, dates and references.
//!
//! ```
//! let text = "Vraag 1\nKunt u dat bevestigen?\n\nAntwoord 1\nJa.\n";
//! let doc = kamervragen::parse(text);
//! assert_eq!(doc.questions[0].numbers, vec![1]);
//! assert_eq!(doc.answers[0].span.slice(text), "Ja.");
//! assert_eq!(doc.answers[0].questions, vec![0]); // answers questions[0]
//! ```
//!
//! The core works in UTF-8 byte [`model::Span`]s; [`annotation`] converts to
//! the JSON export (code points) and [`view`] to the page's render tree
//! (UTF-16), both through [`offsets::OffsetIndex`]. `wasm` (wasm32 only) is the
//! thin binding for the page.

pub mod agreement;
pub mod anchoring;
mod anchors;
pub mod annotation;
pub mod blocks;
pub mod calendar;
pub mod codebook;
pub mod corrections;
pub mod dates;
pub mod footnotes;
pub mod furniture;
pub mod header;
pub mod headings;
pub mod lines;
pub mod model;
pub mod offsets;
mod pipeline;
pub mod reading;
pub mod references;
pub mod sort;
pub mod table;
pub mod text;
pub mod view;

#[cfg(target_arch = "wasm32")]
mod wasm;

#[cfg(not(target_arch = "wasm32"))]
pub use pipeline::parse_parallel;
pub use pipeline::{normalize_newlines, parse};
