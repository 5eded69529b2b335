//! Step 2, pruning: which subtrees are boilerplate at a given strictness: page
//! furniture by tag, class/id vocabulary, hidden and switched-off markup, furniture
//! sections under a heading.

use super::*;

/// Text an article's opening section (headline and lead) holds at least.
const MIN_LEAD_CHARS: u32 = 200;

const MAX_COMMENT_SHARE: f32 = 0.95;

/// Running text one element must hold to count as an article body beside a
/// page's comments, whatever its markup: about three sentences.
const MIN_PROSE_RUN: u32 = 400;

/// Text a `<main>` landmark holds, at least, for the header and footer beside it to
/// be furniture whatever their share of the page.
const MIN_MAIN_LANDMARK_TEXT: u32 = 500;

/// First words of furniture headings that also open the page's own headings
/// ("Popular types of marketing videos", "Related work", "Recommended courses"):
/// such a heading followed by prose is content.
const DESCRIPTIVE_FURNITURE_WORDS: &[&str] = &[
    "popular",
    "similar",
    "related",
    "recommended",
    "recommendations",
    "trending",
];

/// Characters outside links that make the text after a furniture-named heading the
/// page's prose ([`Analysis::prose_follows`]).
const MIN_SECTION_PROSE: u32 = 200;

/// Link share from which a "widget" is a box of links (recent posts, tag cloud)
/// rather than a page builder's text, heading or image block. (On product pages
/// widgets are the cart, currency and wish-list pop-ups around the product, and stay
/// boilerplate.)
const MAX_WIDGET_LINK_SHARE: f32 = 0.5;

/// Most words a button carries as part of a sentence ([`is_word_of_sentence`]).
const MAX_SENTENCE_BUTTON_WORDS: usize = 6;

const MAX_SENTENCE_BUTTON_BYTES: usize = 80;

/// Least text (without spaces) that runs before such a button.
const MIN_SENTENCE_BUTTON_LEAD: usize = 12;

/// Blank siblings (whitespace, dropped nodes) passed over when looking for the
/// nodes beside one ([`Analysis::own_line`]).
const MAX_BLANK_SIBLINGS: usize = 8;

/// A site header, footer or navigation block, by tag or ARIA landmark role.
pub(super) fn is_site_furniture(flat: &Flat<'_>, i: usize) -> bool {
    matches!(flat.nodes[i].name, "header" | "footer" | "nav")
        || matches!(
            flat.attr(i, "role"),
            Some("banner" | "contentinfo" | "navigation")
        )
}

/// Whether `i` sits in the site's header, footer or navigation, within
/// [`MAX_FURNITURE_DEPTH`] levels.
pub(super) fn in_site_furniture(flat: &Flat<'_>, i: usize) -> bool {
    let mut current = flat.nodes[i].parent;
    for _ in 0..MAX_FURNITURE_DEPTH {
        if current == NONE {
            return false;
        }
        if is_site_furniture(flat, current as usize) {
            return true;
        }
        current = flat.nodes[current as usize].parent;
    }
    false
}

/// How far [`in_site_furniture`] climbs.
const MAX_FURNITURE_DEPTH: usize = 32;

pub(super) fn is_main_tag(name: &str) -> bool {
    matches!(name, "main" | "article" | "body" | "html")
}

/// `main`, `[role=main]`, `[itemprop=articleBody]` and friends.
pub(super) fn has_main_hint(flat: &Flat<'_>, i: usize) -> bool {
    is_main_landmark(flat, i)
        || (flat.nodes[i].kind == Kind::Element
            && flat
                .attr(i, "itemprop")
                .is_some_and(|p| p.eq_ignore_ascii_case("articleBody") || p == "text"))
}

/// Whether the `<header>` `i` heads a `<section>` (its title and the line of copy
/// under it, on landing pages and listings), not the page: a `<section>` is its
/// nearest sectioning ancestor, it holds a heading, and it holds no navigation or
/// form (a site header wrapped in a section holds both). An `<article>`'s header
/// stays furniture: it holds the byline, date and reading time. Outside any
/// section, a header holding the page's `h1` and a paragraph is a landing page's
/// hero (headline and the copy under it), not the site's bar, when it holds no
/// list. Small by nature: a larger header, or one nested deeper than
/// [`MAX_SECTION_DEPTH`] below its section, does not count (nor does hostile nesting
/// make this quadratic).
fn heads_section(flat: &Flat<'_>, i: usize) -> bool {
    let end = flat.nodes[i].end as usize;
    if end - i > MAX_SECTION_HEADER_NODES {
        return false;
    }
    let mut heading = false;
    let mut h1 = false;
    let mut copy = false;
    let mut list = false;
    for d in i + 1..end {
        match flat.nodes[d].name {
            "h1" => (heading, h1) = (true, true),
            "h2" | "h3" | "h4" | "h5" | "h6" => heading = true,
            "nav" | "form" | "input" | "button" => return false,
            "p" => copy = true,
            "ul" | "ol" => list = true,
            _ => {}
        }
    }
    if !heading {
        return false;
    }
    let mut current = flat.nodes[i].parent;
    for _ in 0..MAX_SECTION_DEPTH {
        if current == NONE {
            break;
        }
        match flat.nodes[current as usize].name {
            "section" => return true,
            "article" => return false,
            _ => {}
        }
        current = flat.nodes[current as usize].parent;
    }
    // A landing page's hero: the page's h1 and the paragraph under it (a site bar
    // lists its menu).
    h1 && copy && !list
}

