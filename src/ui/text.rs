//! The Text pane: the visible rows of the wrapped article, with the linked highlights.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as StyledSpan};
use ratatui::widgets::{Paragraph, Widget};
use unicode_segmentation::UnicodeSegmentation;

use crate::sanitize::{shown, Shown};
use crate::span::Span;

use super::app::App;
use super::layout::Pane;
use super::pane_block;

/// A highlight layer: spans (sorted by start, non-overlapping) drawn in one style.
struct Layer<'a> {
    spans: &'a [Span],
    style: Style,
}

impl Layer<'_> {
    /// The spans of this layer that touch `row`: found by binary search, so a row costs the
    /// same however many mentions the document has.
    fn within(&self, row: Span) -> &[Span] {
        let first = self.spans.partition_point(|s| s.end <= row.start);
        let last = first + self.spans[first..].partition_point(|s| s.start < row.end);
        &self.spans[first..last]
    }
}

/// `16722928` -> `16,722,928`.
fn with_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    // The word count comes with the briefing: no "0 words" while it is being built.
    let words = if app.extracting.is_some() {
        String::new()
    } else {
        format!(" · {} words", with_thousands(app.briefing.stats.words))
    };
    let title = match app.briefing.title.as_deref() {
        Some(t) => format!("Text{words} · {t}"),
        None => format!("Text{words}"),
    };
    let block = pane_block(app, Pane::Text, &title);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.is_empty() {
        return;
    }
    if app.text.blank {
        Paragraph::new(Line::styled("(the file is empty)", theme.dim)).render(inner, buf);
        return;
    }
    let text = &app.doc.text;
    let layers = highlight_layers(app);
    let rows = app
        .text
        .wrapped
        .rows_from(text, app.text.top, inner.height as usize);
    let lines: Vec<Line> = rows
        .iter()
        .map(|row| {
            if row.is_gap {
                Line::default()
            } else {
                styled_row(text, row.span, &layers)
            }
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

/// Highlights from the other panes, weakest first (later layers win where they overlap).
fn highlight_layers(app: &App) -> Vec<Layer<'_>> {
    let theme = &app.theme;
    let briefing = &app.briefing;
    let mut layers = Vec::new();
    if let Some(item) = app.selected_event().map(|i| &briefing.timeline[i]) {
        layers.push(Layer {
            spans: std::slice::from_ref(&item.sentence),
            style: theme.event_sentence,
        });
        layers.push(Layer {
            spans: std::slice::from_ref(&item.span),
            style: theme.event_date,
        });
    }
    if let Some(quote) = app.selected_quote().map(|i| &briefing.quotes[i]) {
        layers.push(Layer {
            spans: std::slice::from_ref(&quote.span),
            style: theme.quote,
        });
        if let Some(speaker) = &quote.speaker {
            layers.push(Layer {
                spans: std::slice::from_ref(&speaker.span),
                style: theme.speaker,
            });
        }
    }
    if let Some(search) = &app.search {
        layers.push(Layer {
            spans: &search.matches,
            style: theme.search,
        });
        if let Some(m) = search.current.and_then(|i| search.matches.get(i)) {
            layers.push(Layer {
                spans: std::slice::from_ref(m),
                style: theme.current_mention,
            });
        }
    }
    if let Some(entity) = app.selected_entity().map(|e| &briefing.entities[e]) {
        layers.push(Layer {
            spans: &entity.mentions,
            style: theme.mention,
        });
        if let Some(m) = app.mention.and_then(|i| entity.mentions.get(i)) {
            layers.push(Layer {
                spans: std::slice::from_ref(m),
                style: theme.current_mention,
            });
        }
    }
    layers
}

/// One row as styled runs; control characters are drawn as visible symbols.
fn styled_row(text: &str, row: Span, layers: &[Layer]) -> Line<'static> {
    let row_text = row.slice(text);
    let touching: Vec<(&[Span], Style)> = layers
        .iter()
        .map(|l| (l.within(row), l.style))
        .filter(|(spans, _)| !spans.is_empty())
        .collect();
    let style_at = |offset: usize| {
        touching.iter().fold(Style::new(), |style, (spans, layer)| {
            if spans.iter().any(|s| s.contains(offset)) {
                style.patch(*layer)
            } else {
                style
            }
        })
    };
    let mut runs: Vec<StyledSpan<'static>> = Vec::new();
    let mut current = String::new();
    let mut current_style = Style::new();
    for (at, grapheme) in row_text.grapheme_indices(true) {
        let offset = row.start + at;
        let style = style_at(offset);
        let mut piece = String::new();
        let mut is_control = false;
        for c in grapheme.chars() {
            match shown(c) {
                Shown::Same if c == '\n' => piece.push(' '),
                Shown::Same => piece.push(c),
                Shown::Replaced(r) => {
                    piece.push_str(&r);
                    is_control = c != '\t';
                }
            }
        }
        let style = if is_control {
            style.patch(Style::new().add_modifier(ratatui::style::Modifier::REVERSED))
        } else {
            style
        };
        if style != current_style && !current.is_empty() {
            runs.push(StyledSpan::styled(
                std::mem::take(&mut current),
                current_style,
            ));
        }
        current_style = style;
        current.push_str(&piece);
    }
    if !current.is_empty() {
        runs.push(StyledSpan::styled(current, current_style));
    }
    Line::from(runs)
}

#[cfg(test)]
mod tests {
    use super::with_thousands;

    #[test]
    fn word_counts_are_grouped_by_thousands() {
        for (n, shown) in [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (16_722_928, "16,722,928"),
            (100_000, "100,000"),
        ] {
            assert_eq!(with_thousands(n), shown);
        }
    }
}
