//! riptide's WASI-HTTP front door: JSON routes over the `riptide:extractor/extract`
//! interface, which composition (WAC) plugs with the extractor component.
//!
//! Everything that can be decided without wasi lives in [`api`] and is tested natively;
//! this file only moves bytes between wasi:http and those rules.

pub mod api;

#[cfg(target_arch = "wasm32")]
mod extractor {
    wit_bindgen::generate!({
        path: "../wit",
        world: "http-app",
    });
    pub use riptide::extractor::extract::*;
}

#[cfg(target_arch = "wasm32")]
mod serve {
    use super::{api, extractor};
    use api::{ApiError, ApiMode, BodyKind, ContentJson, Representation, Route, StatsJson};
    use extractor::{ExtractedContent, ExtractionError, ExtractionMode, ExtractionStats};
    use futures::StreamExt;
    use spin_sdk::http::{IncomingRequest, IncomingResponse, Request, Response};

    fn header(req: &IncomingRequest, name: &str) -> Option<String> {
        req.headers()
            .get(name)
            .into_iter()
            .next()
            .map(|v| String::from_utf8_lossy(&v).into_owned())
    }

    fn error_response(e: ApiError) -> Response {
        let mut b = Response::builder();
        b.status(e.status)
            .header("content-type", "application/json");
        if let Some(allow) = e.allow {
            b.header("allow", allow);
        }
        b.body(e.body()).build()
    }

    fn json_response(value: serde_json::Value) -> Response {
        Response::builder()
            .status(200)
            .header("content-type", "application/json")
            .body(value.to_string())
            .build()
    }

