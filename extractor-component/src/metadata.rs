//! Page metadata in layers: JSON-LD → OpenGraph / Twitter / Dublin Core → `<meta>` →
//! `<title>`, plus byline and date from markup.
//!
//! The order of the layers follows Mozilla Readability (the reference most tools and
//! users compare against): a JSON-LD article entity first, then Dublin Core, OpenGraph,
//! Twitter and Parse.ly meta tags, and only then the `<title>` element, cut at its
//! site-name separator. Byline and date fall back to markup (`rel=author`, `itemprop`,
//! byline-ish class names, `<time datetime>`). Every value is entity-decoded (meta
//! contents are often escaped twice) and whitespace-collapsed; dates come out as
//! ISO 8601.

use std::collections::HashMap;

use ego_tree::NodeRef;
use scraper::node::Element;
use scraper::{Html, Node};
use serde_json::Value;
use url::Url;

use crate::language;

/// Everything the page says about itself, independent of where its main content is.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    /// ISO 8601 date or date-time.
    pub published_iso: Option<String>,
    pub description: Option<String>,
    pub site_name: Option<String>,
    pub categories: Vec<String>,
    /// Declared language (`<html lang>`, `content-language`, `og:locale`), normalised.
    pub language: Option<String>,
    /// JSON-LD `articleBody` / `text` / product description: the fallback content when
    /// the DOM has none.
    pub structured_body: Option<String>,
    /// JSON-LD `@type` of the main entity (e.g. "NewsArticle", "Product",
    /// "DiscussionForumPosting"), a hint for page-type handling.
    pub page_type_hint: Option<String>,
    /// The answers a `QAPage`'s question declares (`acceptedAnswer`,
    /// `suggestedAnswer`), as plain text: Q&A sites that load their answers by
    /// script still list them here.
    pub structured_answers: Vec<String>,
}

/// Bylines longer than this are paragraphs that happen to carry an "author" class.
const MAX_BYLINE_CHARS: usize = 100;
/// Enough keywords for any real page; tag clouds beyond it are noise.
const MAX_CATEGORIES: usize = 30;
/// A JSON-LD graph bigger than this is not describing one page.
const MAX_LD_ENTITIES: usize = 2000;

/// Reads the metadata layers of `doc`.
pub fn extract(doc: &Html, page_url: Option<&Url>) -> Metadata {
    let _ = page_url;
    let scan = Scan::of(doc);
    let ld = StructuredData::from_scripts(&scan.ld_scripts);
    let metas = &scan.metas;

    // `<title>` cut at its separators; JSON-LD needs it to choose between name and
    // headline, so it is computed up front even when a meta title wins.
    let doc_title = scan
        .title
        .as_deref()
        .map(|t| article_title(t, &scan.headings, &scan.h1s))
        .filter(|t| !t.is_empty());

    let article = ld.article();
    let title = article
        .and_then(|a| ld_title(a, doc_title.as_deref()))
        .or_else(|| {
            metas.first_of(&[
                "dc:title",
                "dcterm:title",
                "dcterms:title",
                "og:title",
                "weibo:article:title",
                "weibo:webpage:title",
                "title",
                "twitter:title",
                "parsely-title",
                "sailthru:title",
            ])
        })
        .or_else(|| {
            ld.primary_other()
                .and_then(|e| ld_string(e, &["name", "headline"]))
        })
        .or(doc_title);

    // The site or its publisher named as the author says no more than the masthead:
    // a person's byline in the page wins over it, and it stays the last resort.
    let publisher = article
        .and_then(|a| a.get("publisher"))
        .and_then(|p| ld_string(first_object(p)?, &["name"]));
    let publishers: Vec<String> = [publisher.clone(), metas.last("og:site_name")]
        .into_iter()
        .flatten()
        .collect();
    let organisation_byline = std::cell::Cell::new(None);
    let unless_organisation = |byline: String, organisation: bool| {
        if organisation || publishers.iter().any(|p| p.eq_ignore_ascii_case(&byline)) {
            organisation_byline.set(Some(byline));
            None
        } else {
            Some(byline)
        }
    };
    let byline = article
        .and_then(|a| {
            let names = clean_byline(&ld_authors(a)?)?;
            unless_organisation(names, ld_authors_are_organisations(a))
        })
        .or_else(|| {
            [
                "dc:creator",
                "dcterm:creator",
                "dcterms:creator",
                "author",
                "parsely-author",
                "article:author",
                "sailthru:author",
            ]
            .iter()
            .filter_map(|k| metas.last(k))
            .find_map(|v| clean_byline(&v))
            .and_then(|b| unless_organisation(b, false))
        })
        .or_else(|| citation_authors(metas))
        .or_else(|| labelled_twitter_author(metas))
        .or_else(|| {
            let (hit, link) = dom_byline(doc);
            let marked = hit.or_else(|| ld.subject_authors().and_then(|b| clean_byline(&b)));
            match organisation_byline.take() {
                // Over the masthead, only a name the markup marks as the author's.
                Some(organisation) => marked
                    .filter(|b| reads_as_name(b))
                    .or(link)
                    .or(Some(organisation)),
                None => marked
                    .or_else(|| labelled_byline(doc))
                    .or_else(|| byline_under_headline(doc))
                    .or(link),
            }
        });

    let published_iso = article
        .and_then(|a| ld_string(a, &["datePublished"]))
        .and_then(|d| parse_date(&d))
        .or_else(|| {
            [
                "article:published_time",
                "parsely-pub-date",
                "og:published_time",
                "article:published",
                "datepublished",
                "itemprop:datepublished",
                "publish-date",
                "publish_date",
                "publishdate",
                "published-date",
                "published_date",
                "publication-date",
                "publication_date",
                "published",
                "pubdate",
                "sailthru:date",
                "dc:date",
                "dc:date:issued",
                "dcterm:date",
                "dcterms:date",
                "dcterms:created",
                "dcterms:issued",
                "citation_publication_date",
                "citation_date",
                "date",
            ]
            .iter()
            .filter_map(|k| metas.last(k))
            .find_map(|v| parse_date(&v))
        })
        .or_else(|| {
            ld.primary_other()
                .and_then(|e| ld_string(e, &["datePublished", "uploadDate", "dateCreated"]))
                .and_then(|d| parse_date(&d))
        })
        .or_else(|| scan.markup_dates.iter().find_map(|d| parse_date(d)))
        // SEO plugins put the date on the page's `WebPage` node, not an article.
        .or_else(|| {
            ld.entities
                .iter()
                .filter_map(|e| ld_string(e, &["datePublished"]))
                .find_map(|d| parse_date(&d))
        })
        .or(scan.text_date)
        // With no date of publication anywhere, the last revision's is the best
        // a reader has.
        .or_else(|| {
            [
                "article:modified_time",
                "og:updated_time",
                "dcterms:modified",
                "modified-date",
                "last-modified",
                "updated-date",
                "updateddate",
            ]
            .iter()
            .filter_map(|k| metas.last(k))
            .find_map(|v| parse_date(&v))
        })
        .or_else(|| {
            article
                .or(ld.primary_other())
                .and_then(|a| ld_string(a, &["dateModified"]))
                .and_then(|d| parse_date(&d))
        });

    let description = article
        .and_then(|a| ld_string(a, &["description"]))
        .or_else(|| {
            metas.first_of(&[
                "dc:description",
                "dcterm:description",
                "dcterms:description",
                "og:description",
                "weibo:article:description",
                "weibo:webpage:description",
                "description",
                "twitter:description",
            ])
        })
        .or_else(|| {
            ld.primary_other()
                .and_then(|e| ld_string(e, &["description"]))
        });

    let site_name = publisher.or_else(|| metas.first_of(&["og:site_name", "application-name"]));

    let mut categories = CategoryList::default();
    if let Some(a) = article {
        categories.add_value(a.get("articleSection"));
        categories.add_value(a.get("keywords"));
    }
    for key in [
        "article:section",
        "article:tag",
        "parsely-section",
        "parsely-tags",
        "sailthru:tags",
        "news_keywords",
        "keywords",
    ] {
        for v in metas.all(key) {
            categories.add_list(v);
        }
    }

    let language = [
        scan.html_lang.as_deref(),
        metas.last("http-equiv:content-language").as_deref(),
        metas.last("og:locale").as_deref(),
        scan.body_lang.as_deref(),
    ]
    .into_iter()
    .flatten()
    .find_map(language::normalize_tag);

    let structured_body = article
        .and_then(|a| ld_body(a, &["articleBody", "text"]))
        .or_else(|| {
            ld.primary_other()
                .and_then(|e| ld_body(e, &["articleBody", "text", "description"]))
        });

    let structured_answers = ld.answers();

    let page_type_hint = article
        .or(ld.primary_other())
        .and_then(|e| type_names(e).into_iter().next())
        .map(str::to_string);

    Metadata {
        title,
        byline,
        published_iso,
        description,
        site_name,
        categories: categories.items,
        language,
        structured_body,
        page_type_hint,
        structured_answers,
    }
}

// ---------------------------------------------------------------------------------------
// One pass over the document.

/// `<meta>` values by normalised key, in document order (a later tag wins for scalar
/// lookups, as in Readability; list keys such as `article:tag` keep every value).
#[derive(Default)]
struct MetaValues {
    by_key: HashMap<String, Vec<String>>,
}

impl MetaValues {
    fn insert(&mut self, key: String, value: String) {
        self.by_key.entry(key).or_default().push(value);
    }

    fn last(&self, key: &str) -> Option<String> {
        self.by_key.get(key).and_then(|v| v.last()).cloned()
    }

    fn all(&self, key: &str) -> &[String] {
        self.by_key.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    fn first_of(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.last(k))
    }
}

#[derive(Default)]
struct Scan {
    metas: MetaValues,
    ld_scripts: Vec<String>,
    title: Option<String>,
    /// Text of every h1 and h2 (for the "title: subtitle" check).
    headings: Vec<String>,
    h1s: Vec<String>,
    html_lang: Option<String>,
    body_lang: Option<String>,
    /// `itemprop=datePublished` values and `<time datetime>`, in document order (the
    /// former first).
    markup_dates: Vec<String>,
    /// The first short text in the body that is a date and nothing else (perhaps
    /// after a label: "Last updated: Dec 12, 2025"), as ISO 8601.
    text_date: Option<String>,
}

impl Scan {
    fn of(doc: &Html) -> Scan {
        let mut scan = Scan::default();
        let mut time_dates = Vec::new();
        // Text before `<body>` (a `<noscript>` in the head) is no date line.
        let mut in_body = false;
        // How the page writes numeric dates, from `<html lang>` (read before any body
        // text): worked out once, not for each text node.
        let mut numeric_dates: Option<bool> = None;
        let root = doc.tree.root();
        let mut next = Some(root);
        while let Some(node) = next {
            let mut skip_children = false;
            if let Node::Element(el) = node.value() {
                in_body |= el.name() == "body";
                match el.name() {
                    "meta" => scan.add_meta(el),
                    "script" => {
                        let ty = crate::dom::attr(el, "type")
                            .unwrap_or("")
                            .trim()
                            .to_ascii_lowercase();
                        if ty.starts_with("application/ld+json") {
                            scan.ld_scripts.push(text_of(node));
                        }
                        skip_children = true;
                    }
                    "style" | "template" => skip_children = true,
                    "title" if is_html(el) && scan.title.is_none() => {
                        // `document.title`: whitespace stripped and collapsed.
                        scan.title = Some(collapse_ws(&text_of(node)));
                        skip_children = true;
                    }
                    "h1" | "h2" => {
                        let text = text_of(node);
                        if el.name() == "h1" {
                            scan.h1s.push(collapse_ws(&text));
                        }
                        scan.headings.push(text.trim().to_string());
                    }
                    "html" if scan.html_lang.is_none() => {
                        scan.html_lang = crate::dom::attr(el, "lang")
                            .or_else(|| crate::dom::attr(el, "xml:lang"))
                            .map(str::to_string);
                    }
                    "body" if scan.body_lang.is_none() => {
                        scan.body_lang = crate::dom::attr(el, "lang").map(str::to_string);
                    }
                    "time" => {
                        if let Some(d) = crate::dom::attr(el, "datetime") {
                            time_dates.push(d.to_string());
                        }
                    }
                    _ => {}
                }
                if crate::dom::attr(el, "itemprop")
                    .is_some_and(|p| p.split_whitespace().any(|t| t == "datePublished"))
                {
                    let value = crate::dom::attr(el, "content")
                        .or_else(|| crate::dom::attr(el, "datetime"))
                        .map(str::to_string)
                        .unwrap_or_else(|| text_of(node));
                    scan.markup_dates.push(value);
                }
            }
            if let Node::Text(t) = node.value() {
                if scan.text_date.is_none() && in_body {
                    let numeric = Some(
                        *numeric_dates
                            .get_or_insert_with(|| month_first(scan.html_lang.as_deref())),
                    );
                    scan.text_date = text_date(t, numeric).or_else(|| date_segment(t, numeric));
                }
            }
            next = next_node(node, skip_children);
        }
        scan.markup_dates.extend(time_dates);
        scan
    }

