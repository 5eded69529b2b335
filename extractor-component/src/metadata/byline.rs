//! The byline from markup: author links, byline classes and itemprops, "By …" labels
//! and lines under the headline, and the clean-up that leaves a name.

use super::*;

/// Bylines longer than this are paragraphs that happen to carry an "author" class.
const MAX_BYLINE_CHARS: usize = 100;

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
pub(super) fn dom_byline(doc: &Html) -> (Option<String>, Option<String>) {
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
pub(super) fn labelled_byline(doc: &Html) -> Option<String> {
    let body = first_element(doc, "body")?;
    // Labels are short: most texts are passed over by length alone, and only a
    // label's ancestors are checked for hiding.
    let longest = BYLINE_LABELS.iter().map(|l| l.len()).max().unwrap_or(0);
    body.descendants().find_map(|node| {
        let Node::Text(t) = node.value() else {
            return None;
        };
        let text = t.trim();
        // "Author" alone labels only as a heading or a term (`<h3>Author</h3><p>Ann
        // Lee</p>`, `<dt>`), not as a table's column head over books' authors.
        let headed = || {
            ["author", "authors"]
                .iter()
                .any(|l| text.eq_ignore_ascii_case(l))
                && node.parent().is_some_and(|p| {
                    matches!(p.value(), Node::Element(e)
                        if matches!(e.name(), "h2" | "h3" | "h4" | "h5" | "h6" | "dt"))
                })
        };
        if text.len() <= longest
            && (BYLINE_LABELS.iter().any(|l| text.eq_ignore_ascii_case(l)) || headed())
        {
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
pub(super) fn byline_under_headline(doc: &Html) -> Option<String> {
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

/// One word, as an account's handle is ("andrew.keaveney", "kffnirmitap", "KatieS"),
/// where a person's name has two or more.
pub(super) fn is_handle(byline: &str) -> bool {
    !byline.trim().contains(char::is_whitespace)
}

/// A short capitalised name: names are capitalised, a sentence after "By" is not one.
pub(super) fn reads_as_name(text: &str) -> bool {
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
pub(super) struct Needles<'n> {
    /// Sorted by first byte.
    needles: Vec<&'n [u8]>,
    /// `needles[start[b]..start[b + 1]]` start with byte `b`.
    start: [u16; 257],
    /// The empty string occurs in everything.
    has_empty: bool,
}

impl<'n> Needles<'n> {
    pub(super) fn new(list: &[&'n str]) -> Needles<'n> {
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
    pub(super) fn any_in(&self, hay: &[u8]) -> bool {
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
/// journals and preprint servers print for Google Scholar; some print
/// `citation_authors`), one tag each, in order; "Vaswani, Ashish" is written back in
/// reading order.
pub(super) fn citation_authors(metas: &MetaValues) -> Vec<String> {
    let tags = match metas.all("citation_author") {
        [] => metas.all("citation_authors"),
        tags => tags,
    };
    let mut names: Vec<String> = Vec::new();
    for v in tags {
        let v = clean(v);
        let v = match v.split_once(", ") {
            Some((last, first)) if !first.contains(',') => format!("{first} {last}"),
            _ => v,
        };
        if let Some(name) = clean_byline(&v).filter(|n| !names.contains(n)) {
            names.push(name);
        }
    }
    names
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
        .and_then(|t| clean_byline(&byline_lines(&t)))
        .or_else(|| first_line_name(node));
    };
    // A nested `itemprop=name`, or else an element classed as the name
    // (`author-name`), is the name alone, without "By", the date or a job title.
    // Microdata may give the name as a `<meta itemprop=name content=…>`, which has
    // no text of its own (forum software marks each poster so).
    let name = nested(usize::MAX, |e| {
        crate::dom::attr(e, "itemprop").is_some_and(|p| p.contains("name"))
    })
    .or_else(|| nested(usize::MAX, |e| e.attr("class").is_some_and(is_name_class)))
    .map(|d| match d.value() {
        Node::Element(e) if e.name() == "meta" => e.attr("content").unwrap_or("").to_string(),
        _ => text_of(d),
    })
    .filter(|t| !t.trim().is_empty())
    .unwrap_or(text);
    clean_byline(&byline_lines(&name))
}

/// The name an author box opens with, above the bio it goes on to ("Lauren Vetter" /
/// "Lauren leads growth at …"): the element of the box's first text, when that is
/// two to four capitalised words and nothing else. A box that opens with a link
/// elsewhere than an author's page opens with a category or a post's title instead.
fn first_line_name(node: NodeRef<'_, Node>) -> Option<String> {
    let first = node
        .descendants()
        .skip(1)
        .take(MAX_NESTED_AUTHOR_SCAN)
        .find(|d| matches!(d.value(), Node::Text(t) if !t.trim().is_empty()))?;
    let parent = first.parent().filter(|p| *p != node)?;
    let Node::Element(el) = parent.value() else {
        return None;
    };
    if !is_html(el) || matches!(el.name(), "script" | "style") {
        return None;
    }
    let elsewhere = |a: NodeRef<'_, Node>| match a.value() {
        Node::Element(e) if e.name() == "a" => !e.attr("href").is_some_and(is_author_page),
        _ => false,
    };
    if parent.ancestors().take_while(|a| *a != node).any(elsewhere) || elsewhere(parent) {
        return None;
    }
    let name = clean_byline(&byline_lines(&short_text_of(parent, MAX_BYLINE_CHARS - 1)?))?;
    let words: Vec<&str> = name.split_whitespace().collect();
    let name_word = |w: &&str| {
        w.starts_with(|c: char| c.is_uppercase())
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
            && !word_in(w, &["about", "meet", "author", "authors", "the"])
    };
    ((2..=4).contains(&words.len()) && words.iter().all(name_word)).then_some(name)
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
        // "/author/jo-lee", "/authors/jo-lee", "/blog-authors/jo-lee".
        let named = |word: &str| {
            let Some(cut) = segment.len().checked_sub(word.len()) else {
                return false;
            };
            segment
                .get(cut..)
                .is_some_and(|tail| tail.eq_ignore_ascii_case(word))
                && (cut == 0 || segment[..cut].ends_with(['-', '_']))
        };
        if named("author") || named("authors") {
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
pub(super) fn labelled_twitter_author(metas: &MetaValues) -> Option<String> {
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
    "educator",
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

/// Holds a word of a job title ([`ROLE_WORDS`]), one or several ("Extension
/// horticulture educators").
fn is_role(part: &str) -> bool {
    part.split_whitespace().any(|w| {
        let singular = w
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .strip_suffix('s');
        word_in(w, ROLE_WORDS) || singular.is_some_and(|s| s.len() > 2 && word_in(s, ROLE_WORDS))
    })
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

/// Cuts the site's name where a byline prints it after the person's: the masthead
/// said again ("Brian Truitt USA TODAY", "Ann Lee, The Commercial Appeal", "David
/// Jackson - FullStack Editorial Team"). Only after a name of two words or more; a
/// byline that is the site's name alone stays, the organisation as author.
pub(super) fn without_site_name(byline: String, sites: &[String]) -> String {
    let is_separator = |c: char| BYLINE_SEPARATORS.contains(&c);
    for site in sites.iter().map(|s| s.trim()).filter(|s| s.len() >= 2) {
        for (k, _) in byline.char_indices().skip(1) {
            let Some(found) = byline.get(k..k + site.len()) else {
                continue;
            };
            if !found.eq_ignore_ascii_case(site) {
                continue;
            }
            let before = &byline[..k];
            let after = &byline[k + site.len()..];
            if !before.ends_with(char::is_whitespace) {
                continue;
            }
            let head = before.trim_end();
            let separated = head.ends_with(is_separator);
            // At the end, or (after a separator) opening the rest: "FullStack
            // Editorial Team"; never a word's start ("USA TODAYS").
            let closes = after.is_empty() || (separated && after.starts_with(char::is_whitespace));
            let head = head.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
            let words = head
                .split_whitespace()
                .filter(|w| w.contains(char::is_alphabetic));
            if closes && words.count() >= 2 {
                return head.to_string();
            }
        }
    }
    byline
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
pub(super) const MONTHS: &[&str] = &[
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
pub(super) const WEEKDAYS: &[&str] = &[
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
pub(super) const CLOCK_WORDS: &[&str] = &["at", "am", "pm", "st", "nd", "rd", "th"];

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
        "authors:",
        "authors",
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

pub(super) fn looks_like_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    !lower.contains(' ')
        && (lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www.")
            || lower.starts_with("//"))
}

// ---------------------------------------------------------------------------------------
// JSON-LD.
