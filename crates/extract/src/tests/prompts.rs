//! What the page says to its reader inside the story: promotions and prompts, cut whatever
//! their class is named.

use super::{assert_has, assert_lacks, url};
use crate::extract;

#[test]
fn a_short_box_ending_in_a_button_is_a_promotion_and_a_paragraph_ending_in_a_link_is_not() {
    let p = "<p>The festival returns to the riverside park this weekend with forty bands on three \
             stages, the organisers said on Monday.</p>";
    let page = |inset: &str| {
        let html = format!(
            r#"<html><body><article><h1>Festival returns</h1><div class="story">{p}{p}
            {inset}{p}{p}</div></article></body></html>"#
        );
        extract(&url(), &html).text
    };
    for promo in [
        r#"<div class="b-1"><p>Town News is funded by readers like you. Please consider a
        donation today.</p><a href="/donate">Donate</a></div>"#,
        r#"<section><p>Get the Town News app for the latest updates.</p><br>
        <a class="btn" href="/app"><span>Download the app</span></a></section>"#,
    ] {
        let text = page(promo);
        assert!(text.starts_with("The festival"), "{text}");
        assert_lacks(&text, &["funded", "Town News app"]);
    }
    // A paragraph set in a div that ends with a link in its sentence; a box whose link is a
    // share button, which is cut (a live blog's entries).
    let text = page(
        r#"<div><p>Tickets cost $10 and go on sale on Friday.</p>They are sold at
        <a href="/tickets">the box office</a></div>"#,
    );
    assert_has(
        &text,
        &["Tickets cost $10", "They are sold at the box office"],
    );
    let text = page(
        r#"<div class="entry"><p>Gates open at noon on Saturday.</p>
        <div class="entry-share"><a href="https://x.example/s">Share</a></div></div>"#,
    );
    assert_has(&text, &["Gates open at noon"]);
}

#[test]
fn prompts_to_subscribe_download_the_app_or_send_a_tip_are_cut_and_prose_like_them_stays() {
    let p = "<p>The council voted on Tuesday to resurface Harbour Road over the winter, at a \
             cost the engineers put at two million pounds.</p>";
    for prompt in [
        r#"<p><a href="/subscribe">Subscribe to Town News</a> for just $1 a week.</p>"#,
        "<p>Click here to download our app.</p>",
        "<p>Have a news tip? Email us at tips@town.example.</p>",
        "<p>Scroll to continue reading</p>",
    ] {
        let html = format!(
            r#"<html><body><article><h1>Road</h1>{p}{p}{prompt}{p}</article></body></html>"#
        );
        let text = extract(&url(), &html).text;
        assert_eq!(text.matches("The council").count(), 3, "{text}");
        assert_lacks(&text, &["Subscribe", "download", "tip", "Scroll"]);
    }
    let html = format!(
        r#"<html><body><article><h1>Road</h1>{p}<p>Residents can subscribe to the council's
        road alerts.</p><p>"Subscribe to nothing you cannot cancel," the adviser said.</p>{p}
        </article></body></html>"#
    );
    let text = extract(&url(), &html).text;
    assert_has(&text, &["Residents can subscribe", "Subscribe to nothing"]);
}

#[test]
fn a_call_out_after_a_question_and_a_note_on_shop_links_are_cut() {
    let para = "Thousands of drivers refused to take rides for a day, protesting a change in pay. ";
    let html = format!(
        r#"<html><body><article><h1>Strike</h1><p>{p}</p>
        <p><em>Are you a rideshare driver? Contact this reporter at praman@daily.example.</em></p>
        <p>Are you ready for winter? The council asked residents to check their boilers now.</p>
        <p>{p}</p>
        <p>Business Daily may receive a commission when you buy through our links.</p>
        </article></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert_lacks(&page.text, &["rideshare driver", "commission"]);
    assert_has(&page.text, &["Are you ready for winter?"]);
}

#[test]
fn ad_breaks_enlarge_buttons_and_an_embed_s_placeholder_are_cut() {
    let para = "The council approved the plan to rebuild the storm drains on Thursday evening. ";
    let html = format!(
        r#"<html><body><article><h1>Drains</h1><p>{p}</p>
        <p>ADVERTISEMENT - CONTINUE READING BELOW</p><p>The story continues below.</p>
        <p>Article continues after this advertisement</p><p>Click to enlarge</p>
        <p>Sponsored</p><p>Scroll down for video</p>
        <p>This content is imported from Twitter. You may be able to find the same content in
        another format, or you may be able to find more information, at their web site.</p>
        <p>{p}</p></article></body></html>"#,
        p = para.repeat(2)
    );
    let text = extract(&url(), &html).text;
    assert_eq!(text.split("\n\n").count(), 2, "{text}");
}

#[test]
fn a_story_s_tools_counts_and_banners_over_it_are_cut() {
    let para = "The council approved the plan to rebuild the storm drains on Thursday evening. ";
    let html = format!(
        r#"<html><body><article><h1>Drains</h1><p>This article is more than 2 years old</p>
        <p>Listen to article 5 min</p><p>Save article</p><p>Gift this article</p>
        <p>Comments (12)</p><p>12 Comments</p><p>Photographs by Sam Lee</p><p>Contributor</p>
        <p>Staff Writer</p><p>Follow</p><p>A A A</p><p>Text size</p><p>Print this page</p>
        <p>Jump to comments</p><p>Share full article</p><p>{p}</p>
        <p>Comments from residents ran for two hours, the clerk said.</p></article></body></html>"#,
        p = para.repeat(2)
    );
    let text = extract(&url(), &html).text;
    assert!(text.starts_with("The council approved"), "{text}");
    assert_has(&text, &["Comments from residents"]);
}