/// Whether the element `i`'s text opens with a tag (`<div`, `</p`, `<!--`): markup
/// that was escaped into text rather than parsed. Looks at the first few text nodes
/// only.
pub(super) fn holds_escaped_markup(flat: &Flat<'_>, i: usize) -> bool {
    let end = flat.nodes[i].end as usize;
    let Some(first) = (i + 1..end)
        .filter(|&d| flat.nodes[d].kind == Kind::Text)
        .take(16)
        .map(|d| flat.text(d).trim_start())
        .find(|t| !t.is_empty())
    else {
        return false;
    };
    let mut chars = first.chars();
    chars.next() == Some('<')
        && chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!')
}

/// Longest label of a link styled as a button ([`Analysis::button_label_limit`]).
const MAX_BUTTON_LABEL_CHARS: u32 = 60;

/// Longest label of a link whose class only holds the word "button" inside a token
/// ([`Analysis::button_label_limit`]): "Get Loom for free", "Start deploying".
const MAX_CTA_LABEL_CHARS: u32 = 30;

/// Longest rating summary ([`Analysis::is_rating_summary`]).
const MAX_RATING_SUMMARY_CHARS: u32 = 120;

/// Most nodes a section's `<header>` holds ([`heads_section`]).
const MAX_SECTION_HEADER_NODES: usize = 200;

/// Deepest a section's `<header>` sits below its `<section>` ([`heads_section`]).
const MAX_SECTION_DEPTH: usize = 12;

/// The page's declared main region: `<main>` or `[role=main]`.
fn is_main_landmark(flat: &Flat<'_>, i: usize) -> bool {
    let node = &flat.nodes[i];
    node.kind == Kind::Element && (node.name == "main" || flat.attr(i, "role") == Some("main"))
}

/// Hidden by markup: `hidden`, `popover`, `aria-hidden=true`, inline `display:none` /
/// `visibility:hidden`, a screen-reader-only class; except streamed segments and
/// disclosure panels, which script reveals.
pub(super) fn is_hidden(attrs: &Attrs<'_>, style_hides: bool) -> bool {
    if attrs.hidden && is_streamed_segment(attrs.id) {
        // Streaming server rendering (React 18+ / Next.js) sends each finished
        // segment as `<div hidden id="S:n">` and a script moves it into place: the
        // page's real content, hidden only until that script runs.
        return false;
    }
    let hidden = attrs.hidden
        || attrs.popover
        || attrs.aria_hidden
        || hidden_by_class(attrs.class)
        || is_tooltip(attrs)
        || (style_hides && hidden_by_utility_class(attrs.class))
        || (style_hides && !attrs.style.is_empty() && {
            let compact: String = attrs
                .style
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| c.to_ascii_lowercase())
                .collect();
            compact.contains("display:none") || compact.contains("visibility:hidden")
        });
    if !hidden {
        return false;
    }
    // Accordion and tab panels are hidden only until a click opens them: product
    // specs, FAQ answers and code samples live there.
    !is_disclosure_panel(attrs)
}

/// Hidden from sight by a screen-reader-only utility class (Bootstrap's `sr-only` and
/// `visually-hidden`, WordPress's `screen-reader-text`): labels and repeated product
/// details spoken to assistive technology, never shown on the page.
fn hidden_by_class(class: &str) -> bool {
    !class.is_empty()
        && class
            .split_ascii_whitespace()
            .any(|t| matches!(t, "sr-only" | "visually-hidden" | "screen-reader-text"))
}

/// A tooltip's bubble (`role=tooltip`, `tooltip-text`, `Term_tooltipBubble__x1`,
/// `m-tooltip__content`): a definition or bio shown on hover, over the page, not in
/// its text. The trigger beside it (`tooltip`, `has-tooltip`) keeps its words.
fn is_tooltip(attrs: &Attrs<'_>) -> bool {
    const PARTS: &[&str] = &["text", "content", "bubble", "body", "inner", "bio"];
    // Every element's classes pass through here: compared in place, not lower-cased.
    let class = attrs.class.as_bytes();
    class.windows(7).enumerate().any(|(at, w)| {
        w.eq_ignore_ascii_case(b"tooltip") && {
            let rest = &class[at + 7..];
            let skip = rest.iter().take_while(|&&b| b == b'-' || b == b'_').count();
            let part = &rest[skip..];
            PARTS.iter().any(|p| {
                part.get(..p.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(p.as_bytes()))
            })
        }
    })
}

/// Most nodes a `role=tooltip` element holds ([`is_tooltip_role`]).
const MAX_TOOLTIP_NODES: usize = 200;

