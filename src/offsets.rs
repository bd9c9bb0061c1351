//! The one offset converter: UTF-8 bytes (the core) ↔ Unicode code points (the
//! JSON, Python's `text[start:end]`, the W3C TextPositionSelector) ↔ UTF-16
//! code units (the DOM).
//!
//! Built once per text. It records only the non-ASCII characters, so an ASCII
//! text costs nothing and every lookup is a binary search over them.
//!
//! ```
//! use kamervragen::offsets::OffsetIndex;
//! let text = "auto’s 🚗 ë";
//! let index = OffsetIndex::new(text);
//! let byte = text.find('ë').unwrap();          // 14: ’ is 3 bytes, 🚗 is 4
//! assert_eq!(index.to_char(byte), 9);           // code points
//! assert_eq!(index.to_utf16(byte), 10);         // 🚗 is two UTF-16 units
//! assert_eq!(index.from_utf16(10), byte);
//! assert_eq!(index.from_char(9), byte);
//! ```

/// One non-ASCII character and the savings accumulated up to and including it.
#[derive(Clone, Copy, Debug)]
struct Wide {
    /// Byte offset of the character.
    byte: usize,
    /// Its width in bytes (2..=4).
    bytes: u8,
    /// Its width in UTF-16 units (1 or 2).
    units: u8,
    /// Σ (bytes − 1) over this and all earlier wide characters.
    char_saving: usize,
    /// Σ (bytes − units) over this and all earlier wide characters.
    unit_saving: usize,
}

/// Converts offsets in one text between UTF-8, code points and UTF-16.
#[derive(Clone, Debug)]
pub struct OffsetIndex {
    wide: Vec<Wide>,
    len: usize,
}

impl OffsetIndex {
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let bytes = text.as_bytes();
        let (mut char_saving, mut unit_saving) = (0, 0);
        let mut i = 0;
        while i < bytes.len() {
            // Eight ASCII bytes at a time: the usual case.
            if let Some(chunk) = bytes.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
                if u64::from_le_bytes(chunk) & 0x8080_8080_8080_8080 == 0 {
                    i += 8;
                    continue;
                }
            }
            let lead = bytes.get(i).copied().unwrap_or(0);
            // `text` is valid UTF-8 and `i` is always on a char boundary, so
            // the lead byte gives the width.
            let width: u8 = match lead {
                0..=0x7F => 1,
                0x80..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            if width > 1 {
                let units = if width == 4 { 2 } else { 1 };
                char_saving += usize::from(width) - 1;
                unit_saving += usize::from(width - units);
                wide.push(Wide { byte: i, bytes: width, units, char_saving, unit_saving });
            }
            i += usize::from(width);
        }
        OffsetIndex { wide, len: text.len() }
    }

    /// The wide characters that start before `byte` (a byte inside a
    /// character counts as that character's start).
    fn before(&self, byte: usize) -> (usize, usize, usize) {
        let byte = byte.min(self.len);
        let k = self.wide.partition_point(|w| w.byte < byte);
        if k == 0 {
            return (byte, 0, 0);
        }
        let w = self.wide[k - 1];
        if byte < w.byte + usize::from(w.bytes) {
            // Inside character k-1: snap to its start.
            let prev = if k >= 2 {
                self.wide[k - 2]
            } else {
                Wide { byte: 0, bytes: 0, units: 0, char_saving: 0, unit_saving: 0 }
            };
            return (w.byte, prev.char_saving, prev.unit_saving);
        }
        (byte, w.char_saving, w.unit_saving)
    }

    /// Code point offset of a byte offset (snapped down to a char boundary).
    #[must_use]
    pub fn to_char(&self, byte: usize) -> usize {
        let (b, saving, _) = self.before(byte);
        b - saving
    }

    /// UTF-16 offset of a byte offset (snapped down to a char boundary).
    #[must_use]
    pub fn to_utf16(&self, byte: usize) -> usize {
        let (b, _, saving) = self.before(byte);
        b - saving
    }

    /// Byte offset of a code point offset (clamped to the text).
    #[must_use]
    pub fn from_char(&self, chars: usize) -> usize {
        self.back(chars, |w| w.char_saving, |w| usize::from(w.bytes) - 1)
    }

    /// Byte offset of a UTF-16 offset (clamped to the text; an offset inside
    /// a surrogate pair snaps to the pair's start).
    #[must_use]
    pub fn from_utf16(&self, units: usize) -> usize {
        self.back(units, |w| w.unit_saving, |w| usize::from(w.bytes - w.units))
    }

    /// Shared reverse lookup: `saving(w)` is the cumulative saving after `w`,
    /// `own(w)` the saving of `w` itself.
    fn back(&self, pos: usize, saving: impl Fn(&Wide) -> usize, own: impl Fn(&Wide) -> usize) -> usize {
        // Position of wide char w in the target unit: w.byte − (saving(w) − own(w)).
        let k = self.wide.partition_point(|w| w.byte - (saving(w) - own(w)) < pos);
        if k == 0 {
            return pos.min(self.len);
        }
        let w = &self.wide[k - 1];
        let start = w.byte - (saving(w) - own(w));
        let width = usize::from(w.bytes) - own(w);
        if pos < start + width {
            return w.byte; // inside that character
        }
        pos.saturating_add(saving(w)).min(self.len)
    }

    /// Length of the text in code points.
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.to_char(self.len)
    }

    /// Length of the text in UTF-16 units.
    #[must_use]
    pub fn utf16_len(&self) -> usize {
        self.to_utf16(self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks every offset of `text` against a direct count.
    fn check(text: &str) {
        let index = OffsetIndex::new(text);
        let mut units = 0;
        for (chars, (byte, c)) in text.char_indices().chain(std::iter::once((text.len(), ' '))).enumerate() {
            assert_eq!(index.to_char(byte), chars, "to_char({byte}) in {text:?}");
            assert_eq!(index.to_utf16(byte), units, "to_utf16({byte}) in {text:?}");
            assert_eq!(index.from_char(chars), byte, "from_char({chars}) in {text:?}");
            assert_eq!(index.from_utf16(units), byte, "from_utf16({units}) in {text:?}");
            units += c.len_utf16();
        }
    }

    #[test]
    fn widths_of_pound_quote_and_emoji() {
        // '£' is 2 bytes and 1 unit; '’' 3 bytes and 1 unit; '🤨' 4 bytes and 2 units.
        let index = OffsetIndex::new("£’🤨x");
        assert_eq!(index.to_char(9), 3);
        assert_eq!(index.to_utf16(9), 4);
        assert_eq!(index.char_len(), 4);
        assert_eq!(index.utf16_len(), 5);
    }

    #[test]
    fn every_offset_round_trips() {
        for text in [
            "",
            "ascii only",
            "auto’s – ë é 🚗 Vraag 1",
            "🤨🤨",
            "ë",
            "a\u{10FFFF}b£",
            "eight ascii bytes, then ’ and more than eight again 🚗 1234567ë12345678£",
        ] {
            check(text);
        }
    }

    #[test]
    fn offsets_inside_a_character_snap_to_its_start() {
        let text = "a🤨b";
        let index = OffsetIndex::new(text);
        assert_eq!(index.to_char(2), 1, "byte 2 is inside the emoji");
        assert_eq!(index.from_utf16(2), 1, "unit 2 is the low surrogate");
        assert_eq!(index.from_utf16(99), text.len(), "past the end clamps");
        assert_eq!(index.to_utf16(99), 4);
    }
}