    fn add_meta(&mut self, el: &Element) {
        let Some(content) = crate::dom::attr(el, "content")
            .map(clean)
            .filter(|c| !c.is_empty())
        else {
            return;
        };
        if let Some(property) = crate::dom::attr(el, "property") {
            // `property` may list several keys ("dc:title og:title").
            for key in property.split_whitespace() {
                let key = key.to_ascii_lowercase();
                // Facebook's "og:article:author" is the same as "article:author".
                if let Some(short) = key
                    .strip_prefix("og:")
                    .filter(|k| k.starts_with("article:"))
                {
                    self.metas.insert(short.to_string(), content.clone());
                }
                if key.contains(':') {
                    self.metas.insert(key, content.clone());
                }
            }
        }
        if let Some(name) = crate::dom::attr(el, "name") {
            // "DC.title" and "dc:title" mean the same thing.
            let key: String = name
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| {
                    if c == '.' {
                        ':'
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .collect();
            if !key.is_empty() {
                self.metas.insert(key, content.clone());
            }
        }
        if let Some(itemprop) = crate::dom::attr(el, "itemprop") {
            for key in itemprop.split_whitespace() {
                self.metas.insert(
                    format!("itemprop:{}", key.to_ascii_lowercase()),
                    content.clone(),
                );
            }
        }
        if let Some(equiv) = crate::dom::attr(el, "http-equiv") {
            self.metas.insert(
                format!("http-equiv:{}", equiv.trim().to_ascii_lowercase()),
                content,
            );
        }
    }
}

fn is_html(el: &Element) -> bool {
    &*el.name.ns == "http://www.w3.org/1999/xhtml"
}

/// The next node in document order, without recursion (pages nest very deep).
fn next_node(node: NodeRef<'_, Node>, skip_children: bool) -> Option<NodeRef<'_, Node>> {
    if !skip_children {
        if let Some(child) = node.first_child() {
            return Some(child);
        }
    }
    let mut current = node;
    loop {
        if let Some(sibling) = current.next_sibling() {
            return Some(sibling);
        }
        current = current.parent()?;
    }
}

/// `textContent` of a node (iterative).
fn text_of(node: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            out.push_str(t);
        }
    }
    out
}

/// Whether tag `name` sets its text on a line of its own: a block, as the renderer
/// lays it out ([`crate::render::is_block`]), a `<br>`, or a table cell.
fn starts_line(name: &str) -> bool {
    crate::render::is_block(name) || matches!(name, "br" | "td" | "th")
}

/// `textContent` with whitespace collapsed and a line break where a block or `<br>`
/// parts two texts ("By Jo Lee<br>Senior Reporter" reads as two lines, not one glued
/// run), or `None` once `textContent` is longer than `limit` characters (so a byline
/// check on a huge container stays cheap).
fn short_text_of(node: NodeRef<'_, Node>, limit: usize) -> Option<String> {
    let mut out = String::new();
    // Where `textContent` trimmed starts and ends, in characters.
    let (mut pos, mut first, mut last_end) = (0usize, None, 0usize);
    // A break or a space is owed before the next word.
    let (mut line_break, mut space) = (false, false);
    for edge in node.traverse() {
        let d = match edge {
            ego_tree::iter::Edge::Open(d) | ego_tree::iter::Edge::Close(d) => d,
        };
        match d.value() {
            Node::Element(e) if d != node && starts_line(e.name()) => line_break = true,
            Node::Text(t) if matches!(edge, ego_tree::iter::Edge::Open(_)) => {
                for c in t.chars() {
                    if !c.is_whitespace() {
                        first.get_or_insert(pos);
                        last_end = pos + 1;
                    }
                    pos += 1;
                }
                if first.is_some_and(|f| last_end - f > limit) {
                    return None;
                }
                for (k, word) in t.split_whitespace().enumerate() {
                    if k > 0 || t.starts_with(char::is_whitespace) {
                        space = true;
                    }
                    if !out.is_empty() {
                        if line_break {
                            out.push('\n');
                        } else if space {
                            out.push(' ');
                        }
                    }
                    (line_break, space) = (false, false);
                    out.push_str(word);
                }
                if t.ends_with(char::is_whitespace) {
                    space = true;
                }
            }
            _ => {}
        }
    }
    Some(out)
}

// ---------------------------------------------------------------------------------------
// `<title>` splitting.

const TITLE_SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»'];
/// Separators that say "section > page" rather than "page | site".
const HIERARCHY_SEPARATORS: &[char] = &['\\', '/', '>', '»'];

/// The article title from the `<title>` text (Readability's heuristics): cut the
/// site-name part after the last " | " (or before the first when the rest is too short),
/// handle "Site: Title" colons unless a heading repeats the whole title, fall back to the
/// sole `<h1>` when the title is implausibly short or long, and keep the original when
/// cutting left four words or fewer.
pub fn article_title(orig: &str, headings: &[String], h1s: &[String]) -> String {
    let orig = collapse_ws(orig);
    let mut cur = orig.clone();
    let mut hierarchical = false;
    let separators = spaced_separators(&orig);
    if let Some(&(last, _)) = separators.last() {
        hierarchical = separators
            .iter()
            .any(|(_, c)| HIERARCHY_SEPARATORS.contains(c));
        cur = orig[..last].to_string();
        if js_word_count(&cur) < 3 {
            // The site name came first: drop everything up to the first separator.
            cur = match orig.find(TITLE_SEPARATORS) {
                Some(i) => orig[i..].chars().skip(1).collect(),
                None => orig.clone(),
            };
        }
    } else if cur.contains(": ") {
        let whole = cur.trim();
        if !headings.iter().any(|h| h == whole) {
            let after_last = orig.rfind(':').map(|i| &orig[i + 1..]).unwrap_or("");
            let first = orig.find(':').unwrap_or(0);
            cur = after_last.to_string();
            if js_word_count(&cur) < 3 {
                cur = orig[first + 1..].to_string();
            } else if js_word_count(&orig[..first]) > 5 {
                cur = orig.clone();
            }
        }
    } else {
        let len = cur.encode_utf16().count();
        if !(15..=150).contains(&len) && h1s.len() == 1 {
            cur = h1s[0].clone();
        }
    }
    let cur = collapse_ws(&cur);
    let words = js_word_count(&cur);
    let orig_words_without_separators =
        js_word_count(&orig.split(TITLE_SEPARATORS).collect::<String>().to_string());
    if words <= 4 && (!hierarchical || words + 1 != orig_words_without_separators) {
        return orig;
    }
    cur
}

/// Byte offsets (of the leading space) and characters of every " X " separator.
fn spaced_separators(s: &str) -> Vec<(usize, char)> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 2 < chars.len() {
        let (pos, a) = chars[i];
        let (_, b) = chars[i + 1];
        let (_, c) = chars[i + 2];
        if a == ' ' && c == ' ' && TITLE_SEPARATORS.contains(&b) {
            out.push((pos, b));
            i += 3;
        } else {
            i += 1;
        }
    }
    out
}

/// `s.split(/\s+/).length` as JavaScript counts it (leading/trailing runs count too).
fn js_word_count(s: &str) -> usize {
    let mut runs = 0;
    let mut in_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !in_space {
                runs += 1;
            }
            in_space = true;
        } else {
            in_space = false;
        }
    }
    runs + 1
}

// ---------------------------------------------------------------------------------------
// Byline from markup.

/// class/id fragments of containers that are never the article (Readability's list).
const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];
const MAYBE_CANDIDATE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
];
const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];
/// ("username": forum software marks each post's poster so; the first is the
/// thread's opening poster.)
const BYLINE_HINTS: &[&str] = &[
    "byline",
    "author",
    "dateline",
    "writtenby",
    "p-author",
    "username",
];

/// Containers that hold other people's names (commenters, related stories' authors)
/// rather than the article's; the relaxed second pass still skips them.
const NEVER_BYLINE: &[&str] = &[
    "comment",
    "disqus",
    "replies",
    "remark",
    "sidebar",
    "related",
    "footer",
    "menu",
    "social",
    "sponsor",
    "shoutbox",
    "popup",
    "pagination",
    "pager",
    "recommend",
];

/// The first visible element in document order that names the author (`rel=author`,
/// `itemprop~=author`, a byline-ish class or id), skipping containers that are clearly
/// not the article (comments, sidebars, menus...). Like Readability, a second pass with
/// relaxed container rules counts when the strict one finds nothing: whole articles do
/// sit inside "site_header"-like wrappers.
///
/// Both passes share one walk: every node carries whether each pass still visits it,
/// and the relaxed pass's first hit is kept until the strict pass has seen the whole
/// page.
///
/// Also returns the first link to one author's page that the strict pass meets
/// ([`author_link`]): the weakest clue, for when nothing else names the author.
fn dom_byline(doc: &Html) -> (Option<String>, Option<String>) {
    let strict = Needles::new(UNLIKELY);
    let relaxed = Needles::new(NEVER_BYLINE);
    let hints = Needles::new(BYLINE_HINTS);
    let maybe = Needles::new(MAYBE_CANDIDATE);
    const RELAXED_SKIP_TAGS: &[&str] = &["nav", "aside", "footer"];
    let mut relaxed_hit: Option<String> = None;
    // A link to an author's page, where no markup names the author.
    let mut link_hit: Option<String> = None;
    // (node, strict pass visits it, relaxed pass visits it), children pushed in reverse
    // so they pop in document order.
    let mut stack = vec![(doc.tree.root(), true, true)];
    // One buffer for every element's "class id" string: this walk visits the whole tree.
    let mut match_string = String::new();
    while let Some((node, strict_on, relaxed_on)) = stack.pop() {
        let relaxed_on = relaxed_on && relaxed_hit.is_none();
        if !strict_on && !relaxed_on {
            continue;
        }
        let (mut strict_down, mut relaxed_down) = (strict_on, relaxed_on);
        if let Node::Element(el) = node.value() {
            let tag = el.name();
            let attrs = BylineAttrs::of(el);
            match_string.clear();
            match_string.push_str(attrs.class.unwrap_or(""));
            match_string.push(' ');
            match_string.push_str(attrs.id.unwrap_or(""));
            if match_string.is_ascii() {
                match_string.make_ascii_lowercase();
            } else {
                match_string = match_string.to_lowercase();
            }
            let match_bytes = match_string.as_bytes();
            let skipped = unseen(tag, &attrs)
                || (attrs.aria_modal == Some("true") && attrs.role == Some("dialog"));
            let strict_here = strict_on && !skipped;
            let relaxed_here = relaxed_on && !skipped && !RELAXED_SKIP_TAGS.contains(&tag);
            if strict_here && link_hit.is_none() && tag == "a" {
                link_hit = author_link(node, &attrs);
            }
            if strict_here || relaxed_here {
                let hinted = hints.any_in(match_bytes) && !only_authority(&match_string, &hints);
                if let Some(byline) = byline_of(node, &attrs, hinted) {
                    if strict_here {
                        return (Some(byline), None);
                    }
                    relaxed_hit = Some(byline);
                    relaxed_down = false;
                }
            }
            // A container the pass does not descend into. (Not the root: sites
            // put page-state classes on <html>, "is-sidebaropen hasrightsidebar".)
            let candidate = !matches!(tag, "html" | "body" | "a");
            let role_unlikely = attrs
                .role
                .is_some_and(|r| UNLIKELY_ROLES.contains(&r.trim()));
            let mut maybe_or_code: Option<bool> = None;
            let mut unlikely = |list: &Needles<'_>| {
                role_unlikely
                    || (candidate
                        && list.any_in(match_bytes)
                        && !*maybe_or_code.get_or_insert_with(|| {
                            maybe.any_in(match_bytes) || has_ancestor(node, &["table", "code"])
                        }))
            };
            strict_down = strict_here && !unlikely(&strict);
            relaxed_down = relaxed_down && relaxed_here && !unlikely(&relaxed);
        }
        if strict_down || relaxed_down {
            for child in node.children().rev() {
                stack.push((child, strict_down, relaxed_down));
            }
        }
    }
    match relaxed_hit {
        Some(hit) => (Some(hit), None),
        None => (None, link_hit),
    }
}

/// Words that hold "author" without being about who wrote the page.
const AUTHORITY_WORDS: &[&str] = &["authoriz", "authoris", "authorit", "authoring"];

/// Whether the byline hints in a class/id string are all inside
/// [`AUTHORITY_WORDS`] ("authorization-forms", "authority-score").
fn only_authority(class_id: &str, hints: &Needles<'_>) -> bool {
    if !AUTHORITY_WORDS.iter().any(|w| class_id.contains(w)) {
        return false;
    }
    let mut rest = class_id.to_string();
    for w in AUTHORITY_WORDS {
        rest = rest.replace(w, "_");
    }
    !hints.any_in(rest.as_bytes())
}

/// The name a link to one author's page shows.
fn author_link(node: NodeRef<'_, Node>, attrs: &BylineAttrs<'_>) -> Option<String> {
    attrs.href.filter(|h| is_author_page(h))?;
    short_text_of(node, MAX_BYLINE_CHARS - 1)
        .and_then(|t| clean_byline(&t))
        // "Articles by Jane": the link's label, not her name.
        .filter(|n| reads_as_name(n) && !n.split_whitespace().any(|w| w.eq_ignore_ascii_case("by")))
}

/// Labels that introduce an author's name in the page's text ("Written by" then
/// the name), lower-case; "author:" and "authors:" only with their colon (without
/// it they are menu entries).
const BYLINE_LABELS: &[&str] = &[
    "written by",
    "written by:",
    "posted by",
    // A forum topic's opening poster: "Started by Jo Lee, June 4, 2024".
    "started by",
    "article by",
    "words by",
    "text by",
    "author:",
    "authors:",
    "by",
    "by:",
];

/// Words a label may be followed by that are not names (forum badges, headings).
const NOT_NAMES: &[&str] = &["member", "guest", "abstract", "post time"];

