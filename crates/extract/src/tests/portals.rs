//! What portals, syndicating sites and CMS templates set around a story: the credit of the
//! paper it came from, a donation box, a heading over buttons, a Chinese portal's disclaimer
//! and its dateline's reporters, Bitrix's detail box and its closing lines, a byline label
//! left without its linked names.

use super::{assert_has, assert_lacks, url};
use crate::extract;

#[test]
fn a_donation_box_a_source_credit_and_a_heading_over_buttons_are_cut() {
    let p = "<p>The council in the east of the country said more than a thousand households had \
             signed up in the first year of the scheme, which pays for seed and soil.</p>";
    let html = format!(
        r#"<html><body><article><h1>Town pays for wildflowers</h1>
        {p}
        <div class="wp-block-group newspack-inline-donate"><p><strong>The Report is nonprofit
        and free to read.</strong> Your gift keeps it that way. <a href="/give">Give now</a>.</p>
        </div>
        {p}
        <div class="cli cli-support-news"><h3>Support Free Journalism</h3><p>Consider
        supporting us starting at $2. Already contributed? Log in to hide these.</p></div>
        <div class="follow-us-block"><p>Stay with us for more stories from the valley, every
        morning and every evening.</p></div>
        <h2>Why it matters</h2>{p}
        <p class="source-attr">Read the original article on <a href="/x">The Daily Herald</a></p>
        <div class="article-footer"><h2>Follow topics and authors from this story to see more
        like this in your feed.</h2><button>Jane Roe</button><button>Gardens</button></div>
        </article></body></html>"#
    );
    let text = extract(&url(), &html).text;
    assert_has(&text, &["Why it matters", "which pays for seed and soil."]);
    assert!(text.ends_with("seed and soil."), "{text}");
    assert_lacks(
        &text,
        &[
            "nonprofit",
            "Give now",
            "Stay with us",
            "Consider",
            "original article",
            "Follow topics",
        ],
    );
}

#[test]
fn a_heading_over_a_picture_or_over_the_story_stays() {
    let p = "<p>The storm arrived on Tuesday night with winds of more than one hundred \
             kilometres an hour, forcing the closure of schools.</p>";
    let html = format!(
        r#"<html><body><article><h1>Storm</h1><div>{p}{p}<h2>What comes next</h2>{p}
        <h2>The flooded square</h2> <img src="square.jpg"> <h3>Hidden</h3><div hidden>{p}</div>
        </div></article></body></html>"#
    );
    let text = extract(&url(), &html).text;
    assert_has(&text, &["What comes next", "The flooded square"]);
    assert_lacks(&text, &["Hidden"]);
    // A heading that is all there is stays: it is the story.
    let html = format!(
        r#"<html><body><article><h1>Storm</h1><div><h2>What comes next</h2><div hidden>{p}</div>
        </div></article></body></html>"#
    );
    assert_has(&extract(&url(), &html).text, &["What comes next"]);
}

/// A Chinese portal's story page: meta tags naming the agency, a dateline naming the reporter,
/// then the editor's credit and the portal's disclaimer after the story.
fn portal(dateline: &str) -> String {
    let p = "<p>商务部有关负责人表示，旧家电回收补贴与以旧换新政策相互衔接，既减少了消费者更换家电的\
             成本，也有助于规范废旧家电的回收处理。</p>";
    format!(
        r#"<html><head><meta property="article:author" content="新华社"></head><body>
        <h1>多地推出旧家电回收补贴</h1><div class="article-left"><div class="article">
        <p>{dateline}记者从商务部获悉，全国已有20多个省份出台旧家电回收补贴政策，消费者交售旧冰箱、
        洗衣机等家电，可获得每台50元至300元不等的补贴。</p>{p}{p}
        <p class="show_author">责任编辑：李华</p></div>
        <div class="article-notice"><p>门户网声明：此消息系转载自门户网合作媒体，门户网登载此文出于传递
        更多信息之目的，并不意味着赞同其观点或证实其描述。</p></div></div></body></html>"#
    )
}

#[test]
fn a_chinese_portals_disclaimer_and_editor_credit_are_cut() {
    let page = extract(&url(), &portal("新华社北京11月26日电（记者 王明远）"));
    assert!(page.text.starts_with("新华社北京"), "{}", page.text);
    assert_lacks(&page.text, &["责任编辑", "声明", "转载"]);
}

#[test]
fn the_reporters_a_chinese_dateline_names_are_the_authors() {
    for (dateline, authors) in [
        ("新华社北京11月26日电（记者 王明远）", vec!["王明远"]),
        (
            "本报讯（记者王明远、李华 通讯员 张平）",
            vec!["王明远", "李华"],
        ),
        ("（記者王明遠／台北報導）", vec!["王明遠"]),
        // Not a list of names: the meta tag's author stays.
        ("本报讯（记者从市政府新闻发布会获悉）", vec!["新华社"]),
        ("", vec!["新华社"]),
    ] {
        let page = extract(&url(), &portal(dateline));
        assert_eq!(page.authors, authors, "{dateline}");
    }
}

