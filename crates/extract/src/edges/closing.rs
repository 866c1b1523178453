//! Lines that close a story without being part of it: the author introduced or signing off,
//! credits, requests to the reader, invitations to follow.

use super::credits::is_production_credit;
use super::{BIO_CHARS, DATE_LINE_CHARS, after_author_name, is_rights_notice, is_role, names};
use crate::dates;

/// How Chinese closing credits open: editor, source, original title, author, producer,
/// picture credit, and a WeChat account's prompt to follow it.
const EDITOR_CREDITS: &[&str] = &[
    "责任编辑",
    "[责任编辑",
    "【责任编辑",
    "（责任编辑",
    "(责任编辑",
    "编辑：",
    "来源：",
    "（来源：",
    "原标题：",
    "原标题:",
    "作者：",
    "作者︱",
    "出品︱",
    "責任編輯",
    "編輯：",
    "來源：",
    "原標題：",
    "图片来源：",
    "图片来源:",
    "圖片來源：",
    "记者：",
    "記者：",
    "摄影：",
    "攝影：",
    // A WeChat account's closing prompt: "长按识别二维码，关注...", "微信扫一扫关注".
    "长按识别",
    "长按二维码",
    "扫描二维码",
    "扫码关注",
    "微信扫一扫",
];

/// A line that closes a story without being part of it: the author introduced ("Jane Roe is
/// ...", also in capitals), the post's date and byline, a note on the print edition, a Chinese
/// closing credit, the credits of its making, a rights notice, an invitation to follow on social
/// media, a request to the reader.
pub(super) fn is_closing(block: &str, authors: &[String]) -> bool {
    // "Jane Roe is ...", also "JANE ROE IS THE NETWORK'S POLITICAL EDITOR".
    let introduces_author =
        block.chars().count() <= BIO_CHARS && after_author_name(block, authors).is_some();
    // "Posted on Tuesday 15 October 2019 at 09:11 by Jane Roe.": the post's date and byline.
    let dated_byline = block.chars().count() <= DATE_LINE_CHARS
        && authors
            .iter()
            .any(|a| a.contains(' ') && block.contains(a.as_str()))
        && dates::find_date(block).is_some();
    // A newspaper's note on the print edition: "A version of this article appears in print on
    // July 1, 2024, Section A, Page 1 ...", "This article appears in the December 2026 print
    // edition with the headline ...", "Published in The Gazette, November 27, 2026.".
    let print_note = block.starts_with("A version of this ") && block.contains(" in print")
        || block.starts_with("This article appears in the ") && block.contains(" print edition")
        // "Published in The Gazette, November 27, 2026.": where and when it was printed.
        || block.starts_with("Published in ")
            && block.split_whitespace().nth(ROLE_LINE_WORDS * 2).is_none()
            && dates::find_date(block).is_some();
    // "Citation: <headline> (2026, June 11) retrieved 12 June 2026 from https://...": how to
    // cite the page, which a science news site appends.
    let citation = block.starts_with("Citation") && block.contains(" retrieved ");
    // "この記事を書いた人：山田 花子（社会部記者）", "Text: Jane Roe": a labelled byline; "김민지
    // 기자 minji@example.com": the author's name and role, perhaps an address.
    let labelled_byline = block.contains([':', '：']) && names(block, authors);
    let signed_with_role = block.split_whitespace().nth(ROLE_LINE_WORDS).is_none()
        && authors.iter().any(|a| {
            block
                .strip_prefix(a.as_str())
                .and_then(|rest| rest.split_whitespace().next())
                .is_some_and(is_role)
        });
    // "Contact Jane Roe at jroe@example.com or 555-0142.", "Write to Jane Roe at ...": how to
    // reach the author.
    let contact = block.split_whitespace().nth(ROLE_LINE_WORDS * 3).is_none()
        && ["Contact ", "Reach ", "Email ", "Write to "]
            .iter()
            .any(|verb| {
                block
                    .strip_prefix(verb)
                    .is_some_and(|rest| authors.iter().any(|a| rest.starts_with(a.as_str())))
            });
    introduces_author
        || is_contact_details(block, authors)
        || is_views_disclaimer(block)
        || dated_byline
        || contact
        || labelled_byline
        || signed_with_role
        || print_note
        || citation
        || is_production_credit(block)
        || EDITOR_CREDITS.iter().any(|c| block.starts_with(c))
        || is_rights_notice(block)
        || is_follow_us(block)
        || is_call_to_action(block)
}

