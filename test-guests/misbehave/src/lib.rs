//! A test-only extractor component that misbehaves on request, so the host's limits can
//! be proven against a real guest: the trigger words in the `html` argument pick the
//! failure. Never shipped: only `cargo xtask build` composes it into a test app.

use std::hint::black_box;

wit_bindgen::generate!({
    path: "../../wit",
    world: "extractor",
});

use exports::riptide::extractor::extract::{
    ComponentInfo, ExtractedContent, ExtractionError, ExtractionMode, ExtractionStats, Guest,
    HealthStatus,
};

fn misbehave(html: &str) {
    if html.contains("riptide-test:loop") {
        let mut n: u64 = 0;
        loop {
            n = black_box(n.wrapping_add(1));
        }
    }
    if html.contains("riptide-test:alloc") {
        let mut hoard: Vec<Vec<u8>> = Vec::new();
        loop {
            hoard.push(vec![1u8; 1 << 20]);
            black_box(&hoard);
        }
    }
    if html.contains("riptide-test:trap") {
        panic!("riptide-test:trap requested");
    }
}

fn ok_content(url: String) -> ExtractedContent {
    ExtractedContent {
        url,
        title: Some("ok".to_string()),
        byline: None,
        published_iso: None,
        markdown: "ok".to_string(),
        text: "ok".to_string(),
        links: Vec::new(),
        media: Vec::new(),
        language: None,
        reading_time: Some(1),
        quality_score: Some(1),
        word_count: Some(1),
        categories: Vec::new(),
        site_name: None,
        description: None,
    }
}

struct Misbehave;

impl Guest for Misbehave {
    fn extract(
        html: String,
        url: String,
        _mode: ExtractionMode,
    ) -> Result<ExtractedContent, ExtractionError> {
        misbehave(&html);
        Ok(ok_content(url))
    }

    fn extract_with_stats(
        html: String,
        url: String,
        _mode: ExtractionMode,
    ) -> Result<(ExtractedContent, ExtractionStats), ExtractionError> {
        misbehave(&html);
        let stats = ExtractionStats {
            processing_time_ms: 0,
            memory_used: core::arch::wasm32::memory_size(0) as u64 * 65_536,
            nodes_processed: None,
            links_found: 0,
            images_found: 0,
        };
        Ok((ok_content(url), stats))
    }

    fn validate_html(html: String) -> Result<bool, ExtractionError> {
        misbehave(&html);
        Ok(true)
    }

    fn health_check() -> HealthStatus {
        HealthStatus {
            status: "healthy".to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            extractor_version: "misbehave".to_string(),
            capabilities: Vec::new(),
            memory_usage: None,
            extraction_count: None,
        }
    }

    fn get_info() -> ComponentInfo {
        ComponentInfo {
            name: env!("CARGO_PKG_NAME").to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            component_model_version: "0.2.0".to_string(),
            features: vec!["misbehave".to_string()],
            supported_modes: Vec::new(),
            build_timestamp: None,
            git_commit: None,
        }
    }

    fn reset_state() -> Result<String, ExtractionError> {
        Ok("nothing to reset".to_string())
    }
}

export!(Misbehave);
