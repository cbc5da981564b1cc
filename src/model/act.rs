//! Acting on what is read: the link window and opening a link or the article's own address,
//! the article in the editor or the pager, and piping it to a command. The model only says
//! what to do ([`Effect`]s); `app/external.rs` does it and reports back.

use std::sync::Arc;

use super::prompt::Answer;
use super::{Effect, Model, Overlay, Prompt, PromptKind};
use crate::action::Action;
use crate::corpus::Article;

pub use crate::export::article_text;

/// Where an article's text is shown outside folio.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    /// `$VISUAL`, else `$EDITOR`, else `vi`.
    Editor,
    /// `$PAGER`, else `less`.
    Pager,
}

/// What separates articles piped together: a line holding a form feed.
pub const SEPARATOR: &str = "\n\u{c}\n";

impl Model {
    /// The actions of this file (and the keys of an open prompt or link window); `None` when
    /// the action is none of them.
    pub(super) fn act(&mut self, action: &Action) -> Option<Vec<Effect>> {
        if let Some(prompt) = self.prompt.as_mut() {
            match prompt.take(action) {
                Answer::Editing => return Some(Vec::new()),
                Answer::Dropped => {
                    self.prompt = None;
                    return Some(Vec::new());
                }
                Answer::Given(answer) => {
                    let kind = prompt.kind;
                    self.prompt = None;
                    return Some(self.answered(kind, answer));
                }
                Answer::Pass => {}
            }
        }
        if let Some((Overlay::Links, row)) = self.chrome.overlay()
            && let Some(effects) = self.in_links(action, row)
        {
            return Some(effects);
        }
        if let Some((Overlay::Searches, row)) = self.chrome.overlay()
            && let Some(effects) = self.in_searches(action, row)
        {
            return Some(effects);
        }
        if let Some((Overlay::Outline, row)) = self.chrome.overlay()
            && self.in_outline(action, row)
        {
            return Some(Vec::new());
        }
        let effects = match action {
            Action::Links => {
                match self.current() {
                    Some(a) if !a.links.is_empty() || self.chrome.overlay().is_some() => {
                        self.chrome.toggle_overlay(Overlay::Links);
                    }
                    Some(_) => self.say("no links in this article"),
                    None => {}
                }
                Vec::new()
            }
            Action::OpenAddress => match self.current().map(|a| a.url.clone()) {
                Some(Some(url)) => vec![Effect::OpenUrl(url)],
                Some(None) => {
                    self.say("this article has no address of its own");
                    Vec::new()
                }
                None => Vec::new(),
            },
            Action::EditArticle | Action::PageArticle => match self.current() {
                Some(article) => {
                    let viewer = if *action == Action::EditArticle {
                        Viewer::Editor
                    } else {
                        Viewer::Pager
                    };
                    vec![Effect::View(viewer, article_text(&article))]
                }
                None => Vec::new(),
            },
            Action::PipeArticle => {
                if self.current().is_some() {
                    self.prompt = Some(Prompt::new(PromptKind::Pipe, ""));
                    let marked = self.library.marked();
                    if marked > 0 {
                        self.say(format!("piping the {marked} marked articles"));
                    }
                }
                Vec::new()
            }
            Action::ExportArticles => {
                let chosen = self.chosen();
                if !chosen.is_empty() {
                    self.prompt = Some(Prompt::new(PromptKind::Export, "folio-export.jsonl"));
                    let what = self.chosen_name(chosen.len());
                    self.say(format!("exporting {what}"));
                }
                Vec::new()
            }
            Action::MarkAllRead(read) => {
                let chosen = self.chosen();
                for id in &chosen {
                    self.library.set_state(*id, |s| s.read = *read);
                }
                let what = self.chosen_name(chosen.len());
                self.say(format!(
                    "marked {what} {}",
                    if *read { "read" } else { "unread" }
                ));
                Vec::new()
            }
            Action::UnmarkAll => {
                let marked = self.marked_ids();
                for id in &marked {
                    self.library.set_state(*id, |s| s.marked = false);
                }
                if self.list.marked_only() {
                    self.list.toggle_marked_only();
                    self.rebuild_list(self.selected_id());
                }
                self.say(match marked.len() {
                    0 => "no marked articles".to_string(),
                    1 => "unmarked 1 article".to_string(),
                    n => format!("unmarked {n} articles"),
                });
                Vec::new()
            }
            Action::Tag => {
                if self.current().is_some() {
                    self.prompt = Some(Prompt::new(PromptKind::Tag, ""));
                    let marked = self.library.marked();
                    if marked > 0 {
                        self.say(format!("tagging the {marked} marked articles"));
                    }
                }
                Vec::new()
            }
            Action::SaveSearch => {
                if self.filter().as_str().trim().is_empty() {
                    self.say("no filter to save: type one with /");
                } else {
                    self.prompt = Some(Prompt::new(PromptKind::SaveSearch, ""));
                }
                Vec::new()
            }
            Action::RunUserAction(i) => {
                let Some((_, run)) = self.user_actions.get(*i).cloned() else {
                    return Some(Vec::new());
                };
                let text: Vec<String> = self
                    .marked_or_current()
                    .iter()
                    .map(|a| article_text(a))
                    .collect();
                if text.is_empty() {
                    return Some(Vec::new());
                }
                vec![Effect::Pipe {
                    command: run,
                    text: text.join(SEPARATOR),
                }]
            }
            Action::Outline => {
                match self.current() {
                    _ if matches!(self.chrome.overlay(), Some((Overlay::Outline, _))) => {
                        self.chrome.toggle_overlay(Overlay::Outline);
                    }
                    Some(a) if !super::outline(&a).is_empty() => {
                        self.chrome.toggle_overlay(Overlay::Outline);
                    }
                    Some(_) => self.say("no headings in this article"),
                    None => {}
                }
                Vec::new()
            }
            Action::GoToPercent => {
                if self.current().is_some() {
                    self.prompt = Some(Prompt::new(PromptKind::Percent, ""));
                }
                Vec::new()
            }
            Action::SavedSearches => {
                if matches!(self.chrome.overlay(), Some((Overlay::Searches, _))) {
                    self.chrome.toggle_overlay(Overlay::Searches);
                    return Some(Vec::new());
                }
                let all = self.saved.all();
                if all.is_empty() {
                    self.say("no saved searches: = saves the filter");
                    return Some(Vec::new());
                }
                self.chrome.toggle_overlay(Overlay::Searches);
                let queries = all
                    .iter()
                    .map(|s| crate::search::Query::parse(&crate::tags::split_tags(&s.query).0))
                    .collect();
                vec![Effect::Count(queries, self.library.articles().to_vec())]
            }
            _ => return None,
        };
        Some(effects)
    }

