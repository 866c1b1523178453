//! Lines that credit a story's making rather than tell it: its production team, its editor.

/// Whether a closing line credits the story's making: "Data analysis by Dan Keating. Graphics
/// by Aaron Steckelberg. Editing by Michael Laris.", "Produced by Jane Roe; edited by John
/// Doe", "Edited by: Sean Sinico" or "Video editor • Marta Rodriguez" (initials signing off
/// are `edges::is_editor_initials`). A wire's "Reporting by ...; Editing by ..." stays, as the
/// human labels keep it.
pub(super) fn is_production_credit(block: &str) -> bool {
    const LABELS: &[&str] = &["edited by:", "editing by:", "produced by:"];
    let lower = block.to_lowercase();
    LABELS.iter().any(|l| lower.starts_with(l))
        || is_credit_roll(&lower)
        || is_bulleted_credit(block)
}

/// Two or more credits in a row, each "<a role of a few words> by <names>": "Graphics by Aaron
/// Steckelberg. Copy editing by Mike Cirelli."; not a wire's, which opens with its reporting.
fn is_credit_roll(lower: &str) -> bool {
    const ROLE_WORDS: usize = 3;
    const WIRE: &[&str] = &[
        "reporting by",
        "(reporting by",
        "writing by",
        "additional reporting",
    ];
    if WIRE.iter().any(|w| lower.starts_with(w)) {
        return false;
    }
    let credits: Vec<&str> = lower
        .split([';', '.'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    credits.len() >= 2
        && credits.iter().all(|credit| {
            credit.split_once(" by ").is_some_and(|(role, names)| {
                (1..=ROLE_WORDS).contains(&role.split_whitespace().count())
                    && !names.trim().is_empty()
            })
        })
}

/// "Video editor • Marta Rodriguez Martinez", "Additional sources • AP": a role, a bullet,
/// names.
fn is_bulleted_credit(block: &str) -> bool {
    const ROLE_WORDS: usize = 3;
    const NAME_WORDS: usize = 5;
    block.split_once(" • ").is_some_and(|(role, names)| {
        (1..=ROLE_WORDS).contains(&role.split_whitespace().count())
            && (1..=NAME_WORDS).contains(&names.split_whitespace().count())
            && !names.contains('•')
            && !names.ends_with(['.', '!', '?'])
    })
}
