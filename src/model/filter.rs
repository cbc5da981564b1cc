//! The filter bar's text: what has been typed and where the cursor is.

/// The filter text being edited. The cursor is a char index, always at a char boundary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterText {
    text: String,
    cursor: usize,
}

impl FilterText {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The cursor, in chars from the start.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Replaces the text, cursor at the end.
    pub fn set(&mut self, text: &str) {
        self.text = text.to_string();
        self.cursor = self.text.chars().count();
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Inserts a character at the cursor.
    pub fn insert(&mut self, c: char) {
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    /// Deletes the character before the cursor.
    pub fn backspace(&mut self) {
        if self.cursor == 0 {
            return;
        }
        let start = self.byte_at(self.cursor - 1);
        let end = self.byte_at(self.cursor);
        self.text.replace_range(start..end, "");
        self.cursor -= 1;
    }

    /// Deletes the word before the cursor (and the spaces after it), like readline's Ctrl-W.
    pub fn delete_word(&mut self) {
        let chars: Vec<char> = self.text.chars().collect();
        let mut start = self.cursor;
        while start > 0 && chars[start - 1] == ' ' {
            start -= 1;
        }
        while start > 0 && chars[start - 1] != ' ' {
            start -= 1;
        }
        let (a, b) = (self.byte_at(start), self.byte_at(self.cursor));
        self.text.replace_range(a..b, "");
        self.cursor = start;
    }

    /// Empties the text.
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_by_chars_not_bytes() {
        let mut f = FilterText::default();
        for c in "café 日本".chars() {
            f.insert(c);
        }
        assert_eq!(f.as_str(), "café 日本");
        f.backspace();
        assert_eq!(f.as_str(), "café 日");
        f.delete_word();
        assert_eq!(f.as_str(), "café ");
        f.delete_word();
        assert_eq!(f.as_str(), "");
        f.backspace();
        assert_eq!(f.cursor(), 0);
    }
}