/// A line of nothing but ways to reach the author: "jane.roe@paper.example; Twitter:
/// @janeroe", "Jane Roe: 555-0142, jroe@paper.example" (addresses and handles, numbers, the
/// networks' names and labels, the author's name).
fn is_contact_details(block: &str, authors: &[String]) -> bool {
    const MAX_WORDS: usize = 12;
    const LABELS: &[&str] = &[
        "email",
        "e-mail",
        "mail",
        "phone",
        "tel",
        "telephone",
        "on",
        "or",
        "and",
        "at",
    ];
    if block.split_whitespace().nth(MAX_WORDS).is_some() || !block.contains('@') {
        return false;
    }
    let name_words: Vec<&str> = authors.iter().flat_map(|a| a.split_whitespace()).collect();
    block.split_whitespace().all(|word| {
        let word =
            word.trim_matches(|c: char| matches!(c, ';' | ',' | ':' | '|' | '(' | ')' | '.'));
        let lower = word.to_lowercase();
        word.is_empty()
            || word.contains('@')
            || word
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.'))
            || LABELS.contains(&lower.as_str())
            || crate::SOCIAL_NETWORKS.contains(&lower.as_str())
            || name_words.contains(&word)
    })
}

/// An opinion page's disclaimer: "The views expressed in this article are the author's own and
/// do not necessarily reflect ...", the same under every column of the site.
fn is_views_disclaimer(block: &str) -> bool {
    const MAX_CHARS: usize = 300;
    const DISCLAIMERS: &[&str] = &[
        "not necessarily reflect",
        "not necessarily represent",
        "not necessarily those of",
        "ne reflètent pas nécessairement",
        "n'engagent que leur",
        "no reflejan necesariamente",
        "no necesariamente reflejan",
        "não refletem necessariamente",
        "non riflettono necessariamente",
        "nicht unbedingt die meinung",
        "nicht notwendigerweise die",
    ];
    block.chars().count() <= MAX_CHARS && {
        let lower = block.to_lowercase();
        DISCLAIMERS.iter().any(|d| lower.contains(d))
    }
}

/// The most words in a closing line of the author's name, role and address.
const ROLE_LINE_WORDS: usize = 6;

/// How a request or offer to the reader opens, lowercase: for news tips, for an email
/// address, for support, to subscribe or get the app. Story prose does not open so; such a line
/// goes at the story's end and, when short, inside it too.
pub(crate) const READER_REQUESTS: &[&str] = &[
    "have a tip",
    "have a news tip",
    "have a confidential tip",
    "got a confidential tip",
    "got a confidential news tip",
    "do you have information about",
    "know more about this",
    "if you have a story",
    "if you have a tip",
    "get in touch",
    "have thoughts on this story",
    "thanks for reading",
    "by signing up",
    "sign up for ",
    "sign up to ",
    "you can unsubscribe",
    "contact us",
    "we want to hear from you",
    "like us on facebook",
    "please read our comment policy",
    "for more news",
    "stay up to date",
    "support free-thinking journalism",
    "got a tip",
    "got a news tip",
    "do you have a tip",
    "do you have a news tip",
    "do you have a story",
    "have a story idea",
    "send us a tip",
    "got a story",
    "have a story",
    "send us your tips",
    "do you work at",
    "do you work for",
    "contact the reporter",
    "contact this reporter",
    "to contact the reporter",
    "to contact the editor",
    "to contact the author",
    "email us at",
    "write to us",
    "enter your email",
    "enter your e-mail",
    "support our journalism",
    "support independent journalism",
    "support local journalism",
    "did you enjoy this article",
    "did you like this article",
    "like this article?",
    "catch all the",
    "download the",
    "sie haben einen hinweis",
    "haben sie einen hinweis",
    "vous avez une information",
    "masz temat",
    "masz informacje",
    "har du ett tips",
    "har du et tips",
    "har du et tip",
    "heb je een tip",
    "máte tip",
    "for the latest news",
    "simak breaking news",
    "dapatkan update berita",
    "subscribe to",
    "subscribe now",
    "subscribe today",
    "subscribe for",
    "become a subscriber",
    "become a member",
    "download our app",
    "get the app",
    "click here to",
    "click here for",
    "read the latest",
    "veja mais",
    "leia mais",
    "confira mais notícias",
    "lea más",
    "lee más",
    "más noticias",
];

