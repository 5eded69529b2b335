//! Finding the main content: prune boilerplate, score candidate blocks, select the main
//! region, and copy it out as a clean tree for rendering and link collection.
//!
//! The steps, each usable on its own, each in a file of its name:
//! 1. [`Analysis::new`] (here): per-node text figures over the flat index, computed once.
//! 2. [`Analysis::prune`] (`prune.rs`): which subtrees are boilerplate at a given
//!    [`Strictness`]: furniture tags, hidden and switched-off markup, furniture
//!    sections. The class/id words it reads are in `vocabulary.rs`.
//! 3. [`Analysis::select`] (`select.rs`): rate every text node's likelihood of being
//!    content from its block (length, links), then pick the region that best covers
//!    the page's content-like text for the least other text — an F1 proxy. Whole
//!    regions win over narrow nodes when the region is mostly content (forums keep
//!    every post, listings every item), because WCXB-style ground truth is the whole
//!    region.
//! 4. `clean` (`clean.rs`): drop what is left inside the selected region and is not
//!    content: menu-like link runs, bylines, teasers and cards, share bars, controls,
//!    repeats. What a short text says (a notice, a call to action, a credit, a price)
//!    is read in `phrases.rs`.
//! 5. [`to_tree`] (here): copy the kept nodes into a fresh tree with a depth cap.
//!
//! No per-site rules: only tags, ARIA/hidden markup, generic class/id vocabulary and
//! text statistics.

use std::collections::{HashMap, HashSet};

use crate::dom::{Flat, Kind, NONE};
use ego_tree::{NodeId, Tree};
use scraper::node::Text;
use scraper::Node;

mod clean;
mod phrases;
mod prune;
mod select;
mod vocabulary;

use phrases::*;
use prune::*;
use vocabulary::*;

pub(crate) use prune::is_streamed_segment;

/// Visible text below which a page is taken to hide itself until scripts run.
const MIN_VISIBLE_PAGE_CHARS: u32 = 200;

/// Characters of paragraphs under one parent that make an article body: beside one,
/// a comment section is pruned even when it holds most of the page's text (up to
/// [`MAX_COMMENT_SHARE`]); a thread's opening post is shorter, and there the replies
/// are the content.
const MIN_ARTICLE_BESIDE_COMMENTS: u32 = 1000;

/// Link share above which a section holding the h1 is a site header, not a lead.
const MAX_LEAD_LINK_DENSITY: f32 = 0.3;

/// Text (without spaces) from which one text node reads as a sentence.
const MIN_SENTENCE_CHARS: u32 = 40;

/// How hard to prune.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// Only what is never content: scripts, styles, hidden and form controls.
    Hard,
    /// Also page furniture by tag and class/id vocabulary.
    Strict,
}

/// Per-node figures over the flat index.
pub struct Analysis<'f, 'a> {
    pub flat: &'f Flat<'a>,
    /// Non-whitespace characters of each text node.
    own_chars: Vec<u32>,
    own_commas: Vec<u16>,
    /// Nodes inside an `<a>`.
    in_link: Vec<bool>,
    /// Never-content nodes (subtree roots), independent of strictness.
    hard: Vec<bool>,
    /// Text of each subtree with only `hard` pruning, to protect big wrappers.
    hard_text: Vec<u32>,
    /// Text of each element's own text children.
    bare_text: Vec<u32>,
    /// Running text of each element: its text children and the text of inline
    /// children other than links and buttons (a WYSIWYG editor wraps the pieces of
    /// one sentence in `<span>`s).
    running_text: Vec<u32>,
    /// Class/id weight of each element (negative: boilerplate vocabulary).
    class_weight: Vec<i8>,
    /// Ids the page's own links point to (`href="#id"`).
    link_targets: HashSet<&'a str>,
    /// Elements named only as a comment section (`comment-list`) on a page that is
    /// not a declared discussion thread.
    comment_section: Vec<bool>,
    /// What the page declares itself to be.
    pub declared: Declared,
    /// The article's authors by name (from the page's metadata), lower-cased: an
    /// "About the author" paragraph opens with one of them.
    authors: Vec<String>,
    /// The page's title (from its metadata), as lower-cased words: a headline that
    /// repeats it is returned in `title` already.
    title_words: Vec<String>,
}