/// An element marked `role=tooltip`: a bubble shown on hover. Some sites put the role
/// on the wrapper of a link (an author's avatar), which is shown; a bubble with a
/// link in it or longer than a bubble is read as shown.
pub(super) fn is_tooltip_role(flat: &Flat<'_>, i: usize, attrs: &Attrs<'_>) -> bool {
    let end = flat.nodes[i].end as usize;
    attrs.role.eq_ignore_ascii_case("tooltip")
        && end - i <= MAX_TOOLTIP_NODES
        && !(i + 1..end).any(|j| flat.nodes[j].kind == Kind::Element && flat.nodes[j].name == "a")
}

/// Hidden by a `display:none` utility class (`hide`, `hidden`, `is-hidden`): menus,
/// drawers, templates and preloaders that script shows on demand. A class with a
/// responsive variant (Tailwind's `hidden md:block`) shows at some width, so it is
/// not hidden. Only the strict reading of the page applies it: a page that hides
/// its whole body this way until script runs is read unhidden.
fn hidden_by_utility_class(class: &str) -> bool {
    !class.is_empty()
        && class.split_ascii_whitespace().any(is_hiding_token)
        && !class.split_ascii_whitespace().any(|t| t.contains(':'))
}

fn is_hiding_token(token: &str) -> bool {
    matches!(token, "hide" | "hidden" | "is-hidden")
}

/// How far [`is_switched_panel`] looks for a shown sibling, each way.
const MAX_PANEL_SIBLINGS: usize = 32;

/// A panel hidden by utility class beside a shown sibling of the same tag and
/// otherwise the same classes: one of a set that a category or tab switcher swaps
/// in, as much the page's content as the one shown.
pub(super) fn is_switched_panel(flat: &Flat<'_>, i: usize, attrs: &Attrs<'_>) -> bool {
    if !hidden_by_utility_class(attrs.class) {
        return false;
    }
    let node = flat.nodes[i].node;
    let Node::Element(own) = node.value() else {
        return false;
    };
    let shown_twin = |sibling: ego_tree::NodeRef<'_, Node>| {
        let Node::Element(e) = sibling.value() else {
            return false;
        };
        if e.name() != own.name() {
            return false;
        }
        let class = e.attr("class").unwrap_or("");
        !class.split_ascii_whitespace().any(is_hiding_token)
            && class.split_ascii_whitespace().eq(attrs
                .class
                .split_ascii_whitespace()
                .filter(|t| !is_hiding_token(t)))
    };
    let elements = |s: ego_tree::NodeRef<'_, Node>| s.value().is_element();
    node.prev_siblings()
        .filter(|&s| elements(s))
        .take(MAX_PANEL_SIBLINGS)
        .any(shown_twin)
        || node
            .next_siblings()
            .filter(|&s| elements(s))
            .take(MAX_PANEL_SIBLINGS)
            .any(shown_twin)
}

/// A collapsible or tab panel: `role=tabpanel`, or a collapse/accordion/tab-pane
/// class or id, an FAQ's answer (`faq__answer`) or an expander's content (the rest of
/// a description behind "Read more").
fn is_disclosure_panel(attrs: &Attrs<'_>) -> bool {
    if attrs.role == "tabpanel" {
        return true;
    }
    attrs
        .class
        .split_whitespace()
        .chain(std::iter::once(attrs.id))
        .any(|raw| {
            let lower = raw.to_ascii_lowercase();
            lower.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| {
                t.starts_with("collapse")
                    || t.starts_with("accordion")
                    || t == "tabpanel"
                    || t == "answer"
                    || t.starts_with("expander")
            }) || lower.contains("tab-pane")
                || lower.contains("tab-panel")
        })
}

/// An accordion panel in the ARIA pattern: a `region` (or a panel labelled by its
/// toggle) that a toggle's `aria-controls` names. Hidden only until the click that
/// opens it, like [`is_disclosure_panel`]'s. Menus and drawers a toggle opens are
/// neither regions nor labelled by it, nor toggled from a heading.
pub(super) fn is_controlled_region(
    attrs: &Attrs<'_>,
    controlled: &HashSet<&str>,
    headed: &HashSet<&str>,
) -> bool {
    !attrs.id.is_empty()
        && (((attrs.role == "region" || attrs.labelled_by) && controlled.contains(attrs.id))
            || headed.contains(attrs.id))
}

