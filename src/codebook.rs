//! The codebook on its own: checking one (typed in the page, read from a
//! codebook file) and writing it as Markdown for a paper's appendix.
//!
//! A codebook is a list of **variables**; each has a `kind` (`one-of`: one
//! code per unit, `any-of`: several), a `level` (answer, question or
//! document) and its **codes** (name, definition, example, colour, key). The
//! model is [`crate::annotation::Codebook`]; the file format is
//!
//! ```json
//! {"format": "kamervragen-codebook", "version": 1,
//!  "codebook": {"variables": [{"name": "Soort antwoord", "kind": "one-of", "level": "answer",
//!    "codes": [{"name": "volledig", "definition": "…", "example": "…", "color": "#1b7f5b", "key": "1"}]}]}}
//! ```
//!
//! [`check`] applies the rules of a tag (`anchoring::check_tag`: a name of
//! 1–80 plain characters, no HTML, `#rrggbb` else the fallback colour, a key
//! "1"–"9" else none) to every variable and code, and refuses what would make
//! the codebook ambiguous: two variables of one name, two codes of one name
//! (a unit stores codes by name), two codes on one key.
//!
//! ```
//! use kamervragen::annotation::{Code, Codebook, Level, Variable, VariableKind};
//! let code = |name: &str, key: &str| Code { name: name.into(), key: Some(key.into()), ..Code::default() };
//! let book = Codebook { variables: vec![Variable {
//!     name: " Soort antwoord ".into(), kind: VariableKind::OneOf, level: Level::Answer,
//!     codes: vec![code("volledig", "1"), code("weigering", "1")] }] };
//! let err = kamervragen::codebook::check(&book).unwrap_err();
//! assert!(err.to_string().contains("key 1"), "{err}");
//! ```

use crate::anchoring::{check_tag, html_in};
use crate::annotation::{Code, Codebook, Level, Variable, VariableKind};
use std::fmt::{self, Write as _};

/// Why a codebook was refused: a stable kebab-case `code` with its `params`
/// (the page words it in the user's language: `import.<code>` in
/// www/lang-*.js) and the English `message` (Display). A refused name keeps
/// the tag rule's code, and `at` says where (`codebook-at-variable` with
/// param `variable` = its number, `codebook-at-code` with `variable` its
/// name and `code` its number).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodebookError {
    pub code: &'static str,
    pub params: Vec<(&'static str, String)>,
    pub at: Option<&'static str>,
    pub message: String,
}

impl fmt::Display for CodebookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CodebookError {}

fn fail<T>(code: &'static str, params: &[(&'static str, &str)], message: String) -> Result<T, CodebookError> {
    let params = params.iter().map(|(k, v)| (*k, (*v).to_string())).collect();
    Err(CodebookError { code, params, at: None, message })
}

