//! Structured data: the page's JSON-LD entities, which one is the article, and the
//! title, authors, dates and categories read from it.

use super::*;

/// Enough keywords for any real page; tag clouds beyond it are noise.
const MAX_CATEGORIES: usize = 30;

/// A JSON-LD graph bigger than this is not describing one page.
const MAX_LD_ENTITIES: usize = 2000;

/// Types Readability treats as "the article" (plus anything ending in "Article").
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "AdvertiserContentArticle",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "Report",
    "SatiricalArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "SocialMediaPosting",
    "BlogPosting",
    "LiveBlogPosting",
    "DiscussionForumPosting",
    "TechArticle",
    "APIReference",
];

/// Types that describe the site or page furniture, not the page's subject.
const GENERIC_TYPES: &[&str] = &[
    "WebSite",
    "WebPage",
    "Organization",
    "NewsMediaOrganization",
    "Corporation",
    "LocalBusiness",
    "Person",
    "BreadcrumbList",
    "ListItem",
    "ImageObject",
    "SiteNavigationElement",
    "SearchAction",
    "EntryPoint",
    "WPHeader",
    "WPFooter",
    "WPSideBar",
    "ReadAction",
    "Brand",
    "Offer",
    "AggregateOffer",
    "AggregateRating",
    "Rating",
    "PostalAddress",
    "ContactPoint",
    "Place",
    "GeoCoordinates",
    "OpeningHoursSpecification",
    "PropertyValue",
    "Thing",
];

/// Typed JSON-LD objects of the page, flattened (arrays, `@graph`, `mainEntity`) in
/// document order.
pub(super) struct StructuredData {
    pub(super) entities: Vec<Value>,
}

impl StructuredData {
    pub(super) fn from_scripts(scripts: &[String]) -> StructuredData {
        let mut entities = Vec::new();
        for script in scripts {
            let mut stack: Vec<Value> = parse_json_ld(script).into_iter().rev().collect();
            while let Some(value) = stack.pop() {
                if entities.len() >= MAX_LD_ENTITIES {
                    break;
                }
                match value {
                    Value::Array(items) => stack.extend(items.into_iter().rev()),
                    Value::Object(mut map) => {
                        let mut nested = Vec::new();
                        if let Some(graph) = map.remove("@graph") {
                            nested.push(graph);
                        }
                        if let Some(main) = map.get("mainEntity").filter(|m| m.is_object()) {
                            nested.push(main.clone());
                        }
                        if map.contains_key("@type") {
                            entities.push(Value::Object(map));
                        }
                        stack.extend(nested.into_iter().rev());
                    }
                    _ => {}
                }
            }
        }
        StructuredData { entities }
    }

    /// The first article-typed entity.
    pub(super) fn article(&self) -> Option<&Value> {
        self.entities.iter().find(|e| {
            type_names(e)
                .iter()
                .any(|t| ARTICLE_TYPES.contains(t) || t.ends_with("Article"))
        })
    }

    /// The answer texts of the question a `QAPage` is about, in order (accepted
    /// first). Empty without a `QAPage`: FAQ markup lists answers the page shows as
    /// its own content, and is no thread.
    pub(super) fn answers(&self) -> Vec<String> {
        let qa_page = self
            .entities
            .iter()
            .any(|e| type_names(e).contains(&"QAPage"));
        if !qa_page {
            return Vec::new();
        }
        let Some(question) = self
            .entities
            .iter()
            .find(|e| type_names(e).contains(&"Question"))
        else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for key in ["acceptedAnswer", "suggestedAnswer"] {
            let answers = match question.get(key) {
                Some(Value::Array(items)) => items.iter().collect(),
                Some(answer) => vec![answer],
                None => Vec::new(),
            };
            for answer in answers {
                if let Some(text) = answer.get("text").and_then(Value::as_str) {
                    let text = clean_multiline(&strip_tags(text));
                    if !text.is_empty() {
                        out.push(text);
                    }
                }
            }
        }
        out
    }

    /// Who wrote the page's subject when it is no article: the primary entity's
    /// authors, or the opening post's of a thread (a `QAPage` names none itself;
    /// its question does).
    pub(super) fn subject_authors(&self) -> Option<String> {
        self.primary_other().and_then(ld_authors).or_else(|| {
            self.entities
                .iter()
                .filter(|e| {
                    type_names(e).iter().any(|t| {
                        matches!(
                            *t,
                            "Question" | "DiscussionForumPosting" | "SocialMediaPosting"
                        )
                    })
                })
                .find_map(ld_authors)
        })
    }

    /// The first entity that is about the page's subject but not an article (a product,
    /// recipe, question, event...).
    pub(super) fn primary_other(&self) -> Option<&Value> {
        self.entities.iter().find(|e| {
            let types = type_names(e);
            !types.is_empty() && types.iter().all(|t| !GENERIC_TYPES.contains(t))
        })
    }
}

/// Parses one script's JSON-LD, tolerating CDATA/comment wrappers, trailing garbage,
/// several concatenated values and raw control characters inside strings.
fn parse_json_ld(raw: &str) -> Vec<Value> {
    let mut text = raw.trim();
    for prefix in ["<!--", "//<![CDATA[", "<![CDATA["] {
        if let Some(rest) = text.strip_prefix(prefix) {
            text = rest.trim_start();
        }
    }
    for suffix in ["-->", "//]]>", "]]>"] {
        if let Some(rest) = text.strip_suffix(suffix) {
            text = rest.trim_end();
        }
    }
    let values = parse_json_stream(text);
    if !values.is_empty() {
        return values;
    }
    // JSON forbids raw newlines and tabs inside strings; CMS templates emit them anyway.
    let sanitized: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    parse_json_stream(&sanitized)
}

