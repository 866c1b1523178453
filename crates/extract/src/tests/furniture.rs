//! What the page sets into the story: screen-reader labels, boxes told by their titles,
//! headings left alone, newsletter invitations, labels and buttons, pointers to other stories.

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
fn pointers_and_teaser_boxes_are_known_in_more_languages() {
    let para = "Власти города в среду представили новый план реконструкции набережной. ";
    let html = format!(
        r#"<html><body><article><h1>Набережная</h1><p>{p}</p>
        <p>Читайте также: <a href="/other">Мэрия закрыла мост на ремонт</a></p><p>{p}</p>
        <p>Leggi anche: <a href="/altro">Il ponte chiude per lavori</a></p><p>{p}</p>
        <div><h3>ランキング</h3><ol><li><a href="/1">記事の見出し一</a></li>
        <li><a href="/2">記事の見出し二</a></li></ol><p>毎日更新</p></div>
        <p>{p}</p><div class="relacionadas"><p class="titulo">Noticias relacionadas</p><ul>
        <li><a href="/paro">El paro baja en 25.000 personas en octubre</a></li></ul></div>
        <p><strong>Recibe cada mañana las noticias más importantes en tu correo.</strong>
        <a href="/newsletter/">Apúntate a nuestra newsletter</a></p>
        <p>{p}</p></article></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert_lacks(
        &page.text,
        &[
            "Читайте",
            "Мэрия",
            "Leggi",
            "ランキング",
            "毎日更新",
            "relacionadas",
            "Recibe",
        ],
    );
}

#[test]
fn labels_buttons_and_photo_credits_are_not_story_text() {
    let para = "The peacekeepers at the camp said supplies had not arrived for three weeks now. ";
    let html = format!(
        r#"<html><body><article><h1>Camp</h1>
        <h2>Background<span class="mw-editsection">[edit]</span></h2>
        <p>{p}</p><div><span>Photo</span></div>
        <figure><img src="a.jpg"><span class="credit">Credit Jane Roe/Agency</span></figure>
        <p>{p}</p><p>ADVERTISEMENT</p><p>Read more:</p><h2>Contents</h2><p>精彩视频推荐</p>
        <p>Article continues below</p><p>Weiterlesen nach der Anzeige</p>
        <p>Article continues below this ad</p><p>広告</p><p><strong>관련기사</strong></p>
        <p>PUBLICIDADE</p><p>SCROLL TO CONTINUE WITH CONTENT</p><p>Advertisement · Scroll to continue</p><p>Haberin Devamı</p>
        <p>פרסומת</p><p>विज्ञापन</p><p>Hirdetés</p><p>Photo 3/10</p><p>Image 1 of 5</p><p>Listen to this article</p>
        <p>Comments are closed.</p><p>Recommended for you</p><p>Share on Facebook Share on X</p>
        <p>Want more stories like this? Subscribe to our newsletter.</p>
        <p>Click here to subscribe to our newsletter.</p><p>图为江西九江市防汛人员在长江大堤上巡查。</p>
        <p>九江市防汛人员在大堤上巡查。（华东日报记者 李强 摄）</p><p>Receba as notícias no seu e-mail. <a href="/n">Inscreva-se na
        nossa newsletter</a>.</p><p>Get the Daily Briefing newsletter in your inbox.</p>
        <p>Next page: <a href="/camp/2">Supplies&gt;&gt;</a></p><h3>Related Searches</h3>
        <p>From Wikipedia, the free encyclopedia</p>
        <div class="ai2html"><p>$915</p><p>Interest payments on the debt</p></div>
        <p>{p}</p><p>SIGN UP FOR OUR NEWSLETTER</p></article></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert!(
        page.text.starts_with("Background\n\nThe peacekeepers"),
        "{}",
        page.text
    );
    assert_lacks(
        &page.text,
        &[
            "[edit]",
            "Photo",
            "Credit",
            "ADVERTISEMENT",
            "Read more",
            "SIGN UP",
            "Interest payments",
            "Contents",
            "精彩",
            "Next page",
            "Related Searches",
            "Wikipedia",
            "continues below",
            "Weiterlesen",
            "Daily Briefing",
            "広告",
            "관련기사",
            "PUBLICIDADE",
            "SCROLL",
            "Scroll to",
            "Haberin",
            "פרסומת",
            "विज्ञापन",
            "Hirdetés",
            "3/10",
            "1 of 5",
            "Listen",
            "Comments are closed",
            "Recommended for you",
            "Share on",
            "Want more stories",
            "Click here",
            "九江市",
            "Inscreva-se",
        ],
    );
}

#[test]
fn pointers_to_other_stories_credits_and_hidden_lists_are_cut() {
    let para = "The museum reopened on Sunday with guards at every door and bags checked. ";
    let html = format!(
        r#"<html><body><article><h1>Museum</h1>
        <p>[What you need to know today: <a href="/newsletter">Get our morning briefing</a>.]</p>
        <p>{p} See <a href="/report">the full report</a> for the figures.</p>
        <h2>Getty Images sues a rival</h2>
        <p><a href="/older"><span>Related: Guards were cut last year</span></a></p>
        <p>{p}</p><p>
            Lire aussi : <a href="/fr">Le musée rouvre ses portes</a></p>
        <p><strong>Also Read | </strong><a href="/in">Museum ticket sales double</a></p>
        <p><strong>اقرأ أيضا:</strong> <a href="/ar">المتحف يعيد فتح أبوابه</a></p>
        <p><strong>Baca juga: <a href="/id">Museum dibuka kembali</a></strong></p>
        <p><strong>ये भी पढ़ें: <a href="/hi">संग्रहालय फिर खुला</a></strong></p>
        <p><strong>קראו גם:</strong> <a href="/he">המוזיאון נפתח מחדש</a></p>
        <p><strong>Διαβάστε επίσης:</strong> <a href="/el">Ξανανοίγει το μουσείο</a></p>
        <p><strong>อ่านข่าวที่เกี่ยวข้อง:</strong> <a href="/th">พิพิธภัณฑ์เปิดอีกครั้ง</a></p>
        <p><strong>بیشتر بخوانید:</strong> <a href="/fa">موزه دوباره باز شد</a></p>
        <p><strong>Kapcsolódó:</strong> <a href="/hu">Újra nyit a múzeum</a></p>
        <p>AP arts: <a href="https://ap.example/hub/arts">https://ap.example/hub/arts</a></p>
        <p>【関連記事】<a href="/ja">美術館が再開</a></p><p>▶ 관련기사 <a href="/ko">미술관 재개관</a></p>
        <p><b>SEE ALSO</b> <a href="/see">The museum's new wing</a></p>
        <p>More <a href="/count">than 300 people</a> queued at the doors on the first morning.</p>
        <p>Powered by SmartAsset.com</p>
        <div><a href="/teaser"><div>Why museums keep closing</div><time>Aug. 18, 2016</time></a></div>
        <p>{p}</p>
        <p><a href="javascript:void(0)">A scripted link's text is still the page's own.</a> {p}</p>
        <p><b>Read more:</b></p><p><a href="/a">The museum's treasures</a></p>
        <p>Filed to: <a href="/tag/museums">museums</a></p><p>(Bild: Hersteller)</p>
        <p>Labels: <a href="/label/art">Art</a>, <a href="/label/city">City</a></p>
        <ul class="hidden"><li>Politics &amp; Government</li><li>Arts</li></ul>
        <p>Photos by Jane Roe (Agency), John Doe</p><p>Jane Roe/Getty Images</p><p>View photo</p>
        <p>(All photos: Museum staff)</p><p>Top photo by Jane Roe</p>
        <p>CNN (New York) First published February 1, 2016: 1:28 AM ET</p>
        <p>Follow Backchannel: <a href="https://social.example/b">Twitter</a> |<a
          href="https://social.example/f">Facebook</a></p>
        <div class="zergnet-pw">Promoted By Zergnet</div>
        <div class="mbArticleShareBtn"><span>Share on Weibo</span></div>
        <div class="SideBox"><p class="Header">Not logged in</p></div>
        <p>More museum news:</p></article></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert!(page.text.contains("the full report"), "{}", page.text);
    assert!(
        page.text.contains("A scripted link's text"),
        "{}",
        page.text
    );
    assert!(page.text.contains("Getty Images sues"), "{}", page.text);
    assert!(page.text.contains("More than 300 people"), "{}", page.text);
    assert_lacks(
        &page.text,
        &[
            "المتحف",
            "Baca juga",
            "पढ़ें",
            "קראו",
            "Διαβάστε",
            "อ่าน",
            "بخوانید",
            "Kapcsolódó",
            "AP arts",
            "関連記事",
            "관련기사",
            "SEE ALSO",
            "ticket sales",
            "morning briefing",
            "Related",
            "Lire aussi",
            "SmartAsset",
            "Why museums",
            "Aug. 18",
            "treasures",
            "First published",
            "More museum news",
            "Filed to",
            "Labels",
            "Bild",
            "Politics",
            "Photos by",
            "Roe/Getty",
            "View photo",
            "Follow",
            "All photos",
            "Top photo",
            "Zergnet",
            "Weibo",
            "logged in",
        ],
    );
    assert!(
        page.text.trim_end().ends_with("bags checked."),
        "{}",
        page.text
    );
}

#[test]
fn a_label_opening_with_related_is_cut_whatever_follows() {
    let para = "Wind gusts reached 68 mph at the airport shortly after 2 a.m., forecasters said. ";
    let html = format!(
        r#"<html><body><article><h1>Storm</h1><p>{p}</p>
        <p><strong>RELATED COVERAGE:</strong></p><ul><li><a href="/a">How to report a downed
        power line and stay safe</a></li><li><a href="/b">Valley Power rate increase approved by
        regulators</a></li></ul><p>{p}</p><h2>Related video</h2><p>{p}</p>
        <p>Related costs rose sharply last year, the council said.</p></article></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert_lacks(
        &page.text,
        &["RELATED", "Related video", "downed power line"],
    );
    assert_has(&page.text, &["Wind gusts", "Related costs rose sharply"]);
}

#[test]
fn a_caption_named_beside_a_word_for_text_is_cut() {
    let para =
        "A fast-moving wildfire forced thousands of people to flee their homes on Saturday. ";
    let html = format!(
        r#"<html><body><h1>Wildfire</h1><div class="asset-content" itemprop="articleBody">
        <div class="asset-photo"><img src="fire.jpg"><div class="caption-text"><p>Firefighters
        watch a hillside burn near Oroville on Saturday.</p></div></div>
        <p>{p}</p><p>{p}</p><p>{p}</p></div></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert_lacks(&page.text, &["Firefighters watch"]);
    assert_has(&page.text, &["A fast-moving wildfire"]);
}

#[test]
fn a_site_s_list_title_a_skip_ad_label_and_a_pointer_to_a_headline_with_a_colon_go() {
    let para = "Copper climbed to the highest in two years as mine outages tightened supply. ";
    let html = format!(
        r#"<html><body><article><h1>Copper</h1><p>{p}</p>
        <p>Most Read from Bloomberg</p><ul><li><a href="/a">Fed Officials Signal Patience on
        Rate Cuts</a></li><li><a href="/b">NYC Rents Hit Record</a></li></ul>
        <p>{p}</p><p>Passer la publicité</p>
        <p><strong>À lire aussi</strong> <a href="/c">Tabac : les ventes reculent encore</a></p>
        <p>{p}</p><p><strong>More Must-Reads from TIME</strong></p>
        <ul><li><a href="/d">The Year's Best Inventions</a></li></ul></article></body></html>"#,
        p = para.repeat(2)
    );
    let text = extract(&url(), &html).text;
    assert_lacks(
        &text,
        &["Most Read", "Passer", "lire aussi", "Tabac", "Must-Reads"],
    );
    assert!(text.ends_with("tightened supply."), "{text}");
}

#[test]
fn a_label_saying_the_story_continues_below_a_video_goes() {
    let p = "Copper climbed to the highest in two years as mine outages tightened supply. ";
    for label in [
        "Dalsza część artykułu pod materiałem wideo",
        "Story continues below video",
    ] {
        let html = format!(
            "<html><body><article><h1>Copper</h1><p>{p}{p}</p><p>{label}</p><p>{p}{p}</p>\
             </article></body></html>"
        );
        let text = extract(&url(), &html).text;
        assert!(!text.contains(label), "{label}: {text}");
    }
}
