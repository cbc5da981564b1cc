//! The filter bar's text: what has been typed and where the cursor is, edited as readline
//! edits a line.

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

    /// Inserts pasted text at the cursor: line breaks and tabs become spaces, other control
    /// characters are dropped.
    pub fn insert_str(&mut self, text: &str) {
        for c in text.chars() {
            match c {
                '\n' | '\r' | '\t' => self.insert(' '),
                c if c.is_control() => {}
                c => self.insert(c),
            }
        }
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    /// Moves the cursor one character left or right.
    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }
    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.len());
    }

    /// Moves the cursor to the start or the end.
    pub fn home(&mut self) {
        self.cursor = 0;
    }
    pub fn end(&mut self) {
        self.cursor = self.len();
    }

    /// Moves the cursor to the start of this word or the one before (readline's Alt-B).
    pub fn word_left(&mut self) {
        let chars: Vec<char> = self.text.chars().collect();
        let mut at = self.cursor.min(chars.len());
        while at > 0 && !chars[at - 1].is_alphanumeric() {
            at -= 1;
        }
        while at > 0 && chars[at - 1].is_alphanumeric() {
            at -= 1;
        }
        self.cursor = at;
    }

    /// Moves the cursor to the end of this word or the next (readline's Alt-F).
    pub fn word_right(&mut self) {
        let chars: Vec<char> = self.text.chars().collect();
        let mut at = self.cursor.min(chars.len());
        while at < chars.len() && !chars[at].is_alphanumeric() {
            at += 1;
        }
        while at < chars.len() && chars[at].is_alphanumeric() {
            at += 1;
        }
        self.cursor = at;
    }

    /// Deletes the character at the cursor.
    pub fn delete(&mut self) {
        if self.cursor < self.len() {
            let (a, b) = (self.byte_at(self.cursor), self.byte_at(self.cursor + 1));
            self.text.replace_range(a..b, "");
        }
    }

    /// Deletes from the start to the cursor (Ctrl-U).
    pub fn kill_start(&mut self) {
        let at = self.byte_at(self.cursor);
        self.text.replace_range(..at, "");
        self.cursor = 0;
    }

    /// Deletes from the cursor to the end (Ctrl-K).
    pub fn kill_end(&mut self) {
        let at = self.byte_at(self.cursor);
        self.text.truncate(at);
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

    fn at(text: &str, cursor: usize) -> FilterText {
        let mut f = FilterText::default();
        f.set(text);
        f.cursor = cursor;
        f
    }

    #[test]
    fn the_cursor_moves_by_character_and_word() {
        let mut f = at("tony | gordon 日本", 0);
        f.left();
        assert_eq!(f.cursor(), 0);
        f.right();
        assert_eq!(f.cursor(), 1);
        f.word_right();
        assert_eq!(f.cursor(), 4, "end of tony");
        f.word_right();
        assert_eq!(f.cursor(), 13, "end of gordon, over the bar");
        f.word_right();
        assert_eq!(f.cursor(), 16, "end of 日本");
        f.right();
        assert_eq!(f.cursor(), 16);
        f.word_left();
        assert_eq!(f.cursor(), 14);
        f.word_left();
        assert_eq!(f.cursor(), 7);
        f.home();
        assert_eq!(f.cursor(), 0);
        f.end();
        assert_eq!(f.cursor(), 16);
    }

    #[test]
    fn deleting_at_before_and_after_the_cursor() {
        let mut f = at("café 日本", 3);
        f.delete();
        assert_eq!((f.as_str(), f.cursor()), ("caf 日本", 3));
        f.kill_end();
        assert_eq!((f.as_str(), f.cursor()), ("caf", 3));
        f.delete();
        assert_eq!(f.as_str(), "caf", "nothing at the end");
        let mut f = at("e\u{301}té 日本", 5);
        f.kill_start();
        assert_eq!((f.as_str(), f.cursor()), ("日本", 0));
        f.insert_str("a\nb\t\x1bc");
        assert_eq!((f.as_str(), f.cursor()), ("a b c日本", 5));
    }
}
