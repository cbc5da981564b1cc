//! The filter bar as a line editor: cursor motion and deletion at the cursor, recalling earlier
//! queries, and pasted text.

use super::{Effect, Model};
use crate::action::{Action, Edit};

impl Model {
    /// A line-editing action of the filter bar (ignored when the filter bar is not typing).
    pub(super) fn line_edit(&mut self, action: Action) -> Vec<Effect> {
        if !self.chrome.typing() {
            return Vec::new();
        }
        let n = self.library.len();
        let requery = match action {
            Action::FilterEdit(edit) => {
                if matches!(edit, Edit::Delete | Edit::KillStart | Edit::KillEnd) {
                    self.search.history_mut().stop_browsing();
                }
                self.search.edit(|f| apply(f, edit), n)
            }
            Action::FilterOlder | Action::FilterNewer => {
                let typed = self.filter().as_str().to_string();
                let history = self.search.history_mut();
                let recalled = if action == Action::FilterOlder {
                    history.older(&typed)
                } else {
                    history.newer()
                };
                let Some(recalled) = recalled.map(str::to_string) else {
                    self.chrome.set_status(if action == Action::FilterOlder {
                        "no earlier query"
                    } else {
                        "no later query"
                    });
                    return Vec::new();
                };
                self.search.edit(|f| f.set(&recalled), n)
            }
            Action::Paste(text) => {
                self.search.history_mut().stop_browsing();
                self.search.edit(|f| f.insert_str(&text), n)
            }
            _ => return Vec::new(),
        };
        self.requery(requery)
    }
}

pub(super) fn apply(f: &mut super::FilterText, edit: Edit) {
    match edit {
        Edit::Left => f.left(),
        Edit::Right => f.right(),
        Edit::WordLeft => f.word_left(),
        Edit::WordRight => f.word_right(),
        Edit::Home => f.home(),
        Edit::End => f.end(),
        Edit::Delete => f.delete(),
        Edit::KillStart => f.kill_start(),
        Edit::KillEnd => f.kill_end(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(model: &mut Model, text: &str) {
        for c in text.chars() {
            model.update(Action::FilterChar(c));
        }
    }

    #[test]
    fn the_filter_bar_edits_at_its_cursor() {
        let mut model = Model::default();
        model.update(Action::Resize(100, 30));
        model.update(Action::Paste("ignored".into()));
        assert_eq!(
            model.filter().as_str(),
            "",
            "a paste outside the bar is dropped"
        );
        model.update(Action::Filter);
        typed(&mut model, "gordon");
        model.update(Action::FilterEdit(Edit::Home));
        typed(&mut model, "tony | ");
        assert_eq!(model.filter().as_str(), "tony | gordon");
        assert_eq!(model.filter().cursor(), 7);
        model.update(Action::FilterEdit(Edit::KillEnd));
        model.update(Action::Paste("brown\nblair".into()));
        assert_eq!(model.filter().as_str(), "tony | brown blair");
        model.update(Action::FilterEdit(Edit::WordLeft));
        model.update(Action::FilterEdit(Edit::KillStart));
        assert_eq!(model.filter().as_str(), "blair");
    }

    #[test]
    fn accepted_queries_are_recalled_and_kept_in_the_session() {
        let mut model = Model::default();
        model.update(Action::Resize(100, 30));
        for q in ["oslo", "kabul", "oslo"] {
            model.update(Action::Filter);
            model.update(Action::FilterEdit(Edit::KillStart));
            typed(&mut model, q);
            model.update(Action::FilterAccept);
        }
        assert_eq!(model.session().history, ["kabul", "oslo"]);
        model.update(Action::Filter);
        model.update(Action::FilterEdit(Edit::KillStart));
        typed(&mut model, "ta");
        model.update(Action::FilterOlder);
        assert_eq!(model.filter().as_str(), "oslo");
        model.update(Action::FilterOlder);
        assert_eq!(model.filter().as_str(), "kabul");
        model.update(Action::FilterOlder);
        assert_eq!(model.status(), Some("no earlier query"));
        assert_eq!(model.filter().as_str(), "kabul");
        model.update(Action::FilterNewer);
        model.update(Action::FilterNewer);
        assert_eq!(model.filter().as_str(), "ta", "back to what was typed");

        let mut again = Model::default();
        again.update(Action::Restore(model.session()));
        again.update(Action::Filter);
        again.update(Action::FilterOlder);
        assert_eq!(again.filter().as_str(), "oslo");
    }
}
