//! Dates of updates: "Updated: Nov 14, 2026" beside the date a story was published.

use super::{Reading, date_in};

/// Words that open the date of an update, lowercase ("Last updated" opens with "last").
const UPDATE_LABELS: &[&str] = &[
    "updated",
    "update",
    "last updated",
    "modified",
    "last modified",
    "aktualisiert",
    "zuletzt aktualisiert",
    "mis à jour",
    "mise à jour",
    "actualizado",
    "actualizada",
    "atualizado",
    "atualizada",
    "aggiornato",
    "bijgewerkt",
    "zaktualizowano",
    "обновлено",
    "güncellendi",
    "güncelleme",
    "diperbarui",
    "cập nhật",
];

/// The first date in a text, and whether it is an update's: the text is read in the parts its
/// separators ('|', '•', '·', ';', line breaks) set apart, and a part opening with an update's
/// label gives its date only when no other part has one.
pub(super) fn published_in(text: &str, reading: Reading) -> (Option<String>, bool) {
    let mut update = None;
    for part in text.split(['|', '•', '·', ';', '\n']) {
        let Some(date) = date_in(part, reading) else {
            continue;
        };
        if !is_update(part) {
            return (Some(date), false);
        }
        update = update.or(Some(date));
    }
    let of_update = update.is_some();
    (update, of_update)
}

/// Whether a part of a date line opens with an update's label.
fn is_update(part: &str) -> bool {
    let lower = part.trim_start().to_lowercase();
    UPDATE_LABELS.iter().any(|label| {
        lower
            .strip_prefix(label)
            .is_some_and(|rest| rest.starts_with([' ', ':', ',']) || rest.is_empty())
    })
}
