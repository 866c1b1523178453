//! What sites set around one story: the next story loaded below it, a slideshow with its
//! counters, an intro above the byline, a line telling how to reach the author, a call for
//! letters.

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
    // A "lead" likewise, above a block of the story's meta lines.
    let lead = |between: &str| {
        let html = format!(
            r#"<html><body><article><h1>Pensions</h1>{between}
            <div class="article__lead"><p>The minimum age rises to 57.</p></div>
            <div class="article__meta"><span class="name">Ravi Menon</span></div>
            <div class="article-body">{P}{P}</div></article></body></html>"#
        );
        extract(&url(), &html).text
    };
    assert_lacks(&lead(""), &["minimum age"]);
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

#[test]
fn a_call_for_letters_below_the_story_is_cut() {
    // (The columnist-card-above fixture keeps the card above it out.)
    let html = r#"<html><head><meta property="article:author" content="Helen Park"></head><body>
        <main><article><h1>Savings</h1><div class="columnist"><img src="hp.jpg">
        <p><strong>Helen Park</strong> writes about money every Saturday. She was a financial
        adviser for fifteen years before she joined the paper.</p></div>
        <div class="date">Saturday 21 November 2026</div><div class="text">
        <p>For most of the last three years I have kept my emergency savings in a one-year
        fixed-rate account, renewing it every autumn and feeling quietly pleased with myself.</p>
        <p>This year I did not renew. The best one-year fix I could find paid 3.9%, while the
        easy-access account at the same bank paid 3.7%. For a difference of 0.2 percentage points,
        I would have given up the right to touch my own money for a year.</p>
        <p>On a balance of ten thousand pounds, that difference comes to twenty pounds before tax.
        It is not nothing, but it is less than the cost of one missed bill if the boiler breaks
        and the cash is locked away.</p>
        <p>The gap between fixed and easy-access rates has been shrinking since the spring, as
        banks expect the central bank to keep cutting. Fixing for one year, at almost no
        premium, rarely makes sense.</p>
        <p>So my emergency fund now sits where I can reach it.</p></div>
        <p><em>Write to us at letters@example.com. Letters may be edited.</em></p>
        </article><section class="more-money"><h2>More from Weekend Money</h2><ul>
        <li><a href="/isa">Five things to do before the deadline</a></li></ul></section>
        </main></body></html>"#;
    let text = extract(&url(), html).text;
    assert!(text.ends_with("where I can reach it."), "{text}");
}

#[test]
fn the_rest_of_a_story_hidden_behind_its_continue_button_is_read() {
    let page = |button: &str| {
        let html = format!(
            r#"<html><body><article><h1>Ferries</h1><div class="body">{P}
            <div class="more" style="display: none">{P}<p>The order went to a yard in Poland
            after a tender that drew bids from five countries, the company said.</p></div>
            {button}</div></article></body></html>"#
        );
        extract(&url(), &html).text
    };
    assert_has(
        &page("<button>Continue reading</button>"),
        &["yard in Poland"],
    );
    // Hidden beside anything else, it stays hidden.
    assert_lacks(&page("<button>Share</button>"), &["yard in Poland"]);
}

#[test]
fn short_lines_above_the_headline_and_a_closing_web_address_are_cut() {
    // (The lines above the headline in the same container as the story: the
    // sports-recap-widgets fixture, whose page selects that container.)
    let html = format!(
        r#"<html><body><main><div class="game-header"><span>Hawks</span><span>(10-8)</span>
        <span>112</span></div><div class="status">Final</div><div class="layout"><article>
        <h1>Hawks rally past Lakers</h1><div class="recap">{P}{P}<p>___</p>
        <p>AP NBA: https://apnews.example/hub/nba</p></div></article>
        <aside><h3>Standings</h3></aside></div></main></body></html>"#
    );
    let text = extract(&url(), &html).text;
    assert!(text.starts_with("The fire service"), "{text}");
    assert!(text.ends_with("two decades."), "{text}");
}

