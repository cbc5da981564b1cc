//! The chrome around the panes: which pane has the keys, the overlay, reading mode, the status
//! line, and the layout for the screen's size (computed when the size or the view changes,
//! never while drawing).

use ratatui::layout::Rect;

use crate::action::Action;
use crate::layout::{LIST_SHARE, LIST_SHARE_STEP, LIST_SHARES, Layout, READING_WIDTH, View};

/// Which pane keys go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
    Filter,
}

/// A window drawn over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Skipped,
    /// The open article's links; the scroll is the chosen one.
    Links,
    /// The saved searches; the scroll is the chosen one.
    Searches,
    /// The open article's headings; the scroll is the chosen one.
    Outline,
}

/// What an overlay made of an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverlayOutcome {
    /// The overlay took it (scrolled, switched, closed).
    Taken,
    /// Not the overlay's business (a resize, quitting, suspending).
    Pass,
}

/// Focus, overlay, reading mode, status and the cached layout.
#[derive(Debug)]
pub struct Chrome {
    focus: Focus,
    overlay: Option<Overlay>,
    overlay_scroll: usize,
    reading_mode: bool,
    reading_width: u16,
    /// The list's share of the width, in percent, and whether the user chose it.
    list_share: u16,
    list_share_chosen: bool,
    screen: Rect,
    layout: Layout,
    status: Option<String>,
}

impl Default for Chrome {
    fn default() -> Self {
        Chrome {
            focus: Focus::List,
            overlay: None,
            overlay_scroll: 0,
            reading_mode: false,
            reading_width: READING_WIDTH,
            list_share: LIST_SHARE,
            list_share_chosen: false,
            screen: Rect::default(),
            layout: Layout::default(),
            status: None,
        }
    }
}

impl Chrome {
    /// Which pane has focus.
    pub fn focus(&self) -> Focus {
        self.focus
    }
    /// The overlay shown, if any, and its scroll.
    pub fn overlay(&self) -> Option<(Overlay, usize)> {
        self.overlay.map(|o| (o, self.overlay_scroll))
    }
    /// True in full-width reading mode.
    pub fn reading_mode(&self) -> bool {
        self.reading_mode
    }
    /// The screen's layout, as of the last change of size or view.
    pub fn layout(&self) -> Layout {
        self.layout
    }
    /// The view flags the layout depends on.
    pub fn view(&self) -> View {
        View {
            reader_shown: self.focus == Focus::Reader,
            reading_mode: self.reading_mode,
            reading_width: self.reading_width,
            list_share: self.list_share,
        }
    }
    /// A one-line message for the status line.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }
    /// Whether keys are text for the filter bar.
    pub fn typing(&self) -> bool {
        self.focus == Focus::Filter && self.overlay.is_none()
    }
    /// Whether motion keys scroll the reader (rather than move in the list).
    pub fn reader_has_keys(&self) -> bool {
        self.focus == Focus::Reader || self.reading_mode
    }
    /// Rows the list pane shows.
    pub fn list_rows(&self) -> usize {
        usize::from(self.layout.list.height.saturating_sub(2))
    }

    pub fn set_status(&mut self, message: impl Into<String>) {
        self.status = Some(message.into());
    }

    pub fn clear_status(&mut self) {
        self.status = None;
    }

    pub fn set_screen(&mut self, width: u16, height: u16) {
        self.screen = Rect::new(0, 0, width, height);
        self.relayout();
    }

    /// The list's share of the width when the user chose one (to remember it).
    pub fn chosen_list_share(&self) -> Option<u16> {
        self.list_share_chosen.then_some(self.list_share)
    }

    /// Sets the list's share (as remembered), within [`LIST_SHARES`].
    pub fn set_list_share(&mut self, share: u16) {
        self.list_share = share.clamp(*LIST_SHARES.start(), *LIST_SHARES.end());
        self.list_share_chosen = true;
        self.relayout();
    }

    /// `<` and `>`: the list a step narrower or wider; false when it is as narrow or wide as
    /// it gets.
    pub fn widen_list(&mut self, wider: bool) -> bool {
        let share = if wider {
            self.list_share.saturating_add(LIST_SHARE_STEP)
        } else {
            self.list_share.saturating_sub(LIST_SHARE_STEP)
        };
        if !LIST_SHARES.contains(&share) {
            return false;
        }
        self.set_list_share(share);
        true
    }

    pub fn set_reading_width(&mut self, width: u16) {
        self.reading_width = width.clamp(20, 1000);
        self.relayout();
    }

    pub fn set_focus(&mut self, focus: Focus) {
        self.focus = focus;
        self.relayout();
    }

