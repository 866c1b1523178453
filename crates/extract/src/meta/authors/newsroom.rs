//! Names of newsrooms and desks, which a page gives as its author but are nobody's name.

/// Names a page gives as its author that name its newsroom, not a person, lowercase.
const NEWSROOM_NAMES: &[&str] = &[
    "admin",
    "administrator",
    "editor",
    "editors",
    "editorial",
    "editorial staff",
    "staff",
    "la rédaction",
    "desk",
    "staff reporter",
    "staff writer",
    "ویب ڈیسک",
    "نیوز ڈیسک",
    "वेब डेस्क",
    "डिजिटल डेस्क",
    "ऑनलाइन डेस्क",
    "নিজস্ব প্রতিবেদক",
    // A paper's studio writing its advertisers' stories.
    "brand studio",
    "content studio",
    "partner content",
    "sponsored content",
    "paid content",
    "paid post",
];

/// Whether a name is a desk's or a newsroom's staff: "Redacción", "Redazione ANSA", "Town
/// News Staff", "Times Staff Report", "Picture desk", "Web Desk", "The Editors".
pub(crate) fn is_newsroom(name: &str) -> bool {
    // A newsroom's word before its paper's or city's name: "Redazione ANSA", "Redacción
    // Bogotá".
    const NEWSROOM_WORDS: &[&str] = &[
        "redazione",
        "redacción",
        "redaccion",
        "redação",
        "redacao",
        "rédaction",
        "redaktion",
        "redactie",
        "redakcja",
        "redakce",
        "redaksi",
        "редакция",
        "редакція",
        "newsroom",
    ];
    let lower = name.to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or_default();
    // "The Editors", "Our Correspondent": a role, or a desk, after an article.
    let after_article = ["the ", "our "]
        .iter()
        .find_map(|a| lower.strip_prefix(a))
        .is_some_and(|rest| NEWSROOM_NAMES.contains(&rest) || crate::edges::is_role(rest));
    after_article
        || NEWSROOM_NAMES.contains(&lower.as_str())
        || NEWSROOM_WORDS.contains(&first)
        || [
            " staff",
            " staff report",
            " staff reports",
            " brand studio",
            " desk",
        ]
        .iter()
        .any(|s| lower.ends_with(s))
}