/// Account names that say nobody wrote the page (a CMS's default user).
const PLACEHOLDER_AUTHORS: &[&str] = &[
    "admin",
    "administrator",
    "default",
    "unknown",
    // An author box's heading, read where its name should be.
    "author",
    "authors",
    "the author",
    "about the author",
    "about the authors",
    // A forum's badge beside the opening poster's name.
    "topic author",
    "thread starter",
    "original poster",
    // A signed-in reader's greeting, where the user name goes.
    "hi",
    "hello",
    "welcome",
    "guest",
];

/// Account links an author slot shows to a reader who is not signed in.
const ACCOUNT_PROMPTS: &[&str] = &["sign in", "log in", "login", "sign up", "join us"];

/// A template key the page's CMS printed unrendered ("page.head.extra.author"):
/// four or more dotted identifier parts, no spaces. (A user name may hold two
/// dots: "sara.r.peter".)
fn is_template_key(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() >= 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
}

/// The first element named `name` in document order.
fn first_element<'a>(doc: &'a Html, name: &str) -> Option<NodeRef<'a, Node>> {
    doc.tree
        .root()
        .descendants()
        .find(|n| matches!(n.value(), Node::Element(e) if e.name() == name))
}

/// The name after a byline label in the page's visible text, when no markup names
/// the author: a text that is only the label ("Written by", "Authors:", "By"), then
/// the next text beside it or in the next element, a short capitalised name; or a
/// text that opens with a label of two words or a colon and goes on with the name
/// ("Written by Jane Doe", "Posted by Jane at May 2, 2025 11:15 AM").
fn labelled_byline(doc: &Html) -> Option<String> {
    let body = first_element(doc, "body")?;
    // Labels are short: most texts are passed over by length alone, and only a
    // label's ancestors are checked for hiding.
    let longest = BYLINE_LABELS.iter().map(|l| l.len()).max().unwrap_or(0);
    body.descendants().find_map(|node| {
        let Node::Text(t) = node.value() else {
            return None;
        };
        let text = t.trim();
        if text.len() <= longest && BYLINE_LABELS.iter().any(|l| text.eq_ignore_ascii_case(l)) {
            return shown(node)
                .then(|| name_after(node))
                .flatten()
                .and_then(|n| clean_byline(&n));
        }
        if text.len() > MAX_BYLINE_CHARS {
            return None;
        }
        let name = labelled_name(text)?;
        shown(node).then_some(name)
    })
}

/// Words of the set phrases that open with "By" ("By Appointment Only", "By
/// Popular Demand"), which no name holds.
const PHRASE_WORDS: &[&str] = &[
    "appointment",
    "invitation",
    "request",
    "demand",
    "design",
    "default",
    "numbers",
    "only",
    "the",
];

/// How many texts after the headline [`byline_under_headline`] reads.
const MAX_TEXTS_UNDER_HEADLINE: usize = 30;

/// "By Amy Wilhelm" on a line of its own just under the page's first `<h1>`, within
/// the headline's block: the plain "By" that [`labelled_name`] leaves out anywhere
/// else ("By Monday" opens sentences). The name must be two words or more, read as a
/// name, and may be followed by a date ("by Jon Foster - 2025-09-13").
fn byline_under_headline(doc: &Html) -> Option<String> {
    let h1 = first_element(doc, "h1")?;
    // The headline's block: its grandparent, short of the whole page.
    let scope = h1
        .ancestors()
        .nth(1)
        .filter(|g| !matches!(g.value(), Node::Element(e) if matches!(e.name(), "body" | "html")))
        .or_else(|| h1.parent())?;
    let mut after = false;
    let mut texts = 0;
    for edge in scope.traverse() {
        let node = match edge {
            ego_tree::iter::Edge::Close(n) => {
                after |= n == h1;
                continue;
            }
            ego_tree::iter::Edge::Open(n) => n,
        };
        let Node::Text(t) = node.value() else {
            continue;
        };
        if !after {
            continue;
        }
        let text = t.trim();
        if text.is_empty() {
            continue;
        }
        texts += 1;
        if texts > MAX_TEXTS_UNDER_HEADLINE {
            return None;
        }
        let labelled = text.len() <= MAX_BYLINE_CHARS
            && text
                .get(..3)
                .is_some_and(|head| head.eq_ignore_ascii_case("by "));
        if !labelled || !shown(node) {
            continue;
        }
        let name = clean_byline(text).filter(|n| {
            reads_as_name(n)
                && n.split_whitespace().count() >= 2
                && !n.ends_with(['.', '!', '?'])
                && !n.split_whitespace().any(|w| word_in(w, PHRASE_WORDS))
        });
        if name.is_some() {
            return name;
        }
    }
    None
}

/// The name in a text that opens with a byline label ("Written by Jane Doe").
/// A bare "By" is left out: "By Monday" opens sentences as often as bylines.
fn labelled_name(text: &str) -> Option<String> {
    let label = BYLINE_LABELS
        .iter()
        .filter(|l| l.contains(' ') || l.ends_with(':'))
        .find(|l| {
            text.get(..l.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(l))
                && text[l.len()..].starts_with([' ', ':'])
        })?;
    let name = clean_byline(text[label.len()..].trim_start_matches([' ', ':']))?;
    reads_as_name(&name).then_some(name)
}

/// A short capitalised name: names are capitalised, a sentence after "By" is not one.
fn reads_as_name(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let capitalised = text
        .split_whitespace()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    (3..=60).contains(&text.chars().count())
        && text.starts_with(|c: char| c.is_uppercase())
        && (1..=6).contains(&words)
        && capitalised * 2 >= words
        && !NOT_NAMES.iter().any(|w| text.eq_ignore_ascii_case(w))
}

/// Whether no ancestor of `node` hides it or holds no visible text (scripts,
/// templates, hidden elements).
fn shown(node: NodeRef<'_, Node>) -> bool {
    node.ancestors().all(|a| match a.value() {
        Node::Element(el) => !unseen(el.name(), &BylineAttrs::of(el)),
        _ => true,
    })
}

/// Whether an element's text is never seen: non-rendered containers and hidden
/// elements (both byline searches skip them).
/// (A `<noscript>` in the body is looked into: forum software serves its whole
/// thread there to readers without script.)
fn unseen(tag: &str, attrs: &BylineAttrs<'_>) -> bool {
    matches!(tag, "head" | "script" | "style" | "template" | "svg") || !is_probably_visible(attrs)
}

/// The first text after the label `node` within its parent, or else in the parent's
/// next element, if it reads as a name.
fn name_after(node: NodeRef<'_, Node>) -> Option<String> {
    let first_text = |from: NodeRef<'_, Node>| {
        from.descendants().find_map(|d| match d.value() {
            Node::Text(t) if !t.trim().is_empty() => Some(t.trim().to_string()),
            _ => None,
        })
    };
    let beside = node.next_siblings().find_map(first_text);
    let text = beside.or_else(|| {
        let parent = node.parent()?;
        let next = parent
            .next_siblings()
            .find(|n| matches!(n.value(), Node::Element(_)))?;
        first_text(next)
    })?;
    let text = text.trim_end_matches(['*', ',']);
    reads_as_name(text).then(|| text.to_string())
}

/// A list of substrings to look for in short class/id strings, indexed by first byte:
/// the byline walk tests every element against dozens of them, and one scan of the
/// string checking only the needles that start with each byte beats a scan per
/// needle.
struct Needles<'n> {
    /// Sorted by first byte.
    needles: Vec<&'n [u8]>,
    /// `needles[start[b]..start[b + 1]]` start with byte `b`.
    start: [u16; 257],
    /// The empty string occurs in everything.
    has_empty: bool,
}

impl<'n> Needles<'n> {
    fn new(list: &[&'n str]) -> Needles<'n> {
        let mut needles: Vec<&'n [u8]> = list
            .iter()
            .map(|n| n.as_bytes())
            .filter(|n| !n.is_empty())
            .collect();
        needles.sort_by_key(|n| n[0]);
        let mut start = [0u16; 257];
        for n in &needles {
            start[n[0] as usize + 1] += 1;
        }
        for b in 0..256 {
            start[b + 1] += start[b];
        }
        Needles {
            has_empty: needles.len() < list.len(),
            needles,
            start,
        }
    }

    /// Whether any needle occurs in `hay`.
    fn any_in(&self, hay: &[u8]) -> bool {
        if self.has_empty {
            return true;
        }
        (0..hay.len()).any(|k| {
            let b = hay[k] as usize;
            let bucket = &self.needles[self.start[b] as usize..self.start[b + 1] as usize];
            bucket.iter().any(|n| hay[k..].starts_with(n))
        })
    }
}

/// The attributes the byline walk reads, found in one pass over the element's list
/// (the walk visits every element, up to twice).
#[derive(Default)]
struct BylineAttrs<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    hidden: bool,
    aria_hidden: Option<&'a str>,
    style: Option<&'a str>,
    aria_modal: Option<&'a str>,
    role: Option<&'a str>,
    rel: Option<&'a str>,
    itemprop: Option<&'a str>,
    href: Option<&'a str>,
}

impl<'a> BylineAttrs<'a> {
    fn of(el: &'a Element) -> BylineAttrs<'a> {
        let mut out = BylineAttrs::default();
        for (name, value) in &el.attrs {
            // Same matching as `Element::attr`: no prefix, no namespace.
            if name.prefix.is_some() || name.ns != html5ever::ns!() {
                continue;
            }
            let value: &str = value;
            match &*name.local {
                "class" => out.class = Some(value),
                "id" => out.id = Some(value),
                "hidden" => out.hidden = true,
                "aria-hidden" => out.aria_hidden = Some(value),
                "style" => out.style = Some(value),
                "aria-modal" => out.aria_modal = Some(value),
                "role" => out.role = Some(value),
                "rel" => out.rel = Some(value),
                "itemprop" => out.itemprop = Some(value),
                "href" => out.href = Some(value),
                _ => {}
            }
        }
        out
    }
}

/// A paper's authors from its `citation_author` tags (the Highwire Press tags that
/// journals and preprint servers print for Google Scholar), one tag each, joined as a
/// list; "Vaswani, Ashish" is written back in reading order.
fn citation_authors(metas: &MetaValues) -> Option<String> {
    let names: Vec<String> = metas
        .all("citation_author")
        .iter()
        .filter_map(|v| {
            let v = clean(v);
            let v = match v.split_once(", ") {
                Some((last, first)) if !first.contains(',') => format!("{first} {last}"),
                _ => v,
            };
            clean_byline(&v)
        })
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// How many nodes of a byline-marked box too long to be a byline [`byline_of`] looks
/// through for the name marked inside it.
const MAX_NESTED_AUTHOR_SCAN: usize = 200;

fn byline_of(node: NodeRef<'_, Node>, attrs: &BylineAttrs<'_>, hinted: bool) -> Option<String> {
    let marked = attrs.rel == Some("author")
        || attrs.itemprop.is_some_and(|p| p.contains("author"))
        || hinted;
    if !marked || attrs.class.is_some_and(is_about_class) {
        return None;
    }
    // The first element inside, among its first `limit` nodes, that `is_name`.
    let nested = |limit: usize, is_name: fn(&Element) -> bool| {
        node.descendants()
            .skip(1)
            .take(limit)
            .find(|d| matches!(d.value(), Node::Element(e) if is_name(e)))
    };
    let Some(text) = short_text_of(node, MAX_BYLINE_CHARS - 1).filter(|t| !t.is_empty()) else {
        // Too long for a byline (a poster's card with its menu of links), yet it may
        // mark the name inside: a nested `itemprop=author`, among its first nodes.
        return nested(MAX_NESTED_AUTHOR_SCAN, |e| {
            crate::dom::attr(e, "itemprop").is_some_and(|p| p.contains("author"))
        })
        .and_then(|d| short_text_of(d, MAX_BYLINE_CHARS - 1))
        .and_then(|t| clean_byline(&byline_lines(&t)));
    };
    // A nested `itemprop=name`, or else an element classed as the name
    // (`author-name`), is the name alone, without "By", the date or a job title.
    let name = nested(usize::MAX, |e| {
        crate::dom::attr(e, "itemprop").is_some_and(|p| p.contains("name"))
    })
    .or_else(|| nested(usize::MAX, |e| e.attr("class").is_some_and(is_name_class)))
    .map(text_of)
    .filter(|t| !t.trim().is_empty())
    .unwrap_or(text);
    clean_byline(&byline_lines(&name))
}

/// A class that marks what an author box says about the person rather than the name:
/// the job title (`byline-author__title`, `author-role`, `position`) or a short bio
/// (`author-description`).
fn is_about_class(class: &str) -> bool {
    has_class_word(
        class,
        &[
            "title",
            "role",
            "position",
            "job",
            "jobtitle",
            "description",
            "bio",
        ],
    )
}

/// A class that marks a person's name: a token `name` or `authorname` (`author-name`,
/// `author__name`, `authorName`).
fn is_name_class(class: &str) -> bool {
    has_class_word(class, &["name", "authorname"])
}

/// Whether a class string, cut at every non-alphanumeric character, holds one of
/// `words` as a whole part (any case).
fn has_class_word(class: &str, words: &[&str]) -> bool {
    class
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|t| words.iter().any(|w| t.eq_ignore_ascii_case(w)))
}

/// A byline's lines as one: the name's line and what follows it up to a job title
/// on a line of its own ("Jo Lee" / "Senior Reporter"), which is left out.
fn byline_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (k, line) in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        if k > 0 {
            if is_job_title(line) {
                break;
            }
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// Whether `href` is one author's page: a path segment `author` or `authors`
/// followed by one more (the slug; the bare list of authors is no byline).
fn is_author_page(href: &str) -> bool {
    let path = href.split(['?', '#']).next().unwrap_or("");
    let mut segments = path.split('/').filter(|s| !s.is_empty());
    while let Some(segment) = segments.next() {
        if segment.eq_ignore_ascii_case("author") || segment.eq_ignore_ascii_case("authors") {
            return segments.next().is_some() && segments.next().is_none();
        }
    }
    false
}

fn is_probably_visible(attrs: &BylineAttrs<'_>) -> bool {
    // React streams the page's content into hidden segments and shows them by script.
    if attrs.hidden && !attrs.id.is_some_and(crate::content::is_streamed_segment) {
        return false;
    }
    if attrs.aria_hidden == Some("true")
        && !attrs.class.is_some_and(|c| c.contains("fallback-image"))
    {
        return false;
    }
    if let Some(style) = attrs.style {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return false;
        }
    }
    true
}

fn has_ancestor(node: NodeRef<'_, Node>, tags: &[&str]) -> bool {
    node.ancestors()
        .any(|a| matches!(a.value(), Node::Element(e) if tags.contains(&e.name())))
}

/// Whitespace-collapsed byline without a leading "By"; `None` when empty, too long or a
/// URL (`article:author` is often the author's profile page).
/// The author in Twitter's labelled data cards, which SEO plugins fill in
/// (`twitter:label1` "Written by", `twitter:data1` the name).
fn labelled_twitter_author(metas: &MetaValues) -> Option<String> {
    (1..=4).find_map(|n| {
        let label = metas.last(&format!("twitter:label{n}"))?;
        let label = label.trim();
        (label.eq_ignore_ascii_case("written by") || label.eq_ignore_ascii_case("author"))
            .then(|| metas.last(&format!("twitter:data{n}")))
            .flatten()
            .and_then(|name| clean_byline(&name))
    })
}

pub fn clean_byline(raw: &str) -> Option<String> {
    let s = strip_byline_prefixes(clean(raw));
    // Far longer than a byline: a paragraph, whatever date it holds.
    if s.len() > 4 * MAX_BYLINE_CHARS {
        return None;
    }
    // A byline element often holds the date beside the names, before or after.
    let s = match noise_start(&s) {
        Some(0) => strip_byline_prefixes(s[leading_date_end(&s)..].to_string()),
        Some(k) => s[..k].to_string(),
        None => s,
    };
    let s = match noise_start(&s) {
        Some(k) => s[..k].to_string(),
        None => s,
    };
    let s = match tail_start(&s) {
        // "Shelby Loos, DVM. Reviewed by": the sentence's full stop goes too.
        Some(k) => s[..k].trim_end_matches(['.', ' ']).to_string(),
        None => s,
    };
    let s = s
        .trim_end_matches(|c: char| c.is_whitespace() || BYLINE_SEPARATORS.contains(&c))
        .trim_end_matches(" on")
        .trim_end_matches(" at")
        .trim_end();
    let s = strip_author_role(s.trim_matches(['"', '“', '”', '&', ' ']));
    // A name has letters: a lone number is an account id or a count.
    if !s.chars().any(char::is_alphabetic)
        || s.chars().count() > MAX_BYLINE_CHARS
        || looks_like_url(&s)
        || PLACEHOLDER_AUTHORS
            .iter()
            .any(|p| s.eq_ignore_ascii_case(p))
        || ACCOUNT_PROMPTS.iter().any(|p| {
            s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p))
                && !s[p.len()..].starts_with(char::is_alphanumeric)
        })
        || is_template_key(&s)
        // A name masked for privacy ("e***1"): a buyer's review, not a byline.
        || s.contains("**")
    {
        return None;
    }
    Some(s)
}