/// A refused name of a variable or code: the tag rule's code and params, and where.
fn refused_name(
    err: crate::anchoring::ImportError,
    at: &'static str,
    place: &[(&'static str, String)],
    what: &str,
) -> CodebookError {
    let mut params = err.params;
    params.extend(place.iter().cloned());
    CodebookError { code: err.code, params, at: Some(at), message: format!("{what}: {}", err.message) }
}

/// The codebook with names trimmed and colours and keys normalised, or why
/// it is refused (a codebook without variables, a bad or repeated name, HTML
/// in a definition or example, a key on two codes).
pub fn check(codebook: &Codebook) -> Result<Codebook, CodebookError> {
    if codebook.variables.is_empty() {
        return fail("codebook-empty", &[], "The codebook has no variables.".into());
    }
    let mut out = Codebook::default();
    let mut keys: Vec<(String, String)> = Vec::new();
    for (v, var) in codebook.variables.iter().enumerate() {
        let what = format!("Variable {}", v + 1);
        let place = [("variable", (v + 1).to_string())];
        let name =
            check_tag(&var.name, "", "", "").map_err(|e| refused_name(e, "codebook-at-variable", &place, &what))?.name;
        if out.variables.iter().any(|o| o.name == name) {
            return fail("codebook-variable-twice", &[("name", &name)], format!("Two variables are named “{name}”."));
        }
        let mut codes = Vec::new();
        for (c, code) in var.codes.iter().enumerate() {
            let what = format!("Variable “{name}”, code {}", c + 1);
            let key = code.key.as_deref().unwrap_or("");
            let tag = check_tag(&code.name, &code.color, key, &code.definition).map_err(|e| {
                let place = [("variable", name.clone()), ("code", (c + 1).to_string())];
                refused_name(e, "codebook-at-code", &place, &what)
            })?;
            if let Some(html) = html_in(&code.example) {
                let message = format!("The example of code “{}” contains HTML (“{html}”).", tag.name);
                return fail("codebook-example-html", &[("name", &tag.name), ("html", &html)], message);
            }
            if let Some((v, _)) = out
                .find(&tag.name)
                .or_else(|| codes.iter().any(|o: &Code| o.name == tag.name).then_some((out.variables.len(), 0)))
            {
                let other = out.variables.get(v).map_or(name.as_str(), |o| o.name.as_str());
                let message = format!("The code “{}” is in the codebook twice (in “{other}” and “{name}”).", tag.name);
                return fail(
                    "codebook-code-twice",
                    &[("name", &tag.name), ("first", other), ("second", &name)],
                    message,
                );
            }
            if let Some(k) = &tag.key {
                if let Some((_, other)) = keys.iter().find(|(key, _)| key == k) {
                    let message = format!("Codes “{other}” and “{}” are both on key {k}.", tag.name);
                    return fail("codebook-key-twice", &[("first", other), ("second", &tag.name), ("key", k)], message);
                }
                keys.push((k.clone(), tag.name.clone()));
            }
            codes.push(Code {
                name: tag.name,
                definition: tag.description,
                example: code.example.clone(),
                color: tag.color,
                key: tag.key,
            });
        }
        out.variables.push(Variable { name, kind: var.kind, level: var.level, codes });
    }
    Ok(out)
}

/// An empty variable of `kind` ("one-of" | "any-of") and `level` ("answer",
/// "question", "document"; empty: "answer"), as a codebook file spells them;
/// its name is checked by [`check`].
pub fn variable(name: &str, kind: &str, level: &str) -> Result<Variable, CodebookError> {
    let kind = match kind {
        "one-of" => VariableKind::OneOf,
        "any-of" => VariableKind::AnyOf,
        other => {
            let message = format!("Variable “{name}”: the kind “{other}” is not “one-of” or “any-of”.");
            return fail("codebook-kind", &[("name", name), ("kind", other)], message);
        }
    };
    let level = match level {
        "answer" | "" => Level::Answer,
        "question" => Level::Question,
        "document" => Level::Document,
        other => {
            let message = format!("Variable “{name}”: the level “{other}” is not “answer”, “question” or “document”.");
            return fail("codebook-level", &[("name", name), ("level", other)], message);
        }
    };
    Ok(Variable { name: name.to_string(), kind, level, codes: Vec::new() })
}

/// The language of [`markdown`]'s headings and labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Dutch,
    English,
}

impl Lang {
    /// "nl…" is Dutch; anything else English.
    #[must_use]
    pub fn from_code(code: &str) -> Self {
        if code.to_ascii_lowercase().starts_with("nl") {
            Lang::Dutch
        } else {
            Lang::English
        }
    }

    fn words(self) -> &'static Words {
        match self {
            Lang::Dutch => &DUTCH,
            Lang::English => &ENGLISH,
        }
    }
}