/// Whether element `i` is, or sits within three levels of, a heading (`h1`–`h6`,
/// `role=heading`).
/// Whether button `i` carries words of the sentence around it: a glossary or
/// sidenote trigger ("said professor <button>Thomas W. Malone,</button> the founding
/// director"), a coupon to copy ("Use code <button>SPRING</button> at checkout").
/// Its parent's text runs before it and goes on after it, and its own label is a
/// few words that are not an interface control ("Copy", "Show more").
pub(super) fn is_word_of_sentence(flat: &Flat<'_>, i: usize) -> bool {
    let parent = flat.nodes[i].parent;
    if parent == NONE {
        return false;
    }
    // The label, read no further than a few words' worth.
    let mut label = String::new();
    for j in i + 1..flat.nodes[i].end as usize {
        label.push_str(flat.text(j));
        label.push(' ');
        if label.len() > MAX_SENTENCE_BUTTON_BYTES {
            return false;
        }
    }
    let label = label.trim();
    let words = label.split_whitespace().count();
    if words == 0 || words > MAX_SENTENCE_BUTTON_WORDS {
        return false;
    }
    let lower = label.to_lowercase();
    let phrase = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if UI_PHRASES.contains(&phrase) || is_call_to_action(&lower) {
        return false;
    }
    let text_of = |c: usize| match flat.nodes[c].kind {
        Kind::Text => Some(flat.text(c)),
        _ => None,
    };
    // The text just before (a few siblings back at most) and the text just after.
    let mut before = 0usize;
    let mut c = i;
    for _ in 0..MAX_BLANK_SIBLINGS {
        let Some(prev) = flat.previous_sibling(c) else {
            break;
        };
        match text_of(prev) {
            Some(t) => before += t.chars().filter(|c| !c.is_whitespace()).count(),
            None if crate::render::is_block(flat.nodes[prev].name) => break,
            None => {}
        }
        c = prev;
    }
    let next = flat.nodes[i].end as usize;
    let after = (next < flat.nodes[parent as usize].end as usize)
        .then(|| text_of(next))
        .flatten()
        .is_some_and(|t| t.chars().any(char::is_alphanumeric));
    before >= MIN_SENTENCE_BUTTON_LEAD && after
}

pub(super) fn in_heading(flat: &Flat<'_>, i: usize) -> bool {
    let mut current = i as u32;
    for _ in 0..4 {
        if current == NONE {
            return false;
        }
        let c = current as usize;
        if is_heading(flat.nodes[c].name) || flat.attr(c, "role") == Some("heading") {
            return true;
        }
        current = flat.nodes[c].parent;
    }
    false
}