/// Words of a job title that follows an author's name ("Emma Ryan Writer",
/// "Ashley Biancuzzo, Associate Editor, PCWorld"), lower-case.
const ROLE_WORDS: &[&str] = &[
    "writer",
    "editor",
    "reporter",
    "contributor",
    "correspondent",
    "columnist",
    "journalist",
    "expert",
    "founder",
    "co-founder",
    "ceo",
    "director",
    "manager",
    "coordinator",
    "consultant",
    "staff",
];

/// Words that rank a job title ("Senior Editor", "Contributing Writer").
const ROLE_RANKS: &[&str] = &[
    "associate",
    "senior",
    "contributing",
    "staff",
    "freelance",
    "executive",
    "managing",
    "deputy",
    "chief",
    "lead",
    "head",
    "assistant",
    "former",
    "guest",
];

/// Whether word `w`, edge punctuation aside, is one of `list` (any case).
fn word_in(w: &str, list: &[&str]) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    list.iter().any(|r| w.eq_ignore_ascii_case(r))
}

/// Holds a word of a job title ([`ROLE_WORDS`]).
fn is_role(part: &str) -> bool {
    part.split_whitespace().any(|w| word_in(w, ROLE_WORDS))
}

/// Opens with a rank ([`ROLE_RANKS`]).
fn is_rank(part: &str) -> bool {
    part.split_whitespace()
        .next()
        .is_some_and(|w| word_in(w, ROLE_RANKS))
}

/// A job title rather than a name: one role word, a longer phrase holding one, or a
/// rank first ("Writer", "Content Marketing Coordinator", "Associate Editor"; not "Bob
/// Writer", which may be the next author).
fn is_job_title(part: &str) -> bool {
    let words = part.split_whitespace().count();
    is_rank(part) || (is_role(part) && (words == 1 || words >= 3))
}

/// Cuts the job title an author box prints beside the name: glued to it ("Harry
/// RabinowitzTech Reporter"), after a comma ("Brett Cruz, Privacy Expert"), or as a
/// last word ("Emma Ryan Writer"). Only after a name of two words or more: "Staff
/// Writer" alone, or a list of names, stays.
fn strip_author_role(s: &str) -> String {
    // A title glued to the name by a lost space: a capital after four or more
    // lower-case letters, once the name has a space, opening a title ("Harry
    // RabinowitzTech Reporter"; not "McCarthy", "Mark SubbaRao", "StackCommerce").
    let bytes = s.as_bytes();
    let mut run = 0;
    for k in 1..bytes.len() {
        run = if bytes[k - 1].is_ascii_lowercase() {
            run + 1
        } else {
            0
        };
        if bytes[k].is_ascii_uppercase() && run >= 4 && s[..k].contains(' ') {
            let title: String = s[k..]
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            if is_role(&title) || is_rank(&title) {
                return s[..k].to_string();
            }
        }
    }
    // After a comma, a title, not the next author ("Ann Lee, Bob Writer").
    let is_title = is_job_title;
    let ends_in_role = |part: &str| {
        let words: Vec<&str> = part.split_whitespace().collect();
        words.len() >= 3 && words.last().is_some_and(|w| is_role(w))
    };
    let s = match s.split_once(", ") {
        Some((name, rest))
            if name.split_whitespace().count() >= 2
                && (is_title(rest.split(", ").next().unwrap_or("")) || ends_in_role(name)) =>
        {
            name
        }
        _ => s,
    };
    if s.contains(", ") {
        // A list of names.
        return s.to_string();
    }
    // A newsroom title as the last word after a two- or three-word name ("Emma Ryan
    // Writer"); "Luxury Travel Expert" or "Senior Autos Reporter" may be all the
    // byline there is.
    let words: Vec<&str> = s.split_whitespace().collect();
    match words.split_last() {
        Some((last, name))
            if (2..=3).contains(&name.len())
                && last.chars().all(char::is_alphabetic)
                && word_in(last, NEWSROOM_ROLES)
                && !name
                    .iter()
                    .any(|w| word_in(w, ROLE_RANKS) || word_in(w, ROLE_WORDS)) =>
        {
            name.join(" ")
        }
        _ => s.to_string(),
    }
}

/// Job titles of a newsroom, which can close a byline after the name.
const NEWSROOM_ROLES: &[&str] = &[
    "writer",
    "editor",
    "reporter",
    "contributor",
    "columnist",
    "correspondent",
    "journalist",
];

/// Punctuation that separates a byline's parts ("Jo Lee · March 3").
const BYLINE_SEPARATORS: &[char] = &[',', '|', '·', '•', '-', '–', '—', ':', '»'];

/// Month names and abbreviations, lower-case; the twelve full names first, in
/// calendar order ([`month_number`] counts on it).
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "sept",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
];

/// Weekday names and abbreviations, lower-case.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
];

/// Words a written date or time holds besides numbers and names ("at 6:01 am",
/// "17th"), lower-case.
const CLOCK_WORDS: &[&str] = &["at", "am", "pm", "st", "nd", "rd", "th"];

/// Words that start the non-name part of a byline element, lower-case.
const BYLINE_NOISE_WORDS: &[&str] = &[
    "published",
    "updated",
    "last updated",
    "last modified",
    "min read",
    "minute read",
    "minutes read",
];

/// Where the part of `s` that is not a name begins: a date ("December 17, 2025",
/// "22 Dec 2016", "2022-11-23"), "Updated …"/"Published …", a reading time, or a
/// reputation score ("6,796 8 gold badges"). Words glued to the name by a missing
/// space ("Luke KimDecember 17") count from the capital.
fn noise_start(s: &str) -> Option<usize> {
    // ASCII lower-casing keeps every byte offset (the words sought are ASCII).
    let lower = s.to_ascii_lowercase();
    let bytes = s.as_bytes();
    (0..s.len()).filter(|&k| s.is_char_boundary(k)).find(|&k| {
        let rest = &lower[k..];
        let prev = k.checked_sub(1).map(|p| bytes[p]);
        let boundary = word_starts(bytes, k);
        if bytes[k].is_ascii_digit() {
            let glued_digit = prev.is_some_and(|p| p.is_ascii_digit());
            return !glued_digit && (starts_date(rest) || (boundary && rest.contains("badge")));
        }
        boundary
            && (starts_month_date(rest)
                || starts_weekday_date(rest)
                || BYLINE_NOISE_WORDS.iter().any(|w| word_at(rest, w))
                || (rest.starts_with("on ")
                    && (rest[3..].starts_with(|c: char| c.is_ascii_digit())
                        || starts_month_date(&rest[3..]))))
    })
}

/// Phrases that end the author's part of a byline and name someone else: the
/// reviewer, the group the author writes for. (Not "edited by": Readability keeps
/// the editor, "Rob Ewaschuk Edited by Betsy Beyer".)
const BYLINE_TAIL_PHRASES: &[&str] = &[
    "reviewed by",
    "medically reviewed by",
    "fact checked by",
    "fact-checked by",
    "on behalf of",
];

/// Where, after the name, a byline goes on about someone else
/// ([`BYLINE_TAIL_PHRASES`], also glued: "MakersReviewed by") or gives an e-mail
/// address.
fn tail_start(s: &str) -> Option<usize> {
    let lower = s.to_ascii_lowercase();
    let bytes = s.as_bytes();
    (1..s.len()).filter(|&k| s.is_char_boundary(k)).find(|&k| {
        let prev = bytes[k - 1];
        if !word_starts(bytes, k) {
            return false;
        }
        let rest = &lower[k..];
        BYLINE_TAIL_PHRASES.iter().any(|p| word_at(rest, p))
            || (prev.is_ascii_whitespace()
                && rest
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.contains('@') && w.contains('.')))
    })
}

/// Whether a word starts at byte `k`: after a non-alphanumeric byte (or at the
/// start), or a capital glued to a lower-case letter ("Luke KimDecember 17").
fn word_starts(bytes: &[u8], k: usize) -> bool {
    match k.checked_sub(1).map(|p| bytes[p]) {
        None => true,
        Some(prev) => {
            !prev.is_ascii_alphanumeric()
                || (prev.is_ascii_lowercase() && bytes[k].is_ascii_uppercase())
        }
    }
}

/// `rest` opens with `word` followed by a non-letter or its end.
fn word_at(rest: &str, word: &str) -> bool {
    rest.strip_prefix(word)
        .is_some_and(|after| !after.starts_with(|c: char| c.is_ascii_alphabetic()))
}

/// `rest` (lower-case) opens with a month name followed by a digit within a few
/// characters ("dec 17", "march 25, 2015", "dec. 19"): "May Lee" is a name.
fn starts_month_date(rest: &str) -> bool {
    MONTHS
        .iter()
        .any(|m| word_at(rest, m) && rest[m.len()..].chars().take(3).any(|c| c.is_ascii_digit()))
}

/// `rest` (lower-case) opens with a weekday before a date ("monday, february 29",
/// "sun dec 17").
fn starts_weekday_date(rest: &str) -> bool {
    WEEKDAYS.iter().any(|d| {
        word_at(rest, d) && {
            let after = rest[d.len()..].trim_start_matches(['.', ',', ' ']);
            starts_month_date(after) || starts_date(after)
        }
    })
}

/// `rest` (lower-case) opens with a numeric date: "22 dec 2016", "17th march",
/// "2022-11-23", "03/10/2023", "05.11.2025".
fn starts_date(rest: &str) -> bool {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = &rest[digits..];
    let after_day = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|o| after.strip_prefix(o))
        .unwrap_or(after);
    // Two separators: "2022-11-23", "03/10/2023", "27.03.2023" (not "6-4ce5").
    let numeric = matches!(after.as_bytes().first(), Some(b'-' | b'/' | b'.')) && {
        let sep = after.as_bytes()[0];
        let middle = after[1..].bytes().take_while(u8::is_ascii_digit).count();
        let tail = &after[1 + middle..];
        (1..=2).contains(&middle)
            && tail.as_bytes().first() == Some(&sep)
            && tail[1..].bytes().take_while(u8::is_ascii_digit).count() >= 2
    };
    let day_month = digits <= 2 && {
        let t = after_day.trim_start_matches([' ', '.']);
        MONTHS.iter().any(|m| word_at(t, m))
    };
    (1..=4).contains(&digits) && (numeric || day_month)
}