struct Words {
    title: &'static str,
    summary: fn(usize, usize) -> String,
    level: &'static str,
    levels: [&'static str; 3],
    kind: &'static str,
    one_of: &'static str,
    any_of: &'static str,
    key: &'static str,
    definition: &'static str,
    example: &'static str,
    no_codes: &'static str,
    none: &'static str,
}

const ENGLISH: Words = Words {
    title: "Codebook",
    summary: |v, c| format!("{v} variable{}, {c} code{}.", plural(v, "s"), plural(c, "s")),
    level: "Level",
    levels: ["answer", "question", "document"],
    kind: "Type",
    one_of: "one of (one code per unit: choosing a code replaces the variable's other code)",
    any_of: "any of (several codes may apply to a unit)",
    key: "key",
    definition: "Definition",
    example: "Example",
    no_codes: "No codes yet.",
    none: "(none)",
};

const DUTCH: Words = Words {
    title: "Codeboek",
    summary: |v, c| format!("{v} variabele{}, {c} code{}.", plural(v, "n"), plural(c, "s")),
    level: "Niveau",
    levels: ["antwoord", "vraag", "document"],
    kind: "Soort",
    one_of: "één van (één code per eenheid: een code kiezen vervangt de andere code van deze variabele)",
    any_of: "meer mogelijk (er kunnen meerdere codes gelden)",
    key: "toets",
    definition: "Definitie",
    example: "Voorbeeld",
    no_codes: "Nog geen codes.",
    none: "(geen)",
};

fn plural(n: usize, suffix: &'static str) -> &'static str {
    if n == 1 {
        ""
    } else {
        suffix
    }
}

/// The codebook as a Markdown document: a heading per variable with its level
/// and type, then each code with its key, definition and example. Line
/// breaks in a definition or example are kept (as hard breaks); characters
/// Markdown would read as markup are escaped.
#[must_use]
pub fn markdown(codebook: &Codebook, lang: Lang) -> String {
    let w = lang.words();
    let codes: usize = codebook.variables.iter().map(|v| v.codes.len()).sum();
    let mut out = format!("# {}\n\n{}\n", w.title, (w.summary)(codebook.variables.len(), codes));
    for (i, var) in codebook.variables.iter().enumerate() {
        let level = w.levels[match var.level {
            Level::Answer => 0,
            Level::Question => 1,
            Level::Document => 2,
        }];
        let kind = if var.kind == VariableKind::OneOf { w.one_of } else { w.any_of };
        let _ = write!(out, "\n## {}. {}\n\n- {}: {level}\n- {}: {kind}\n", i + 1, escape(&var.name), w.level, w.kind);
        if var.codes.is_empty() {
            let _ = write!(out, "\n{}\n", w.no_codes);
        }
        for code in &var.codes {
            let key = code.key.as_ref().map(|k| format!(" ({} {k})", w.key)).unwrap_or_default();
            let _ = write!(out, "\n### {}{key}\n\n", escape(&code.name));
            let _ = writeln!(out, "**{}:** {}", w.definition, block(&code.definition, w.none));
            let _ = writeln!(out, "\n**{}:** {}", w.example, block(&code.example, w.none));
        }
    }
    out
}

/// Plain text as a Markdown paragraph: escaped, its lines joined by hard
/// breaks, blank lines dropped; `none` when empty.
fn block(text: &str, none: &str) -> String {
    let lines: Vec<String> = text.lines().map(str::trim).filter(|l| !l.is_empty()).map(escape).collect();
    if lines.is_empty() {
        none.to_string()
    } else {
        lines.join("\\\n")
    }
}

/// `s` with the characters Markdown reads as markup escaped by a backslash.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(name: &str, definition: &str, example: &str, key: Option<&str>) -> Code {
        Code {
            name: name.into(),
            definition: definition.into(),
            example: example.into(),
            color: "#1B7F5B".into(),
            key: key.map(str::to_string),
        }
    }

    fn book() -> Codebook {
        Codebook {
            variables: vec![
                Variable {
                    name: "Soort antwoord".into(),
                    kind: VariableKind::OneOf,
                    level: Level::Answer,
                    codes: vec![
                        code(
                            "volledig",
                            "Het antwoord gaat op de hele vraag in.\nOok als het kort is.",
                            "Ja.",
                            Some("1"),
                        ),
                        code("weigering", "De minister geeft *geen* antwoord.", "", Some("2")),
                    ],
                },
                Variable {
                    name: "Beleidsterrein".into(),
                    kind: VariableKind::OneOf,
                    level: Level::Document,
                    codes: vec![code("economie", "CAP 1: macro-economie.", "Inflatie", None)],
                },
                Variable { name: "Leeg".into(), kind: VariableKind::AnyOf, level: Level::Question, codes: vec![] },
            ],
        }
    }

