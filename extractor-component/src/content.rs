//! Finding the main content: prune boilerplate, score candidate blocks, select the main
//! region, and copy it out as a clean tree for rendering and link collection.
//!
//! The steps, each usable on its own:
//! 1. [`Analysis::new`]: per-node text figures over the flat index, computed once.
//! 2. [`Analysis::prune`]: which subtrees are boilerplate at a given [`Strictness`].
//! 3. [`Analysis::select`]: rate every text node's likelihood of being content from
//!    its block (length, links), then pick the region that best covers the page's
//!    content-like text for the least other text — an F1 proxy. Whole regions win
//!    over narrow nodes when the region is mostly content (forums keep every post,
//!    listings every item), because WCXB-style ground truth is the whole region.
//! 4. `clean`: drop menu-like link runs left inside the selected region.
//! 5. [`to_tree`]: copy the kept nodes into a fresh tree with a depth cap.
//!
//! No per-site rules: only tags, ARIA/hidden markup, generic class/id vocabulary and
//! text statistics.

use crate::dom::{Flat, Kind, NONE};
use ego_tree::{NodeId, Tree};
use scraper::node::Text;
use scraper::Node;

/// Page furniture by tag.
const STRUCTURAL: &[&str] = &["nav", "header", "footer", "aside", "menu"];

/// Class/id tokens that mark boilerplate; a token matches when it starts with one.
const NEGATIVE_PREFIXES: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "share",
    "sharing",
    "social",
    "related",
    "comment",
    "newsletter",
    "subscri",
    "advert",
    "sponsor",
    "promo",
    "breadcrumb",
    "paginat",
    "pager",
    "sidebar",
    "popup",
    "modal",
    "overlay",
    "outbrain",
    "taboola",
    "disqus",
    "recommend",
    "trending",
    "signup",
    "navbar",
    "navigation",
    "menu",
    "masthead",
    "footer",
    "toolbar",
    "banner",
    "widget",
    "skiplink",
    "skip",
    "byline",
    "author",
    "dateline",
    "tags",
    "tagcloud",
    "login",
    "rating",
    "offcanvas",
];

/// Whole class/id tokens that mark boilerplate.
const NEGATIVE_EXACT: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "nav",
    "header",
    "share",
    "tools",
    "follow",
    "more",
    "aside",
    "topbar",
    "bottombar",
    "copyright",
    "legal",
    "sticky",
    "toc",
];

/// Class/id tokens that mark the main container; they outweigh negatives for pruning.
const POSITIVE: &[&str] = &[
    "content",
    "main",
    "article",
    "body",
    "entry",
    "story",
    "post",
    "text",
    "prose",
    "blog",
    "page",
    "markdown",
    "richtext",
    "description",
    "product",
    "thread",
    "message",
    "topic",
    "docs",
    "documentation",
];

/// Headings that introduce page furniture rather than content (matched as a prefix of
/// the lower-cased heading text).
const FURNITURE_HEADINGS: &[&str] = &[
    "related",
    "you may also",
    "you might also",
    "you may like",
    "you might like",
    "people who viewed",
    "people also",
    "customers who",
    "customers also",
    "also viewed",
    "recommended",
    "recommendations",
    "more from",
    "more stories",
    "more articles",
    "more news",
    "more to explore",
    "popular",
    "most popular",
    "most read",
    "trending",
    "read next",
    "up next",
    "similar",
    "comments",
    "leave a reply",
    "leave a comment",
    "share this",
    "share on",
    "follow us",
    "subscribe",
    "newsletter",
    "sign up",
    "sponsored",
    "advertisement",
    "latest news",
    "latest posts",
    "recent posts",
    "about the author",
    "tags",
    "explore more",
    "don't miss",
    "editor's picks",
    "top stories",
    "in other news",
    "other articles",
    "frequently bought",
];

