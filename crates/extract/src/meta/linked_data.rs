//! What a page's JSON-LD says about its story.

use scraper::ElementRef;

use super::{collapse, push_name, push_tag, unescape};

/// schema.org types whose JSON-LD describes the story on the page (a blog's post on a social
/// platform is a `SocialMediaPosting`; a forum's thread, one of those too, is `OTHER_TYPES`').
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
];

/// schema.org types of what a page that is no story describes (ends of type names: "Event"
/// also for "MusicEvent"): a forum's thread and a question's answers are readers' posts.
const OTHER_TYPES: &[&str] = &[
    "DiscussionForumPosting",
    "QAPage",
    "Product",
    "ProductGroup",
    "Event",
    "JobPosting",
    "Course",
    "LocalBusiness",
    "Restaurant",
    "Hotel",
];

/// What the page's JSON-LD says about its story.
#[derive(Default)]
pub(super) struct LinkedData {
    pub(super) is_article: bool,
    /// Whether an object of a type that is no story's (`OTHER_TYPES`) is described.
    pub(super) is_other: bool,
    pub(super) headline: Option<String>,
    pub(super) authors: Vec<String>,
    pub(super) published: Option<String>,
    pub(super) modified: Option<String>,
    pub(super) description: Option<String>,
    pub(super) image: Option<String>,
    pub(super) publisher: Option<String>,
    pub(super) section: Option<String>,
    pub(super) keywords: Vec<String>,
    /// `articleBody` as written (read by `plain_paragraphs` only when it is needed).
    pub(super) body: Option<String>,
}

fn ld_str(map: &serde_json::Map<String, serde_json::Value>, key: &str) -> Option<String> {
    let value = map.get(key)?;
    let text = match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => items.first()?.as_str()?.to_owned(),
        serde_json::Value::Object(o) => o
            .get("url")
            .or_else(|| o.get("name"))
            .and_then(|v| v.as_str())?
            .to_owned(),
        _ => return None,
    };
    let text = collapse(&unescape(&text));
    (!text.is_empty()).then_some(text)
}

/// What the page's JSON-LD `scripts` say.
impl LinkedData {
    /// Reads the first object describing the story.
    fn read_article(&mut self, map: &serde_json::Map<String, serde_json::Value>) {
        self.is_article = true;
        self.headline = ld_str(map, "headline");
        self.published = ld_str(map, "datePublished");
        self.modified = ld_str(map, "dateModified");
        self.description = ld_str(map, "description");
        self.image = ld_str(map, "image");
        self.section = ld_str(map, "articleSection");
        self.body = map
            .get("articleBody")
            .and_then(|b| b.as_str())
            .map(str::to_owned);
        self.publisher = map
            .get("publisher")
            .and_then(|p| p.as_object())
            .and_then(|p| ld_str(p, "name"));
        match map.get("keywords") {
            Some(serde_json::Value::String(k)) => {
                for tag in k.split(',') {
                    push_tag(&mut self.keywords, &unescape(tag));
                }
            }
            Some(serde_json::Value::Array(ks)) => {
                for tag in ks.iter().filter_map(|k| k.as_str()) {
                    push_tag(&mut self.keywords, &unescape(tag));
                }
            }
            _ => {}
        }
        if let Some(author) = map.get("author") {
            people(author, &mut self.authors);
        }
    }
}

pub(super) fn linked_data(scripts: &[ElementRef<'_>]) -> LinkedData {
    let mut found = LinkedData::default();
    for script in scripts {
        let text: String = script.text().collect();
        let Ok(value) = serde_json::from_str::<serde_json::Value>(unwrap_cdata(&text)) else {
            continue;
        };
        // Iterative walk over the JSON: objects, arrays and `@graph`s.
        let mut stack = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
                serde_json::Value::Object(map) => {
                    let is_article = match map.get("@type") {
                        Some(serde_json::Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                        Some(serde_json::Value::Array(ts)) => ts
                            .iter()
                            .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                        _ => false,
                    };
                    found.is_other |= OTHER_TYPES.iter().any(|t| is_type(v, t));
                    if is_article && !found.is_article {
                        found.read_article(map);
                    }
                    if let Some(graph) = map.get("@graph") {
                        stack.push(graph);
                    }
                }
                _ => {}
            }
        }
    }
    found
}

/// A plain text's paragraphs (its lines, entities decoded), each on one line with a blank line
/// between; none for a text that holds HTML tags.
pub(crate) fn plain_paragraphs(text: &str) -> Option<String> {
    let tagged = text
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/'));
    if tagged {
        return None;
    }
    let paragraphs: Vec<String> = text
        .lines()
        .map(|line| collapse(&unescape(line)))
        .filter(|line| !line.is_empty())
        .collect();
    (!paragraphs.is_empty()).then(|| paragraphs.join("\n\n"))
}

/// The JSON inside a script that wraps it in `<![CDATA[ ... ]]>` or an HTML comment (with or
/// without `//` in front), as many sites still do.
fn unwrap_cdata(text: &str) -> &str {
    let mut t = text.trim();
    for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->")] {
        let start = t.strip_prefix("//").unwrap_or(t).trim_start();
        if let Some(inner) = start.strip_prefix(open) {
            let inner = inner.trim_end();
            let inner = inner.strip_suffix(close).unwrap_or(inner).trim_end();
            t = inner.strip_suffix("//").unwrap_or(inner).trim();
        }
    }
    t
}

/// Names from a schema.org `author`: a string, a Person or Organization, or a list of them.
fn people(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(name) => push_name(out, &unescape(name)),
        serde_json::Value::Object(map) => {
            if let Some(name) = map.get("name") {
                people(name, out);
            }
        }
        serde_json::Value::Array(items) => {
            // Beside people, an organisation named as an author is the publisher, not a writer.
            let person = items.iter().any(|item| is_type(item, "Person"));
            for item in items.iter().take(20) {
                match item {
                    serde_json::Value::String(name) => push_name(out, &unescape(name)),
                    serde_json::Value::Object(map)
                        if !(person && is_type(item, "Organization")) =>
                    {
                        if let Some(serde_json::Value::String(name)) = map.get("name") {
                            push_name(out, &unescape(name));
                        }
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
}

/// Whether a schema.org object's `@type` (a string or a list) ends with `kind`: "Person",
/// "Organization" also for "NewsMediaOrganization".
fn is_type(value: &serde_json::Value, kind: &str) -> bool {
    match value.get("@type") {
        Some(serde_json::Value::String(t)) => t.ends_with(kind),
        Some(serde_json::Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| t.ends_with(kind))),
        _ => false,
    }
}
