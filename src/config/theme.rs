//! The `[theme]` section: the user's colours and modifiers per role, laid over the built-in theme.

use std::collections::BTreeMap;

use ratatui::style::{Color, Modifier, Style};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::Report;
use super::color::{fit, indexed, parse_color, parse_modifier};
use crate::theme::{ColorDepth, Theme};

/// A role on screen, as the `[theme]` section names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Selection,
    Match,
    CurrentHit,
    Muted,
    Border,
    FocusedBorder,
    Title,
    Unread,
}

impl Role {
    /// Every role with its config name, in the order the default config lists them.
    pub const ALL: [(Role, &'static str); 8] = [
        (Role::Selection, "selection"),
        (Role::Match, "match"),
        (Role::CurrentHit, "current_hit"),
        (Role::Muted, "muted"),
        (Role::Border, "border"),
        (Role::FocusedBorder, "focused_border"),
        (Role::Title, "title"),
        (Role::Unread, "unread"),
    ];

    /// The role's config name.
    pub fn name(self) -> &'static str {
        Role::ALL
            .iter()
            .find(|(r, _)| *r == self)
            .map_or("", |(_, n)| *n)
    }

    fn by_name(name: &str) -> Option<Role> {
        Role::ALL.iter().find(|(_, n)| *n == name).map(|(r, _)| *r)
    }

    /// The role's style in a theme.
    pub fn style_mut(self, theme: &mut Theme) -> &mut Style {
        match self {
            Role::Selection => &mut theme.selection,
            Role::Match => &mut theme.matched,
            Role::CurrentHit => &mut theme.current_hit,
            Role::Muted => &mut theme.muted,
            Role::Border => &mut theme.border,
            Role::FocusedBorder => &mut theme.focused_border,
            Role::Title => &mut theme.title,
            Role::Unread => &mut theme.unread,
        }
    }
}

/// What the user set for one role; anything left `None` keeps the built-in value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RoleStyle {
    pub fg: Option<Color>,
    pub bg: Option<Color>,
    /// Replaces the built-in modifiers when given (an empty list removes them).
    pub modifiers: Option<Modifier>,
}

/// The user's styles by role.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ThemeOverrides {
    pub roles: BTreeMap<Role, RoleStyle>,
}

impl ThemeOverrides {
    /// Lays the user's styles over `theme`, with colours fitted to `depth`. With no colour
    /// (NO_COLOR) nothing is changed: the built-in theme then carries every meaning by bold,
    /// underline and reverse video, which the user's choices could undo.
    pub fn apply(&self, theme: &mut Theme, depth: ColorDepth) {
        if depth == ColorDepth::None {
            return;
        }
        for (role, user) in &self.roles {
            let style = role.style_mut(theme);
            if let Some(fg) = user.fg {
                style.fg = fit(fg, depth);
            }
            if let Some(bg) = user.bg {
                style.bg = fit(bg, depth);
            }
            if let Some(m) = user.modifiers {
                style.add_modifier = m;
                style.sub_modifier = Modifier::empty();
            }
        }
    }
}

/// Reads the `[theme]` table. A role with any problem keeps its built-in style.
pub(super) fn read(table: &DeTable<'_>, report: &mut Report<'_>) -> ThemeOverrides {
    let mut overrides = ThemeOverrides::default();
    for (key, value) in table {
        let Some(role) = Role::by_name(key.get_ref()) else {
            report.at(
                key,
                format!("unknown theme role {:?}", key.get_ref().as_ref()),
            );
            continue;
        };
        if let Some(style) = read_role(role, value, report) {
            overrides.roles.insert(role, style);
        }
    }
    overrides
}

fn read_role(
    role: Role,
    value: &Spanned<DeValue<'_>>,
    report: &mut Report<'_>,
) -> Option<RoleStyle> {
    let DeValue::Table(fields) = value.get_ref() else {
        return Some(RoleStyle {
            fg: Some(read_color(value, report)?),
            ..RoleStyle::default()
        });
    };
    let mut style = RoleStyle::default();
    let mut ok = true;
    for (field, v) in fields {
        let read = match field.get_ref().as_ref() {
            "fg" => read_color(v, report).map(|c| style.fg = Some(c)),
            "bg" => read_color(v, report).map(|c| style.bg = Some(c)),
            "modifiers" => read_modifiers(v, report).map(|m| style.modifiers = Some(m)),
            other => {
                let msg = format!(
                    "unknown field {other:?} in theme.{} (fg, bg, modifiers)",
                    role.name()
                );
                report.at(field, msg);
                None
            }
        };
        ok &= read.is_some();
    }
    ok.then_some(style)
}

fn read_color(value: &Spanned<DeValue<'_>>, report: &mut Report<'_>) -> Option<Color> {
    let color = match value.get_ref() {
        DeValue::String(s) => parse_color(s),
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .ok()
            .and_then(indexed),
        _ => None,
    };
    if color.is_none() {
        report.at(value, format!("unknown colour {}", shown(value.get_ref())));
    }
    color
}

fn read_modifiers(value: &Spanned<DeValue<'_>>, report: &mut Report<'_>) -> Option<Modifier> {
    let DeValue::Array(items) = value.get_ref() else {
        report.at(value, "modifiers must be a list, e.g. [\"bold\"]".into());
        return None;
    };
    let mut all = Modifier::empty();
    let mut ok = true;
    for item in items.iter() {
        match item.get_ref().as_str().and_then(parse_modifier) {
            Some(m) => all |= m,
            None => {
                let msg = format!(
                    "unknown modifier {} (bold, dim, italic, underlined, reversed, crossed_out)",
                    shown(item.get_ref())
                );
                report.at(item, msg);
                ok = false;
            }
        }
    }
    ok.then_some(all)
}

/// A value as a message quotes it.
pub(super) fn shown(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(s) => format!("{:?}", s.as_ref()),
        DeValue::Integer(i) => i.to_string(),
        other => format!("({})", other.type_str()),
    }
}