/// The end of a date (and "Updated", "at 6:01 am", "·") that opens `s`, where
/// the names begin ("Dec 23 Written By Jo Lee", "Dec 17, 2025Julian Arni").
fn leading_date_end(s: &str) -> usize {
    const LABELS: &[&str] = &[
        "updated",
        "published",
        "last",
        "posted",
        "on",
        "min",
        "mins",
        "minute",
        "minutes",
        "read",
    ];
    let lower = s.to_ascii_lowercase();
    let mut k = 0;
    while k < s.len() {
        let rest = &lower[k..];
        let Some(c) = rest.chars().next() else { break };
        if c.is_ascii_digit()
            || c.is_whitespace()
            || c == '.'
            || c == '/'
            || BYLINE_SEPARATORS.contains(&c)
        {
            k += c.len_utf8();
            continue;
        }
        let word = MONTHS
            .iter()
            .chain(LABELS)
            .chain(CLOCK_WORDS)
            .chain(WEEKDAYS)
            .filter(|w| word_at(rest, w))
            .max_by_key(|w| w.len());
        match word {
            Some(w) => k += w.len(),
            None => break,
        }
    }
    k
}

/// Drops "By", "Written by", "Author:" and separators from the front of a byline.
fn strip_byline_prefixes(mut s: String) -> String {
    const PREFIXES: &[&str] = &[
        "this post was written by",
        "view all posts by",
        "read more about",
        "written by",
        "posted by",
        "post by",
        "recipe by",
        "text by",
        "authored by",
        "words by",
        "story by",
        "author:",
        "author",
        "by",
    ];
    loop {
        s = s
            .trim_matches(|c: char| c.is_whitespace() || BYLINE_SEPARATORS.contains(&c))
            .to_string();
        let prefix = PREFIXES.iter().find(|p| {
            let Some(head) = s.get(..p.len()) else {
                return false;
            };
            let mut after = s[p.len()..].chars();
            let next = after.next();
            // "BySummer Swann", "Written byDan Pantelo": a prefix glued to a name.
            let glued = head.ends_with(|c: char| c.is_ascii_lowercase())
                && next.is_some_and(|c| c.is_uppercase())
                && after.next().is_some_and(|c| c.is_alphabetic());
            head.eq_ignore_ascii_case(p)
                && (glued || next.is_none_or(|c| c.is_whitespace() || c == ':' || p.ends_with(':')))
        });
        match prefix {
            Some(p) => s = s[p.len()..].to_string(),
            None => return s,
        }
    }
}

fn looks_like_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    !lower.contains(' ')
        && (lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www.")
            || lower.starts_with("//"))
}

// ---------------------------------------------------------------------------------------
// JSON-LD.

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
struct StructuredData {
    entities: Vec<Value>,
}