#[test]
fn a_story_in_chapters_keeps_each_chapter_s_heading() {
    let chapter = |n: usize| {
        format!(
            r#"<section class="chapter"><div class="label">Chapter {n}</div><h2>Part {n}</h2>
            <div class="chapter-text">{P}{P}</div></section><div class="photo"><img src="{n}.jpg">
            </div>"#
        )
    };
    let html = format!(
        r#"<html><body><h1>The keepers</h1>{}{}{}</body></html>"#,
        chapter(1),
        chapter(2),
        chapter(3)
    );
    let text = extract(&url(), &html).text;
    assert_has(&text, &["Part 1", "Part 2", "Part 3", "driest winter"]);
    assert_lacks(&text, &["Chapter 1"]);
}

#[test]
fn the_next_story_in_a_div_of_its_own_is_not_read_and_a_document_s_sections_all_are() {
    let next = "<p>The central bank kept its key lending rate unchanged on Tuesday but cut its \
                forecast for growth this year, citing weaker exports and slower hiring.</p>";
    let html = format!(
        r#"<html><body><div id="list"><div class="story"><div class="head"><h1>Fire season
        </h1><p class="by">Jane Roe</p></div><div class="details">{P}{P}</div></div>
        <div class="divider">Next Story</div><div class="story"><div class="head"><h1>
        <a href="/rates">Rates held</a></h1></div><div class="details">{next}{next}{next}</div>
        </div></div></body></html>"#
    );
    let text = extract(&url(), &html).text;
    assert_has(&text, &["driest winter"]);
    assert_lacks(&text, &["central bank", "Next Story"]);
    // A chapter's sections, each under an <h1> of its own, are one document.
    let html = format!(
        r#"<html><body><section class="chapter"><h1>Monitoring</h1>{P}
        <section><h1>Definitions</h1>{P}{P}</section><section><h1>Why monitor</h1>{next}{next}
        </section></section></body></html>"#
    );
    assert_has(
        &extract(&url(), &html).text,
        &["driest winter", "central bank"],
    );
}

#[test]
fn a_caption_in_italics_under_a_picture_is_cut_and_a_note_there_stays() {
    let page = |line: &str| {
        let html = format!(
            r#"<html><body><article><h1>Heat pumps</h1><div class="body">{P}
            <p><img src="pump.jpg" alt=""></p><p><em>{line}</em></p>{P}</div></article>
            </body></html>"#
        );
        extract(&url(), &html).text
    };
    assert_lacks(
        &page("A technician installs a heat pump in Concord."),
        &["technician"],
    );
    assert_has(
        &page("Editor's note: this story was updated on Friday."),
        &["Editor's note"],
    );
}

#[test]
fn a_story_split_across_a_grid_s_rows_by_an_advertisement_is_read_whole() {
    let rest = "<p>To win their support, the authority offered to pay for sound insulation in \
                about four thousand homes and to ban most night flights on the new runway.</p>";
    let html = format!(
        r#"<html><body><div class="container">
        <div class="row"><div class="col-12"><h1>Airport expansion approved</h1></div></div>
        <div class="row"><div class="col-8"><div class="body-top">{P}{P}</div></div>
        <div class="col-4"><div class="rail-ad">Advertisement</div></div></div>
        <div class="row wide"><div class="col-12"><div class="ad-unit">Advertisement</div></div></div>
        <div class="row"><div class="col-8"><div class="body-bottom">{rest}{rest}{rest}</div></div>
        <div class="col-4"><div class="rail"><h3>Most read</h3><a href="/a">Fares</a></div></div>
        </div></div></body></html>"#
    );
    let text = extract(&url(), &html).text;
    assert_has(&text, &["driest winter", "sound insulation"]);
    assert_lacks(&text, &["Advertisement", "Most read"]);
}