/// `S:0`, `S:2e`...: the id React gives a streamed segment (its number in
/// lower-case hexadecimal).
pub(crate) fn is_streamed_segment(id: &str) -> bool {
    id.strip_prefix("S:").is_some_and(|n| {
        !n.is_empty()
            && n.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

fn is_never_content(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "template"
            | "svg"
            | "math"
            | "canvas"
            | "iframe"
            | "object"
            | "embed"
            | "button"
            | "input"
            | "select"
            | "textarea"
            | "option"
            | "optgroup"
            | "datalist"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "base"
            | "dialog"
            | "map"
            | "area"
            | "audio"
            | "video"
            | "source"
            | "track"
            | "param"
            | "label"
            | "progress"
            | "meter"
    )
}

pub(super) fn is_hard_boilerplate(name: &str, attrs: &Attrs<'_>, style_hides: bool) -> bool {
    if is_never_content(name) {
        return true;
    }
    if matches!(name, "body" | "html") {
        return false;
    }
    // `aria-hidden` on the main landmark is a dialog's doing: scripts hide the rest of
    // the page from screen readers while one is open, and pages get saved so.
    let main_landmark = name == "main" || attrs.role == "main";
    let hidden = if main_landmark && attrs.aria_hidden {
        is_hidden(
            &Attrs {
                aria_hidden: false,
                ..*attrs
            },
            style_hides,
        )
    } else {
        is_hidden(attrs, style_hides)
    };
    hidden || attrs.role == "dialog" || attrs.role == "alertdialog" || is_consent_banner(attrs)
}

/// A cookie or data-consent banner (`id="gdpr-banner"`, `class="cookie-notice"`):
/// never content, in any pass; a page whose own text is thin would otherwise pick
/// its long legal paragraph. Both words must sit in one class or id token: a page
/// *about* cookies or consent names its wrappers otherwise.
fn is_consent_banner(attrs: &Attrs<'_>) -> bool {
    const TOPICS: Hints = Hints::new(&[b"cookie", b"consent", b"gdpr"]);
    const SHAPES: Hints = Hints::new(&[
        b"banner", b"notice", b"bar", b"popup", b"modal", b"dialog", b"overlay", b"wall", b"prompt",
    ]);
    // Runs on every element: each token is scanned in place, once per word list.
    attrs
        .class
        .split_ascii_whitespace()
        .chain(std::iter::once(attrs.id))
        .any(|token| token.len() <= 64 && TOPICS.any_in(token) && SHAPES.any_in(token))
}

impl<'f, 'a> Analysis<'f, 'a> {
    /// Subtree roots to drop at `strictness` (a dropped node's descendants are dropped
    /// with it; only the roots are marked).
    pub fn prune(&self, strictness: Strictness, body: usize) -> Vec<bool> {
        let flat = self.flat;
        let mut removed = self.hard.clone();
        if strictness == Strictness::Hard {
            return removed;
        }
        let page_text = self.hard_text[body].max(1);
        let wraps_main = self.main_ancestors();
        // With a main landmark that holds text, the site's header and footer beside
        // it are furniture however much they hold (a footer of long legal notes).
        let main_has_text = (body..flat.nodes[body].end as usize)
            .any(|m| is_main_landmark(flat, m) && self.hard_text[m] >= MIN_MAIN_LANDMARK_TEXT);
        let mut main_end = 0;
        // Each check reads the page once: a few per page, so nested sidebars stay linear.
        let mut sidebar_checks_left = 4;
        let mut threads = CommentThreads::new(self);
        // Replies nest inside a kept thread: they are its content too.
        let mut kept_thread_end = 0;
        let mut i = 0;
        while i < flat.len() {
            let node = &flat.nodes[i];
            if removed[i] {
                i = node.end as usize;
                continue;
            }
            if node.kind == Kind::Element && i != body {
                // A "boilerplate" wrapper holding most of the page is a layout
                // container with an unlucky class name, not boilerplate.
                let share = self.hard_text[i] as f32 / page_text as f32;
                let furniture = (STRUCTURAL.contains(&node.name)
                    && !(node.name == "header" && heads_section(flat, i)))
                    || matches!(
                        flat.attr(i, "role"),
                        Some("navigation" | "banner" | "contentinfo" | "complementary")
                    );
                // A long comment thread outweighs the article it sits under.
                let max_share = if !self.comment_section[i] {
                    0.5
                } else if share >= 0.5 {
                    if self.article_beside(i, body) {
                        MAX_COMMENT_SHARE
                    } else {
                        0.5
                    }
                } else if i < kept_thread_end || threads.are_the_content(self, i, page_text, body) {
                    // One of many sibling threads that together hold most of the
                    // page, with no article beside them (a link post's discussion),
                    // or a reply inside one.
                    kept_thread_end = kept_thread_end.max(node.end as usize);
                    0.0
                } else {
                    0.5
                };
                if is_main_landmark(flat, i) {
                    main_end = main_end.max(node.end as usize);
                }
                let outside_main = i >= main_end && !wraps_main[i];
                // A sidebar (`<aside>`, `role=complementary`) can outweigh the article
                // beside it (a live feed, a gallery of fifty captions): with an
                // article body outside it, it is furniture whatever its share.
                let sidebar_beside_article = furniture
                    && share >= 0.6
                    && (node.name == "aside" || flat.attr(i, "role") == Some("complementary"))
                    && sidebar_checks_left > 0
                    && {
                        sidebar_checks_left -= 1;
                        self.article_beside(i, body)
                    };
                let boiler = (furniture
                    && (share < 0.6 || (main_has_text && outside_main) || sidebar_beside_article))
                    || (self.class_weight[i] < 0
                        && share < max_share
                        && !is_main_tag(node.name)
                        && !wraps_main[i]
                        && !self.class_misleads(i));
                if boiler {
                    removed[i] = true;
                    i = node.end as usize;
                    continue;
                }
            }
            i += 1;
        }
        self.prune_furniture_sections(&mut removed, body);
        removed
    }
    /// Whether the page holds an article body outside `i`: paragraphs under one
    /// parent with at least [`MIN_ARTICLE_BESIDE_COMMENTS`] characters between them.
    /// (Prose spread over many parents is a sidebar's or footer's blurbs.)
    pub(super) fn article_beside(&self, i: usize, body: usize) -> bool {
        let flat = self.flat;
        let (skip_from, skip_to) = (i, flat.nodes[i].end as usize);
        let mut by_parent: std::collections::HashMap<u32, u32> = std::collections::HashMap::new();
        let mut j = body;
        let end = flat.nodes[body].end as usize;
        while j < end {
            if j == skip_from {
                j = skip_to;
                continue;
            }
            if self.hard[j] || flat.nodes[j].name == "p" {
                if !self.hard[j] {
                    let sum = by_parent.entry(flat.nodes[j].parent).or_default();
                    *sum += self.hard_text[j];
                    if *sum >= MIN_ARTICLE_BESIDE_COMMENTS {
                        return true;
                    }
                }
                j = (flat.nodes[j].end as usize).max(j + 1);
            } else {
                j += 1;
            }
        }
        false
    }
    /// Whether one element outside `i` holds a long run of prose
    /// ([`MIN_PROSE_RUN`]): a story body written without paragraph tags.
    pub(super) fn prose_beside(&self, i: usize, body: usize) -> bool {
        let flat = self.flat;
        let end = flat.nodes[body].end as usize;
        let mut j = body;
        while j < end {
            if j == i || self.hard[j] {
                j = (flat.nodes[j].end as usize).max(j + 1);
                continue;
            }
            if self.running_text[j] >= MIN_PROSE_RUN {
                return true;
            }
            j += 1;
        }
        false
    }
    /// Elements that hold the page's declared main region (`<main>`, `role=main`): a
    /// layout wrapper around the content whatever its class says (`row-offcanvas`
    /// grids put the content inside the off-canvas row).
    fn main_ancestors(&self) -> Vec<bool> {
        let flat = self.flat;
        let mut wraps = vec![false; flat.len()];
        for i in 0..flat.len() {
            if is_main_landmark(flat, i) {
                let mut current = flat.nodes[i].parent;
                while current != NONE && !wraps[current as usize] {
                    wraps[current as usize] = true;
                    current = flat.nodes[current as usize].parent;
                }
            }
        }
        wraps
    }
    /// Cases where a boilerplate class/id says nothing about the element's role.
    fn class_misleads(&self, i: usize) -> bool {
        // A heading's or paragraph's class names its styling (`kt-adv-heading`);
        // furniture headings are judged by their words instead.
        let name = self.flat.nodes[i].name;
        is_heading(name)
            || name == "p"
            || (self.class_weight[i] == BANNER_ONLY && self.holds_heading(i))
            || (self.class_weight[i] == WIDGET_ONLY
                && !self.declared.product
                && self.link_share(i) < MAX_WIDGET_LINK_SHARE)
            || self.is_lead_section(i)
            || self.named_by_heading_anchor(i)
            || self.is_linked_section(i)
            || self.inline_in_running_text(i)
            || self.is_rating_summary(i)
    }
    /// A product's rating summary ("134 reviews with an average rating of 4.4 out of 5
    /// stars", "4.8 out of 5 stars 89,620", "44,763 global ratings"): what a shop's
    /// cards and pages say about each item, in a box its class calls a rating. A
    /// widget asking the reader to rate ("Click on a star to rate it!") is not one.
    fn is_rating_summary(&self, i: usize) -> bool {
        let len = self.hard_text[i];
        if len == 0 || len > MAX_RATING_SUMMARY_CHARS {
            return false;
        }
        let text = flatten_text(self.flat, i, &self.hard).to_lowercase();
        let summary = text.contains("out of 5")
            || text.contains("out of five")
            || text.contains("average rating")
            || text.contains("global ratings")
            || text.contains("user reviews");
        let prompt = [
            "rate ",
            "rate it",
            "click",
            "vote",
            "be the first",
            "your rating",
        ]
        .iter()
        .any(|p| text.contains(p));
        summary && !prompt && text.bytes().any(|b| b.is_ascii_digit())
    }
    /// A section the page's own links lead to (a table of contents' entries point at
    /// `id="toc_should-you-invest"`): part of the document, whatever its id's words.
    /// One-word ids ("comments", "reviews") name a role as often, and are left out.
    fn is_linked_section(&self, i: usize) -> bool {
        let flat = self.flat;
        flat.attr(i, "id").is_some_and(|id| {
            id.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .count()
                >= 2
                && self.link_targets.contains(id)
        }) && self.holds_heading(i)
    }
    /// When `i` is a link styled as a button, a call to action ("Book now", "Request a
    /// demo") rather than a reference the text makes: the longest label such a link
    /// has. [`MAX_BUTTON_LABEL_CHARS`] for `role=button` or a class token that opens
    /// with the word (`class="btn btn-primary"`); [`MAX_CTA_LABEL_CHARS`] for a token
    /// that only holds it (`thd-button-primary`, `bg-button-shadow`): a design
    /// system's button, or a teaser card's link, so only the shortest labels.
    pub(super) fn button_label_limit(&self, i: usize) -> Option<u32> {
        let flat = self.flat;
        // A disclosure toggle (`aria-controls`) is labelled by its panel's heading.
        if flat.nodes[i].name != "a" || flat.attr(i, "aria-controls").is_some() {
            return None;
        }
        if flat.attr(i, "role") == Some("button") {
            return Some(MAX_BUTTON_LABEL_CHARS);
        }
        let class = flat.attr(i, "class")?;
        let button = |part: &str| {
            lower_starts(part.as_bytes(), b"btn") || lower_starts(part.as_bytes(), b"button")
        };
        if class.split_ascii_whitespace().any(button) {
            Some(MAX_BUTTON_LABEL_CHARS)
        } else if class
            .split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_')
            .any(button)
        {
            Some(MAX_CTA_LABEL_CHARS)
        } else {
            None
        }
    }
    /// Whether `i` is an inline element beside a sentence of its parent's own text
    /// (a link or label in a paragraph). Only bare text counts: the spans beside a
    /// short control are often other labels of the same card ("In Stock", "Get
    /// Details"), so controls are judged by this.
    pub(super) fn inline_in_sentence(&self, i: usize) -> bool {
        let node = &self.flat.nodes[i];
        !crate::render::is_block(node.name)
            && node.parent != NONE
            && self.bare_text[node.parent as usize] >= MIN_SENTENCE_CHARS
    }
    /// Whether `i` is an inline piece of running text, the rest of which may sit in
    /// sibling spans ("<span>May 15</span>: Last day to file your <a
    /// class=external-popup>2024 tax returns</a>. <span>If you know…</span>"). Its
    /// class then names a link style or a tracking campaign
    /// (`recommendation-inline-link`), not furniture, and dropping it would cut words
    /// out of the sentence.
    pub(super) fn inline_in_running_text(&self, i: usize) -> bool {
        let node = &self.flat.nodes[i];
        if crate::render::is_block(node.name) || node.parent == NONE {
            return false;
        }
        let own = if self.runs_in_text(i) {
            self.hard_text[i]
        } else {
            0
        };
        self.running_text[node.parent as usize].saturating_sub(own) >= MIN_SENTENCE_CHARS
    }
    /// Whether `i` is a word of a sentence that goes on after it: inline in prose,
    /// with words of its parent following ("combining search with structured
    /// <a>filters</a>. For more…", "<a>Sign in</a> to add this item"). A label that
    /// ends its paragraph ("…apply. <a>Learn more</a>") is not.
    pub(super) fn sentence_runs_on(&self, i: usize, removed: &[bool]) -> bool {
        let flat = self.flat;
        if !self.inline_in_running_text(i) {
            return false;
        }
        let parent_end = flat.nodes[flat.nodes[i].parent as usize].end as usize;
        let mut next = flat.nodes[i].end as usize;
        // Bounded: a hostile parent may hold thousands of empty siblings.
        for _ in 0..MAX_BLANK_SIBLINGS {
            if next >= parent_end {
                return false;
            }
            let node = &flat.nodes[next];
            if node.kind == Kind::Element && crate::render::is_block(node.name) {
                return false;
            }
            if !removed[next] {
                // Another link or control after it is the next label of a row
                // ("In Stock <a>Get Details</a>"), not the sentence going on.
                let words = match node.kind {
                    Kind::Text => flat.text(next).chars().any(char::is_alphanumeric),
                    Kind::Element => self.runs_in_text(next) && self.visible_text(next) > 0,
                    Kind::Other => false,
                };
                if words {
                    return true;
                }
            }
            next = node.end as usize;
        }
        false
    }
    /// Whether `i` has a line of its own: the siblings beside it (past blank text and
    /// dropped nodes) are blocks or nothing, so no words of its parent run on from it
    /// ("<a>See price at Amazon</a><div>product card</div>").
    pub(super) fn own_line(&self, i: usize, removed: &[bool]) -> bool {
        let flat = self.flat;
        let parent = flat.nodes[i].parent;
        if parent == NONE {
            return true;
        }
        let parent = parent as usize;
        let live = |c: usize| !removed[c] && self.visible_text(c) > 0;
        let breaks = |c: usize| {
            flat.nodes[c].kind == Kind::Element && crate::render::is_block(flat.nodes[c].name)
        };
        // Siblings are reached without listing them all (a hostile parent may hold
        // thousands of such links); a few blank ones are passed over.
        let mut before = i;
        let mut after = flat.nodes[i].end as usize;
        for _ in 0..MAX_BLANK_SIBLINGS {
            match flat.previous_sibling(before) {
                Some(p) if !live(p) => before = p,
                Some(p) => {
                    if !breaks(p) {
                        return false;
                    }
                    break;
                }
                None => break,
            }
        }
        for _ in 0..MAX_BLANK_SIBLINGS {
            if after >= flat.nodes[parent].end as usize {
                return true;
            }
            if live(after) {
                return breaks(after);
            }
            after = flat.nodes[after].end as usize;
        }
        false
    }
    /// Whether `i` is the opening of the article under a boilerplate name (a
    /// `layout__header` holding the h1 and the lead paragraphs): it holds an h1 and
    /// reads as prose, where a site header is a logo and a menu of links.
    fn is_lead_section(&self, i: usize) -> bool {
        let flat = self.flat;
        let end = flat.nodes[i].end as usize;
        self.hard_text[i] >= MIN_LEAD_CHARS
            && (i + 1..end.min(i + 400)).any(|j| flat.nodes[j].name == "h1")
            && self.link_share(i) < MAX_LEAD_LINK_DENSITY
    }
    /// Share of `i`'s text (with only hard pruning) inside links.
    fn link_share(&self, i: usize) -> f32 {
        let flat = self.flat;
        let end = flat.nodes[i].end as usize;
        let mut link = 0u32;
        let mut j = i + 1;
        while j < end {
            if self.hard[j] {
                j = flat.nodes[j].end as usize;
                continue;
            }
            if self.in_link[j] {
                link += self.own_chars[j];
            }
            j += 1;
        }
        link as f32 / self.hard_text[i].max(1) as f32
    }
    /// Whether a heading (h1–h3) opens somewhere in `i`'s first few hundred nodes.
    fn holds_heading(&self, i: usize) -> bool {
        let flat = self.flat;
        let end = (flat.nodes[i].end as usize).min(i + 400);
        (i + 1..end).any(|j| matches!(flat.nodes[j].name, "h1" | "h2" | "h3"))
    }
    /// Whether `i`'s boilerplate weight comes only from an id that is the anchor slug
    /// of its own heading (`<section id="more-on-lists"><h2>5.1. More on Lists`):
    /// documentation generators name sections after their headings, so such an id
    /// says nothing about the role. Furniture headings are pruned by their words
    /// anyway.
    fn named_by_heading_anchor(&self, i: usize) -> bool {
        let flat = self.flat;
        let Some(id) = flat.attr(i, "id").filter(|id| !id.is_empty()) else {
            return false;
        };
        let class_only = Attrs {
            class: flat.attr(i, "class").unwrap_or(""),
            ..Attrs::default()
        };
        if class_id_words(&class_only).weight(self.declared) < 0 {
            return false;
        }
        let end = (flat.nodes[i].end as usize).min(i + 64);
        let Some(heading) = (i + 1..end).find(|&j| is_heading(flat.nodes[j].name)) else {
            return false;
        };
        let heading_words: Vec<String> = flatten_text(flat, heading, &self.hard)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        // One-word ids ("reviews", "comments") name a role as often as a heading,
        // unless the heading carries a permalink to the section (`<h3>Cookies<a
        // href="#cookies">¶</a>`): only documents link their own sections.
        let id_words: Vec<&str> = id
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let named = !id_words.is_empty()
            && id_words
                .iter()
                .all(|w| heading_words.iter().any(|h| h.eq_ignore_ascii_case(w)));
        named && (id_words.len() >= 2 || self.links_to_itself(heading, id))
    }
    /// Whether the heading holds a link to `#id`.
    fn links_to_itself(&self, heading: usize, id: &str) -> bool {
        let flat = self.flat;
        (heading + 1..flat.nodes[heading].end as usize).any(|j| {
            flat.nodes[j].name == "a"
                && flat
                    .attr(j, "href")
                    .and_then(|href| href.strip_prefix('#'))
                    .is_some_and(|target| target == id)
        })
    }
    /// Drops sections introduced by a furniture heading ("Related articles", "People
    /// also viewed", "Comments"): the heading's container when the heading opens it,
    /// else the heading and its following siblings up to the next heading. A short
    /// line with a title class counts as a heading when it opens its container.
    fn prune_furniture_sections(&self, removed: &mut [bool], body: usize) {
        let flat = self.flat;
        let page_text = self.hard_text[body].max(1) as f32;
        let mut i = body;
        let end = flat.nodes[body].end as usize;
        while i < end {
            if removed[i] {
                i = flat.nodes[i].end as usize;
                continue;
            }
            let name = flat.nodes[i].name;
            let real_heading = matches!(name, "h2" | "h3" | "h4" | "h5" | "h6");
            // A box's title is often styled text with a title class rather than a
            // heading element: a short leaf line that opens its container.
            let styled_title = !real_heading
                && matches!(name, "div" | "p" | "span" | "strong")
                && (1..=40).contains(&self.hard_text[i])
                && names_a_title(flat.attr(i, "class").unwrap_or(""))
                && !flat.children(i).any(|c| {
                    flat.nodes[c].kind == Kind::Element
                        && crate::render::is_block(flat.nodes[c].name)
                });
            if !(real_heading || styled_title) || self.hard_text[i] > 60 {
                i += 1;
                continue;
            }
            let heading = flatten_text(flat, i, removed).to_lowercase();
            let heading = heading.trim();
            // On a declared thread the "Comments" heading introduces the replies, which
            // are the content there (see DISCUSSION_NEGATIVE_PREFIXES).
            let furniture = FURNITURE_HEADINGS.iter().any(|p| heading.starts_with(p))
                || CROSS_SELL_PHRASES.iter().any(|p| heading.contains(p))
                || SOURCE_HEADINGS.contains(&heading.trim_end_matches(':'))
                || is_reply_gate(heading);
            if !furniture || (self.declared.discussion && heading.starts_with("comments")) {
                i += 1;
                continue;
            }
            // Climb while the heading is the first thing in its container.
            let mut container = i;
            loop {
                let parent = flat.nodes[container].parent;
                if parent == NONE || parent as usize == body {
                    break;
                }
                let parent = parent as usize;
                let first = flat.children(parent).find(|&c| match flat.nodes[c].kind {
                    Kind::Element => !removed[c] && self.hard_text[c] > 0,
                    Kind::Text => self.own_chars[c] > 0,
                    Kind::Other => false,
                });
                if first != Some(container) || self.hard_text[parent] as f32 > 0.4 * page_text {
                    break;
                }
                container = parent;
            }
            if container != i {
                removed[container] = true;
                i = flat.nodes[container].end as usize;
                continue;
            }
            if styled_title {
                i += 1;
                continue;
            }
            // A heading in the middle of its parent: drop it and what follows it,
            // unless that is prose ("Popular Types of Marketing Videos" and the
            // paragraphs that explain them): furniture is lists of links and cards.
            let parent_end = match flat.nodes[i].parent {
                NONE => end,
                p => flat.nodes[p as usize].end as usize,
            };
            let descriptive = DESCRIPTIVE_FURNITURE_WORDS
                .iter()
                .any(|w| heading.split_whitespace().next() == Some(*w));
            if descriptive && self.prose_follows(i, parent_end) {
                i += 1;
                continue;
            }
            removed[i] = true;
            let mut sibling = flat.nodes[i].end as usize;
            while sibling < parent_end {
                if matches!(
                    flat.nodes[sibling].name,
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                ) {
                    break;
                }
                removed[sibling] = true;
                sibling = flat.nodes[sibling].end as usize;
            }
            i = sibling;
        }
    }
    /// Whether the siblings after heading `i`, up to the next heading or `end`, read
    /// as prose: at least [`MIN_SECTION_PROSE`] characters outside links, and links
    /// under half the text.
    fn prose_follows(&self, i: usize, end: usize) -> bool {
        let flat = self.flat;
        let (mut text, mut linked) = (0u32, 0u32);
        let mut j = flat.nodes[i].end as usize;
        while j < end {
            if self.hard[j] {
                j = flat.nodes[j].end as usize;
                continue;
            }
            if flat.nodes[j].parent == flat.nodes[i].parent && is_heading(flat.nodes[j].name) {
                break;
            }
            text += self.own_chars[j];
            if self.in_link[j] {
                linked += self.own_chars[j];
            }
            j += 1;
        }
        text - linked >= MIN_SECTION_PROSE && linked * 2 < text
    }
}