    pub fn set_reading_mode(&mut self, on: bool) {
        self.reading_mode = on;
        self.relayout();
    }

    /// Tab: the list gives the keys to the reader, anything else to the list.
    pub fn switch_pane(&mut self) {
        self.set_focus(match self.focus {
            Focus::List => Focus::Reader,
            Focus::Reader | Focus::Filter => Focus::List,
        });
    }

    /// Opens an overlay at its top, or closes it when it is the one open.
    pub fn toggle_overlay(&mut self, overlay: Overlay) {
        self.overlay = (self.overlay != Some(overlay)).then_some(overlay);
        self.overlay_scroll = 0;
    }

    /// Moves an overlay's scroll (a window's chosen line) to `scroll`.
    pub fn set_overlay_scroll(&mut self, scroll: usize) {
        self.overlay_scroll = scroll;
    }

    /// While an overlay is open, motion keys scroll it, `?` and `S` switch it, and anything else
    /// but a resize, quitting or suspending closes it.
    pub fn overlay_action(&mut self, action: &Action) -> OverlayOutcome {
        if self.overlay.is_none() {
            return OverlayOutcome::Pass;
        }
        let scroll = &mut self.overlay_scroll;
        match action {
            Action::Quit | Action::Suspend | Action::Resize(..) => return OverlayOutcome::Pass,
            Action::Down => *scroll += 1,
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::PageDown => *scroll += 10,
            Action::PageUp => *scroll = scroll.saturating_sub(10),
            Action::Top => *scroll = 0,
            Action::Help => self.toggle_overlay(Overlay::Help),
            Action::Skipped => self.toggle_overlay(Overlay::Skipped),
            _ => self.overlay = None,
        }
        OverlayOutcome::Taken
    }

    fn relayout(&mut self) {
        self.layout = Layout::new(self.screen, self.view());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_follows_size_and_view() {
        let mut c = Chrome::default();
        assert_eq!(c.layout(), Layout::default());
        c.set_screen(100, 30);
        assert_eq!(c.layout().filter.y, 29);
        assert_eq!(c.list_rows(), 27);
        c.set_reading_mode(true);
        assert_eq!(c.layout().list.area(), 0, "reading mode hides the list");
        assert!(c.reader_has_keys());
        c.set_reading_mode(false);
        c.set_screen(40, 12);
        c.switch_pane();
        assert_eq!(c.focus(), Focus::Reader);
        assert_eq!(c.layout().reader.width, 40, "narrow: the reader alone");
    }

    #[test]
    fn overlays_scroll_switch_and_close() {
        let mut c = Chrome::default();
        assert_eq!(c.overlay_action(&Action::Down), OverlayOutcome::Pass);
        c.toggle_overlay(Overlay::Help);
        for _ in 0..3 {
            assert_eq!(c.overlay_action(&Action::Down), OverlayOutcome::Taken);
        }
        c.overlay_action(&Action::Up);
        assert_eq!(c.overlay(), Some((Overlay::Help, 2)));
        c.overlay_action(&Action::Skipped);
        assert_eq!(c.overlay(), Some((Overlay::Skipped, 0)));
        assert_eq!(c.overlay_action(&Action::Quit), OverlayOutcome::Pass);
        assert_eq!(
            c.overlay_action(&Action::Resize(1, 1)),
            OverlayOutcome::Pass
        );
        assert_eq!(c.overlay_action(&Action::NextHit), OverlayOutcome::Taken);
        assert_eq!(c.overlay(), None);
    }

    #[test]
    fn the_list_widens_and_narrows_in_steps_within_bounds() {
        let mut c = Chrome::default();
        c.set_screen(100, 30);
        assert_eq!(c.layout().list.width, 40);
        assert_eq!(
            c.chosen_list_share(),
            None,
            "nothing chosen, nothing to remember"
        );
        assert!(c.widen_list(true));
        assert_eq!(c.layout().list.width, 45);
        assert_eq!(c.chosen_list_share(), Some(45));
        for _ in 0..20 {
            c.widen_list(false);
        }
        assert!(!c.widen_list(false), "as narrow as it gets");
        assert_eq!(c.chosen_list_share(), Some(20));
        assert_eq!(c.layout().list.width, 30, "the minimum pane");
        c.set_list_share(500);
        assert_eq!(c.chosen_list_share(), Some(75));
    }

    #[test]
    fn typing_needs_the_filter_and_no_overlay() {
        let mut c = Chrome::default();
        c.set_focus(Focus::Filter);
        assert!(c.typing());
        c.toggle_overlay(Overlay::Help);
        assert!(!c.typing());
    }
}
