//! What a page's titles say of it: an error page, what a crawler is served in place of a
//! story, a site's own page.

/// Whether a title, or its head before a site's name ("404 | Site"), passes `test`.
fn titled(titles: [Option<&str>; 2], test: impl Fn(&str) -> bool) -> bool {
    const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " » ", " · "];
    titles.into_iter().flatten().any(|title| {
        test(title)
            || SEPARATORS
                .iter()
                .filter_map(|sep| title.split_once(sep))
                .any(|(head, _)| test(head))
    })
}

/// Titles of a site's own pages, lowercase: about the paper and how to reach it, its jobs, its
/// policies and rules, its offers, in the languages of `sections::SITE_PAGES`. A crawler
/// following every link meets them at any URL ("/info/how-to-reach-us/"); a story is never
/// headlined just so. (Not "Jobs", "Staff" or "Help", which may head a story.)
const SITE_PAGE_TITLES: &[&str] = &[
    "about",
    "about us",
    "who we are",
    "our team",
    "meet the team",
    "masthead",
    "contact",
    "contact us",
    "how to reach us",
    "how to contact us",
    "work with us",
    "careers",
    "advertise",
    "advertise with us",
    "privacy policy",
    "privacy notice",
    "cookie policy",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "accessibility statement",
    "community guidelines",
    "community rules",
    "comment policy",
    "commenting policy",
    "corrections policy",
    "ethics policy",
    "editorial standards",
    "editorial policy",
    "newsletters",
    "sitemap",
    "frequently asked questions",
    "impressum",
    "kontakt",
    "über uns",
    "datenschutz",
    "datenschutzerklärung",
    "mentions légales",
    "contactez-nous",
    "qui sommes-nous",
    "politique de confidentialité",
    "aviso legal",
    "contacto",
    "quiénes somos",
    "política de privacidad",
    "chi siamo",
    "contatti",
    "quem somos",
    "fale conosco",
    "over ons",
];

/// Whether a page is titled as one of a site's own pages (`SITE_PAGE_TITLES`): "How to reach
/// us | The Ledger", an `<h1>` "Work with us".
pub(super) fn is_site_page(titles: [Option<&str>; 2]) -> bool {
    titled(titles, |title| {
        let title = title.trim().trim_end_matches(['.', '!']).to_lowercase();
        SITE_PAGE_TITLES.contains(&title.as_str())
    })
}

/// Whether a page is titled as an error ("Page not found", "404 | Site"), or, with little
/// `text`, as what a crawler is served in place of a story ("Just a moment..."): none of a
/// site's stories or listings, whatever its text.
pub(super) fn is_error_page(titles: [Option<&str>; 2], text: &str) -> bool {
    let short = text.chars().nth(SERVED_INSTEAD_CHARS).is_none();
    titled(titles, |title| is_error_title(title, short))
}

/// Titles of what a crawler may be served in place of a story, lowercase: a bot check or a
/// firewall's page, a cookie wall. Taken as such only when the page has little text
/// (`SERVED_INSTEAD_CHARS`): a story may be titled "Privacy settings - how to lock down your
/// phone".
const SERVED_INSTEAD: &[&str] = &[
    "just a moment",
    "attention required",
    "access denied",
    "access to this page has been denied",
    "are you a robot",
    "are you a robot?",
    "robot check",
    "security check",
    "checking your browser",
    "pardon our interruption",
    "request rejected",
    "forbidden",
    "403 forbidden",
    "service unavailable",
    "bad gateway",
    "before you continue",
    "privacy settings",
    "privacy preferences",
    "cookie consent",
    "privacy-instellingen",
    "bevor sie fortfahren",
    "avant de continuer",
    "antes de continuar",
];
const SERVED_INSTEAD_CHARS: usize = 1_000;

/// Whether a title is an error page's ("404", "Error 404 - Page not found", "Seite nicht
/// gefunden"), or, on a page of little text (`short`), one a crawler is served in place of the
/// story: a bot check ("Just a moment...", "Access Denied", "Are you a robot?") or a cookie
/// wall ("Before you continue", "Privacy-instellingen"); not a story's that opens with a number
/// ("404 jobs cut at the plant").
fn is_error_title(title: &str, short: bool) -> bool {
    const NOT_FOUND: &[&str] = &[
        "page not found",
        "not found",
        "error",
        "file not found",
        "page introuvable",
        "seite nicht gefunden",
        "página no encontrada",
        "página não encontrada",
        "pagina non trovata",
        "pagina niet gevonden",
        "strona nie została znaleziona",
        "sayfa bulunamadı",
        "страница не найдена",
        "ページが見つかりません",
        "页面不存在",
        "找不到页面",
    ];
    let lower = title.to_lowercase();
    let mut rest = lower.trim();
    for code in ["error", "404"] {
        rest = rest.strip_prefix(code).map_or(rest, |r| {
            r.trim_start_matches([' ', '-', '–', '—', ':', '|'])
        });
    }
    let rest = rest.trim_end_matches(['.', '!']);
    let coded =
        lower.trim_start().starts_with("404") || lower.trim_start().starts_with("error 404");
    (coded && rest.is_empty())
        || NOT_FOUND.contains(&rest)
        || short && SERVED_INSTEAD.contains(&rest)
}
