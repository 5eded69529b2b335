//! Step 3, selection: totals over the live text, the content likelihood of each
//! block, and the region that best covers the page's content-like text.

use super::*;

impl<'f, 'a> Analysis<'f, 'a> {
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
        let (chosen, likely) = self.best_region(body, &removed, &totals);
        let removed = self.clean(chosen, removed, &totals);
        let confidence = self.confidence(chosen, &removed, &likely, likely[body]);
        Selection {
            roots: vec![chosen],
            removed,
            confidence: Some(confidence),
        }
    }
    /// Precision and recall of what `root` keeps after `removed`, counting each text
    /// node's `likely` content characters against its characters and against the
    /// page's `page_likely` total.
    fn confidence(
        &self,
        root: usize,
        removed: &[bool],
        likely: &[f32],
        page_likely: f32,
    ) -> Confidence {
        let flat = self.flat;
        let end = flat.nodes[root].end as usize;
        let (mut kept, mut chars) = (0f32, 0u32);
        let mut i = root;
        while i < end {
            if removed[i] {
                i = flat.nodes[i].end as usize;
                continue;
            }
            if flat.nodes[i].kind == Kind::Text {
                kept += likely[i];
                chars += self.own_chars[i];
            }
            i += 1;
        }
        let ratio = |a: f32, b: f32| if b > 0.0 { (a / b).min(1.0) } else { 0.0 };
        Confidence {
            precision: ratio(kept, chars as f32),
            recall: ratio(kept, page_likely),
        }
    }
    /// The node whose text best matches the page's content-like text, by an F1 proxy:
    /// each text node counts as content with a likelihood from its block (long,
    /// link-free blocks are content; short and link text mostly is not), and a region
    /// scores `2·content(N) / (text(N) + content(page))`. Also returns the content
    /// likelihood mass of every node (text nodes: their own; elements: their subtree).
    fn best_region(&self, body: usize, removed: &[bool], totals: &Totals) -> (usize, Vec<f32>) {
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
        (best, content)
    }
    /// The nearest block-level ancestor of `i` (for text: the paragraph it is in).
    pub(super) fn block_of(&self, i: usize) -> usize {
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
    /// Whether `i` is, or lies inside, a site header, footer or navigation block
    /// (by tag or ARIA landmark role), below `body`. An `<article>` or `<main>`
    /// ends the search: a header there is the article's own.
    pub(super) fn in_page_furniture(&self, i: usize, body: usize) -> bool {
        let flat = self.flat;
        let mut current = i as u32;
        while current != NONE && current as usize != body {
            let c = current as usize;
            if c != i && is_main_tag(flat.nodes[c].name) {
                return false;
            }
            if is_site_furniture(flat, c) {
                return true;
            }
            current = flat.nodes[c].parent;
        }
        false
    }
    /// Characters of the text `removed` keeps under `root` that lie outside the
    /// site's header, footer and navigation ([`Self::in_page_furniture`]).
    pub(super) fn text_outside_furniture(&self, root: usize, removed: &[bool], body: usize) -> u32 {
        let flat = self.flat;
        let end = flat.nodes[root].end as usize;
        // Below an article or main element, nothing is site furniture.
        let mut up = if root == body {
            NONE
        } else {
            flat.nodes[root].parent
        };
        while up != NONE && up as usize != body {
            if is_main_tag(flat.nodes[up as usize].name) {
                return self.hard_text[root];
            }
            up = flat.nodes[up as usize].parent;
        }
        let (mut chars, mut main_end, mut i) = (0u32, root, root);
        while i < end {
            let node = &flat.nodes[i];
            if removed[i] || (i >= main_end && is_site_furniture(flat, i)) {
                i = node.end as usize;
                continue;
            }
            if i >= main_end && matches!(node.name, "main" | "article") {
                main_end = node.end as usize;
            }
            if node.kind == Kind::Text {
                chars = chars.saturating_add(self.own_chars[i]);
            }
            i += 1;
        }
        chars
    }
}
