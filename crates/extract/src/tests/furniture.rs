//! What the page sets into the story: captions and credits, screen-reader labels, boxes told
//! by their titles, headings left alone, newsletter invitations.

use super::{assert_has, assert_lacks, url};
use crate::extract;

#[test]
fn screen_reader_labels_lone_agency_credits_and_newsletter_invitations_are_cut() {
    let para = "The storm brought down power lines across the valley on Saturday night. ";
    let html = format!(
        r#"<html><body><article><h1>Storm</h1><p>{p}</p>
        <figure><div><span class="visually-hidden">Image source, </span><span>Getty
        Images</span></div><img src="a.jpg"></figure>
        <p><span class="visually-hidden">Listen to this story, </span>Roads in the valley were
        flooded</p>
        <p>{p}</p>
        <div class="pic"><img src="b.jpg"><div>Image source, Jane Roe/Storm Archive</div></div>
        <p><span class="ssrcss-1f39n02-VisuallyHidden">Opens in a new window,
        </span>Power lines down near the river</p>
        <p>Sign up to our free <a href="/newsletters">Morning Headlines newsletter</a> for the
        day's biggest stories.</p>
        <p>Want more? <a href="/signup">Subscribe</a> and get the briefing in your inbox.</p>
        <p>{p} Subscribers to the <a href="/n">county's newsletter</a> were warned on Friday.</p>
        <p>Ask the council: <em>sign up</em> for its <a href="/alerts">flood newsletter</a>, they
        say, and read the warnings it sends twice a day from October to March, every winter.</p>
        </article></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert_has(
        &page.text,
        &[
            "Roads in the valley were flooded",
            "Power lines down near the river",
            "Subscribers to the county's newsletter",
            "Ask the council",
        ],
    );
    assert_lacks(
        &page.text,
        &[
            "Image source",
            "Listen to this story",
            "new window",
            "Getty",
            "Storm Archive",
            "Morning Headlines",
            "Want more",
        ],
    );
}

#[test]
fn a_heading_left_alone_by_its_cut_links_goes_and_one_over_an_ad_label_stays() {
    let para = "Engineers worked through the night to restore supplies to the valley. ";
    let html = format!(
        r#"<html><body><article><h1>Storm</h1><p>{p}</p>
        <div class="links-block"><h2>Related topics</h2><ul><li><a href="/t/weather">Weather
        </a></li><li><a href="/t/wales">Wales</a></li></ul></div>
        <section><h2>More on this story</h2><ul><li><a href="/1">Live updates from the storm</a>
        </li><li><a href="/2">How to prepare for flooding</a></li></ul></section>
        <p>{p}</p>
        <div><h2>What happens next</h2><div class="ad-slot">Advertisement</div></div>
        <p>{p}</p></article></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert_has(&page.text, &["What happens next"]);
    assert_lacks(
        &page.text,
        &["Related topics", "More on this story", "Weather"],
    );
}

#[test]
fn a_box_titled_as_teasers_is_cut_whatever_its_class_and_a_story_section_so_titled_is_not() {
    let para = "A fleet of uncrewed boats mapped more of the seabed than the ships managed. ";
    let html = format!(
        r#"<html><body><div class="story"><h1>Seabed</h1><p>{p}</p>
        <div class="picks-box"><h4>Editor's Picks</h4>
        <div class="pick"><a href="/p1">The moon may have more water than thought</a>
        <span>Scientists found ice in craters near the south pole.</span></div>
        <div class="pick"><a href="/p2">Rare comet visible this weekend</a>
        <span>Look to the north-east after sunset.</span></div></div>
        <p>{p}</p>
        <div class="section"><h2>Most read</h2><p>The report found that the most read
        <a href="/charts">sea charts</a> were still drawn from soundings taken a century ago,
        when sailors dropped weighted lines over the side and wrote down the depth.</p></div>
        <p>{p}</p></div></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert_has(&page.text, &["Most read", "The report found"]);
    assert_lacks(&page.text, &["Editor's Picks", "The moon", "Rare comet"]);
}

#[test]
fn a_newsletter_sign_up_set_into_the_story_is_cut_whatever_its_class() {
    let para = "Temperature records fell across the south as the heatwave tightened its grip. ";
    let html = format!(
        r#"<html><body><article><h1>Heat</h1><p>{p}</p>
        <figure><div class="x1"><p>Sign up to <strong>This is Europe</strong></p>
        <p>The most pressing stories and debates for Europeans, from identity to economics</p>
        <p><a href="/signup">Free newsletter</a></p>
        <p>Privacy Notice: Newsletters may contain info about charities and online ads.</p>
        </div></figure>
        <p><a href="?skip">skip past newsletter promotion</a></p><p>after newsletter promotion</p>
        <p>{p}</p>
        <div><p>Subscribe, the town's newsletter told its readers in 1923, and they did.</p>
        <p>{p}</p></div></article></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert_has(&page.text, &["Subscribe, the town's newsletter"]);
    assert_lacks(
        &page.text,
        &["Sign up", "pressing stories", "Privacy Notice", "promotion"],
    );
}

#[test]
fn captions_are_not_story_and_a_picture_line_loses_the_credit_that_closes_it() {
    let para = "A fast-moving wildfire forced thousands of people to flee their homes. ";
    let html = format!(
        r#"<html><body><article><h1>Fire</h1>
        <div class="img"><img src="f.jpg"><p>Firefighters battle the blaze near Redding on
        Monday. (AP Photo/Noah Berger)</p></div><p>{p}</p>
        <figure><img src="r.jpg"><figcaption>A man cools off in a fountain in Rome.
        Photograph: Jane Roe/AP</figcaption></figure><p>{p}</p>
        <div class="img"><img src="s.jpg"><p class="image-caption">Residents watch the smoke
        from a hill</p></div><p>{p}</p>
        <p>Smoke over a street in Redding on Thursday Credit: STR/AFP</p>
        <p>A tanker drops water - Image: Jane Roe</p>
        <p>J. Doe, a neighbour, filmed the tanker (Photo/video)</p>
        <p>{p}</p></article></body></html>"#,
        p = para.repeat(3)
    );
    let page = extract(&url(), &html);
    assert_has(
        &page.text,
        &[
            "Firefighters battle the blaze near Redding on Monday.\n",
            "Smoke over a street in Redding on Thursday\n",
            "A tanker drops water\n",
            "J. Doe, a neighbour, filmed the tanker (Photo/video)",
        ],
    );
    assert_lacks(
        &page.text,
        &[
            "AP Photo",
            "Noah Berger",
            "fountain",
            "Photograph",
            "Residents watch",
            "STR/AFP",
            "Image:",
        ],
    );
}

#[test]
fn pointers_and_teaser_boxes_are_known_in_more_languages() {
    let para = "Власти города в среду представили новый план реконструкции набережной. ";
    let html = format!(
        r#"<html><body><article><h1>Набережная</h1><p>{p}</p>
        <p>Читайте также: <a href="/other">Мэрия закрыла мост на ремонт</a></p><p>{p}</p>
        <p>Leggi anche: <a href="/altro">Il ponte chiude per lavori</a></p><p>{p}</p>
        <div><h3>ランキング</h3><ol><li><a href="/1">記事の見出し一</a></li>
        <li><a href="/2">記事の見出し二</a></li></ol><p>毎日更新</p></div>
        <p>{p}</p></article></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert_lacks(
        &page.text,
        &["Читайте", "Мэрия", "Leggi", "ランキング", "毎日更新"],
    );
}

#[test]
fn a_gallery_whose_story_is_its_captions_keeps_them() {
    let figures: String = (1..=8)
        .map(|i| {
            format!(
                r#"<figure><img src="g{i}.jpg"><figcaption>Crowds gather on the seafront as the tall ships sail into the harbour, day {i}.</figcaption></figure>"#
            )
        })
        .collect();
    let html = format!(
        r#"<html><body><article><h1>In pictures: tall ships</h1><p>The festival opened on
        Friday.</p>{figures}</article></body></html>"#
    );
    let page = extract(&url(), &html);
    assert_eq!(
        page.text.matches("Crowds gather").count(),
        8,
        "{}",
        page.text
    );
}