impl StructuredData {
    fn from_scripts(scripts: &[String]) -> StructuredData {
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
    fn article(&self) -> Option<&Value> {
        self.entities.iter().find(|e| {
            type_names(e)
                .iter()
                .any(|t| ARTICLE_TYPES.contains(t) || t.ends_with("Article"))
        })
    }

    /// The answer texts of the question a `QAPage` is about, in order (accepted
    /// first). Empty without a `QAPage`: FAQ markup lists answers the page shows as
    /// its own content, and is no thread.
    fn answers(&self) -> Vec<String> {
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
    fn subject_authors(&self) -> Option<String> {
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
    fn primary_other(&self) -> Option<&Value> {
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
fn type_names(entity: &Value) -> Vec<&str> {
    fn local(t: &str) -> &str {
        t.rsplit(['/', ':', '#']).next().unwrap_or(t).trim()
    }
    match entity.get("@type") {
        Some(Value::String(t)) => vec![local(t)],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).map(local).collect(),
        _ => Vec::new(),
    }
}

fn first_object(v: &Value) -> Option<&Value> {
    match v {
        Value::Array(items) => items.iter().find(|i| i.is_object()),
        Value::Object(_) => Some(v),
        _ => None,
    }
}

/// The first non-empty string among `keys` (a string, or the first string of an array).
fn ld_string(entity: &Value, keys: &[&str]) -> Option<String> {
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
fn ld_body(entity: &Value, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| {
        let s = entity.get(*k)?.as_str()?;
        let body = clean_multiline(s);
        (!body.is_empty()).then_some(body)
    })
}

/// Readability picks `name` over `headline` unless only the headline resembles the
/// document title (sites put the SEO title in one and the real headline in the other).
fn ld_title(article: &Value, doc_title: Option<&str>) -> Option<String> {
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
fn ld_authors_are_organisations(entity: &Value) -> bool {
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
fn ld_authors(entity: &Value) -> Option<String> {
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
struct CategoryList {
    items: Vec<String>,
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

    fn add_list(&mut self, raw: &str) {
        for part in raw.split(',') {
            self.add(part);
        }
    }

    fn add_value(&mut self, value: Option<&Value>) {
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

/// Entities decoded (again: the parser decoded once, but meta contents and JSON-LD are
/// often escaped twice) and whitespace collapsed.
pub fn clean(s: &str) -> String {
    collapse_ws(&decode_entities(s))
}

/// `s` without HTML tags; paragraph and line-break tags become line breaks (JSON-LD
/// `text` fields often carry the post's HTML).
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find('>') else {
            rest = &rest[start..];
            break;
        };
        let tag = rest[start + 1..start + len].to_ascii_lowercase();
        let name = tag.trim_start_matches('/');
        if ["p", "br", "div", "li", "pre", "blockquote"]
            .iter()
            .any(|t| {
                name.starts_with(t)
                    && !name[t.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
            })
        {
            out.push('\n');
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// Like [`clean`] per line, keeping paragraph breaks as one blank line.
fn clean_multiline(s: &str) -> String {
    let decoded = decode_entities(s);
    let mut out = String::new();
    let mut blank = false;
    for line in decoded.lines() {
        let line = collapse_ws(line);
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(&line);
        blank = false;
    }
    out
}

/// Runs of whitespace (including NBSP and other Unicode spaces) become one space.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Decodes numeric character references and the common named entities; anything else
/// is left as written. Invalid code points become U+FFFD, as browsers do.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|end| decode_entity(&after[..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            if hex.is_empty() || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
                return None;
            }
            u32::from_str_radix(hex, 16).unwrap_or(u32::MAX)
        } else {
            if num.is_empty() || !num.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            num.parse::<u32>().unwrap_or(u32::MAX)
        };
        return Some(match code {
            0 => '\u{FFFD}',
            c => char::from_u32(c).unwrap_or('\u{FFFD}'),
        });
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "middot" => '·',
        "bull" => '•',
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------
// Dates.

/// Normalises a date as pages write it to ISO 8601: `YYYY-MM-DD` for a date alone,
/// `YYYY-MM-DDTHH:MM:SS` plus `Z` or `±HH:MM` when a time (and zone) is given.
/// Understands ISO forms (also with a space, slashes or dots, fractional seconds,
/// `+0100` zones), RFC 2822 ("Mon, 02 Jan 2006 15:04:05 -0700"), "January 2, 2006",
/// "2 January 2006", "Jan 2 2006 3:04 PM". Day-first/month-first numeric forms
/// ("02/01/2006") are ambiguous and rejected.
pub fn parse_date(raw: &str) -> Option<String> {
    let s = collapse_ws(&decode_entities(raw));
    let s = s.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    parse_iso_like(s)
        .or_else(|| parse_textual(s))
        .or_else(|| embedded_iso(s))
}

/// An ISO date inside other words ("Updated 2021-05-06 10:00").
fn embedded_iso(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    (1..bytes.len().saturating_sub(9)).find_map(|i| {
        let starts_year = bytes[i].is_ascii_digit() && !bytes[i - 1].is_ascii_digit();
        let shaped = bytes.get(i..i + 5).is_some_and(|w| {
            w[..4].iter().all(u8::is_ascii_digit) && matches!(w[4], b'-' | b'/' | b'.')
        });
        if starts_year && shaped {
            parse_iso_like(s.get(i..)?)
        } else {
            None
        }
    })
}

#[derive(Default)]
struct Time {
    hour: u32,
    minute: u32,
    second: u32,
    /// Offset in minutes east of UTC; `Some(0)` for Z/GMT/UTC.
    zone: Option<i32>,
}

fn format_date(year: u32, month: u32, day: u32, time: Option<Time>) -> Option<String> {
    if !(1000..=2999).contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day == 0 || day > days {
        return None;
    }
    let mut out = format!("{year:04}-{month:02}-{day:02}");
    if let Some(t) = time {
        if t.hour > 23 || t.minute > 59 || t.second > 60 {
            return None;
        }
        out.push_str(&format!("T{:02}:{:02}:{:02}", t.hour, t.minute, t.second));
        match t.zone {
            Some(0) => out.push('Z'),
            Some(z) => {
                let sign = if z < 0 { '-' } else { '+' };
                let z = z.unsigned_abs();
                out.push_str(&format!("{sign}{:02}:{:02}", z / 60, z % 60));
            }
            None => {}
        }
    }
    Some(out)
}

/// Takes a run of ASCII digits from the start of `s`.
fn take_digits(s: &str) -> (&str, &str) {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    s.split_at(end)
}

/// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD`, `YYYYMMDD`, then an optional time.
fn parse_iso_like(s: &str) -> Option<String> {
    let (year, rest) = take_digits(s);
    let (year, month, day, rest) = if year.len() == 8 {
        (
            year[..4].parse().ok()?,
            year[4..6].parse().ok()?,
            year[6..].parse().ok()?,
            rest,
        )
    } else if year.len() == 4 {
        let sep = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '-' | '/' | '.'))?;
        let (month, rest) = take_digits(&rest[1..]);
        let rest = rest.strip_prefix(sep)?;
        let (day, rest) = take_digits(rest);
        if !(1..=2).contains(&month.len()) || !(1..=2).contains(&day.len()) {
            return None;
        }
        (
            year.parse().ok()?,
            month.parse().ok()?,
            day.parse().ok()?,
            rest,
        )
    } else {
        return None;
    };
    let rest = rest.trim_start();
    if rest.is_empty() {
        return format_date(year, month, day, None);
    }
    let rest = rest.strip_prefix(['T', 't']).unwrap_or(rest).trim_start();
    match parse_clock(rest) {
        Some((time, tail)) if tail.trim().is_empty() => format_date(year, month, day, Some(time)),
        // A date followed by something we do not understand: the date is still right.
        _ => format_date(year, month, day, None),
    }
}

/// `HH:MM[:SS[.fff]][ ][am|pm][ ][Z|±HH[:MM]|GMT|UTC]`, returning the unparsed tail.
fn parse_clock(s: &str) -> Option<(Time, &str)> {
    let (h, rest) = take_digits(s);
    if !(1..=2).contains(&h.len()) {
        return None;
    }
    let rest = rest.strip_prefix(':')?;
    let (m, mut rest) = take_digits(rest);
    if m.len() != 2 {
        return None;
    }
    let mut time = Time {
        hour: h.parse().ok()?,
        minute: m.parse().ok()?,
        ..Time::default()
    };
    if let Some(r) = rest.strip_prefix(':') {
        let (sec, r) = take_digits(r);
        if sec.len() != 2 {
            return None;
        }
        time.second = sec.parse().ok()?;
        rest = r;
        if let Some(r) = rest.strip_prefix(['.', ',']) {
            rest = take_digits(r).1;
        }
    }
    let mut tail = rest.trim_start();
    let lower = tail.to_ascii_lowercase();
    for (marker, pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if lower.starts_with(marker) {
            if time.hour == 0 || time.hour > 12 {
                return None;
            }
            time.hour = match (pm, time.hour) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            };
            tail = tail[marker.len()..].trim_start();
            break;
        }
    }
    let (zone, tail) = parse_zone(tail);
    time.zone = zone;
    Some((time, tail))
}

fn parse_zone(s: &str) -> (Option<i32>, &str) {
    let upper = s.to_ascii_uppercase();
    for name in ["UTC", "GMT", "Z"] {
        if upper.starts_with(name) {
            let rest = &s[name.len()..];
            // "GMT+2" / "UTC-05:00".
            if let (Some(z), tail) = parse_offset(rest) {
                return (Some(z), tail);
            }
            return (Some(0), rest);
        }
    }
    parse_offset(s)
}

fn parse_offset(s: &str) -> (Option<i32>, &str) {
    let sign = match s.chars().next() {
        Some('+') => 1,
        Some('-') | Some('−') => -1,
        _ => return (None, s),
    };
    let body = &s[s.chars().next().map_or(0, char::len_utf8)..];
    let (digits, rest) = take_digits(body);
    let (hours, minutes, rest) = match digits.len() {
        1 | 2 => {
            let h: i32 = digits.parse().unwrap_or(99);
            if let Some(r) = rest.strip_prefix(':') {
                let (m, r) = take_digits(r);
                if m.len() != 2 {
                    return (None, s);
                }
                (h, m.parse().unwrap_or(99), r)
            } else {
                (h, 0, rest)
            }
        }
        4 => (
            digits[..2].parse().unwrap_or(99),
            digits[2..].parse().unwrap_or(99),
            rest,
        ),
        _ => return (None, s),
    };
    if hours > 14 || minutes > 59 {
        return (None, s);
    }
    (Some(sign * (hours * 60 + minutes)), rest)
}

pub(crate) fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS[..12]
        .iter()
        .position(|m| *m == w || (w.len() <= 4 && m.starts_with(&w)))
        .map(|i| i as u32 + 1)
}

/// A text that is a date alone, or a date after a label ("Published: June 12,
/// 2025", "Dec. 19, 2025"): its ISO form. Words other than months, weekdays and
/// clock words make it a sentence, not a date line.
/// Whether `text` is a date and nothing else, after an optional label.
pub(crate) fn is_date_line(text: &str) -> bool {
    // Numeric dates only in metadata: in content they are a table's cells as often.
    text_date(text, None).is_some()
}

/// Whether a page in language `lang` writes numeric dates month first
/// (`3/4/2025` is March 4th): US English, and English pages that do not say
/// which English.
fn month_first(lang: Option<&str>) -> bool {
    lang.is_none_or(|l| {
        let l = l.trim().to_ascii_lowercase().replace('_', "-");
        l == "en" || l.starts_with("en-us")
    })
}

/// Most bytes of a line of dot-separated parts ("Jun 08, 2023 • 11 min read",
/// "Jane Doe | Senior Writer | July 2, 2025") looked at for a date part.
const MAX_DATE_SEGMENTS_LINE: usize = 120;

/// The date in one part of a short line of parts separated by `•`, `·` or `|`,
/// where the other parts are a reading time, an author or a role.
fn date_segment(text: &str, numeric: Option<bool>) -> Option<String> {
    let text = text.trim();
    if text.len() > MAX_DATE_SEGMENTS_LINE || !text.contains(['•', '·', '|']) {
        return None;
    }
    text.split(['•', '·', '|'])
        .find_map(|part| text_date(part, numeric))
}

/// Labels a date line may open with ("Last updated on", "Published:"), longest
/// first so that "updated on" wins over "updated".
pub(crate) const DATE_LABELS: &[&str] = &[
    "last updated on",
    "last updated",
    "updated on",
    "updated",
    "published on",
    "published",
    "posted on",
    "posted",
    "date",
    "on",
];

/// With `numeric`, also numeric dates ([`parse_numeric`], month first or not).
fn text_date(text: &str, numeric: Option<bool>) -> Option<String> {
    let text = text.trim();
    if !(8..=40).contains(&text.len()) || !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let start = DATE_LABELS
        .iter()
        .find(|l| lower.starts_with(*l))
        .map_or(0, |l| l.len());
    let rest = text[start..].trim_start_matches([':', ' ']);
    let only_date_words = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '·' | '|'))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .all(|w| {
            // "10:39AM": the clock's letters after its digits.
            let letters = w.trim_start_matches(|c: char| c.is_ascii_digit() || c == ':');
            // "2022-11-23T08:10+02:00": an ISO 8601 time stamp printed as it is.
            let iso_stamp = w.len() >= 10 && w.as_bytes()[4] == b'-' && parse_iso_like(w).is_some();
            iso_stamp
                || month_number(w).is_some()
                || CLOCK_WORDS
                    .iter()
                    .chain(WEEKDAYS)
                    .any(|c| letters.trim_end_matches('.').eq_ignore_ascii_case(c))
        });
    if !only_date_words {
        return None;
    }
    parse_iso_like(rest)
        .or_else(|| parse_textual(rest))
        .or_else(|| parse_numeric(rest, numeric?))
}

/// `D.M.YYYY` (dotted dates are day first wherever they are written) and
/// `M/D/YYYY` or `D/M/YYYY` (slashes or dashes: a part above 12 tells which is
/// the day, else `month_first` does), then an optional time.
fn parse_numeric(s: &str, month_first: bool) -> Option<String> {
    let (a, rest) = take_digits(s);
    let sep = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '.' | '/' | '-'))?;
    let (b, rest) = take_digits(&rest[1..]);
    let rest = rest.strip_prefix(sep)?;
    let (year, rest) = take_digits(rest);
    if !(1..=2).contains(&a.len()) || !(1..=2).contains(&b.len()) || year.len() != 4 {
        return None;
    }
    let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    let (month, day) = if sep == '.' || a > 12 || (b <= 12 && !month_first) {
        (b, a)
    } else {
        (a, b)
    };
    let year = year.parse().ok()?;
    let rest = rest.trim_start().trim_start_matches(',').trim_start();
    match parse_clock(rest) {
        Some((time, tail)) if tail.trim().is_empty() => format_date(year, month, day, Some(time)),
        _ => format_date(year, month, day, None),
    }
}

/// Dates with a month name, in any order ("2 Jan 2006", "January 2, 2006",
/// "Mon, 02 Jan 2006 15:04:05 GMT"), with an optional time and zone anywhere after.
fn parse_textual(s: &str) -> Option<String> {
    let mut month = None;
    let mut day = None;
    let mut year = None;
    let mut time = None;
    let tokens: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i];
        if time.is_none() && token.contains(':') && token.starts_with(|c: char| c.is_ascii_digit())
        {
            // The clock may span tokens ("3:04 PM EST", "15:04:05 -0700").
            let joined = tokens[i..].join(" ");
            if let Some((t, tail)) = parse_clock(&joined) {
                time = Some(t);
                let consumed = joined.len() - tail.len();
                let mut used = 0;
                while i < tokens.len() && used < consumed {
                    used += tokens[i].len() + 1;
                    i += 1;
                }
                continue;
            }
        }
        let (digits, suffix) = take_digits(token);
        if !digits.is_empty() {
            let ordinal = matches!(
                suffix.to_ascii_lowercase().as_str(),
                "" | "st" | "nd" | "rd" | "th" | "."
            );
            if digits.len() == 4 && year.is_none() && (suffix.is_empty() || suffix == ".") {
                year = digits.parse().ok();
            } else if digits.len() <= 2 && day.is_none() && ordinal {
                day = digits.parse().ok();
            }
        } else if month.is_none() {
            month = month_number(token);
        }
        i += 1;
    }
    format_date(year?, month?, day?, time)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> Metadata {
        let doc = Html::parse_document(html);
        extract(&doc, Url::parse("https://example.com/a/b").ok().as_ref())
    }

    #[test]
    fn json_ld_graph_with_nested_authors() {
        let m = meta(
            r#"<html lang="en_us"><head><title>Ignored | Site</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"The Site"},
              {"@type":["NewsArticle"],"headline":"The &amp; Headline",
               "author":[{"@type":"Person","name":" Ann  Author "},{"name":"Bob Writer"}],
               "publisher":{"@type":"Organization","name":"Example News"},
               "datePublished":"2024-03-05T10:20:30+01:00",
               "articleSection":"Science","keywords":["space","Mars"],
               "articleBody":"First para.\n\nSecond   para."}]}</script>
            <meta property="og:title" content="OG title"></head><body></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("The & Headline"));
        assert_eq!(m.byline.as_deref(), Some("Ann Author, Bob Writer"));
        assert_eq!(m.site_name.as_deref(), Some("Example News"));
        assert_eq!(
            m.published_iso.as_deref(),
            Some("2024-03-05T10:20:30+01:00")
        );
        assert_eq!(m.categories, vec!["Science", "space", "Mars"]);
        assert_eq!(
            m.structured_body.as_deref(),
            Some("First para.\n\nSecond para.")
        );
        assert_eq!(m.page_type_hint.as_deref(), Some("NewsArticle"));
        assert_eq!(m.language.as_deref(), Some("en-US"));
    }

    #[test]
    fn broken_and_multiple_json_ld_blocks() {
        let m = meta(
            r#"<head><title>Doc</title>
            <script type="application/ld+json">{ this is not json </script>
            <script type="application/ld+json"><!--
              {"@type":"BreadcrumbList","itemListElement":[]}
            --></script>
            <script type="application/ld+json">{"@type":"BlogPosting","name":"Line
            break title","author":"Jane Roe","datePublished":"2020-01-02"};</script>
            </head>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Line break title"));
        assert_eq!(m.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(m.published_iso.as_deref(), Some("2020-01-02"));
        assert_eq!(m.page_type_hint.as_deref(), Some("BlogPosting"));
    }

    #[test]
    fn product_json_ld_gives_body_and_type_but_not_article_fields() {
        let m = meta(
            r#"<head><title>Blue Kettle 1.5 L – Shop</title>
            <script type="application/ld+json">[{"@type":"Organization","name":"Shop"},
            {"@type":"Product","name":"Blue Kettle","description":"A kettle that is blue."}]
            </script><meta property="og:title" content="Blue Kettle 1.5 L"></head>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Blue Kettle 1.5 L"));
        assert_eq!(m.page_type_hint.as_deref(), Some("Product"));
        assert_eq!(m.structured_body.as_deref(), Some("A kettle that is blue."));
        assert_eq!(m.description.as_deref(), Some("A kettle that is blue."));
        assert_eq!(m.byline, None);
    }

    #[test]
    fn name_versus_headline_follows_the_document_title() {
        let m = meta(
            r#"<head><title>Real headline of the story - Paper</title>
            <script type="application/ld+json">{"@type":"Article","name":"seo-slug-name",
            "headline":"Real headline of the story"}</script></head>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Real headline of the story"));
    }

    #[test]
    fn meta_layers_in_order_with_double_escaping() {
        let m = meta(
            r#"<head><title>Title Element</title>
            <meta name="twitter:title" content="Twitter">
            <meta property="og:title twitter:title" content="OG &amp;amp; co">
            <meta property="og:site_name" content="Site">
            <meta name="author" content="https://facebook.com/someone">
            <meta property="article:author" content="https://facebook.com/someone">
            <meta name="DC.creator" content="By:  Dee Creator">
            <meta property="article:published_time" content="Tue, 10 Jun 2003 04:00:00 GMT">
            <meta property="article:tag" content="a"><meta property="article:tag" content="B">
            <meta name="keywords" content="b, c">
            <meta property="og:description" content="Desc">
            <meta property="og:locale" content="fr_FR">
            <meta property="og:image" content=""></head>"#,
        );
        assert_eq!(m.title.as_deref(), Some("OG & co"));
        assert_eq!(m.byline.as_deref(), Some("Dee Creator"));
        assert_eq!(m.site_name.as_deref(), Some("Site"));
        assert_eq!(m.published_iso.as_deref(), Some("2003-06-10T04:00:00Z"));
        assert_eq!(m.categories, vec!["a", "B", "c"]);
        assert_eq!(m.description.as_deref(), Some("Desc"));
        assert_eq!(m.language.as_deref(), Some("fr-FR"));
    }

    #[test]
    fn byline_from_twitter_written_by_card() {
        let m = meta(
            r#"<head><meta name="twitter:label1" content="Est. reading time">
            <meta name="twitter:data1" content="4 minutes">
            <meta name="twitter:label2" content="Written by">
            <meta name="twitter:data2" content="Albert Swann"></head><body><p>text</p></body>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Albert Swann"));
        let m = meta(
            r#"<head><meta name="twitter:label1" content="Est. reading time">
            <meta name="twitter:data1" content="4 minutes"></head><body><p>text</p></body>"#,
        );
        assert_eq!(m.byline, None);
    }

    #[test]
    fn byline_from_a_written_by_label_in_the_text() {
        let byline = |body: &str| meta(&format!("<body>{body}</body>")).byline;
        assert_eq!(
            byline("<h1>T</h1><div><p>Written by</p><p>Edzel Tabing</p></div><p>Text.</p>")
                .as_deref(),
            Some("Edzel Tabing")
        );
        assert_eq!(
            byline("<p><span>By</span> <a href=/a>Ziyi Xu</a>, Dec 3</p>").as_deref(),
            Some("Ziyi Xu")
        );
        assert_eq!(
            byline("<p><span>Authors:</span><a href=/a>Aniruddha Roy</a></p>").as_deref(),
            Some("Aniruddha Roy")
        );
        // A menu entry, a sentence, a forum badge and a CMS's default user are no names.
        assert_eq!(byline("<nav><a>Authors</a></nav><p>Abstract</p>"), None);
        assert_eq!(
            byline("<p>By</p><p>Understanding which regulations apply to you</p>"),
            None
        );
        assert_eq!(byline("<p>by</p><p>Member</p>"), None);
        assert_eq!(byline("<p>Written by</p><p>admin</p>"), None);
    }

    #[test]
    fn byline_from_a_text_that_opens_with_its_label() {
        let byline = |body: &str| meta(&format!("<body>{body}</body>")).byline;
        assert_eq!(
            byline("<p>Text.</p><h3>Written by Cassidy Horton</h3>").as_deref(),
            Some("Cassidy Horton")
        );
        assert_eq!(
            byline("<span class=posted>Posted by David at December 16, 2025 11:15 AM</span>")
                .as_deref(),
            Some("David")
        );
        assert_eq!(
            byline("<p>Started by Biology Forums, June 04, 2024, 11:23:55 AM</p>").as_deref(),
            Some("Biology Forums")
        );
        // A streamed React segment is shown by script, not hidden.
        assert_eq!(
            byline(r#"<div hidden id="S:0"><p>Written by <a href=/a>Paulo Gio</a></p></div>"#)
                .as_deref(),
            Some("Paulo Gio")
        );
        assert_eq!(
            byline(r#"<div hidden><p>Written by <a href=/a>Paulo Gio</a></p></div>"#),
            None
        );
        // A bare "By" opens sentences too, and a label must be followed by a name.
        assert_eq!(byline("<p>By Monday</p>"), None);
        assert_eq!(byline("<p>Written by hand in the small hours</p>"), None);
    }

    #[test]
    fn published_date_from_the_web_page_node_or_a_date_line() {
        let m = meta(
            r#"<head><script type="application/ld+json">{"@graph":[{"@type":"WebPage",
            "datePublished":"2024-03-17T19:47:39+00:00"}]}</script></head><body></body>"#,
        );
        assert_eq!(m.published_iso.as_deref(), Some("2024-03-17T19:47:39Z"));
        let date = |body: &str| meta(&format!("<body>{body}</body>")).published_iso;
        assert_eq!(
            date("<h1>T</h1><div>Last updated:</div><div>Dec 12, 2025</div>").as_deref(),
            Some("2025-12-12")
        );
        assert_eq!(
            date("<p class=date>Published: June 12, 2025</p>").as_deref(),
            Some("2025-06-12")
        );
        assert_eq!(
            date("<p>Sun Dec 17, 2023 11:23 am</p>").as_deref(),
            Some("2023-12-17T11:23:00")
        );
        assert_eq!(
            date("<p>Published June 23, 2025 10:39AM</p>").as_deref(),
            Some("2025-06-23T10:39:00")
        );
        // A sentence holding a date is not a date line.
        assert_eq!(date("<p>We opened 3 stores in May 2025.</p>"), None);
        assert_eq!(date("<p>Screenshot-2025-10-23-at-12.41.png</p>"), None);
    }

    #[test]
    fn numeric_and_dotted_date_lines_follow_the_pages_language() {
        let date = |lang: &str, body: &str| {
            meta(&format!("<html{lang}><body>{body}</body></html>")).published_iso
        };
        // Dotted dates are day first everywhere; slashes follow the language unless
        // a part above 12 says which is the day.
        assert_eq!(
            date("", "<span>17.05.2021</span>").as_deref(),
            Some("2021-05-17")
        );
        assert_eq!(
            date(" lang=en-US", "<span>3/4/2025</span>").as_deref(),
            Some("2025-03-04")
        );
        assert_eq!(
            date(" lang=fr", "<span>3/4/2025</span>").as_deref(),
            Some("2025-04-03")
        );
        assert_eq!(
            date(" lang=en-GB", "<i>Updated: 10/31/2024</i>").as_deref(),
            Some("2024-10-31")
        );
        // An ISO 8601 time stamp printed as the date line.
        assert_eq!(
            date(
                "",
                "<p class=author>Nick van Mead</p><p><span>2022-11-23T08:10+02:00 </span></p>"
            )
            .as_deref(),
            Some("2022-11-23T08:10:00+02:00")
        );
        // A line of parts: the date is one of them.
        assert_eq!(
            date("", "<p>Jun 08, 2023 &#8226; 11 Minute Read</p>").as_deref(),
            Some("2023-06-08")
        );
        assert_eq!(
            date("", "<p>Aaron Ricadela | Senior Writer | July 2, 2025</p>").as_deref(),
            Some("2025-07-02")
        );
        assert_eq!(date("", "<p>Jun 2023 &#8226; 11 Minute Read</p>"), None);
        assert_eq!(date("", "<p>Call 555/12/2024 today</p>"), None);
    }

    #[test]
    fn published_meta_names_then_the_last_revision() {
        let date = |head: &str| meta(&format!("<head>{head}</head><body></body>")).published_iso;
        assert_eq!(
            date(r#"<meta name="published" content="July 17, 2025">"#).as_deref(),
            Some("2025-07-17")
        );
        assert_eq!(
            date(r#"<meta name="published-date" content="2021-02-16">"#).as_deref(),
            Some("2021-02-16")
        );
        // Only with no date of publication anywhere does the revision date stand in.
        let modified =
            r#"<meta property="article:modified_time" content="2023-06-12T10:39:42+00:00">"#;
        assert_eq!(date(modified).as_deref(), Some("2023-06-12T10:39:42Z"));
        let both =
            format!(r#"{modified}<meta property="article:published_time" content="2020-01-02">"#);
        assert_eq!(date(&both).as_deref(), Some("2020-01-02"));
    }

    #[test]
    fn a_threads_opening_poster_is_its_byline() {
        // A QAPage names no author itself; its question does.
        let m = meta(
            r#"<head><script type="application/ld+json">{"@context":"http://schema.org",
            "@type":"QAPage","name":"Update broken","mainEntity":{"@type":"Question",
            "name":"Update broken","author":{"@type":"Person","name":"DaleJack"}}}</script>
            </head><body><p>text</p></body>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("DaleJack"));
        // Forum software serves the thread to readers without script in <noscript>
        // (parsed as markup, as the engine parses: with scripting off).
        let m = |html: &str| extract(&crate::parse::parse(html), None);
        let m = m(
            r#"<body><noscript data-path="/t/valuation/1"><div id="main-outlet">
            <div itemscope itemtype="http://schema.org/DiscussionForumPosting">
            <h1>My take on valuation</h1><div class="crawler-post-meta">
            <span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person">
            <a itemprop="url" href="/u/PaulWBryant"><span itemprop="name">PaulWBryant</span></a>
            </span></div><div class="post"><p>Let us imagine the best company.</p></div>
            </div></div></noscript></body>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("PaulWBryant"));
    }

    #[test]
    fn page_state_classes_on_the_root_do_not_hide_the_byline() {
        let m = meta(
            r#"<html class="is-sidebaropen hasrightsidebar"><body><div class="titleBar">
            <h1>Best hosts</h1><p>Discussion started by <a href="/members/1" class="username
            author">pelex</a>, May 26, 2025.</p></div><p>Text of the post.</p></body></html>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("pelex"));
    }

    #[test]
    fn the_site_as_author_gives_way_to_a_persons_byline_in_the_page() {
        let page = |head: &str, body: &str| {
            meta(&format!(
                "<head>{head}</head><body><h1>Pests</h1>{body}<p>Text.</p></body>"
            ))
            .byline
        };
        let org_ld = r#"<script type="application/ld+json">{"@type":"BlogPosting",
            "headline":"Pests","author":{"@type":"Organization","name":"Acme Gardens"}}
            </script>"#;
        let person = r#"<span class="author-name">Meaghan Weeden</span>"#;
        assert_eq!(page(org_ld, person).as_deref(), Some("Meaghan Weeden"));
        // The site's own name in the author meta tag, likewise.
        let site_meta = r#"<meta property="og:site_name" content="Rapid7">
            <meta name="author" content="Rapid7">"#;
        assert_eq!(page(site_meta, person).as_deref(), Some("Meaghan Weeden"));
        // With no person marked in the page, the organisation is the byline; a
        // "by" credit in the text does not outrank it.
        assert_eq!(page(org_ld, "").as_deref(), Some("Acme Gardens"));
        assert_eq!(
            page(site_meta, "<p>Site by <b>Inter</b></p>").as_deref(),
            Some("Rapid7")
        );
        // A person named in the metadata stays first.
        let person_meta = r#"<meta property="og:site_name" content="Rapid7">
            <meta name="author" content="Spencer McIntyre">"#;
        assert_eq!(
            page(person_meta, person).as_deref(),
            Some("Spencer McIntyre")
        );
    }

    #[test]
    fn authorization_and_authority_classes_are_no_byline_hints() {
        let m = meta(
            r#"<body><h1>Forms</h1><h3 id="authorization">Authorization Forms</h3>
            <div class="authority-score">Trusted Source</div><p>Text.</p></body>"#,
        );
        assert_eq!(m.byline, None);
        let m =
            meta(r#"<body><h1>Forms</h1><div class="authorInfo">Jo Lee</div><p>Text.</p></body>"#);
        assert_eq!(m.byline.as_deref(), Some("Jo Lee"));
    }

    #[test]
    fn a_papers_citation_authors_are_its_byline() {
        let m = meta(
            r#"<head><meta name="citation_author" content="Vaswani, Ashish">
            <meta name="citation_author_institution" content="Google Brain">
            <meta name="citation_author" content="Noam Shazeer"></head>
            <body><h1>Attention</h1><p>Abstract.</p></body>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Ashish Vaswani, Noam Shazeer"));
    }

    #[test]
    fn a_plain_by_line_under_the_headline_names_the_author() {
        let byline = |line: &str| {
            meta(&format!(
                "<body><div><div><h1>The History of Coffee</h1><div class=meta>\
                 <p><time>Mar 24, 2025</time></p><p>{line}</p></div></div>\
                 <p>Coffee came from Ethiopia.</p></div></body>"
            ))
            .byline
        };
        assert_eq!(byline("By Amy Wilhelm").as_deref(), Some("Amy Wilhelm"));
        assert_eq!(
            byline("by Jon Foster - 2025-09-13").as_deref(),
            Some("Jon Foster")
        );
        // Set phrases, a lone word and a sentence are no bylines.
        for line in [
            "By Appointment Only",
            "By Car",
            "By then, Ethiopia Traded It.",
        ] {
            assert_eq!(byline(line), None, "{line}");
        }
        // Far from the headline, a "By" line is not taken.
        let m = meta(
            "<body><header><h1>Coffee</h1></header><main><div><section>\
             <p>Text.</p><p>By Amy Wilhelm</p></section></div></main></body>",
        );
        assert_eq!(m.byline, None);
    }

    #[test]
    fn an_author_boxs_job_title_and_bio_are_not_the_name() {
        let byline = |inner: &str| {
            meta(&format!(
                "<body><h1>Buying guide</h1>{inner}<p>Text of the guide.</p></body>"
            ))
            .byline
        };
        // The title on a line of its own under the name.
        assert_eq!(
            byline(
                "<span class=byline-author>By <a href=/experts/kb>Keith Barry</a><br>\
                 <span class=byline-author__title>Senior Autos Reporter</span></span>"
            )
            .as_deref(),
            Some("Keith Barry")
        );
        assert_eq!(
            byline(
                "<div class=author><div class=name>Written by <span>Meghan Neville</span>\
                 </div><div class=position>Content Marketing Coordinator</div></div>"
            )
            .as_deref(),
            Some("Meghan Neville")
        );
        // An element classed as the name holds the name alone.
        assert_eq!(
            byline(
                "<div class=author-line><span class=author-label>Written By:</span> \
                 <span class=author-name><a href=/author/cl>Celeste Longacre</a></span> \
                 <span class=author-title>Gardener &amp; Astrologer</span></div>"
            )
            .as_deref(),
            Some("Celeste Longacre")
        );
        // A bio alone is no byline; a line that is not a job title stays.
        assert_eq!(
            byline("<div class=author-description>Licensed Q Arabica Grader</div>"),
            None
        );
        assert_eq!(
            byline("<div class=byline>By Kelli Miller<br>WebMD Health News</div>").as_deref(),
            Some("Kelli Miller WebMD Health News")
        );
    }

    #[test]
    fn a_posters_card_too_long_for_a_byline_still_names_the_poster() {
        let menu: String = (0..6)
            .map(|i| format!("<li><a href=/u/1/{i}>View Forum Posts and Threads {i}</a></li>"))
            .collect();
        let m = meta(&format!(
            r#"<body><h1>Boot loop</h1><div class="username_container"><div class="popupmenu">
            <a class="username popupctrl" href="/u/1"><strong itemprop="author">HOSTLAR</strong></a>
            <ul class="popupbody">{menu}</ul></div></div><p>My phone restarts.</p></body>"#
        ));
        assert_eq!(m.byline.as_deref(), Some("HOSTLAR"));
    }

    #[test]
    fn a_forums_first_username_is_the_byline_but_not_a_greeting_or_masked_buyer() {
        let thread = |first: &str| {
            meta(&format!(
                r#"<body><div class="post"><dt><a href="/u/1" class="username">{first}</a></dt>
                <div class="content"><p>How do I boot from USB?</p></div></div>
                <div class="post"><dt><a href="/u/2" class="username">helper</a></dt>
                <div class="content"><p>Hold shift.</p></div></div></body>"#
            ))
            .byline
        };
        assert_eq!(thread("b.scherer").as_deref(), Some("b.scherer"));
        // Neither names anybody: the walk goes on to the next poster.
        assert_eq!(thread("Hi").as_deref(), Some("helper"));
        assert_eq!(thread("e***1 (37)").as_deref(), Some("helper"));
    }

    #[test]
    fn a_link_to_one_authors_page_names_the_author_when_nothing_else_does() {
        let byline = |links: &str| {
            meta(&format!(
                "<body><h1>Pricing models</h1><div>{links}</div><p>Body text.</p></body>"
            ))
            .byline
        };
        assert_eq!(
            byline(r#"<a href="/authors/trevor-jackins">Trevor Jackins</a>"#).as_deref(),
            Some("Trevor Jackins")
        );
        // The list of all authors, and a link's label, name nobody.
        assert_eq!(byline(r#"<a href="/authors/">Our Authors</a>"#), None);
        assert_eq!(
            byline(r#"<a href="/author/juliette">Articles by Juliette</a>"#),
            None
        );
        // Markup that names the author wins over an earlier link.
        assert_eq!(
            byline(
                r#"<a href="/author/grace-dent">Grace Dent</a>
                <span class="byline">Hazel Sheffield</span>"#
            )
            .as_deref(),
            Some("Hazel Sheffield")
        );
    }

    #[test]
    fn url_bylines_are_rejected() {
        let m = meta(
            r#"<head><meta property="article:author" content="https://www.facebook.com/x">
            </head><body><p>text</p></body>"#,
        );
        assert_eq!(m.byline, None);
    }

    #[test]
    fn box_headings_and_numbers_are_not_bylines() {
        for raw in [
            "About the Author",
            "The author",
            "Authors:",
            "262588213843476",
            "#12",
        ] {
            assert_eq!(clean_byline(raw), None, "{raw}");
        }
        assert_eq!(clean_byline("By Jane Doe").as_deref(), Some("Jane Doe"));
        for (raw, name) in [
            (
                "Shelby Loos, DVM. Reviewed by Molly Price, DVM",
                "Shelby Loos, DVM",
            ),
            (
                "Niko Matsakis on behalf of Vision Doc group",
                "Niko Matsakis",
            ),
            ("Newsdesk news@businessweekly.co.uk", "Newsdesk"),
            (
                "Texas Mattress MakersReviewed by Youval Meicler",
                "Texas Mattress Makers",
            ),
            (
                "Rob Ewaschuk Edited by Betsy Beyer",
                "Rob Ewaschuk Edited by Betsy Beyer",
            ),
            ("beatriz.pinto@hommes.studio", "beatriz.pinto@hommes.studio"),
        ] {
            assert_eq!(clean_byline(raw).as_deref(), Some(name), "{raw}");
        }
        for raw in [
            "Topic Author",
            "Sign In Join Us",
            "Log in",
            "page.head.extra.author",
        ] {
            assert_eq!(clean_byline(raw), None, "{raw}");
        }
        assert_eq!(
            clean_byline("sara.r.peter").as_deref(),
            Some("sara.r.peter")
        );
        assert_eq!(
            clean_byline("Loginov Ivan").as_deref(),
            Some("Loginov Ivan")
        );
        assert_eq!(clean_byline("R2 Team").as_deref(), Some("R2 Team"));
    }

    #[test]
    fn byline_and_date_from_markup() {
        let m = meta(
            r#"<html><head><title>A fairly long article title here</title></head><body>
            <div class="site-header"><span class="author">Header Person</span></div>
            <div style="display: none"><span class="byline">Hidden Person</span></div>
            <article><p class="byline">By <span itemprop="name">Sam   Smith</span>, staff</p>
            <time datetime="2019-07-08T09:10">July 8</time>
            <p>Body text.</p></article></body></html>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Sam Smith"));
        assert_eq!(m.published_iso.as_deref(), Some("2019-07-08T09:10:00"));
    }

    #[test]
    fn relaxed_byline_pass_counts_only_when_the_strict_one_finds_nothing() {
        // The whole article sits in an "unlikely" wrapper: only the relaxed pass sees
        // it, and its first hit outside nav/aside/footer wins.
        let m = meta(
            r#"<html><body><nav class="menu"><span class="author">Nav Person</span></nav>
            <div class="header-wrap"><p class="byline">By Wrapped Writer</p>
            <p class="author">Second Person</p></div></body></html>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Wrapped Writer"));
        let m = meta(
            r#"<html><body><div class="sidebar"><span class="author">Side Person</span></div>
            </body></html>"#,
        );
        assert_eq!(m.byline, None);
    }

    #[test]
    fn needles_find_any_substring() {
        let needles = Needles::new(&["-ad-", "banner", "ban", "x"]);
        assert!(needles.any_in(b"top-ad-slot"));
        assert!(needles.any_in(b"mybanner"));
        assert!(needles.any_in(b"ba bax"));
        assert!(!needles.any_in(b"ad ba-n"));
        assert!(!needles.any_in(b""));
        assert!(Needles::new(&[""]).any_in(b"anything"));
        assert!(!Needles::new(&[]).any_in(b"anything"));
    }

    #[test]
    fn byline_dates_and_scores_beside_the_names_are_cut() {
        for (raw, want) in [
            ("Luke KimDecember 17, 2025", Some("Luke Kim")),
            ("by Lucas Nolan22 Dec 2016651", Some("Lucas Nolan")),
            ("By Nathan Willis\n   March 25, 2015", Some("Nathan Willis")),
            ("Dr. Vahid Osman - Mar 27, 2024", Some("Dr. Vahid Osman")),
            ("Haley Hoekstra • March 12, 2025", Some("Haley Hoekstra")),
            (
                "Reyan PerumalPublished on July 18, 2025",
                Some("Reyan Perumal"),
            ),
            (
                "Cazzy MagennisLast Updated:August 1, 2025",
                Some("Cazzy Magennis"),
            ),
            (
                "Eric Hergenreder Updated December 19, 2025",
                Some("Eric Hergenreder"),
            ),
            ("Nick van Mead2022-11-23T08:10+02:00", Some("Nick van Mead")),
            (
                "FlowGuard EMEA on 04-ago-2021 5:11:10",
                Some("FlowGuard EMEA"),
            ),
            ("03/10/2023 by WSET Global", Some("WSET Global")),
            ("Dec 23 Written By Linny and Peter", Some("Linny and Peter")),
            ("Dec 17, 2025Julian K. Arni", Some("Julian K. Arni")),
            ("Vader 6,796 8 gold badges 34 silver badges", Some("Vader")),
            ("August 28, 2025•5 min read", None),
            (
                "April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm",
                None,
            ),
            ("May Lee", Some("May Lee")),
            ("June Carter and Marc Oct", Some("June Carter and Marc Oct")),
            ("lulug30", Some("lulug30")),
            ("Written byDan Pantelo", Some("Dan Pantelo")),
            ("Harry RabinowitzTech Reporter", Some("Harry Rabinowitz")),
            ("Craig McCarthy", Some("Craig McCarthy")),
            ("KumikoGoingCrAzY", Some("KumikoGoingCrAzY")),
            (
                "Ashley Biancuzzo, Associate Editor, PCWorld",
                Some("Ashley Biancuzzo"),
            ),
            (
                "Danielle DeSiato, Donna Enzmann, Natalie Nguyen",
                Some("Danielle DeSiato, Donna Enzmann, Natalie Nguyen"),
            ),
            ("Emma Ryan Writer", Some("Emma Ryan")),
            ("Ann Author, Bob Writer", Some("Ann Author, Bob Writer")),
            (
                "Mike Marshall, Shipping Expert",
                Some("Mike Marshall, Shipping Expert"),
            ),
            ("Staff Writer", Some("Staff Writer")),
            ("\"David Kim\"", Some("David Kim")),
            ("& Zackery Cuevas Writer, Hardware", Some("Zackery Cuevas")),
            ("View all posts by Ray Ansari", Some("Ray Ansari")),
            (
                "Joe Wee Monday, February 29, 2016 @ 11:10 PM UTC",
                Some("Joe Wee"),
            ),
            ("Sun Dec 17, 2023 11:23 am", None),
            ("BySummer Swann-June 12, 2025", Some("Summer Swann")),
            ("Byron Bay", Some("Byron Bay")),
            ("Post by galitsyn » 11. Sep 2024, 18:36", Some("galitsyn")),
            ("3d23d65-ddc6-4ce5", Some("3d23d65-ddc6-4ce5")),
            ("guitar_00 09.08.2024", Some("guitar_00")),
            ("Team 10x", Some("Team 10x")),
        ] {
            assert_eq!(clean_byline(raw).as_deref(), want, "{raw}");
        }
        // Odd edges must not panic on any char boundary.
        for raw in [
            "Ä1",
            "é12 Dec",
            "日本 12/03/2024",
            "Mar",
            "12",
            "1-",
            "1-2",
            "1-2-",
            "Sun",
            "Sun,",
            "on ",
            "ByÉ",
            "Byé",
            "Жанна 3 мая",
            "x 1.1.",
            "Dec 1日",
            "9 badge",
            "«»",
        ] {
            let _ = clean_byline(raw);
        }
    }

    #[test]
    fn byline_by_prefix_trimmed_and_long_rejected() {
        assert_eq!(
            clean_byline("  By  Jane\n Doe ").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(clean_byline("BY: JOE WEE").as_deref(), Some("JOE WEE"));
        assert_eq!(clean_byline("Byron Bay").as_deref(), Some("Byron Bay"));
        assert_eq!(
            clean_byline("Written by: Ann Lee |").as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(clean_byline("Author Isa Shel").as_deref(), Some("Isa Shel"));
        assert_eq!(clean_byline(", USA TODAY").as_deref(), Some("USA TODAY"));
        assert_eq!(clean_byline(" By "), None);
        assert_eq!(clean_byline("www.example.com/author"), None);
        assert_eq!(clean_byline(&"word ".repeat(40)), None);
        let m = meta(&format!(
            r#"<body><p class="author">{}</p><a rel="author" href="/x">Real Name</a></body>"#,
            "long text ".repeat(20)
        ));
        assert_eq!(m.byline.as_deref(), Some("Real Name"));
    }

    #[test]
    fn itemprop_date_beats_plain_time() {
        let m = meta(
            r#"<body><aside><time datetime="2001-01-01">old</time></aside>
            <span itemprop="datePublished" content="2022-12-31">Dec 31</span></body>"#,
        );
        assert_eq!(m.published_iso.as_deref(), Some("2022-12-31"));
    }

    #[test]
    fn title_splitting() {
        let t = |title: &str| article_title(title, &[], &[]);
        assert_eq!(
            t("Lorem ipsum dolor sit amet – My website"),
            "Lorem ipsum dolor sit amet"
        );
        assert_eq!(
            t("How to Build a Long Title Here | Site Name"),
            "How to Build a Long Title Here"
        );
        // The site name first: the part after the first separator.
        assert_eq!(
            t("Site | A story that has a long enough title"),
            "A story that has a long enough title"
        );
        // Cutting would leave too little: keep the original.
        assert_eq!(t("Short one | Site"), "Short one | Site");
        assert_eq!(
            t("Site Name: The story about things that happened"),
            "The story about things that happened"
        );
        let heading = vec!["This is a long title with a colon: Hello there".to_string()];
        assert_eq!(
            article_title(
                "This is a long title with a colon: Hello there",
                &heading,
                &[]
            ),
            "This is a long title with a colon: Hello there"
        );
        // Too short a title: the single h1 wins.
        let h1 = vec!["The real headline of the article".to_string()];
        assert_eq!(
            article_title("Home", &h1, &h1),
            "The real headline of the article"
        );
        // ...unless it is four words or fewer, which says nothing better.
        let h1 = vec!["Four words of headline".to_string()];
        assert_eq!(article_title("Home", &h1, &h1), "Home");
        assert_eq!(
            t("  Spaced \n  title words  here now "),
            "Spaced title words here now"
        );
    }

    #[test]
    fn avatar_initials_drawn_in_svg_stay_out_of_the_byline() {
        // A generated avatar writes the author's initials as SVG text beside the name.
        let html = r#"<body><article><div class="author"><svg viewBox="0 0 80 80">
            <circle r="40"/><text x="40" y="40">CM</text></svg>
            <span>Craig McCarthy</span></div><p>Story text.</p></article></body>"#;
        let m = extract(
            &crate::parse::parse(html),
            Url::parse("https://example.com/a/b").ok().as_ref(),
        );
        assert_eq!(m.byline.as_deref(), Some("Craig McCarthy"));
    }

    #[test]
    fn svg_title_is_not_the_document_title() {
        let m = meta(r#"<body><svg><title>icon</title></svg><h1>x</h1></body>"#);
        assert_eq!(m.title, None);
    }

    #[test]
    fn dates_normalise_to_iso() {
        let cases = [
            ("2006-01-02", Some("2006-01-02")),
            ("2006-01-02T15:04:05Z", Some("2006-01-02T15:04:05Z")),
            (
                "2006-01-02T15:04:05.123+0100",
                Some("2006-01-02T15:04:05+01:00"),
            ),
            ("2017-11-03 03:01:00.000000", Some("2017-11-03T03:01:00")),
            ("2006/1/2", Some("2006-01-02")),
            ("20060102", Some("2006-01-02")),
            (
                "Mon, 02 Jan 2006 15:04:05 -0700",
                Some("2006-01-02T15:04:05-07:00"),
            ),
            ("January 2, 2006", Some("2006-01-02")),
            ("2 January 2006", Some("2006-01-02")),
            ("Sept. 3rd, 2019 at 3:46 PM", Some("2019-09-03T15:46:00")),
            ("March 11, 2015 3:46 PM EST", Some("2015-03-11T15:46:00")),
            ("2024-02-30", None),
            ("02/01/2006", None),
            ("yesterday", None),
            ("", None),
            ("Updated 2021-05-06 late", Some("2021-05-06")),
        ];
        for (input, want) in cases {
            assert_eq!(parse_date(input).as_deref(), want, "{input}");
        }
    }

    #[test]
    fn entities_decode_like_browsers() {
        assert_eq!(
            decode_entities("&#xg; &#x1F62D; &#128557; &#xFFFFFFFF; &#x0; &amp; &bogus;"),
            "&#xg; 😭 😭 \u{FFFD} \u{FFFD} & &bogus;"
        );
        assert_eq!(clean("  a \u{a0} b\n\tc "), "a b c");
    }

    #[test]
    fn deep_documents_do_not_overflow() {
        let mut html = String::from("<title>Deep page title for testing</title>");
        for _ in 0..100_000 {
            html.push_str("<span>");
        }
        html.push_str(r#"<span class="byline">Deep Author</span>"#);
        let m = meta(&html);
        assert_eq!(m.byline.as_deref(), Some("Deep Author"));
    }
}
