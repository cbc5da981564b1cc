//! Saved searches: the ones named in this corpus (`=`, kept in its state file) and the ones
//! the settings name for every corpus (`[searches]`), listed in a window that opens each.

/// The saved searches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saved {
    /// This corpus's, in the order they were saved: name, query.
    kept: Vec<(String, String)>,
    /// The settings', for every corpus.
    global: Vec<(String, String)>,
}

/// One saved search as the window lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedSearch {
    pub name: String,
    pub query: String,
    /// From the settings (not this corpus's state).
    pub global: bool,
}

impl Saved {
    /// This corpus's searches, for its state file.
    pub fn kept(&self) -> &[(String, String)] {
        &self.kept
    }

    pub fn set_kept(&mut self, kept: Vec<(String, String)>) {
        self.kept = kept;
    }

    pub fn set_global(&mut self, global: Vec<(String, String)>) {
        self.global = global;
    }

    /// Every search, this corpus's first; a global one of the same name as one of this
    /// corpus's is left out.
    pub fn all(&self) -> Vec<SavedSearch> {
        let mut out: Vec<SavedSearch> = self
            .kept
            .iter()
            .map(|(name, query)| SavedSearch {
                name: name.clone(),
                query: query.clone(),
                global: false,
            })
            .collect();
        for (name, query) in &self.global {
            if !self.kept.iter().any(|(n, _)| n == name) {
                out.push(SavedSearch {
                    name: name.clone(),
                    query: query.clone(),
                    global: true,
                });
            }
        }
        out
    }

    /// Saves `query` as `name`, in place of a search of that name; whether one was replaced.
    pub fn save(&mut self, name: &str, query: &str) -> bool {
        if let Some(slot) = self.kept.iter_mut().find(|(n, _)| n == name) {
            slot.1 = query.to_owned();
            return true;
        }
        self.kept.push((name.to_owned(), query.to_owned()));
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_searches_come_first_and_win_over_global_ones_of_their_name() {
        let mut s = Saved::default();
        s.set_global(vec![
            ("world".into(), "g".into()),
            ("iran".into(), "g2".into()),
        ]);
        assert!(!s.save("iran", "tag:iran"));
        assert!(s.save("iran", "tag:iran oil"));
        let all = s.all();
        let names: Vec<(&str, &str, bool)> = all
            .iter()
            .map(|s| (s.name.as_str(), s.query.as_str(), s.global))
            .collect();
        assert_eq!(
            names,
            [("iran", "tag:iran oil", false), ("world", "g", true)]
        );
        assert_eq!(s.kept(), [("iran".to_string(), "tag:iran oil".to_string())]);
    }
}
