//! Union–find over article ids, whose roots are always the smallest id of their set, so a
//! group is named by its first article.

#[derive(Debug, Clone)]
pub(crate) struct Sets {
    parent: Vec<u32>,
}

impl Sets {
    pub(crate) fn new(n: usize) -> Sets {
        Sets {
            parent: (0..n as u32).collect(),
        }
    }

    /// The root (smallest id) of `id`'s set.
    pub(crate) fn find(&mut self, mut id: u32) -> u32 {
        while self.parent[id as usize] != id {
            let up = self.parent[self.parent[id as usize] as usize];
            self.parent[id as usize] = up;
            id = up;
        }
        id
    }

    /// Joins the sets of `a` and `b`.
    pub(crate) fn join(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (low, high) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[high as usize] = low;
    }

    /// Every id's root.
    pub(crate) fn roots(&mut self) -> Vec<u32> {
        (0..self.parent.len() as u32)
            .map(|id| self.find(id))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_are_the_smallest_ids() {
        let mut sets = Sets::new(6);
        sets.join(4, 2);
        sets.join(5, 4);
        sets.join(3, 1);
        assert_eq!(sets.roots(), [0, 1, 2, 1, 2, 2]);
        sets.join(5, 3);
        assert_eq!(sets.roots(), [0, 1, 1, 1, 1, 1]);
    }
}