/// Whole-element texts that are interface controls, not content: commerce buttons,
/// post actions, pagination and teaser links (compared lower-cased, with trailing
/// punctuation and ellipses trimmed).
const UI_PHRASES: &[&str] = &[
    "add to cart",
    "add to bag",
    "add to basket",
    "add to wishlist",
    "add to wish list",
    "add to list",
    "add to compare",
    "buy now",
    "buy it now",
    "shop now",
    "quick shop",
    "quick view",
    "notify me",
    "notify me when available",
    "sale price",
    "regular price",
    "unit price",
    "current price",
    "write a review",
    "share",
    "share this",
    "share this post",
    "share this article",
    "tweet",
    "pin it",
    "reply",
    "reply with quote",
    "quote",
    "multi-quote",
    "report",
    "report post",
    "report abuse",
    "permalink",
    "click to expand",
    "click to shrink",
    "show more",
    "show less",
    "read more",
    "see more",
    "load more",
    "view more",
    "loading",
    "back to top",
    "skip to content",
    "skip to main content",
    "sign in",
    "sign up",
    "log in",
    "login",
    "register",
    "menu",
    "toggle navigation",
    "toggle menu",
    "close",
    "previous article",
    "next article",
    "previous post",
    "next post",
    "table of contents",
    "on this page",
    "edit this page",
    "advertisement",
    "sort by",
    "sort and filter",
    "filter",
    "filters",
];

/// Shortest block text that counts as a repeat when it recurs.
const MIN_REPEAT_CHARS: usize = 20;

/// A single paragraph this long that recurs is a copy, not a recurring attribute line.
const MIN_REPEAT_PARAGRAPH: usize = 150;

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
    /// Class/id weight of each element (negative: boilerplate vocabulary).
    class_weight: Vec<i8>,
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
}

