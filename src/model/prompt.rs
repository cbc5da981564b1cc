//! A question on the bottom row (a command to pipe to, a file to write, a tag, a name), edited
//! with the filter bar's keys: Enter answers it, Esc drops it.

use super::FilterText;
use super::editing::apply;
use crate::action::Action;

/// What the answer is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// A shell command the article (or the marked ones) is piped to.
    Pipe,
    /// The file the marked articles (or the list shown) are exported to.
    Export,
    /// A tag to add to (or remove from) the article or the marked ones.
    Tag,
    /// The name to save the filter under.
    SaveSearch,
    /// How far through the text to go, in percent.
    Percent,
}

impl PromptKind {
    /// The question, as the bottom row asks it.
    pub fn label(self) -> &'static str {
        match self {
            PromptKind::Pipe => "pipe to command: ",
            PromptKind::Export => "export to file (.jsonl, .csv or .md): ",
            PromptKind::Tag => "tag (again to remove): ",
            PromptKind::SaveSearch => "save the filter as: ",
            PromptKind::Percent => "go to percent: ",
        }
    }
}

/// The question asked and the answer typed so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub text: FilterText,
}

/// What a key did to a prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Still asking.
    Editing,
    /// Enter: the answer.
    Given(String),
    /// Esc: no answer.
    Dropped,
    /// Not a key of the prompt's (a resize, quitting).
    Pass,
}

impl Prompt {
    pub fn new(kind: PromptKind, text: &str) -> Prompt {
        let mut field = FilterText::default();
        field.set(text);
        Prompt { kind, text: field }
    }

    /// Applies one action to the answer being typed.
    pub fn take(&mut self, action: &Action) -> Answer {
        match action {
            Action::FilterChar(c) => self.text.insert(*c),
            Action::FilterBackspace => self.text.backspace(),
            Action::FilterDeleteWord => self.text.delete_word(),
            Action::FilterEdit(edit) => apply(&mut self.text, *edit),
            Action::Paste(text) => self.text.insert_str(text),
            Action::FilterOlder | Action::FilterNewer => {}
            Action::FilterAccept => return Answer::Given(self.text.as_str().trim().to_owned()),
            Action::FilterClear | Action::Back => return Answer::Dropped,
            _ => return Answer::Pass,
        }
        Answer::Editing
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action::Edit;

    #[test]
    fn a_prompt_edits_like_the_filter_bar_and_answers_on_enter() {
        let mut p = Prompt::new(PromptKind::Pipe, "wc");
        assert_eq!(p.take(&Action::FilterChar(' ')), Answer::Editing);
        p.take(&Action::Paste("-w".into()));
        p.take(&Action::FilterEdit(Edit::Home));
        p.take(&Action::FilterChar('x'));
        p.take(&Action::FilterEdit(Edit::Delete));
        assert_eq!(p.take(&Action::FilterAccept), Answer::Given("xc -w".into()));
        assert_eq!(p.take(&Action::Resize(1, 1)), Answer::Pass);
        assert_eq!(p.take(&Action::FilterClear), Answer::Dropped);
    }
}