/// Comment sections that sit side by side under one parent (one thread per
/// top-level comment), summed per parent: a page whose comments are split that way
/// keeps them when together they hold most of its text and no article body sits
/// beside them (a link post's discussion, whose comments are the page's content).
struct CommentThreads {
    /// Text of the comment-section children of each parent.
    by_parent: HashMap<u32, u32>,
    /// Parents already judged.
    judged: HashMap<u32, bool>,
    /// Each judgement reads the page once: a few per page, so nested comment
    /// sections stay linear.
    checks_left: u32,
}

impl CommentThreads {
    fn new(analysis: &Analysis<'_, '_>) -> CommentThreads {
        let mut by_parent: HashMap<u32, u32> = HashMap::new();
        for (i, _) in analysis
            .comment_section
            .iter()
            .enumerate()
            .filter(|(_, &c)| c)
        {
            let parent = analysis.flat.nodes[i].parent;
            if parent != NONE {
                *by_parent.entry(parent).or_default() += analysis.hard_text[i];
            }
        }
        CommentThreads {
            by_parent,
            judged: HashMap::new(),
            checks_left: 4,
        }
    }

    /// Whether comment section `i` is one of such threads.
    fn are_the_content(
        &mut self,
        analysis: &Analysis<'_, '_>,
        i: usize,
        page_text: u32,
        body: usize,
    ) -> bool {
        let parent = analysis.flat.nodes[i].parent;
        let Some(&sum) = self.by_parent.get(&parent) else {
            return false;
        };
        if (sum as f32) < 0.5 * page_text as f32 {
            return false;
        }
        if let Some(&judged) = self.judged.get(&parent) {
            return judged;
        }
        if self.checks_left == 0 {
            return false;
        }
        self.checks_left -= 1;
        let content = !analysis.article_beside(parent as usize, body)
            && !analysis.prose_beside(parent as usize, body);
        self.judged.insert(parent, content);
        content
    }
}

/// Page kinds a page declares in its markup (schema.org JSON-LD or microdata,
/// OpenGraph), known only once the whole page is read; some class words change
/// meaning with them.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Declared {
    /// schema.org `Product`, `og:type` product.
    pub product: bool,
    /// schema.org `DiscussionForumPosting`: a thread of posts.
    pub discussion: bool,
    /// `og:type` article: the page calls itself an article, whatever Product markup
    /// it embeds for the items it covers.
    pub article: bool,
    /// A page of posts by several people: schema.org `DiscussionForumPosting`,
    /// `QAPage` or `Comment` markup.
    pub thread: bool,
}

/// Subtree totals under one pruning.
pub struct Totals {
    pub text: Vec<u32>,
    pub link: Vec<u32>,
    pub commas: Vec<u32>,
    /// Paragraph-like blocks with real text.
    pub paras: Vec<u32>,
    /// Links (`<a>` with text).
    pub anchors: Vec<u32>,
}

/// Text figures of a selection.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub chars: u32,
    pub link_chars: u32,
    pub paragraphs: u32,
}

/// The selected content: subtree roots in document order and the nodes to leave out.
#[derive(Debug, Clone)]
pub struct Selection {
    pub roots: Vec<usize>,
    pub removed: Vec<bool>,
    /// How well the kept text matches the page's content-like text; `None` when no
    /// region was chosen (the whole body, custom selectors).
    pub confidence: Option<Confidence>,
}

/// The region choice's own estimate of its precision and recall, from the per-text
/// content likelihoods it was made with: a region that holds most of the page's
/// content-like text, and little else, is probably the real content.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Confidence {
    /// Content-like share of the kept text (0–1).
    pub precision: f32,
    /// Share of the page's content-like text that was kept (0–1).
    pub recall: f32,
}