    /// Says `message` on the bottom row, over a filter too.
    pub(super) fn say(&mut self, message: impl Into<String>) {
        self.chrome.set_status(message);
        self.reported = true;
    }

    /// The article the keys act on: the selected one, with its paragraphs and links.
    fn current(&self) -> Option<Arc<Article>> {
        self.selected_id()
            .and_then(|id| self.library.get(id))
            .map(Article::full)
    }

    /// The marked articles, in the order they were loaded; the selected one when none is.
    fn marked_or_current(&self) -> Vec<Arc<Article>> {
        let marked: Vec<Arc<Article>> = self
            .library
            .articles()
            .iter()
            .enumerate()
            .filter(|(id, _)| u32::try_from(*id).is_ok_and(|id| self.library.state(id).marked))
            .map(|(_, a)| Article::full(a))
            .collect();
        if marked.is_empty() {
            self.current().into_iter().collect()
        } else {
            marked
        }
    }

    /// The marked articles' ids, or the selected one's when none is marked.
    fn marked_or_current_ids(&self) -> Vec<u32> {
        let marked = self.marked_ids();
        if marked.is_empty() {
            self.selected_id().into_iter().collect()
        } else {
            marked
        }
    }

    /// The ids of the marked articles, in the order they were loaded.
    fn marked_ids(&self) -> Vec<u32> {
        (0..self.library.len())
            .filter_map(|id| u32::try_from(id).ok())
            .filter(|id| self.library.state(*id).marked)
            .collect()
    }

    /// What bulk actions act on: the marked articles, or the list shown when none is.
    fn chosen(&self) -> Vec<u32> {
        let marked = self.marked_ids();
        if marked.is_empty() {
            self.list.shown().iter().map(|r| r.id).collect()
        } else {
            marked
        }
    }

    /// `the 3 marked articles` or `the 12 articles listed`.
    fn chosen_name(&self, n: usize) -> String {
        let s = if n == 1 { "" } else { "s" };
        if self.library.marked() > 0 {
            format!("the {n} marked article{s}")
        } else {
            format!("the {n} article{s} listed")
        }
    }

    /// What the answer to a prompt asks for.
    fn answered(&mut self, kind: PromptKind, answer: String) -> Vec<Effect> {
        match kind {
            PromptKind::Pipe if answer.is_empty() => Vec::new(),
            PromptKind::Pipe => {
                let text: Vec<String> = self
                    .marked_or_current()
                    .iter()
                    .map(|a| article_text(a))
                    .collect();
                vec![Effect::Pipe {
                    command: answer,
                    text: text.join(SEPARATOR),
                }]
            }
            PromptKind::Tag => {
                let Some(tag) = crate::tags::clean_tag(&answer) else {
                    return Vec::new();
                };
                let ids = self.marked_or_current_ids();
                let adding = !ids.iter().all(|id| self.library.state(*id).has_tag(&tag));
                for id in &ids {
                    self.library.set_state(*id, |s| {
                        if s.has_tag(&tag) != adding {
                            s.toggle_tag(&tag);
                        }
                    });
                }
                let what = match ids.len() {
                    1 => "the article".to_string(),
                    n => format!("{n} articles"),
                };
                self.say(if adding {
                    format!("tagged {what} {tag}")
                } else {
                    format!("took the tag {tag} off {what}")
                });
                if !self.search.tags().is_empty() {
                    self.rebuild_list(self.selected_id());
                }
                Vec::new()
            }
            PromptKind::SaveSearch => {
                let name = crate::text::sanitize_text(answer.trim());
                if name.is_empty() {
                    return Vec::new();
                }
                let query = self.filter().as_str().trim().to_owned();
                let replaced = self.saved.save(&name, &query);
                self.say(format!(
                    "{} search \"{name}\": {query}",
                    if replaced {
                        "replaced the"
                    } else {
                        "saved the"
                    }
                ));
                Vec::new()
            }
            PromptKind::Percent => {
                match answer.trim_end_matches('%').trim().parse::<u8>() {
                    Ok(percent) if percent <= 100 => {
                        self.reader.go_to_percent(percent);
                        self.read_here();
                    }
                    _ if answer.is_empty() => {}
                    _ => self.say("a percentage is a whole number from 0 to 100"),
                }
                Vec::new()
            }
            PromptKind::Export if answer.is_empty() => Vec::new(),
            PromptKind::Export => {
                let articles = self
                    .chosen()
                    .into_iter()
                    .filter_map(|id| self.library.get(id).map(Article::full))
                    .collect();
                vec![Effect::Export {
                    path: answer,
                    roots: self.roots.clone(),
                    articles,
                }]
            }
        }
    }
}

mod windows;

#[cfg(test)]
mod tests;
