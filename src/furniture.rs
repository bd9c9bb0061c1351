//! Page furniture: the masthead, page headers and footers that a PDF or Word
//! conversion leaves in the text.
//!
//! (Skeleton: nothing recognised yet; issue #3 fills this in.)

use crate::model::Furniture;

/// Finds the page furniture in `text`, in text order, not overlapping.
#[must_use]
pub fn find(_text: &str) -> Vec<Furniture> {
    Vec::new()
}