/// Finds the article content under `body`, relaxing the pruning when strict pruning
/// leaves too little.
///
/// When the best region is page furniture (the site header or footer, a
/// navigation block), or all the text it keeps lies in such furniture, the page
/// has no main content of its own, only a shell that script fills in: the
/// selection is then empty rather than a menu.
pub fn find(analysis: &Analysis<'_, '_>, body: usize) -> Selection {
    let mut selection = find_region(analysis, body);
    if selection.roots.iter().any(|&r| {
        analysis.in_page_furniture(r, body)
            || analysis.text_outside_furniture(r, &selection.removed, body) == 0
    }) {
        selection.roots.clear();
    }
    selection
}

fn find_region(analysis: &Analysis<'_, '_>, body: usize) -> Selection {
    let strict = analysis.select(body, Strictness::Strict);
    let strict_len = analysis.selected_text(&strict);
    let page = analysis.visible_text(body);
    if strict_len >= 250 || strict_len as f32 >= 0.5 * page as f32 {
        return strict;
    }
    let relaxed = analysis.select(body, Strictness::Hard);
    // What the relaxed pass adds must be more than the site's header, footer and
    // navigation, which strict pruning left out on purpose; unless strict pruning
    // kept nothing at all (then `find` still refuses a selection that is only
    // furniture).
    let relaxed_len = if strict_len == 0 {
        analysis.selected_text(&relaxed)
    } else {
        relaxed
            .roots
            .iter()
            .map(|&r| analysis.text_outside_furniture(r, &relaxed.removed, body))
            .sum::<u32>()
    };
    if relaxed_len > strict_len.saturating_mul(2).max(strict_len + 100) {
        relaxed
    } else {
        strict
    }
}

/// The whole visible body: only never-content nodes removed.
pub fn full(analysis: &Analysis<'_, '_>, body: usize) -> Selection {
    Selection {
        roots: vec![body],
        removed: analysis.prune(Strictness::Hard, body),
        confidence: None,
    }
}

/// Nesting kept in the copied tree; deeper content is flattened into one text node.
pub const MAX_DEPTH: u32 = 200;

/// Copies the selection into a fresh tree (root: a fragment node), leaving out removed
/// subtrees and flattening anything deeper than [`MAX_DEPTH`] into plain text.
pub fn to_tree(flat: &Flat<'_>, selection: &Selection) -> Tree<Node> {
    let mut tree = Tree::new(Node::Fragment);
    let root_id = tree.root().id();
    for &root in &selection.roots {
        // (end of the source subtree, id of its copy)
        let mut stack: Vec<(usize, NodeId)> = Vec::new();
        let base_depth = flat.nodes[root].depth;
        let end = flat.nodes[root].end as usize;
        let mut i = root;
        // The text whose leading bracket closes one emptied by a dropped element.
        let mut closer_at = None;
        while i < end {
            while stack.last().is_some_and(|&(e, _)| i >= e) {
                stack.pop();
            }
            let node = &flat.nodes[i];
            if selection.removed[i] {
                i = node.end as usize;
                continue;
            }
            let parent_id = stack.last().map_or(root_id, |&(_, id)| id);
            let depth = node.depth - base_depth;
            if depth > MAX_DEPTH && node.kind == Kind::Element {
                let text = flatten_text(flat, i, &selection.removed);
                if let Some(mut parent) = tree.get_mut(parent_id) {
                    parent.append(Node::Text(Text { text: text.into() }));
                }
                i = node.end as usize;
                continue;
            }
            let value = match node.node.value() {
                Node::Text(t) => {
                    let mut text: &str = t;
                    match closer_at {
                        Some(after) if after == i => {
                            text = &text.trim_start()[1..];
                            closer_at = None;
                        }
                        // Separators between dropped marks ("[<a>28</a>,<a>54</a>]").
                        Some(after) if i < after => text = "",
                        _ => closer_at = None,
                    }
                    if let Some(after) = emptied_bracket(flat, &selection.removed, i, text) {
                        text = text.trim_end();
                        text = text[..text.len() - 1].trim_end();
                        closer_at = Some(after);
                    }
                    if text.len() == t.len() {
                        node.node.value().clone()
                    } else {
                        Node::Text(Text { text: text.into() })
                    }
                }
                Node::Element(_) => node.node.value().clone(),
                _ => {
                    i = node.end as usize;
                    continue;
                }
            };
            let new_id = match tree.get_mut(parent_id) {
                Some(mut parent) => parent.append(value).id(),
                None => break,
            };
            if node.end as usize > i + 1 {
                stack.push((node.end as usize, new_id));
            }
            i += 1;
        }
    }
    tree
}