/// A request or pointer for the reader that closes a story: for news tips ("Have a news tip?
/// Email us at ..."), for an email address ("Enter your email to get our daily briefing"), for
/// support or sharing; the newsroom's standards, the story's filing and section ("Ressort:
/// Freiburg"), its terms for republishing
/// ("Republish this story: ... under a Creative Commons license"); a press release's contacts
/// and its wire's "SOURCE Company" line; a portal's "Read the original article on <paper>"; the
/// site's own podcast or newsletter.
fn is_call_to_action(block: &str) -> bool {
    const MAX_WORDS: usize = 40;
    const LABELS: &[&str] = &[
        "our standards:",
        "share this article:",
        "share this story:",
        "filed under:",
        "tags:",
        "topics:",
        "section:",
        "category:",
        "categories:",
        "ressort:",
        "rubrik:",
        "disclaimer:",
        "about this story",
        "source:",
        "sources:",
        "źródło:",
        "quelle:",
        "fuente:",
        "fonte:",
        "contact:",
        "dieses thema im programm",
        "read the original article",
        "republish this story",
        "republish this article",
        "media contact",
        "press contact",
        "investor contact",
    ];
    if block.split_whitespace().nth(MAX_WORDS).is_some() {
        return false;
    }
    const PROMO_WORDS: usize = 15;
    let lower = block.to_lowercase();
    // "Our Inside Politics Podcast is published three times a week": the site's own product.
    let own_product = lower.starts_with("our ")
        && ["podcast", "newsletter"].iter().any(|p| lower.contains(p))
        && block.split_whitespace().nth(PROMO_WORDS).is_none();
    own_product
        || READER_REQUESTS
            .iter()
            .chain(LABELS)
            .any(|r| lower.starts_with(r))
        || block
            .strip_prefix("SOURCE ")
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
}

/// An invitation to follow the site or its writer on social media: "Follow us on Twitter and
/// Facebook.", "Follow Jane Roe on X: @janeroe", "Suivez-nous sur Instagram", "Son dakika
/// haberlerini Google News'ten takip edin", "Join our WhatsApp channel for the latest news.",
/// "Follow Fox News Digital's sports coverage on X, and subscribe to the Fox News Sports Huddle
/// newsletter.", "Síguenos en Google News y únete a nuestro canal de WhatsApp para recibir las
/// noticias más importantes del día.", "🔔 Receba no WhatsApp as notícias do g1 PE".
fn is_follow_us(block: &str) -> bool {
    const MAX_WORDS: usize = 20;
    const FOLLOW: &[&str] = &[
        "follow ",
        "join ",
        "find ",
        "volg ",
        "siga-nos",
        "siga ",
        "receba ",
        "participe ",
        "seguici",
        "segui ",
        "följ ",
        "følg ",
        "seuraa ",
        "obserwuj",
        "sledujte",
        "подписывайтесь",
        "підписуйтесь",
        "підписуйтеся",
        "приєднуйтесь",
        "присоединяйтесь",
        "folgen sie ",
        "suivez",
        "síguenos",
        "siguenos",
        "ακολουθήστε",
    ];
    // Verbs that come later in the sentence: Turkish, Indonesian, Vietnamese, Hindi, Hebrew.
    const FOLLOW_INSIDE: &[&str] = &["takip edin", "ikuti", "theo dõi", "फॉलो करें", "עקבו"];
    if block.split_whitespace().nth(MAX_WORDS).is_some() {
        return false;
    }
    // "🔔 Receba no WhatsApp ...": after an emoji too.
    let lower = block
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    // "Want more from The Post? Follow us on Instagram.": after a question to the reader too.
    let start = lower
        .split_once("? ")
        .map_or(lower.as_str(), |(_, rest)| rest);
    (FOLLOW
        .iter()
        .any(|f| lower.starts_with(f) || start.starts_with(f))
        || FOLLOW_INSIDE.iter().any(|f| lower.contains(f)))
        && lower
            .split(|c: char| !c.is_alphanumeric() && c != '@')
            .any(|w| w.starts_with('@') || crate::SOCIAL_NETWORKS.contains(&w))
}