impl<'f, 'a> Analysis<'f, 'a> {
    pub fn new(flat: &'f Flat<'a>) -> Self {
        let n = flat.len();
        let mut own_chars = vec![0u32; n];
        let mut own_commas = vec![0u16; n];
        let mut in_link = vec![false; n];
        let mut hard = vec![false; n];
        let mut class_weight = vec![0i8; n];
        for i in 0..n {
            let node = &flat.nodes[i];
            let parent = node.parent;
            let parent_link = parent != NONE && in_link[parent as usize];
            match node.kind {
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
                    hard[i] = is_hard_boilerplate(node.name, &attrs);
                    class_weight[i] = class_id_weight(&attrs);
                }
                Kind::Other => {}
            }
        }
        let mut analysis = Analysis {
            flat,
            own_chars,
            own_commas,
            in_link,
            hard,
            hard_text: Vec::new(),
            class_weight,
        };
        analysis.hard_text = analysis.totals(&analysis.hard.clone()).text;
        // `<noscript>` holds either a JS-less fallback of the page (keep) or a tracking
        // pixel / "enable JavaScript" notice (drop): tell them apart by size.
        let mut changed = false;
        for i in 0..n {
            if flat.nodes[i].name == "noscript" && !analysis.hard[i] && analysis.hard_text[i] < 200
            {
                analysis.hard[i] = true;
                changed = true;
            }
        }
        if changed {
            analysis.hard_text = analysis.totals(&analysis.hard.clone()).text;
        }
        analysis
    }

    /// Subtree roots to drop at `strictness` (a dropped node's descendants are dropped
    /// with it; only the roots are marked).
    pub fn prune(&self, strictness: Strictness, body: usize) -> Vec<bool> {
        let flat = self.flat;
        let mut removed = self.hard.clone();
        if strictness == Strictness::Hard {
            return removed;
        }
        let page_text = self.hard_text[body].max(1);
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
                let furniture = STRUCTURAL.contains(&node.name)
                    || matches!(
                        flat.attr(i, "role"),
                        Some("navigation" | "banner" | "contentinfo" | "complementary")
                    );
                let boiler = (furniture && share < 0.6)
                    || (self.class_weight[i] < 0 && share < 0.5 && !is_main_tag(node.name));
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

    /// Drops sections introduced by a furniture heading ("Related articles", "People
    /// also viewed", "Comments"): the heading's container when the heading opens it,
    /// else the heading and its following siblings up to the next heading.
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
            if !matches!(name, "h2" | "h3" | "h4" | "h5" | "h6") || self.hard_text[i] > 60 {
                i += 1;
                continue;
            }
            let heading = flatten_text(flat, i, removed).to_lowercase();
            let heading = heading.trim();
            if !FURNITURE_HEADINGS.iter().any(|p| heading.starts_with(p)) {
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
            // A heading in the middle of its parent: drop it and what follows it.
            removed[i] = true;
            let mut sibling = flat.nodes[i].end as usize;
            let parent_end = match flat.nodes[i].parent {
                NONE => end,
                p => flat.nodes[p as usize].end as usize,
            };
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

    /// Subtree totals with `removed` subtrees left out.
    pub fn totals(&self, removed: &[bool]) -> Totals {
        let flat = self.flat;
        let n = flat.len();
        let mut text = vec![0u32; n];
        let mut link = vec![0u32; n];
        let mut commas = vec![0u32; n];
        let mut paras = vec![0u32; n];
        let mut anchors = vec![0u32; n];
        let dropped = self.dropped(removed);
        for i in (0..n).rev() {
            if dropped[i] {
                continue;
            }
            let node = &flat.nodes[i];
            if node.kind == Kind::Text {
                text[i] = self.own_chars[i];
                commas[i] = self.own_commas[i] as u32;
                if self.in_link[i] {
                    link[i] = self.own_chars[i];
                }
            } else if node.kind == Kind::Element
                && matches!(node.name, "p" | "pre" | "blockquote" | "li" | "dd" | "td")
                && text[i] >= 40
            {
                paras[i] += 1;
            } else if node.name == "a" && text[i] > 0 {
                anchors[i] += 1;
            }
            let p = node.parent;
            if p != NONE {
                let p = p as usize;
                text[p] += text[i];
                link[p] += link[i];
                commas[p] += commas[i];
                paras[p] += paras[i];
                anchors[p] += anchors[i];
            }
        }
        Totals {
            text,
            link,
            commas,
            paras,
            anchors,
        }
    }

    /// Expands subtree-root marks to every node of those subtrees.
    fn dropped(&self, removed: &[bool]) -> Vec<bool> {
        let flat = self.flat;
        let n = flat.len();
        let mut dropped = vec![false; n];
        let mut i = 0;
        while i < n {
            if removed[i] {
                let end = flat.nodes[i].end as usize;
                for d in dropped.iter_mut().take(end).skip(i) {
                    *d = true;
                }
                i = end;
            } else {
                i += 1;
            }
        }
        dropped
    }

    /// Picks the main container under `body` at `strictness`.
    pub fn select(&self, body: usize, strictness: Strictness) -> Selection {
        let removed = self.prune(strictness, body);
        let totals = self.totals(&removed);
        let chosen = self.best_region(body, &removed, &totals);
        let removed = self.clean(chosen, removed, &totals);
        Selection {
            roots: vec![chosen],
            removed,
        }
    }

    /// The node whose text best matches the page's content-like text, by an F1 proxy:
    /// each text node counts as content with a likelihood from its block (long,
    /// link-free blocks are content; short and link text mostly is not), and a region
    /// scores `2·content(N) / (text(N) + content(page))`.
    fn best_region(&self, body: usize, removed: &[bool], totals: &Totals) -> usize {
        let flat = self.flat;
        let n = flat.len();
        let dropped = self.dropped(removed);
        let mut content = vec![0f32; n];
        for i in (0..n).rev() {
            if dropped[i] {
                continue;
            }
            let node = &flat.nodes[i];
            if node.kind == Kind::Text && self.own_chars[i] > 0 {
                let block = self.block_of(i);
                let len = totals.text[block];
                let ld = totals.link[block] as f32 / len.max(1) as f32;
                let mut c = if len >= 150 {
                    1.0
                } else if len >= 60 {
                    0.85
                } else if len >= 20 {
                    0.6
                } else {
                    0.3
                };
                if self.in_link[i] {
                    c *= 0.4;
                } else if ld > 0.5 {
                    c *= 0.7;
                }
                content[i] = c * self.own_chars[i] as f32;
            }
            let p = node.parent;
            if p != NONE {
                content[p as usize] += content[i];
            }
        }
        let total = content[body];
        let mut best = body;
        let mut best_f = 0.0f32;
        for i in body..flat.nodes[body].end as usize {
            if dropped[i] || flat.nodes[i].kind != Kind::Element || content[i] <= 0.0 {
                continue;
            }
            let mut f = 2.0 * content[i] / (totals.text[i] as f32 + total);
            // Markup that declares the main region, or names it so, breaks near-ties.
            if has_main_hint(flat, i) || flat.nodes[i].name == "article" {
                f *= 1.0 + 0.12;
            } else if self.class_weight[i] > 0 {
                f *= 1.0 + 0.03;
            }
            if f > best_f * 1.0001 {
                best_f = f;
                best = i;
            }
        }
        best
    }

    /// The nearest block-level ancestor of `i` (for text: the paragraph it is in).
    fn block_of(&self, i: usize) -> usize {
        let flat = self.flat;
        let mut current = flat.nodes[i].parent;
        while current != NONE {
            let c = current as usize;
            if crate::render::is_block(flat.nodes[c].name)
                || matches!(flat.nodes[c].name, "td" | "th")
            {
                return c;
            }
            current = flat.nodes[c].parent;
        }
        i
    }

    /// Removes link-dense and furniture leftovers inside the chosen region.
    fn clean(&self, root: usize, mut removed: Vec<bool>, totals: &Totals) -> Vec<bool> {
        let flat = self.flat;
        let root_text = totals.text[root].max(1) as f32;
        let mut i = root + 1;
        let end = flat.nodes[root].end as usize;
        while i < end {
            let node = &flat.nodes[i];
            if removed[i] {
                i = node.end as usize;
                continue;
            }
            if node.kind == Kind::Element
                && matches!(
                    node.name,
                    "div" | "section" | "ul" | "ol" | "table" | "p" | "span" | "dl"
                )
            {
                let text = totals.text[i];
                let ld = totals.link[i] as f32 / text.max(1) as f32;
                let share = text as f32 / root_text;
                // Menus are runs of short links; listing items have headline-long ones.
                let per_link = totals.link[i] as f32 / totals.anchors[i].max(1) as f32;
                if totals.anchors[i] >= 2
                    && ld > 0.6
                    && share < 0.25
                    && totals.paras[i] < 3
                    && per_link < 25.0
                {
                    removed[i] = true;
                    i = node.end as usize;
                    continue;
                }
            }
            i += 1;
        }
        self.drop_controls(root, &mut removed, totals);
        self.drop_meta_rows(root, &mut removed, totals);
        self.drop_repeats(root, &mut removed);
        removed
    }

    /// For each node of `root`'s subtree (indexed from `root`): whether a block
    /// element lies below it. Leaf blocks are the block elements where this is false.
    fn holds_blocks(&self, root: usize) -> Vec<bool> {
        let flat = self.flat;
        let end = flat.nodes[root].end as usize;
        let mut has_block = vec![false; end - root];
        for i in (root + 1..end).rev() {
            let node = &flat.nodes[i];
            let p = node.parent as usize;
            if node.kind == Kind::Element
                && p >= root
                && p < end
                && (crate::render::is_block(node.name) || has_block[i - root])
            {
                has_block[p - root] = true;
            }
        }
        has_block
    }

    /// Drops per-entry metadata rows from prose threads: in a region made of prose
    /// entries (forum posts, answers, comments), a class of short blocks that recurs
    /// with numbers in it is the "Posts: 4032" / "answered Jan 22 at 0:50" row of every
    /// entry, not content. Regions without much prose (listings, spec sheets) keep
    /// theirs: there such rows are the items' attributes.
    fn drop_meta_rows(&self, root: usize, removed: &mut [bool], totals: &Totals) {
        let flat = self.flat;
        if totals.paras[root] < 6 {
            return;
        }
        let end = flat.nodes[root].end as usize;
        let has_block = self.holds_blocks(root);
        // (tag, class) → (members, short members, members with digits)
        let mut groups: std::collections::HashMap<(&str, &str), (u32, u32, u32)> =
            std::collections::HashMap::new();
        let mut members = Vec::new();
        let mut i = root + 1;
        while i < end {
            let node = &flat.nodes[i];
            if removed[i] {
                i = node.end as usize;
                continue;
            }
            if node.kind == Kind::Element
                && crate::render::is_block(node.name)
                && !has_block[i - root]
                && totals.text[i] > 0
            {
                if let Some(class) = flat.attr(i, "class").filter(|c| !c.trim().is_empty()) {
                    let short = totals.text[i] <= 40;
                    // Prices are item attributes, never entry metadata.
                    let digits = short && {
                        let text = flatten_text(flat, i, removed);
                        text.chars().any(|c| c.is_ascii_digit())
                            && !text
                                .chars()
                                .any(|c| matches!(c, '$' | '€' | '£' | '¥' | '₹'))
                    };
                    let g = groups.entry((node.name, class)).or_default();
                    g.0 += 1;
                    g.1 += u32::from(short);
                    g.2 += u32::from(digits);
                    members.push((i, node.name, class));
                }
                i = node.end as usize;
                continue;
            }
            i += 1;
        }
        for (i, name, class) in members {
            if let Some(&(n, short, digits)) = groups.get(&(name, class)) {
                if n >= 3 && short == n && digits * 2 >= n && totals.paras[root] >= n {
                    removed[i] = true;
                }
            }
        }
    }

    /// Drops elements whose whole text is an interface control ([`UI_PHRASES`]).
    fn drop_controls(&self, root: usize, removed: &mut [bool], totals: &Totals) {
        let flat = self.flat;
        let end = flat.nodes[root].end as usize;
        let mut i = root + 1;
        while i < end {
            let node = &flat.nodes[i];
            if removed[i] {
                i = node.end as usize;
                continue;
            }
            if node.kind == Kind::Element && totals.text[i] > 0 && totals.text[i] <= 30 {
                let text = flatten_text(flat, i, removed).to_lowercase();
                let trimmed = text.trim_end_matches(['.', '…', ':', '!', '›', '»']).trim();
                let squashed: String = trimmed.split_whitespace().collect::<Vec<_>>().join(" ");
                if UI_PHRASES.contains(&squashed.as_str()) {
                    removed[i] = true;
                }
                i = node.end as usize;
                continue;
            }
            i += 1;
        }
    }

    /// Drops blocks whose text repeats an earlier block of the region: carousel clones
    /// and responsive (mobile + desktop) copies say nothing new the second time. Only
    /// composite blocks (holding other blocks) or long paragraphs count: short lines
    /// legitimately recur across listing items ("Screen size: 43in"), and table cells
    /// repeat values. Texts are compared by a rolling hash of their non-space
    /// characters, so the pass stays linear in the region size.
    fn drop_repeats(&self, root: usize, removed: &mut [bool]) {
        const MOD: u64 = (1 << 61) - 1;
        const BASE: u64 = 1_000_003;
        // MOD is a Mersenne prime: fold the high bits onto the low ones instead of a
        // 128-bit division (the same residue, several times cheaper). Inputs are < MOD.
        let mulmod = |a: u64, b: u64| {
            let p = a as u128 * b as u128;
            let mut r = (p as u64 & MOD) + (p >> 61) as u64;
            while r >= MOD {
                r -= MOD;
            }
            r
        };
        let flat = self.flat;
        let end = flat.nodes[root].end as usize;
        let span = end - root;
        // prefix[k]: hash and length of the kept text before node root + k.
        let mut prefix = vec![(0u64, 0u32); span + 1];
        let mut hash = 0u64;
        let mut len = 0u32;
        let mut skip_until = 0usize;
        for i in root..end {
            prefix[i - root] = (hash, len);
            if i < skip_until {
                continue;
            }
            if removed[i] {
                skip_until = flat.nodes[i].end as usize;
                continue;
            }
            if flat.nodes[i].kind == Kind::Text {
                for c in flat.text(i).chars().filter(|c| !c.is_whitespace()) {
                    for l in c.to_lowercase() {
                        hash = (mulmod(hash, BASE) + l as u64 + 1) % MOD;
                        len += 1;
                    }
                }
            }
        }
        prefix[span] = (hash, len);
        let has_block = self.holds_blocks(root);
        let mut powers = vec![1u64; len as usize + 1];
        for k in 1..powers.len() {
            powers[k] = mulmod(powers[k - 1], BASE);
        }
        let mut seen: std::collections::HashMap<(u64, u32), usize> =
            std::collections::HashMap::new();
        let mut i = root + 1;
        while i < end {
            let node = &flat.nodes[i];
            if removed[i] {
                i = node.end as usize;
                continue;
            }
            if node.kind == Kind::Element
                && crate::render::is_block(node.name)
                && !matches!(node.name, "td" | "th" | "tr" | "pre")
            {
                let (h0, l0) = prefix[i - root];
                let (h1, l1) = prefix[node.end as usize - root];
                let l = l1 - l0;
                if l as usize >= MIN_REPEAT_CHARS {
                    let h = (h1 + MOD - mulmod(h0, powers[l as usize])) % MOD;
                    match seen.get(&(h, l)) {
                        Some(&first) if !flat.contains(first, i) => {
                            if has_block[i - root] || l as usize >= MIN_REPEAT_PARAGRAPH {
                                removed[i] = true;
                                i = node.end as usize;
                                continue;
                            }
                        }
                        Some(_) => {}
                        None => {
                            seen.insert((h, l), i);
                        }
                    }
                }
            }
            i += 1;
        }
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

/// Finds the article content under `body`, relaxing the pruning when strict pruning
/// leaves too little.
pub fn find(analysis: &Analysis<'_, '_>, body: usize) -> Selection {
    let strict = analysis.select(body, Strictness::Strict);
    let strict_len = analysis.selected_text(&strict);
    let page = analysis.visible_text(body);
    if strict_len >= 250 || strict_len as f32 >= 0.5 * page as f32 {
        return strict;
    }
    let relaxed = analysis.select(body, Strictness::Hard);
    let relaxed_len = analysis.selected_text(&relaxed);
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
                Node::Element(_) | Node::Text(_) => node.node.value().clone(),
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

/// All text under `i` (not removed), space-joined.
fn flatten_text(flat: &Flat<'_>, i: usize, removed: &[bool]) -> String {
    let mut out = String::new();
    let mut j = i;
    let end = flat.nodes[i].end as usize;
    while j < end {
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

fn is_main_tag(name: &str) -> bool {
    matches!(name, "main" | "article" | "body" | "html")
}

/// `main`, `[role=main]`, `[itemprop=articleBody]` and friends.
fn has_main_hint(flat: &Flat<'_>, i: usize) -> bool {
    let node = &flat.nodes[i];
    if node.kind != Kind::Element {
        return false;
    }
    node.name == "main"
        || flat.attr(i, "role") == Some("main")
        || flat
            .attr(i, "itemprop")
            .is_some_and(|p| p.eq_ignore_ascii_case("articleBody") || p == "text")
}

/// The attributes the per-node analysis looks at, gathered in one pass over the
/// element's attribute list (separate lookups each rescan it).
#[derive(Default)]
struct Attrs<'a> {
    class: &'a str,
    id: &'a str,
    style: &'a str,
    role: &'a str,
    hidden: bool,
    aria_hidden: bool,
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
                    "hidden" => out.hidden = true,
                    "aria-hidden" => out.aria_hidden = value == "true",
                    _ => {}
                }
            }
        }
        out
    }
}

/// Hidden by markup: `hidden`, `aria-hidden=true`, inline `display:none` /
/// `visibility:hidden`.
fn is_hidden(attrs: &Attrs<'_>) -> bool {
    if attrs.hidden || attrs.aria_hidden {
        return true;
    }
    if !attrs.style.is_empty() {
        let compact: String = attrs
            .style
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        return compact.contains("display:none") || compact.contains("visibility:hidden");
    }
    false
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

fn is_hard_boilerplate(name: &str, attrs: &Attrs<'_>) -> bool {
    if is_never_content(name) {
        return true;
    }
    if matches!(name, "body" | "html") {
        return false;
    }
    is_hidden(attrs) || attrs.role == "dialog" || attrs.role == "alertdialog"
}

/// -1 for boilerplate vocabulary (with no main-container word), +1 for main-container
/// vocabulary, 0 otherwise.
fn class_id_weight(attrs: &Attrs<'_>) -> i8 {
    let (class, id) = (attrs.class, attrs.id);
    if class.is_empty() && id.is_empty() {
        return 0;
    }
    let mut negative = false;
    let mut positive = false;
    let mut lower = String::new();
    for raw in class.split_whitespace().chain(std::iter::once(id)) {
        // Tokens are split on - and _; "ArticleBody" style is lower-cased first.
        lower.clear();
        lower.push_str(raw);
        lower.make_ascii_lowercase();
        for token in lower.split(|c: char| !c.is_ascii_alphanumeric()) {
            if token.is_empty() {
                continue;
            }
            if POSITIVE.contains(&token) {
                positive = true;
            }
            let first = token.as_bytes()[0];
            if NEGATIVE_EXACT.contains(&token)
                || NEGATIVE_PREFIXES
                    .iter()
                    .any(|p| p.as_bytes()[0] == first && token.starts_with(p))
            {
                negative = true;
            }
        }
    }
    match (negative, positive) {
        (true, false) => -1,
        (false, true) => 1,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARA: &str = "The river rose through the night, and by morning the town had \
        moved its market to the hill, where traders, farmers and children waited.";

    fn extract_text(html: &str) -> String {
        let doc = crate::dom::parse(html);
        let flat = Flat::build(doc.tree.root());
        let analysis = Analysis::new(&flat);
        let body = flat.find("body").unwrap_or(0);
        let selection = find(&analysis, body);
        let tree = to_tree(&flat, &selection);
        crate::render::text(tree.root())
    }

    fn article(paragraphs: usize) -> String {
        (0..paragraphs)
            .map(|i| format!("<p>{i}: {PARA}</p>"))
            .collect()
    }

    #[test]
    fn pruning_removes_nav_and_cookie_banner() {
        let html = format!(
            "<body><nav><a href=/>Home</a><a href=/a>About us</a></nav>\
             <div class=cookie-banner>We use cookies to improve things, accept them now.</div>\
             <div class=post>{}</div><footer>Copyright footer text here</footer></body>",
            article(5)
        );
        let text = extract_text(&html);
        assert!(text.contains("0: The river rose"), "{text}");
        assert!(text.contains("4: The river rose"), "{text}");
        assert!(!text.contains("About us"));
        assert!(!text.contains("cookies"));
        assert!(!text.contains("Copyright"));
    }

    #[test]
    fn hidden_elements_are_pruned() {
        let html = format!(
            "<body><div>{}<p hidden>Secret one.</p><p aria-hidden=\"true\">Secret two.</p>\
             <p style=\"display: none\">Secret three.</p></div></body>",
            article(4)
        );
        let text = extract_text(&html);
        assert!(text.contains("3: The river"));
        assert!(!text.contains("Secret"), "{text}");
    }

    #[test]
    fn scoring_picks_the_article_over_the_sidebar() {
        let sidebar: String = (0..12)
            .map(|i| {
                format!("<li><a href=/p{i}>Popular story number {i} with a long title</a></li>")
            })
            .collect();
        let html = format!(
            "<body><div id=wrap><div class=col><ul>{sidebar}</ul></div>\
             <div class=col>{}</div></div></body>",
            article(6)
        );
        let text = extract_text(&html);
        assert!(text.contains("5: The river"), "{text}");
        assert!(!text.contains("Popular story"), "{text}");
    }

    #[test]
    fn forum_posts_are_all_kept() {
        let posts: String = (0..5)
            .map(|i| format!("<div class=\"post\"><p>Post {i}. {PARA}</p></div>"))
            .collect();
        let html = format!("<body><div id=thread>{posts}</div></body>");
        let text = extract_text(&html);
        for i in 0..5 {
            assert!(
                text.contains(&format!("Post {i}.")),
                "missing post {i}: {text}"
            );
        }
    }

    #[test]
    fn relaxed_pass_keeps_content_that_lives_in_furniture() {
        let html = format!("<body><aside>{}</aside></body>", article(3));
        let text = extract_text(&html);
        assert!(text.contains("2: The river"), "{text}");
    }

    #[test]
    fn cloned_slides_are_kept_once_but_item_attributes_repeat() {
        let slide = "<div class=slide><h3>Colourful design that lets you shine</h3>\
            <p>Step into a world of creative possibilities on the bright screen.</p></div>";
        let items: String = (0..4)
            .map(|i| {
                format!(
                    "<div class=item><h3>Monitor arm model {i}</h3>\
                     <p>For monitors: 5-22 lbs</p><p>Price ${i}99</p></div>"
                )
            })
            .collect();
        let html = format!(
            "<body><main>{}{slide}{slide}{slide}{items}</main></body>",
            article(3)
        );
        let text = extract_text(&html);
        assert_eq!(text.matches("Colourful design").count(), 1, "{text}");
        assert_eq!(text.matches("Step into a world").count(), 1, "{text}");
        assert_eq!(text.matches("For monitors: 5-22 lbs").count(), 4, "{text}");
        assert!(text.contains("Monitor arm model 3"), "{text}");
    }

    #[test]
    fn interface_controls_are_dropped() {
        let html = format!(
            "<body><main>{}<p><a href=/cart>Add to cart</a></p><div>Reply With Quote</div>\
             <p>Click to expand...</p><p>Add to cart the spare parts you need.</p></main></body>",
            article(3)
        );
        let text = extract_text(&html);
        assert!(!text.contains("Reply With Quote"), "{text}");
        assert!(!text.contains("Click to expand"), "{text}");
        assert_eq!(text.matches("Add to cart").count(), 1, "{text}");
        assert!(text.contains("the spare parts you need"), "{text}");
    }

    #[test]
    fn deep_nesting_is_flattened_not_overflowed() {
        let depth = 100_000;
        let html = format!(
            "<body>{}<p>deep words here</p>{}</body>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let text = extract_text(&html);
        assert!(
            text.contains("deep words here"),
            "{}",
            &text[..text.len().min(200)]
        );
    }
}