fn parse_json_stream(text: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    while let Some(Ok(value)) = stream.next() {
        out.push(value);
    }
    out
}

/// Local names of `@type` ("http://schema.org/NewsArticle" → "NewsArticle").
pub(super) fn type_names(entity: &Value) -> Vec<&str> {
    fn local(t: &str) -> &str {
        t.rsplit(['/', ':', '#']).next().unwrap_or(t).trim()
    }
    match entity.get("@type") {
        Some(Value::String(t)) => vec![local(t)],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).map(local).collect(),
        _ => Vec::new(),
    }
}

pub(super) fn first_object(v: &Value) -> Option<&Value> {
    match v {
        Value::Array(items) => items.iter().find(|i| i.is_object()),
        Value::Object(_) => Some(v),
        _ => None,
    }
}

/// The first non-empty string among `keys` (a string, or the first string of an array).
pub(super) fn ld_string(entity: &Value, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| {
        let v = entity.get(*k)?;
        let s = match v {
            Value::String(s) => s.as_str(),
            Value::Array(items) => items.iter().find_map(Value::as_str)?,
            _ => return None,
        };
        Some(clean(s)).filter(|s| !s.is_empty())
    })
}

/// Like [`ld_string`], keeping paragraph breaks (bodies are rendered as text).
pub(super) fn ld_body(entity: &Value, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| {
        let s = entity.get(*k)?.as_str()?;
        let body = clean_multiline(s);
        (!body.is_empty()).then_some(body)
    })
}

/// Readability picks `name` over `headline` unless only the headline resembles the
/// document title (sites put the SEO title in one and the real headline in the other).
pub(super) fn ld_title(article: &Value, doc_title: Option<&str>) -> Option<String> {
    let name = ld_string(article, &["name"]);
    let headline = ld_string(article, &["headline"]);
    match (name, headline) {
        (Some(name), Some(headline)) if name != headline => {
            let doc_title = doc_title.unwrap_or("");
            let name_matches = text_similarity(&name, doc_title) > 0.75;
            let headline_matches = text_similarity(&headline, doc_title) > 0.75;
            Some(if headline_matches && !name_matches {
                headline
            } else {
                name
            })
        }
        (name, headline) => name.or(headline),
    }
}

/// Share of `b`'s token text also found in `a` (Readability's `_textSimilarity`).
fn text_similarity(a: &str, b: &str) -> f64 {
    let tokens = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()
    };
    let ta = tokens(a);
    let tb = tokens(b);
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let uniq_b: Vec<&str> = tb
        .iter()
        .filter(|t| !ta.contains(t))
        .map(String::as_str)
        .collect();
    let all_b_len = tb.join(" ").chars().count() as f64;
    let uniq_b_len = uniq_b.join(" ").chars().count() as f64;
    1.0 - uniq_b_len / all_b_len
}

/// Whether every author a JSON-LD entity names is typed `Organization` (or a kind of
/// one: `NewsMediaOrganization`, `Corporation`).
pub(super) fn ld_authors_are_organisations(entity: &Value) -> bool {
    let items = ld_author_items(entity);
    let organisation = |t: &str| t.ends_with("Organization") || t == "Corporation";
    !items.is_empty()
        && items.iter().all(|item| match item.get("@type") {
            Some(Value::String(t)) => organisation(t),
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(organisation),
            _ => false,
        })
}

/// The entries of an entity's `author`: one value, or each of an array.
fn ld_author_items(entity: &Value) -> Vec<&Value> {
    // Not `creator`: that is the account that filed the record, often a user name.
    match entity.get("author") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(other) => vec![other],
        None => Vec::new(),
    }
}

/// Author names of an entity: a string, `{name}`, or an array of either, joined by ", ".
pub(super) fn ld_authors(entity: &Value) -> Option<String> {
    let mut names = Vec::new();
    for item in ld_author_items(entity) {
        let name = match item {
            Value::String(s) => Some(s.as_str()),
            Value::Object(_) => match item.get("name") {
                Some(Value::String(s)) => Some(s.as_str()),
                Some(Value::Array(ns)) => ns.iter().find_map(Value::as_str),
                _ => None,
            },
            _ => None,
        };
        if let Some(name) = name
            .map(clean)
            .filter(|n| !n.is_empty() && !looks_like_url(n))
        {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    (!names.is_empty()).then(|| names.join(", "))
}

// ---------------------------------------------------------------------------------------
// Categories.

#[derive(Default)]
pub(super) struct CategoryList {
    pub(super) items: Vec<String>,
}

impl CategoryList {
    fn add(&mut self, raw: &str) {
        let item = clean(raw);
        if item.is_empty()
            || item.chars().count() > 60
            || self.items.len() >= MAX_CATEGORIES
            || self
                .items
                .iter()
                .any(|i| i.to_lowercase() == item.to_lowercase())
        {
            return;
        }
        self.items.push(item);
    }

    pub(super) fn add_list(&mut self, raw: &str) {
        for part in raw.split(',') {
            self.add(part);
        }
    }

    pub(super) fn add_value(&mut self, value: Option<&Value>) {
        match value {
            Some(Value::String(s)) => self.add_list(s),
            Some(Value::Array(items)) => {
                for s in items.iter().filter_map(Value::as_str) {
                    self.add(s);
                }
            }
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------------------
// Text cleaning.