/// When text `i` (read as `text`) ends with an opening bracket, the next sibling is
/// an element left empty by the pruning, and the sibling after it is a text opening
/// with the matching closing bracket, that text: the brackets held only what was
/// dropped (a citation mark, "[<span><a href=#ref52>52</a></span>]") and go with it.
fn emptied_bracket(flat: &Flat<'_>, removed: &[bool], i: usize, text: &str) -> Option<usize> {
    let close = match text.trim_end().chars().next_back()? {
        '[' => ']',
        '(' => ')',
        _ => return None,
    };
    let parent = flat.nodes[i].parent;
    let sibling = |k: usize| k < flat.len() && flat.nodes[k].parent == parent;
    // Marks in a row, separated by commas or dashes ("[28,54]", "[1-3]").
    let mut k = i + 1;
    let mut marks = 0;
    for _ in 0..MAX_BRACKETED_SIBLINGS {
        if !sibling(k) {
            return None;
        }
        match flat.nodes[k].kind {
            Kind::Text if !removed[k] => {
                let t = flat.text(k).trim_start();
                if t.starts_with(close) {
                    return (marks > 0).then_some(k);
                }
                if !t
                    .chars()
                    .all(|c| c.is_whitespace() || matches!(c, ',' | ';' | '-' | '–'))
                {
                    return None;
                }
            }
            Kind::Element if emptied(flat, removed, k) => marks += 1,
            _ => return None,
        }
        k = flat.nodes[k].end as usize;
    }
    None
}

/// Most siblings between brackets [`emptied_bracket`] reads.
const MAX_BRACKETED_SIBLINGS: usize = 16;

/// Most nodes an element between brackets [`emptied`] reads.
const MAX_BRACKETED_NODES: usize = 64;

/// Whether element `j` is dropped, or lost something to the pruning and keeps
/// neither text nor a picture. (An element empty in the page itself is left alone:
/// there the page shows the brackets empty too.)
fn emptied(flat: &Flat<'_>, removed: &[bool], j: usize) -> bool {
    if flat.nodes[j].kind != Kind::Element {
        return false;
    }
    let end = flat.nodes[j].end as usize;
    // A mark in brackets is a few nodes; a large subtree is not one, and reading
    // no further keeps nested brackets from costing a walk each.
    if end - j > MAX_BRACKETED_NODES {
        return false;
    }
    let mut lost = false;
    let mut k = j;
    while k < end {
        if removed[k] {
            lost = true;
            k = flat.nodes[k].end as usize;
            continue;
        }
        let node = &flat.nodes[k];
        let shows = match node.kind {
            Kind::Text => !flat.text(k).trim().is_empty(),
            Kind::Element => matches!(node.name, "img" | "picture" | "video" | "iframe"),
            Kind::Other => false,
        };
        if shows {
            return false;
        }
        k += 1;
    }
    lost
}

/// All text under `i` (not removed), space-joined.
fn flatten_text(flat: &Flat<'_>, i: usize, removed: &[bool]) -> String {
    flatten_prefix(flat, i, removed, usize::MAX)
}

