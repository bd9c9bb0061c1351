//! The parsed document: every construct the parser recognises, as UTF-8 byte
//! spans into the (newline-normalised) text.
//!
//! Nothing here knows about JSON, JavaScript or UTF-16: the boundary modules
//! (`annotation` for the export format, `view` for the DOM)
//! convert spans once, through `offsets::OffsetIndex`.

use serde::{Deserialize, Serialize};

/// An enum of unit variants, each with one fixed kebab-case name: the name is
/// written once, here, and used by `as_str` (the view, the page's CSS
/// classes) and by serde (the JSON), both ways.
macro_rules! named_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The kebab-case name, as in the JSON.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let name = String::deserialize(deserializer)?;
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == name)
                    .ok_or_else(|| serde::de::Error::unknown_variant(&name, &[$($text),*]))
            }
        }
    };
}

/// A half-open range of UTF-8 byte offsets `start..end` into the text.
///
/// Every span the parser produces lies inside the text and on char
/// boundaries (checked by `tests/invariants.rs` on every fixture).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    #[must_use]
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The text this span covers (empty when the span is not valid for `text`).
    #[must_use]
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    #[must_use]
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    #[must_use]
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

named_enum! {
    /// What kind of document was pasted (`document.kind` in the JSON).
    #[derive(Default)]
    pub enum DocKind {
        /// Questions with the government's answers.
        Answers = "answers",
        /// Questions only, not yet answered.
        Questions = "questions",
        /// A Mededeling / uitstelbericht: the answers are postponed.
        Postponement = "postponement",
        /// Anything else (the parser still reports what it found).
        #[default]
        Other = "other",
    }
}

/// A calendar date found in the header, with the span of its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HeaderDate {
    /// ISO 8601 `YYYY-MM-DD`.
    pub iso: String,
    pub span: Span,
}

/// A member of parliament who asked the questions: "het lid Boswijk (CDA)".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Asker {
    /// Surname with its prefix as printed ("Van Eijk", "Faber-van de Klashorst").
    pub name: String,
    /// Party as printed inside the parentheses ("GroenLinks-PvdA"); empty when none.
    pub party: String,
    /// The name as it stands in the text.
    pub span: Span,
}

/// A minister or state secretary the questions were addressed to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Addressee {
    /// "Minister voor Buitenlandse Handel en Ontwikkelingshulp".
    pub text: String,
    pub span: Span,
}

/// Who answered: "Minister Klever (Buitenlandse Handel en Ontwikkelingshulp)".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Respondent {
    /// "Minister", "Staatssecretaris", …
    pub role: String,
    pub name: String,
    /// The portfolio in parentheses; empty when none printed.
    pub portfolio: String,
    /// True for "mede namens …" (answered on behalf of).
    pub on_behalf: bool,
    pub span: Span,
}

/// The document's header: who asked whom about what, and when.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Header {
    pub kind: DocKind,
    /// "ah-tk-20232024-1481".
    pub id: Option<String>,
    /// "2023-2024".
    pub session_year: Option<String>,
    /// The Aanhangsel number ("1481").
    pub aanhangsel_nr: Option<u32>,
    /// What the questions are about ("over het onderzoek …" without "over").
    pub subject: Option<String>,
    pub askers: Vec<Asker>,
    pub addressees: Vec<Addressee>,
    pub respondents: Vec<Respondent>,
    /// "(ingezonden 8 augustus 2024)".
    pub submitted: Option<HeaderDate>,
    /// "(ontvangen 3 september 2024)".
    pub received: Option<HeaderDate>,
    /// A ministry letter's "Datum" line: when the answer was written.
    pub dated: Option<HeaderDate>,
    /// The "Vragen van …" paragraph.
    pub questions_intro: Option<Span>,
    /// The "Antwoord van …" paragraph.
    pub answer_intro: Option<Span>,
    /// A "Mededeling" block (postponement notice) when present.
    pub mededeling: Option<Span>,
}

/// Question or answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Question,
    Answer,
}

/// A question block ("Vraag 6 en 7" and its text) or an answer block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    /// "q1", "a6-7"; unique within the document.
    pub id: String,
    /// The numbers printed in the heading: "Vraag 6 en 7" → [6, 7].
    pub numbers: Vec<u32>,
    /// The heading ("Vraag 6 en 7", "Antwoord op vraag 1:"); empty when the
    /// block has no heading of its own.
    pub heading: Span,
    /// The whole extent of the block's content, heading excluded.
    pub span: Span,
    /// The ranges inside `span` that really belong to the block (page
    /// furniture and footnote definitions left out), in order.
    pub parts: Vec<Span>,
    /// The parts joined, line-end hyphenation undone, markers removed.
    pub text: String,
    /// For answers: indices into the question list of the blocks answered.
    pub questions: Vec<usize>,
    /// For answers: question numbers named by "zie (het) antwoord op vraag N".
    pub refers_to: Vec<u32>,
}