    /// Reads the body, stopping as soon as it passes `limit` so an oversized upload
    /// costs at most `limit` bytes of guest memory.
    async fn read_body(req: IncomingRequest, limit: usize) -> Result<Vec<u8>, ApiError> {
        let declared = header(&req, "content-length").and_then(|v| v.trim().parse::<usize>().ok());
        if declared.is_some_and(|n| n > limit) {
            return Err(ApiError::too_large(limit));
        }
        let mut body = Vec::new();
        let mut stream = req.into_body_stream();
        while let Some(chunk) = stream.next().await {
            let chunk = chunk
                .map_err(|e| ApiError::bad_request(format!("reading the body failed: {e:?}")))?;
            if body.len() + chunk.len() > limit {
                return Err(ApiError::too_large(limit));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    fn mode_to_wit(mode: ApiMode) -> ExtractionMode {
        match mode {
            ApiMode::Article => ExtractionMode::Article,
            ApiMode::Full => ExtractionMode::Full,
            ApiMode::Metadata => ExtractionMode::Metadata,
            ApiMode::Custom(s) => ExtractionMode::Custom(s),
        }
    }

    fn error_from_wit(e: ExtractionError) -> ApiError {
        let (kind, message) = match e {
            ExtractionError::InvalidHtml(m) => ("invalid-html", m),
            ExtractionError::NetworkError(m) => ("network-error", m),
            ExtractionError::ParseError(m) => ("parse-error", m),
            ExtractionError::ResourceLimit(m) => ("resource-limit", m),
            ExtractionError::ExtractorError(m) => ("extractor-error", m),
            ExtractionError::InternalError(m) => ("internal-error", m),
            ExtractionError::UnsupportedMode(m) => ("unsupported-mode", m),
        };
        ApiError::from_extraction(kind, message)
    }

    fn content_json(c: ExtractedContent) -> ContentJson {
        ContentJson {
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

    fn stats_json(s: ExtractionStats) -> StatsJson {
        StatsJson {
            processing_time_ms: s.processing_time_ms,
            memory_used: s.memory_used,
            nodes_processed: s.nodes_processed,
            links_found: s.links_found,
            images_found: s.images_found,
        }
    }

    /// Runs the extractor and shapes its answer as the client asked.
    fn extraction_response(
        html: &str,
        url: &str,
        mode: ApiMode,
        with_stats: bool,
        representation: Representation,
    ) -> Result<Response, ApiError> {
        let (content, stats) =
            extractor::extract_with_stats(html, url, &mode_to_wit(mode)).map_err(error_from_wit)?;
        let content = content_json(content);
        let (content_type, body) = match representation {
            Representation::Markdown => ("text/markdown; charset=utf-8", content.markdown),
            Representation::Text => ("text/plain; charset=utf-8", content.text),
            Representation::Json => {
                let value = if with_stats {
                    serde_json::json!({"content": content, "stats": stats_json(stats)})
                } else {
                    serde_json::json!(content)
                };
                ("application/json", value.to_string())
            }
        };
        Ok(Response::builder()
            .status(200)
            .header("content-type", content_type)
            .body(body)
            .build())
    }

    /// Fetches `url`, following redirects that pass the outbound policy.
    async fn fetch(mut url: url::Url) -> Result<(String, url::Url), ApiError> {
        for _ in 0..=api::MAX_REDIRECTS {
            api::check_outbound(&url)?;
            let request = Request::get(url.as_str())
                .header("user-agent", concat!("riptide/", env!("CARGO_PKG_VERSION")))
                .header("accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
                .build();
            let response: IncomingResponse = spin_sdk::http::send(request)
                .await
                .map_err(|e| ApiError::fetch_failed(format!("fetching {url} failed: {e}")))?;
            let status = response.status();
            let first = |name: &str| {
                response
                    .headers()
                    .get(name)
                    .into_iter()
                    .next()
                    .map(|v| String::from_utf8_lossy(&v).into_owned())
            };
            if (300..400).contains(&status) {
                let location = first("location").ok_or_else(|| {
                    ApiError::fetch_failed(format!("{url} answered {status} with no Location"))
                })?;
                url = url
                    .join(&location)
                    .map_err(|e| ApiError::fetch_failed(format!("bad redirect from {url}: {e}")))?;
                continue;
            }
            if !(200..300).contains(&status) {
                return Err(ApiError::fetch_failed(format!(
                    "{url} answered HTTP {status}"
                )));
            }
            let content_type = first("content-type");
            let mut body = Vec::new();
            let mut stream = response.take_body_stream();
            while let Some(chunk) = stream.next().await {
                let chunk = chunk
                    .map_err(|e| ApiError::fetch_failed(format!("reading {url} failed: {e:?}")))?;
                if body.len() + chunk.len() > api::MAX_FETCH_BYTES {
                    return Err(ApiError::fetch_failed(format!(
                        "{url} is over the {}-byte page limit",
                        api::MAX_FETCH_BYTES
                    )));
                }
                body.extend_from_slice(&chunk);
            }
            return Ok((api::decode_page(&body, content_type.as_deref()), url));
        }
        Err(ApiError::fetch_failed(format!(
            "more than {} redirects",
            api::MAX_REDIRECTS
        )))
    }

    async fn respond(req: IncomingRequest) -> Result<Response, ApiError> {
        let method = req.method().to_string();
        let path_and_query = req.path_with_query().unwrap_or_else(|| "/".to_string());
        let (path, query) = path_and_query
            .split_once('?')
            .unwrap_or((path_and_query.as_str(), ""));
        let (path, query) = (path.to_string(), query.to_string());
        let route = api::route(&method, &path)?;
        let representation = api::representation(header(&req, "accept").as_deref());
        let with_stats = api::query_param(&query, "stats").as_deref() == Some("true");
        match route {
            Route::Health => {
                let h = extractor::health_check();
                Ok(json_response(serde_json::json!({
                    "status": h.status,
                    "version": h.version,
                    "extractor_version": h.extractor_version,
                    "capabilities": h.capabilities,
                    "memory_usage": h.memory_usage,
                    "extraction_count": h.extraction_count,
                })))
            }
            Route::Info => {
                let i = extractor::get_info();
                Ok(json_response(serde_json::json!({
                    "name": i.name,
                    "version": i.version,
                    "component_model_version": i.component_model_version,
                    "features": i.features,
                    "supported_modes": i.supported_modes,
                    "build_timestamp": i.build_timestamp,
                    "git_commit": i.git_commit,
                })))
            }
            Route::Extract | Route::Validate => {
                let kind = api::body_kind(header(&req, "content-type").as_deref())?;
                let body = read_body(req, api::MAX_BODY_BYTES).await?;
                let parsed = api::parse_extract(kind, body, &query)?;
                if route == Route::Validate {
                    let valid = extractor::validate_html(&parsed.html).map_err(error_from_wit)?;
                    return Ok(json_response(serde_json::json!({ "valid": valid })));
                }
                extraction_response(
                    &parsed.html,
                    &parsed.url,
                    parsed.mode,
                    with_stats,
                    representation,
                )
            }
            Route::Crawl => {
                if let Some(ct) = header(&req, "content-type") {
                    if api::body_kind(Some(&ct))? != BodyKind::Json {
                        return Err(ApiError::unsupported_media(&ct));
                    }
                }
                let body = read_body(req, api::MAX_BODY_BYTES).await?;
                let crawl = api::parse_crawl(&body)?;
                let (html, final_url) = fetch(crawl.url).await?;
                extraction_response(
                    &html,
                    final_url.as_str(),
                    crawl.mode,
                    with_stats,
                    representation,
                )
            }
        }
    }

    #[spin_sdk::http_component]
    async fn handle(req: IncomingRequest) -> Response {
        match respond(req).await {
            Ok(response) => response,
            Err(e) => error_response(e),
        }
    }
}