#[test]
fn a_bitrix_news_detail_is_the_story_and_its_credit_counter_and_author_lines_go() {
    let p = "<p>Строительство новой поликлиники на улице Садовой планируют завершить к июню, \
             сообщил заместитель главы администрации, отметив, что готовность здания высокая.</p>";
    let html = format!(
        r#"<html><body><div class="content-wrap"><div class="left-col"><h1>Поликлиника</h1>
        <div class="news-detail"><span class="news-date-time">26.11.2026 14:20</span>{p}{p}{p}
        <div class="news-detail-author">Автор: <span>Ольга Никитина</span></div>
        <div class="news-detail-source">Фото: пресс-служба администрации</div>
        <div class="news-detail-views">Просмотров: 1 284</div></div>
        <div class="other-news"><div>Другие новости</div><p><a href="/n/1">На улице Ленина
        заменят трубы</a><br>Работы продлятся до середины декабря, движение будет ограничено.</p>
        </div></div><div class="right-col"><div>Популярное</div></div></div></body></html>"#
    );
    let page = extract(&url(), &html);
    assert!(
        page.text.ends_with("готовность здания высокая."),
        "{}",
        page.text
    );
    assert_eq!(page.authors, ["Ольга Никитина"]);
}

#[test]
fn a_byline_label_whose_names_were_links_goes_with_the_header_lines() {
    let p = "<p>For most of August, the river did not reach the sea, and volunteers moved more \
             than three thousand fish to pools upstream by hand.</p>";
    for intro in [
        r#"<p class="hero__introduction">Licences on the river were issued for a wetter century</p>"#,
        "",
    ] {
        let html = format!(
            r#"<html><body><main><h1>The river that ran dry</h1>{intro}
        <div><span>Words by</span><ul><li><a href="/people/g">Gwen Harrow</a></li></ul></div>
        <p><time datetime="2026-10-30">30 October 2026</time></p><p>7 minute read</p>
        <div class="streamfield"><div class="block-paragraph">{p}</div>
        <div class="block-paragraph">{p}</div><h2>A dry summer</h2>
        <div class="block-paragraph">{p}</div></div></main></body></html>"#
        );
        let text = extract(&url(), &html).text;
        assert!(text.starts_with("For most of August"), "{text}");
    }
}

/// A Korean portal's story page: the story as runs of text between line breaks, a picture
/// with its description, the reporter named at `start` or at the end, the portal's notices
/// after the story.
fn korean_portal(start: &str, end: &str) -> String {
    let p = "서울시는 27일 시민 이동 편의를 높이고 심야 택시 부족 문제를 덜기 위해 다음 달 2일부터 \
             지하철 막차 시간을 1시간 늘린다고 밝혔다.";
    format!(
        r#"<html><head><meta property="og:article:author" content="한빛일보 | 포털뉴스"></head>
        <body><div class="newsct_body"><h2>서울 지하철 심야 운행 연장</h2>
        <div class="newsct_article"><article id="dic_area">
        <span class="end_photo_org"><img src="a.jpg"><em class="img_desc">열차가 승강장에
        들어서고 있다. 자료사진</em></span><br><br>{start}{p}<br><br>{p}<br><br>{p}<br><br>{p}
        <br><br>{p}<br><br>{end}
        </article></div>
        <div class="copyright"><p>Copyright ⓒ 한빛일보. All rights reserved. 무단 전재 및 재배포 금지.</p></div>
        </div><div class="notice"><p>기사 섹션 분류 안내</p><p>기사의 섹션 정보는 해당 언론사의 분류를
        따르고 있습니다. 언론사는 개별 기사를 2개 이상 섹션으로 중복 분류할 수 있습니다.</p></div>
        </body></html>"#
    )
}

#[test]
fn a_korean_portals_story_in_runs_of_text_is_the_body_and_its_reporter_the_author() {
    for (start, end, authors) in [
        ("", "김서연 기자 syk@hanbit.example", vec!["김서연"]),
        (
            "(서울=연합뉴스) 김서연·박민수 기자 = ",
            "",
            vec!["김서연", "박민수"],
        ),
        ("", "", vec!["한빛일보"]),
    ] {
        let page = extract(&url(), &korean_portal(start, end));
        assert_eq!(page.authors, authors, "{start}{end}");
        assert!(page.text.ends_with("늘린다고 밝혔다."), "{}", page.text);
        assert_lacks(&page.text, &["자료사진", "분류", "syk@"]);
    }
}