/// A footnote definition ("1 Tweede Kamer, vergaderjaar …") and its markers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Footnote {
    pub number: u32,
    /// The whole definition, number included, possibly over several lines.
    pub span: Span,
    /// The definition's text with the number left out, lines joined.
    pub text: String,
    /// Where the footnote is referred to ("veiligheid?1": the "1").
    pub markers: Vec<Span>,
}

/// Page debris that a PDF or Word conversion leaves in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FurnitureKind {
    /// First-page masthead: "Tweede Kamer der Staten-Generaal", "Vergaderjaar …".
    Masthead,
    /// Page footer: id, ISSN, "’s-Gravenhage 2024", page number.
    PageFooter,
    /// A running page header or a letter's address block.
    PageHeader,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Furniture {
    pub kind: FurnitureKind,
    pub span: Span,
}

/// How precise a date mention is (`dates[].precision`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
    Vague,
}

/// The role of a date in the header (`dates[].role`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateRole {
    Submitted,
    Received,
    /// A ministry letter's "Datum": when the answer was written.
    Dated,
}

/// A date mentioned in the text: "woensdag 31 juli jl." → 2024-07-31.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DateMention {
    pub span: Span,
    /// "2024-07-31" (day), "2024-07" (month), "2024" (year or vague).
    pub iso: String,
    pub precision: Precision,
    pub role: Option<DateRole>,
}

named_enum! {
    /// What a reference points at (`references[].kind`).
    pub enum RefKind {
        Url = "url",
        FootnoteMarker = "footnote-marker",
        Kamerstuk = "kamerstuk",
        Handelingen = "handelingen",
        Aanhangsel = "aanhangsel",
        Motion = "motion",
        EuLaw = "eu-law",
        Ecli = "ecli",
        UnRegulation = "un-regulation",
        LawArticle = "law-article",
        CrossReference = "cross-reference",
        /// Marked by the user (a correction), of no kind the parser knows.
        Other = "other",
    }
}

/// A reference to something outside the sentence: a URL, a Kamerstuk, a motion…
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reference {
    pub kind: RefKind,
    pub span: Span,
    /// A normalised identifier: the rejoined URL, "kst-21501-20-2068",
    /// "32019R2144", "ECLI:NL:RVS:2024:3946", "R155", an answer id…
    pub target: String,
    /// An http(s) link for the target, when there is one.
    pub url: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

named_enum! {
    /// What a [`Diagnostic`] is about: stable, for code to match on (the page,
    /// tests); the message is for people and may be reworded.
    pub enum DiagnosticCode {
        /// "Question number 8 is printed twice".
        DuplicateQuestion = "duplicate-question",
        /// "Answer number 3 is printed twice".
        DuplicateAnswer = "duplicate-answer",
        /// "Antwoord 12 answers no question block in this document".
        UnpairedAnswer = "unpaired-answer",
        /// "Vraag 10 has no answer".
        UnansweredQuestion = "unanswered-question",
        /// "No question numbered 6 before Vraag 7".
        QuestionGap = "question-gap",
        /// "The answer to Vraag 5 has no heading: it is taken to start at the
        /// paragraph after the question" (an answer block with an empty heading).
        AnswerWithoutHeading = "answer-without-heading",
        /// No "Vraag 1" or "Antwoord 1" anywhere: probably not Kamervragen.
        NoHeadings = "no-headings",
        /// "\"31 april 2024\" is not a day in the calendar".
        InvalidDate = "invalid-date",
        /// "\"dinsdag 31 juli 2024\": 2024-07-31 is a woensdag, not a dinsdag".
        WeekdayMismatch = "weekday-mismatch",
    }
}

/// Something the parser noticed: a missing answer, a duplicate number…
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: DiagnosticCode,
    /// The message in English.
    pub message: String,
    /// The values the message names, by name ("n" → "8"): the page words
    /// the message in the user's language from `code` and these.
    #[serde(skip)]
    pub params: Vec<(&'static str, String)>,
    pub span: Span,
}

/// Everything `parse` found in one text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Document {
    pub header: Header,
    pub questions: Vec<Block>,
    pub answers: Vec<Block>,
    pub footnotes: Vec<Footnote>,
    pub furniture: Vec<Furniture>,
    pub dates: Vec<DateMention>,
    pub references: Vec<Reference>,
    pub diagnostics: Vec<Diagnostic>,
}
