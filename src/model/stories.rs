//! The stories sub-model: the latest grouping from the stories worker, whether repeats are
//! hidden from the list (they are at first), and the related-reports window (`r`): the other
//! reports of one article's story, one of them chosen.

use std::borrow::Cow;
use std::sync::Arc;

use crate::search::Ranked;
use crate::stories::Grouping;

/// The window of related reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    /// The article whose story it shows.
    pub of: u32,
    /// The story's other articles, in id order.
    pub others: Vec<u32>,
    /// The chosen row.
    pub selected: usize,
}

/// Grouping, repeats and the related window.
#[derive(Debug, Default)]
pub struct Stories {
    grouping: Option<Arc<Grouping>>,
    show_repeats: bool,
    /// Repeats left out of the list the last time it was built.
    hidden: usize,
    window: Option<Related>,
    /// The article a related report was opened from, to go back to.
    origin: Option<u32>,
}

impl Stories {
    /// The latest grouping, once there is one.
    pub fn grouping(&self) -> Option<&Grouping> {
        self.grouping.as_deref()
    }

    pub fn set_grouping(&mut self, grouping: Arc<Grouping>) {
        self.grouping = Some(grouping);
    }

    /// The other reports of `id`'s story (0 while it is not grouped yet).
    pub fn others(&self, id: u32) -> usize {
        self.grouping()
            .map_or(0, |g| g.members(id).len().saturating_sub(1))
    }

    /// The article `id` repeats, if any.
    pub fn duplicate_of(&self, id: u32) -> Option<u32> {
        self.grouping().and_then(|g| g.duplicate_of(id))
    }

    /// Whether repeats are shown in the list.
    pub fn showing_repeats(&self) -> bool {
        self.show_repeats
    }

    pub fn toggle_repeats(&mut self) {
        self.show_repeats = !self.show_repeats;
    }

    /// How many repeats the list leaves out.
    pub fn hidden(&self) -> usize {
        self.hidden
    }

