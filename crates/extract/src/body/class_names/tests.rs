//! Class and id names: what their words say.

use super::{camel_parts, judge_names};

#[test]
fn camel_case_names_are_read_by_their_parts_for_the_plainest_words_only() {
    assert_eq!(
        camel_parts("cnnVidFooter").collect::<Vec<_>>(),
        ["cnn", "Vid", "Footer"]
    );
    assert_eq!(camel_parts("footer").count(), 0);
    assert_eq!(camel_parts("MJX").count(), 0);
    assert!(judge_names("cnnVidFooter", false).boilerplate);
    assert!(judge_names("wrap relatedPosts", false).boilerplate);
    // MathJax wraps formulas in a "menu" it attaches; a story part outranks a footer.
    assert!(!judge_names("CtxtMenu_Attached_0", false).boilerplate);
    assert!(!judge_names("articleFooterText", false).boilerplate);
}

#[test]
fn a_widgets_name_is_boilerplate_beside_a_story_word_and_a_plain_footer_is_not() {
    for name in [
        "article-sharing",
        "story-comments",
        "article-newsletter",
        "post-social",
        "comentarios",
        "nota-comentarios",
        "article-commentaires",
        "kommentare",
    ] {
        assert!(judge_names(name, false).boilerplate, "{name}");
    }
    assert!(!judge_names("article-footer-text", false).boilerplate);
}

#[test]
fn names_run_together_are_read_as_their_words() {
    assert_eq!(
        super::words("commentspanel-x")
            .map(|(w, _)| w)
            .collect::<Vec<_>>(),
        ["comments", "panel", "x"]
    );
    for name in [
        "commentspanel",
        "relatedlinks",
        "sharebox",
        "navbox",
        "adzone",
    ] {
        assert!(judge_names(name, false).boilerplate, "{name}");
    }
    // Not a word and a holder: "address" is no ad, "contents" no content box.
    for name in [
        "articletext",
        "address",
        "download",
        "contents",
        "shareholder",
    ] {
        assert!(!judge_names(name, false).boilerplate, "{name}");
    }
}

#[test]
fn a_state_says_nothing_and_a_story_name_outweighs_other_names_but_not_a_widgets() {
    for name in [
        "body-text nav-open",
        "content has-sidebar",
        "post-content share-enabled",
    ] {
        assert!(!judge_names(name, false).boilerplate, "{name}");
    }
    // What the element is, whatever its state; a story name beside a widget's name.
    for name in [
        "sidebar sidebar-open",
        "sidebar-left",
        "post comments",
        "article social-share-top",
        "content-center sidebar",
    ] {
        assert!(judge_names(name, false).boilerplate, "{name}");
    }
}

#[test]
fn a_standfirst_is_named_so_in_several_languages_even_beside_a_story_word() {
    for name in [
        "article-dek",
        "article-chapo",
        "nota__bajada",
        "copete",
        "articolo-sottotitolo",
        "artikel-vorspann",
    ] {
        assert!(judge_names(name, false).boilerplate, "{name}");
    }
}