#[test]
fn a_story_under_a_wrapper_named_content_is_read_without_the_wrappers_other_column() {
    let run = "The 23-km elevated line, being built under a public-private partnership, is 92% \
               complete, he said, and trial runs began in September.<br><br>";
    let html = format!(
        r#"<html><body><div class="contentwrapper"><div class="_3PdRj"><h1>Metro line</h1>
        <div class="_1rBPG"><span>Share</span><span>+ Text Size</span></div>
        <div class="_s30J">{run}{run}<div class="_3Wxgx"><a href="/x">Also Read</a></div>{run}{run}
        {run}</div>
        <div class="_1wiNz"><h3>Start a Conversation</h3><div>Post comment</div></div></div>
        <div class="_3EvKc"><h3>Trending</h3><p>Gold rate today and the weather update.</p></div>
        </div></body></html>"#
    );
    let text = extract(&url(), &html).text;
    assert!(text.starts_with("The 23-km"), "{text}");
    assert!(text.ends_with("began in September."), "{text}");
}

#[test]
fn a_video_blocks_title_is_cut() {
    let p = "<p>El Gobierno nacional anunció este domingo un aumento del 12% en las jubilaciones \
             y pensiones a partir de diciembre, que alcanzará a siete millones.</p>";
    let html = format!(
        r#"<html><body><article class="article"><h1>Jubilaciones</h1>{p}{p}
        <div class="article-video"><div class="video-title">Cómo consultar la fecha de cobro en
        ANSES</div><video src="/v.mp4" controls></video></div>{p}</article></body></html>"#
    );
    assert_lacks(&extract(&url(), &html).text, &["Cómo consultar"]);
}

#[test]
fn header_labels_left_without_what_they_label_go_with_the_header_lines() {
    let p = "<p>Councils in England will share £150 million to repair around 2,000 miles of \
             rural roads damaged by last winter's floods, the minister said today.</p>";
    let column = |inner: &str| {
        format!(r#"<div class="govuk-grid-row"><div class="govuk-grid-column">{inner}</div></div>"#)
    };
    let html = format!(
        r#"<html><body><main class="govuk-main-wrapper">{}{}{}{}</main></body></html>"#,
        column(
            r#"<div class="gem-c-title"><h1>New funding to fix rural roads</h1></div>
            <p class="gem-c-lead-paragraph">Councils will share £150 million to fix roads.</p>"#
        ),
        column(
            r#"<div class="gem-c-metadata"><dl><dt>From:</dt><dd><a href="/dft">Department for
            Transport</a></dd><dt>Published</dt><dd>24 November 2026</dd></dl></div>"#
        ),
        column(&format!(
            r#"<div class="gem-c-govspeak"><ul><li>£150 million for 64 councils</li>
            <li>funding for 2,000 miles of lanes</li></ul>{p}{p}<p>The minister said:</p>
            <blockquote>{p}</blockquote>{p}<h2>Notes to editors</h2>{p}</div>"#
        )),
        column(r#"<div class="gem-c-published-dates"><p>Published 24 November 2026</p></div>"#),
    );
    let text = extract(&url(), &html).text;
    assert!(text.starts_with("£150 million"), "{text}");
}

#[test]
fn a_box_of_teasers_under_a_label_goes_with_its_summaries() {
    let p = "<p>La tarifa del transporte público en Guadalajara subirá de 11 a 12.50 pesos a \
             partir del 1 de enero, informó este jueves el gobierno de Jalisco.</p>";
    for label in ["Te puede interesar", "Potrebbe interessarti"] {
        let html = format!(
            r#"<html><body><div class="cuerpo-nota"><h1>Suben tarifas</h1>{p}{p}
            <div class="notas-relacionadas"><div class="titulo">{label}</div>
            <div><a href="/a"><h3>Abrirá en marzo la Línea 5 del tren ligero</h3></a><p>La obra
            tiene un avance de 92 por ciento.</p></div><div><a href="/b"><h3>Aplican multas a
            camiones</h3></a><p>Las unidades deberán salir de circulación.</p></div></div>
            {p}</div></body></html>"#
        );
        assert_lacks(
            &extract(&url(), &html).text,
            &["avance de 92", "circulación"],
        );
    }
}

#[test]
fn a_wechat_story_s_closing_credits_go_and_its_reporter_is_its_author() {
    let html = r#"<html><head><meta name="author" content="江城日报"></head><body>
        <div id="js_content"><p><span>今天上午9时，江城地铁三号线正式开通运营。这条线路全长28.6公里，共设12座车站，连接城北高铁站和南湖新区。</span></p>
        <p><span>三号线开通后，从高铁站到南湖新区的时间将由原来的一个多小时缩短到40分钟左右。首班车6时发车，末班车23时发车。</span></p>
        <p><span>图片来源：江城轨道交通集团</span></p><p><span>来源：江城日报</span></p>
        <p><span>记者：陈晓雨</span></p><p><span>编辑：王磊</span></p>
        <section><img src="qr.jpg"><p><span>长按识别二维码，关注江城日报</span></p></section>
        </div></body></html>"#;
    let page = extract(&url(), html);
    assert_eq!(page.authors, ["陈晓雨"]);
    assert!(
        page.text.ends_with("首班车6时发车，末班车23时发车。"),
        "{}",
        page.text
    );
}