    /// `ranked` without the articles that do not name every one of `entities` (none at all
    /// before the names are found), and without the repeats when they are hidden; counts the
    /// repeats it leaves out.
    pub fn collapse<'r>(&mut self, ranked: &'r [Ranked], entities: &[String]) -> Cow<'r, [Ranked]> {
        self.hidden = 0;
        let ranked: Cow<'r, [Ranked]> = if entities.is_empty() {
            Cow::Borrowed(ranked)
        } else {
            Cow::Owned(self.naming(ranked, entities))
        };
        match self.collapse_repeats(&ranked) {
            Cow::Borrowed(_) => ranked,
            Cow::Owned(kept) => Cow::Owned(kept),
        }
    }

    /// The articles of `ranked` that name all of `entities` (compared without case).
    fn naming(&self, ranked: &[Ranked], entities: &[String]) -> Vec<Ranked> {
        let Some(g) = self.grouping() else {
            return Vec::new();
        };
        let names = g.names();
        let wanted: Vec<String> = entities.iter().map(|e| e.to_lowercase()).collect();
        ranked
            .iter()
            .filter(|r| {
                let have: Vec<String> = g
                    .entities(r.id)
                    .iter()
                    .filter_map(|&n| names.names.get(n as usize))
                    .map(|n| n.to_lowercase())
                    .collect();
                wanted.iter().all(|w| have.contains(w))
            })
            .copied()
            .collect()
    }

    fn collapse_repeats<'r>(&mut self, ranked: &'r [Ranked]) -> Cow<'r, [Ranked]> {
        let Some(g) = self.grouping.as_deref().filter(|_| !self.show_repeats) else {
            return Cow::Borrowed(ranked);
        };
        if g.repeats() == 0 {
            return Cow::Borrowed(ranked);
        }
        let kept: Vec<Ranked> = ranked
            .iter()
            .filter(|r| !g.is_repeat(r.id))
            .cloned()
            .collect();
        self.hidden = ranked.len() - kept.len();
        Cow::Owned(kept)
    }

    // ---- the related window --------------------------------------------------------------

    /// The window, when open.
    pub fn window(&self) -> Option<&Related> {
        self.window.as_ref()
    }

    /// Opens the window on `id`'s story; `false` (and nothing opens) when it has no other
    /// reports or the grouping has not come yet.
    pub fn open_window(&mut self, id: u32) -> bool {
        let others = self.grouping().map(|g| g.others(id)).unwrap_or_default();
        if others.is_empty() {
            return false;
        }
        self.window = Some(Related {
            of: id,
            others,
            selected: 0,
        });
        true
    }

    pub fn close_window(&mut self) {
        self.window = None;
    }

    /// Moves the window's choice by `delta` rows, within the list.
    pub fn move_choice(&mut self, delta: isize) {
        if let Some(w) = &mut self.window {
            let last = w.others.len().saturating_sub(1);
            w.selected = w.selected.saturating_add_signed(delta).min(last);
        }
    }

    /// Closes the window and hands back the chosen report, remembering where it was opened
    /// from.
    pub fn choose(&mut self) -> Option<u32> {
        let w = self.window.take()?;
        let chosen = w.others.get(w.selected).copied()?;
        self.origin = Some(w.of);
        Some(chosen)
    }

    /// The article to go back to, once (taken).
    pub fn take_origin(&mut self) -> Option<u32> {
        self.origin.take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;

    fn ranked(ids: &[u32]) -> Vec<Ranked> {
        ids.iter()
            .map(|&id| Ranked {
                id,
                hits: 0,
                score: 0,
                in_title: false,
            })
            .collect()
    }

    /// 0 and 1 one story, 2 a verbatim copy of 0, 3 and the rest alone.
    fn grouping() -> Arc<Grouping> {
        let text: Vec<String> = (0..40)
            .map(|i| format!("word{i} other{i} more{i}."))
            .collect();
        let report = |title: &str, paragraphs: Vec<String>| {
            Arc::new(Article {
                title: title.into(),
                paragraphs,
                ..Article::default()
            })
        };
        let mut most = text[..30].to_vec();
        most.extend((0..10).map(|i| format!("fresh{i} new{i} now{i}.")));
        let other = |n: usize| -> Vec<String> {
            (0..40).map(|i| format!("else{n}x{i} apart{i}.")).collect()
        };
        let mut engine = crate::stories::Stories::new();
        let mut articles = vec![
            report("a", text.clone()),
            report("b", most),
            report("c", text),
        ];
        articles.extend((0..7).map(|n| report("d", other(n))));
        engine.add(&articles);
        Arc::new(engine.grouping())
    }

    #[test]
    fn repeats_are_hidden_until_shown() {
        let mut s = Stories::default();
        let all = ranked(&[0, 1, 2, 3]);
        assert_eq!(
            s.collapse(&all, &[]).len(),
            4,
            "nothing is hidden before grouping"
        );
        s.set_grouping(grouping());
        assert_eq!(s.duplicate_of(2), Some(0));
        let ids: Vec<u32> = s.collapse(&all, &[]).iter().map(|r| r.id).collect();
        assert_eq!(ids, [0, 1, 3]);
        assert_eq!(s.hidden(), 1);
        s.toggle_repeats();
        assert_eq!(s.collapse(&all, &[]).len(), 4);
        assert_eq!(s.hidden(), 0);
    }

    #[test]
    fn the_window_lists_the_other_reports_and_remembers_where_it_came_from() {
        let mut s = Stories::default();
        assert!(!s.open_window(0), "no window before grouping");
        s.set_grouping(grouping());
        assert_eq!(s.others(0), 2);
        assert!(!s.open_window(3), "a story of one has no window");
        assert!(s.window().is_none());
        assert!(s.open_window(0));
        assert_eq!(s.window().map(|w| w.others.clone()), Some(vec![1, 2]));
        s.move_choice(5);
        assert_eq!(s.window().map(|w| w.selected), Some(1));
        s.move_choice(-9);
        s.move_choice(1);
        assert_eq!(s.choose(), Some(2));
        assert!(s.window().is_none());
        assert_eq!(s.take_origin(), Some(0));
        assert_eq!(s.take_origin(), None);
    }
}
