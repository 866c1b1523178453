//! What sites set around one story: the next story loaded below it, a slideshow with its
//! counters, an intro above the byline, a line telling how to reach the author.

use super::{assert_has, assert_lacks, url};
use crate::extract;

const P: &str = "<p>The fire service brought forward the start of the danger period in eleven \
                 council areas after the driest winter in the north in more than two decades.</p>";

#[test]
fn the_next_story_loaded_below_is_not_read_with_this_one() {
    let next = "<p>The government has approved the second stage of the light rail, a ten \
                kilometre extension that will link the west of the city with the park.</p>";
    let html = format!(
        r#"<html><body><div class="stream">
        <article class="story"><h1>Fire season starts early</h1>
        <div class="story__body">{P}{P}</div></article>
        <div>Next story</div>
        <article class="story"><h1><a href="/rail">Light rail approved</a></h1>
        <div class="story__body">{next}{next}{next}</div></article>
        </div></body></html>"#
    );
    let text = extract(&url(), &html).text;
    assert_has(&text, &["driest winter"]);
    assert_lacks(&text, &["light rail", "Next story"]);
}

#[test]
fn a_slideshow_and_its_counters_are_cut() {
    let html = format!(
        r#"<html><body><article><h1>Storm</h1><div class="story-text">{P}
        <div class="slideshow"><div class="slide"><img src="1.jpg"><span>1 of 2</span>
        <p class="slide-text">A fallen oak blocks the road near the mill.</p></div>
        <div class="slide"><img src="2.jpg"><span>2 of 2</span>
        <p class="slide-text">Crews repair lines on Elm Street.</p></div></div>
        {P}<div class="frame"><img src="3.jpg"><span>3 of 8</span></div>{P}</div></article></body></html>"#
    );
    let text = extract(&url(), &html).text;
    assert_has(&text, &["driest winter"]);
    assert_lacks(&text, &["of 2", "fallen oak", "of 8"]);
}

#[test]
fn an_intro_above_the_byline_is_a_standfirst_and_one_above_the_story_is_its_lede() {
    let page = |between: &str| {
        let html = format!(
            r#"<html><body><article><h1>Pensions</h1>
            <p class="intro">The minimum age rises to 57. Here is who is affected.</p>{between}
            <div class="article-body">{P}{P}</div></article></body></html>"#
        );
        extract(&url(), &html).text
    };
    let with_byline = page(r#"<p class="byline">By Ravi Menon <time>20 November</time></p>"#);
    assert_lacks(&with_byline, &["minimum age"]);
    assert_has(&page(""), &["The minimum age rises to 57."]);
}

#[test]
fn a_line_telling_how_to_reach_the_author_closes_the_story_without_being_part_of_it() {
    let html = format!(
        r#"<html><head><meta name="author" content="Dana Whitfield"></head><body><article>
        <h1>Storm</h1>{P}{P}<p><em>Contact Dana Whitfield at dana@example.com or 555-0142.</em></p>
        </article></body></html>"#
    );
    let text = extract(&url(), &html).text;
    assert!(text.ends_with("two decades."), "{text}");
}