    #[test]
    fn a_good_codebook_is_normalised_not_changed() {
        let mut raw = book();
        raw.variables[0].name = "  Soort antwoord ".into();
        raw.variables[0].codes[1].color = "rood".into();
        let checked = check(&raw).unwrap();
        assert_eq!(checked.variables[0].name, "Soort antwoord", "names are trimmed");
        assert_eq!(checked.variables[0].codes[0].color, "#1b7f5b", "colours are lowercase");
        assert_eq!(checked.variables[0].codes[1].color, "#6b6b75", "a bad colour gets the fallback");
        assert_eq!(
            checked.variables[0].codes[0].definition,
            book().variables[0].codes[0].definition,
            "line breaks stay"
        );
        assert_eq!(checked.variables[1].level, Level::Document);
        assert!(checked.variables[2].codes.is_empty(), "a variable may have no codes yet");
    }

    #[test]
    fn ambiguous_or_unsafe_codebooks_are_refused_with_a_reason() {
        let refused = |f: &dyn Fn(&mut Codebook), says: &str| {
            let mut b = book();
            f(&mut b);
            let err = check(&b).unwrap_err().to_string();
            assert!(err.contains(says), "expected “{says}” in “{err}”");
        };
        refused(&|b| b.variables.clear(), "no variables");
        refused(&|b| b.variables[1].name = "Soort antwoord".into(), "Two variables are named “Soort antwoord”");
        refused(&|b| b.variables[1].codes[0].name = "volledig".into(), "“volledig” is in the codebook twice");
        refused(&|b| b.variables[0].codes[1].name = "volledig".into(), "“volledig” is in the codebook twice");
        refused(&|b| b.variables[1].codes[0].key = Some("1".into()), "“volledig” and “economie” are both on key 1");
        refused(&|b| b.variables[0].codes[0].name = "<b>x</b>".into(), "HTML");
        refused(&|b| b.variables[0].codes[0].example = "<script>x</script>".into(), "example of code “volledig”");
        refused(&|b| b.variables[0].codes[0].definition = "<img src=x>".into(), "HTML");
        refused(&|b| b.variables[2].name = "  ".into(), "Variable 3");
    }

    #[test]
    fn kinds_and_levels_as_a_file_spells_them() {
        assert_eq!(
            variable("v", "one-of", "document").map(|v| (v.kind, v.level)),
            Ok((VariableKind::OneOf, Level::Document))
        );
        assert_eq!(variable("v", "any-of", "").map(|v| v.level), Ok(Level::Answer), "the level defaults to answer");
        assert!(variable("v", "single", "answer").unwrap_err().to_string().contains("“single” is not “one-of”"));
        assert!(variable("v", "any-of", "zin").unwrap_err().to_string().contains("level “zin”"));
    }

    #[test]
    fn markdown_for_an_appendix() {
        insta::assert_snapshot!(markdown(&book(), Lang::English));
    }

    #[test]
    fn markdown_in_dutch() {
        let md = markdown(&book(), Lang::Dutch);
        assert!(md.starts_with("# Codeboek\n\n3 variabelen, 3 codes.\n"), "{md}");
        assert!(md.contains("- Niveau: document\n- Soort: één van"), "{md}");
        assert!(md.contains("### volledig (toets 1)"), "{md}");
        assert!(md.contains("**Voorbeeld:** (geen)"), "{md}");
        assert!(md.contains("Nog geen codes."), "{md}");
        assert_eq!(Lang::from_code("nl-BE"), Lang::Dutch);
        assert_eq!(Lang::from_code("en"), Lang::English);
    }
}