/// The start of [`flatten_text`]: it stops once `max_bytes` are gathered, for
/// checks that only read how a block opens.
fn flatten_prefix(flat: &Flat<'_>, i: usize, removed: &[bool], max_bytes: usize) -> String {
    let mut out = String::new();
    let mut j = i;
    let end = flat.nodes[i].end as usize;
    while j < end && out.len() < max_bytes {
        if removed[j] {
            j = flat.nodes[j].end as usize;
            continue;
        }
        let t = flat.text(j);
        if !t.trim().is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(t.trim());
        }
        j += 1;
    }
    out
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// The attributes the per-node analysis looks at, gathered in one pass over the
/// element's attribute list (separate lookups each rescan it).
#[derive(Default)]
struct Attrs<'a> {
    class: &'a str,
    id: &'a str,
    style: &'a str,
    role: &'a str,
    itemtype: &'a str,
    property: &'a str,
    content: &'a str,
    kind: &'a str,
    hidden: bool,
    aria_hidden: bool,
    /// The HTML `popover` attribute: a menu, dialog or prompt shown only on demand.
    popover: bool,
    /// `aria-labelledby` is set.
    labelled_by: bool,
}

impl<'a> Attrs<'a> {
    fn of(flat: &Flat<'a>, i: usize) -> Attrs<'a> {
        let mut out = Attrs::default();
        if let Node::Element(e) = flat.nodes[i].node.value() {
            for (name, value) in e.attrs() {
                match name {
                    "class" => out.class = value,
                    "id" => out.id = value,
                    "style" => out.style = value,
                    "role" => out.role = value,
                    "itemtype" => out.itemtype = value,
                    "property" => out.property = value,
                    "content" => out.content = value,
                    "type" => out.kind = value,
                    // `until-found` content is searchable and opens on a match: a
                    // collapsed section, not a hidden one.
                    "hidden" => out.hidden = !value.eq_ignore_ascii_case("until-found"),
                    "aria-hidden" => out.aria_hidden = value == "true",
                    "popover" => out.popover = true,
                    "aria-labelledby" => out.labelled_by = true,
                    _ => {}
                }
            }
        }
        out
    }
}

/// `text` lower-cased, borrowed when it has no capitals (most addresses), so the
/// link checks run over every link of a page without allocating.
fn ascii_lower(text: &str) -> std::borrow::Cow<'_, str> {
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(text.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Removes every live element below `root` that `pred` picks, with its subtree
/// (a [`walk_live`] that only drops or descends).
fn drop_where(flat: &Flat<'_>, root: usize, removed: &mut [bool], pred: impl Fn(usize) -> bool) {
    walk_live(flat, root, removed, |i, _| {
        if flat.nodes[i].kind == Kind::Element && pred(i) {
            Visit::Drop
        } else {
            Visit::Descend
        }
    });
}

/// What a [`walk_live`] visitor decides for a node.
enum Visit {
    /// Go on into the node's children.
    Descend,
    /// Leave the node and its subtree as they are, unvisited.
    Skip,
    /// Remove the node with its subtree.
    Drop,
}

/// Visits the live (not removed) nodes below `root` in document order. Removed
/// subtrees are passed over whole, and a node the visitor drops is marked removed
/// at once, so later nodes see an up-to-date `removed` (text flattening skips it).
fn walk_live(
    flat: &Flat<'_>,
    root: usize,
    removed: &mut [bool],
    mut visit: impl FnMut(usize, &[bool]) -> Visit,
) {
    let end = flat.nodes[root].end as usize;
    let mut i = root + 1;
    while i < end {
        let next = flat.nodes[i].end as usize;
        if removed[i] {
            i = next;
            continue;
        }
        match visit(i, removed) {
            Visit::Descend => i += 1,
            Visit::Skip => i = next,
            Visit::Drop => {
                removed[i] = true;
                i = next;
            }
        }
    }
}

/// Records what element `i` declares the page to be: schema.org `Product`,
/// `DiscussionForumPosting` as microdata or JSON-LD, or `og:type` product or article.
fn declare(flat: &Flat<'_>, i: usize, attrs: &Attrs<'_>, declared: &mut Declared) {
    match flat.nodes[i].name {
        "meta" if attrs.property.eq_ignore_ascii_case("og:type") => {
            match attrs.content.trim().to_ascii_lowercase().as_str() {
                "product" | "og:product" | "product.item" => declared.product = true,
                "article" => declared.article = true,
                _ => {}
            }
        }
        "meta" => {}
        "script" if attrs.kind.contains("ld+json") => {
            let text = if i + 1 < flat.nodes[i].end as usize {
                flat.text(i + 1)
            } else {
                ""
            };
            if text.contains("@type") {
                // `"@type": "Product"` (or in a type list); "ProductGroup" etc. do not
                // match the closing quote.
                declared.product |= text.contains("\"Product\"");
                declared.discussion |= text.contains("\"DiscussionForumPosting\"");
                // Matched as a type, not as a name ("CommentAction", "name": "Comment").
                declared.thread |= ld_declares(text, "QAPage") || ld_declares(text, "Comment");
            }
        }
        _ if !attrs.itemtype.is_empty() => {
            for kind in attrs.itemtype.split_ascii_whitespace() {
                match kind.trim_end_matches('/').rsplit('/').next() {
                    Some("Product") => declared.product = true,
                    Some("DiscussionForumPosting") => declared.discussion = true,
                    Some("QAPage" | "Comment") => declared.thread = true,
                    _ => {}
                }
            }
        }
        _ => {}
    }
}

/// Whether JSON-LD `text` has `"@type": "kind"` (alone or in a type list).
fn ld_declares(text: &str, kind: &str) -> bool {
    text.match_indices("\"@type\"").any(|(k, key)| {
        let rest = text[k + key.len()..].trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            return false;
        };
        let rest = rest.trim_start();
        let types = match rest.strip_prefix('[') {
            Some(list) => list.split(']').next().unwrap_or(""),
            None => rest.split([',', '}']).next().unwrap_or(""),
        };
        types.split(',').any(|t| t.trim().trim_matches('"') == kind)
    })
}

impl<'f, 'a> Analysis<'f, 'a> {
    pub fn new(flat: &'f Flat<'a>) -> Self {
        // Visible text outside the site's header, footer and navigation, over the
        // whole document (node 0).
        let own_text = |a: &Self| a.text_outside_furniture(0, &a.hard, 0);
        let analysis = Self::build(flat, true);
        let shown = own_text(&analysis);
        if shown >= MIN_VISIBLE_PAGE_CHARS {
            return analysis;
        }
        // Nearly nothing visible but the site's header and footer: pages that hide
        // themselves with an inline style until their scripts load (`<div
        // style="visibility:hidden; min-height:100vh">` around the whole page, or
        // each streamed fragment in a `display:none` block that script moves into
        // place) would otherwise come out empty or as a menu.
        let unhidden = Self::build(flat, false);
        if own_text(&unhidden) > 2 * shown.max(MIN_VISIBLE_PAGE_CHARS) {
            unhidden
        } else {
            analysis
        }
    }
    /// Tells the analysis the page's title, so that a headline repeating it is not
    /// returned twice.
    pub fn set_title(&mut self, title: Option<&str>) {
        self.title_words = words_of(title.unwrap_or(""));
    }
    /// Tells the analysis who wrote the page (the byline, names separated by commas,
    /// "and" or "&"). Only full names count: a lone first name or a site name would
    /// match too many sentences.
    pub fn set_byline(&mut self, byline: Option<&str>) {
        self.authors = byline
            .unwrap_or("")
            .split([',', '&', ';'])
            .flat_map(|part| part.split(" and "))
            .map(|name| name.trim().to_lowercase())
            .filter(|name| name.split_whitespace().count() >= 2 && name.len() <= 60)
            .collect();
    }
    /// The analysis, with inline-style hiding honoured or not.
    fn build(flat: &'f Flat<'a>, style_hides: bool) -> Self {
        let n = flat.len();
        let mut own_chars = vec![0u32; n];
        let mut own_commas = vec![0u16; n];
        let mut in_link = vec![false; n];
        let mut hard = vec![false; n];
        let mut class_weight = vec![0i8; n];
        let mut declared = Declared::default();
        // Elements whose weight depends on what the page declares itself to be.
        let mut page_dependent = Vec::new();
        // Panels some toggle opens (`aria-controls`): an accordion's collapsed answers.
        // Of those, `headed` holds the panels whose toggle sits in a heading: an
        // accordion's headers (the ARIA pattern puts each toggle inside a heading), not
        // a menu button.
        let mut controlled: HashSet<&str> = HashSet::new();
        let mut headed: HashSet<&str> = HashSet::new();
        for i in (0..n).filter(|&i| flat.nodes[i].kind == Kind::Element) {
            if let Some(ids) = flat.attr(i, "aria-controls") {
                controlled.extend(ids.split_ascii_whitespace());
                if in_heading(flat, i) {
                    headed.extend(ids.split_ascii_whitespace());
                }
            }
        }
        // Nodes inside a never-content subtree: every pruning drops them, so their text
        // (script and JSON payloads, often most of the page's bytes) is never counted.
        let mut muted = vec![false; n];
        // Utility-class pages repeat the same long class strings on many elements.
        let mut class_words: std::collections::HashMap<&str, ClassWords> =
            std::collections::HashMap::new();
        for i in 0..n {
            let node = &flat.nodes[i];
            let parent = node.parent;
            let parent_link = parent != NONE && in_link[parent as usize];
            if parent != NONE {
                let p = parent as usize;
                muted[i] = muted[p] || hard[p];
            }
            match node.kind {
                Kind::Text if muted[i] => in_link[i] = parent_link,
                Kind::Text => {
                    let mut chars = 0u32;
                    let mut commas = 0u16;
                    let text = flat.text(i);
                    if text.is_ascii() {
                        // Most text is ASCII: count bytes without decoding chars.
                        for &b in text.as_bytes() {
                            if !b.is_ascii_whitespace() && b != 0x0b {
                                chars += 1;
                                if b == b',' {
                                    commas = commas.saturating_add(1);
                                }
                            }
                        }
                    } else {
                        for c in text.chars() {
                            if !c.is_whitespace() {
                                chars += 1;
                                if matches!(c, ',' | '，' | '、' | '،') {
                                    commas = commas.saturating_add(1);
                                }
                            }
                        }
                    }
                    own_chars[i] = chars;
                    own_commas[i] = commas;
                    in_link[i] = parent_link;
                }
                Kind::Element => {
                    in_link[i] = parent_link || node.name == "a";
                    let attrs = Attrs::of(flat, i);
                    // A button inside a heading is an accordion's trigger: its
                    // label is the heading (except in the site's footer menus).
                    hard[i] = (is_hard_boilerplate(node.name, &attrs, style_hides)
                        && !(node.name == "button"
                            && in_heading(flat, i)
                            && !in_site_furniture(flat, i))
                        && !(node.name == "button"
                            && !is_hidden(&attrs, style_hides)
                            && is_word_of_sentence(flat, i))
                        && !(style_hides && is_switched_panel(flat, i, &attrs))
                        && !is_controlled_region(&attrs, &controlled, &headed))
                        || is_tooltip_role(flat, i, &attrs);
                    if !muted[i] {
                        let words = if attrs.id.is_empty() && !attrs.class.is_empty() {
                            *class_words
                                .entry(attrs.class)
                                .or_insert_with(|| class_id_words(&attrs))
                        } else {
                            class_id_words(&attrs)
                        };
                        class_weight[i] = words.weight(Declared::default());
                        if words.product_negative || words.discussion_negative {
                            page_dependent.push((i, words));
                        }
                    }
                    // Outside the muted guard: the JSON-LD and <meta> that declare a
                    // page kind sit in <head>, inside never-content subtrees.
                    declare(flat, i, &attrs, &mut declared);
                }
                Kind::Other => {}
            }
        }
        // A review or round-up embeds Product markup for the items it covers, but
        // calls itself an article.
        declared.product = declared.product && !declared.article;
        declared.thread |= declared.discussion;
        if declared.product || declared.discussion {
            // Known only once the whole page (JSON-LD often sits at the end) is read.
            for &(i, words) in &page_dependent {
                class_weight[i] = words.weight(declared);
            }
        }
        let link_targets = (0..n)
            .filter(|&i| flat.nodes[i].name == "a")
            .filter_map(|i| flat.attr(i, "href")?.strip_prefix('#'))
            .filter(|target| !target.is_empty())
            .collect();
        let mut comment_section = vec![false; n];
        if !declared.discussion {
            for &(i, words) in &page_dependent {
                comment_section[i] =
                    words.discussion_negative && !words.negative && class_weight[i] == -1;
            }
        }
        let mut analysis = Analysis {
            flat,
            own_chars,
            own_commas,
            in_link,
            hard,
            hard_text: Vec::new(),
            bare_text: Vec::new(),
            running_text: Vec::new(),
            class_weight,
            comment_section,
            link_targets,
            declared,
            authors: Vec::new(),
            title_words: Vec::new(),
        };
        analysis.hard_text = analysis.totals(&analysis.hard.clone()).text;
        // `<noscript>` holds either a JS-less fallback of the page (keep) or a tracking
        // pixel / "enable JavaScript" notice (drop): tell them apart by size. Markup
        // as text (`&lt;div class="alert"&gt;`, what some browsers write when saving
        // a page) is neither, whatever its size.
        let mut changed = false;
        for i in 0..n {
            if flat.nodes[i].name == "noscript"
                && !analysis.hard[i]
                && (analysis.hard_text[i] < 200 || holds_escaped_markup(flat, i))
            {
                analysis.hard[i] = true;
                changed = true;
            }
        }
        if changed {
            analysis.hard_text = analysis.totals(&analysis.hard.clone()).text;
        }
        analysis.bare_text = vec![0; n];
        analysis.running_text = vec![0; n];
        for c in 0..n {
            let node = &flat.nodes[c];
            if node.parent == NONE {
                continue;
            }
            let parent = node.parent as usize;
            match node.kind {
                Kind::Text => {
                    analysis.bare_text[parent] += analysis.own_chars[c];
                    analysis.running_text[parent] += analysis.own_chars[c];
                }
                Kind::Element if analysis.runs_in_text(c) => {
                    analysis.running_text[parent] += analysis.hard_text[c];
                }
                _ => {}
            }
        }
        analysis
    }
    /// Whether element `c`'s text counts as part of its parent's running text.
    fn runs_in_text(&self, c: usize) -> bool {
        let name = self.flat.nodes[c].name;
        !matches!(name, "a" | "button") && !crate::render::is_block(name)
    }
    /// Text characters of the selection.
    pub fn selected_text(&self, selection: &Selection) -> u32 {
        self.summary(selection).chars
    }
    /// Text figures of the selection as a whole.
    pub fn summary(&self, selection: &Selection) -> Summary {
        let totals = self.totals(&selection.removed);
        let mut summary = Summary::default();
        for &r in &selection.roots {
            summary.chars += totals.text[r];
            summary.link_chars += totals.link[r];
            summary.paragraphs += totals.paras[r];
        }
        summary
    }
    /// Text characters of `i` with only hard pruning.
    pub fn visible_text(&self, i: usize) -> u32 {
        self.hard_text[i]
    }
}

#[cfg(test)]
mod tests;
