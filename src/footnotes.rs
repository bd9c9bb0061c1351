//! Footnote definitions at page bottoms and the markers that refer to them.
//!
//! (Skeleton: nothing recognised yet; issue #3 fills this in.)

use crate::model::{Footnote, Furniture};

/// Finds the footnotes in `text` (definitions and markers).
#[must_use]
pub fn find(_text: &str, _furniture: &[Furniture]) -> Vec<Footnote> {
    Vec::new()
}
