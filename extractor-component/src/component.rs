//! The `riptide:extractor/extract` export: a thin mapping from the WIT types onto the
//! engine. Per-instance state (counters) lives here because a host may reuse one
//! instance for many calls; `reset-state` clears it.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::{ExtractError, Extracted, Mode};

wit_bindgen::generate!({
    path: "../wit",
    world: "extractor",
});

use exports::riptide::extractor::extract::{
    ComponentInfo, ExtractedContent, ExtractionError, ExtractionMode, ExtractionStats, Guest,
    HealthStatus,
};

static EXTRACTIONS: AtomicU64 = AtomicU64::new(0);
static FAILURES: AtomicU64 = AtomicU64::new(0);

const WASM_PAGE: u64 = 65_536;

/// Bytes of linear memory this instance holds: what the host charges against its limit.
fn linear_memory_bytes() -> u64 {
    core::arch::wasm32::memory_size(0) as u64 * WASM_PAGE
}

fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

fn mode_from_wit(mode: ExtractionMode) -> Mode {
    match mode {
        ExtractionMode::Article => Mode::Article,
        ExtractionMode::Full => Mode::Full,
        ExtractionMode::Metadata => Mode::Metadata,
        ExtractionMode::Custom(selectors) => Mode::Custom(selectors),
    }
}

fn content_to_wit(c: Extracted) -> ExtractedContent {
    ExtractedContent {
        url: c.url,
        title: c.title,
        byline: c.byline,
        published_iso: c.published_iso,
        markdown: c.markdown,
        text: c.text,
        links: c.links,
        media: c.media,
        language: c.language,
        reading_time: c.reading_time,
        quality_score: c.quality_score,
        word_count: c.word_count,
        categories: c.categories,
        site_name: c.site_name,
        description: c.description,
    }
}

fn error_to_wit(e: ExtractError) -> ExtractionError {
    match e {
        ExtractError::InvalidHtml(m) => ExtractionError::InvalidHtml(m),
        ExtractError::ParseError(m) => ExtractionError::ParseError(m),
        ExtractError::ResourceLimit(m) => ExtractionError::ResourceLimit(m),
        ExtractError::ExtractorError(m) => ExtractionError::ExtractorError(m),
        ExtractError::InternalError(m) => ExtractionError::InternalError(m),
        ExtractError::UnsupportedMode(m) => ExtractionError::UnsupportedMode(m),
    }
}

fn supported_modes() -> Vec<String> {
    ["article", "full", "metadata", "custom"]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

fn run(
    html: String,
    url: String,
    mode: ExtractionMode,
) -> Result<(ExtractedContent, ExtractionStats), ExtractionError> {
    let started = now_ms();
    let result = crate::extract_with_stats(&html, &url, &mode_from_wit(mode));
    // The input is the largest allocation; give it back before measuring memory.
    drop(html);
    EXTRACTIONS.fetch_add(1, Ordering::Relaxed);
    match result {
        Ok((content, stats)) => {
            let stats = ExtractionStats {
                processing_time_ms: now_ms().saturating_sub(started),
                memory_used: linear_memory_bytes(),
                nodes_processed: Some(stats.nodes_processed),
                links_found: stats.links_found,
                images_found: stats.images_found,
            };
            Ok((content_to_wit(content), stats))
        }
        Err(e) => {
            FAILURES.fetch_add(1, Ordering::Relaxed);
            Err(error_to_wit(e))
        }
    }
}

struct Component;

impl Guest for Component {
    fn extract(
        html: String,
        url: String,
        mode: ExtractionMode,
    ) -> Result<ExtractedContent, ExtractionError> {
        run(html, url, mode).map(|(content, _)| content)
    }

    fn extract_with_stats(
        html: String,
        url: String,
        mode: ExtractionMode,
    ) -> Result<(ExtractedContent, ExtractionStats), ExtractionError> {
        run(html, url, mode)
    }

    fn validate_html(html: String) -> Result<bool, ExtractionError> {
        crate::validate_html(&html).map_err(error_to_wit)
    }

    fn health_check() -> HealthStatus {
        let extractions = EXTRACTIONS.load(Ordering::Relaxed);
        let failures = FAILURES.load(Ordering::Relaxed);
        // Mostly-failing instances are worth recycling; say so rather than hide it.
        let degraded = extractions >= 10 && failures * 2 > extractions;
        HealthStatus {
            status: if degraded { "degraded" } else { "healthy" }.to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            extractor_version: concat!("riptide-engine ", env!("CARGO_PKG_VERSION")).to_string(),
            capabilities: supported_modes(),
            memory_usage: Some(linear_memory_bytes()),
            extraction_count: Some(extractions),
        }
    }

    fn get_info() -> ComponentInfo {
        ComponentInfo {
            name: env!("CARGO_PKG_NAME").to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            component_model_version: "0.2.0".to_string(),
            features: [
                "article-extraction",
                "full-page",
                "metadata-layers",
                "css-selectors",
                "markdown",
                "links-and-media",
                "language-detection",
                "quality-score",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect(),
            supported_modes: supported_modes(),
            build_timestamp: option_env!("RIPTIDE_BUILD_TIMESTAMP").map(str::to_string),
            git_commit: option_env!("RIPTIDE_GIT_COMMIT").map(str::to_string),
        }
    }

    fn reset_state() -> Result<String, ExtractionError> {
        let extractions = EXTRACTIONS.swap(0, Ordering::Relaxed);
        let failures = FAILURES.swap(0, Ordering::Relaxed);
        Ok(format!(
            "cleared counters: {extractions} extractions, {failures} failures"
        ))
    }
}

export!(Component);
