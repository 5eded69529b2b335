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
//!
//! This file runs the layers ([`extract`]) and cleans values; the rooms it calls on:
//! `structured.rs` reads JSON-LD, `byline.rs` finds and cleans the byline in markup,
//! `dates.rs` reads dates into ISO 8601.

use std::collections::HashMap;

use ego_tree::NodeRef;
use scraper::node::Element;
use scraper::{Html, Node};
use serde_json::Value;
use url::Url;

use crate::language;

mod byline;
mod dates;
mod structured;

use byline::*;
use dates::*;
use structured::*;

pub(crate) use dates::{is_date_line, month_number, DATE_LABELS};

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
    // a person's byline in the page wins over it, and it stays the last resort. So
    // does an account's handle (a CMS's login, "andrew.keaveney", "KatieS"), which
    // names whoever posted the page, not always who wrote it.
    let publisher = article
        .and_then(|a| a.get("publisher"))
        .and_then(|p| ld_string(first_object(p)?, &["name"]));
    let publishers: Vec<String> = [publisher.clone(), metas.last("og:site_name")]
        .into_iter()
        .flatten()
        .collect();
    let citations = citation_authors(metas);
    let organisation_byline = std::cell::Cell::new(None);
    let unless_organisation = |byline: String, organisation: bool| {
        if organisation
            || is_handle(&byline)
            || publishers.iter().any(|p| p.eq_ignore_ascii_case(&byline))
        {
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
        // A paper's list of authors, over the one creator its other tags may name.
        .or_else(|| (citations.len() >= 2).then(|| citations.join(", ")))
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
        .or_else(|| (!citations.is_empty()).then(|| citations.join(", ")))
        .or_else(|| labelled_twitter_author(metas).and_then(|b| unless_organisation(b, false)))
        .or_else(|| {
            let (hit, link) = dom_byline(doc);
            let marked = hit.or_else(|| ld.subject_authors().and_then(|b| clean_byline(&b)));
            match organisation_byline.take() {
                // Over the masthead, only a name the markup marks as the author's, or
                // a "By" line under the headline (not a label anywhere: a footer's
                // "Content Management by …" would do).
                Some(organisation) => marked
                    .filter(|b| reads_as_name(b))
                    .or(link)
                    .or_else(|| byline_under_headline(doc))
                    .or(Some(organisation)),
                None => marked
                    .or_else(|| labelled_byline(doc))
                    .or_else(|| byline_under_headline(doc))
                    .or(link),
            }
        })
        .map(|b| without_site_name(b, &publishers));

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
            let names = [
                "published_time",
                "published-date",
                "published_date",
                "publish-date",
                "publish_date",
                "publication-date",
                "publication_date",
            ];
            metas.prefixed(&names).and_then(|v| parse_date(&v))
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

    /// The value of the first key, in key order, that is one of `names` behind a
    /// prefix and a separator (`w-published-date`, `og:article:published_time`).
    fn prefixed(&self, names: &[&str]) -> Option<String> {
        let mut keys: Vec<&String> = self
            .by_key
            .keys()
            .filter(|k| {
                names.iter().any(|n| {
                    k.strip_suffix(n)
                        .is_some_and(|head| head.ends_with(['-', '_', ':', '.']))
                })
            })
            .collect();
        keys.sort();
        keys.into_iter().find_map(|k| self.last(k))
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

#[cfg(test)]
mod tests;
