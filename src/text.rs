//! Block text: the parts of a block joined into readable running text.
//!
//! - line-end hyphenation undone: "besprekin-⏎gen" → "besprekingen", while a
//!   hyphen that belongs to the word stays: "Inlichtingen- en",
//!   "Oost-⏎Jeruzalem" (capital after the break), "CO2-⏎opslag" (digit before);
//! - footnote markers removed: "veiligheid?1" → "veiligheid?";
//! - the lines of a paragraph joined with one space.

use crate::model::Span;

/// Joins `parts` of `text` into running text, leaving out the `markers`
/// (sorted by start).
#[must_use]
pub fn block_text(text: &str, parts: &[Span], markers: &[Span]) -> String {
    let mut raw = String::new();
    for part in parts {
        let mut at = part.start;
        // `markers` is sorted: only those from the first one at or after the part start.
        let first = markers.partition_point(|m| m.start < part.start);
        let inside = markers.get(first..).unwrap_or(&[]).iter().take_while(|m| m.start < part.end);
        let mut after_marker = false;
        for m in inside.filter(|m| part.contains(**m)) {
            if m.start < at {
                continue;
            }
            let gap = Span::new(at, m.start).slice(text);
            // "?1, 2": the separator between two markers goes with them.
            let between = after_marker && matches!(gap.trim_matches([' ', ',']), "" | "en");
            if !between {
                raw.push_str(gap);
            }
            at = m.end;
            after_marker = true;
        }
        raw.push_str(Span::new(at, part.end).slice(text));
        raw.push('\n');
    }
    join_lines(&raw)
}

enum Hyphen {
    /// "besprekin-⏎gen": a word broken at the line end.
    Drop,
    /// "Oost-⏎Jeruzalem", "CO2-⏎opslag": the hyphen belongs to the word.
    Keep,
    /// No hyphen at the line end, or "Inlichtingen-⏎en": an ordinary break.
    None,
}

fn line_end_hyphen(line: &str, next: &str) -> Hyphen {
    let mut back = line.chars().rev();
    if back.next() != Some('-') || next.is_empty() {
        return Hyphen::None;
    }
    let before = back.next();
    let first_word = next.split_whitespace().next().unwrap_or("");
    if !before.is_some_and(char::is_alphanumeric) || matches!(first_word, "en" | "of" | "tot" | "en/of") {
        return Hyphen::None;
    }
    let after = next.chars().next();
    if before.is_some_and(char::is_alphabetic) && after.is_some_and(char::is_lowercase) {
        Hyphen::Drop
    } else {
        Hyphen::Keep
    }
}

/// Joins lines, undoing line-end hyphenation and folding white space.
#[must_use]
pub fn join_lines(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut lines = raw.lines().map(str::trim).filter(|l| !l.is_empty()).peekable();
    while let Some(line) = lines.next() {
        let next = lines.peek().copied().unwrap_or("");
        match line_end_hyphen(line, next) {
            Hyphen::Drop => out.push_str(&line[..line.len() - 1]),
            Hyphen::Keep => out.push_str(line),
            Hyphen::None => {
                out.push_str(line);
                if !next.is_empty() {
                    out.push(' ');
                }
            }
        }
    }
    // Fold runs of white space inside lines (tabs, doubled spaces).
    let mut folded = String::with_capacity(out.len());
    let mut space = false;
    for c in out.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !folded.is_empty() {
                folded.push(' ');
            }
            space = false;
            folded.push(c);
        }
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_end_hyphenation_is_undone_but_real_hyphens_stay() {
        assert_eq!(join_lines("de besprekin-\ngen."), "de besprekingen.");
        assert_eq!(join_lines("Inlichtingen- en Veiligheids-\ndienst"), "Inlichtingen- en Veiligheidsdienst");
        assert_eq!(join_lines("Oost-\nJeruzalem"), "Oost-Jeruzalem");
        assert_eq!(join_lines("CO2-\nopslag"), "CO2-opslag");
    }

    #[test]
    fn markers_are_left_out() {
        let text = "voor de nationale veiligheid?1\n";
        let marker = Span::new(29, 30);
        assert_eq!(marker.slice(text), "1");
        assert_eq!(block_text(text, &[Span::new(0, text.len())], &[marker]), "voor de nationale veiligheid?");
        let text = "ziekenhuisnota»»?1, 2 en verder";
        let markers = [Span::new(19, 20), Span::new(22, 23)];
        assert_eq!(markers.map(|m| m.slice(text)), ["1", "2"]);
        assert_eq!(block_text(text, &[Span::new(0, text.len())], &markers), "ziekenhuisnota»»? en verder");
    }
}
