//! `riptide serve`: hyper 1 on tokio in front of the composed app. One
//! `ProxyPre` is built at start; each request gets its own `Store` with
//! WASI, WASI-HTTP, a memory limiter, a fuel budget and an epoch deadline.
//! `/metrics` and `/health/wasm` are answered by the host; every other path
//! goes to the component. The host only speaks for the guest when the guest
//! cannot: admission refusals (429/503), traps, timeouts, memory-limit hits.

pub mod guard;
pub mod metrics;
pub mod outbound;

use crate::engine::{self, wt, CacheStats, EpochTicker};
use crate::error::{error_json, HostError};
use crate::limits::{GuestLimiter, MemoryBudget};
use crate::settings::Settings;
use anyhow::Result;
use bytes::Bytes;
use guard::{Breaker, RateLimiter, Ticket};
use http::{HeaderValue, Request, Response, StatusCode};
use http_body_util::BodyExt;
use hyper::body::Incoming;
use metrics::{route_label, Gauges, Metrics};
use outbound::{full_body, OutboundHooks, OutboundPolicy};
use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tracing::Instrument;
use wasmtime::component::{Linker, ResourceTable};
use wasmtime::{Engine, Store, UpdateDeadline};
use wasmtime_wasi::{WasiCtx, WasiCtxBuilder, WasiCtxView, WasiView};
use wasmtime_wasi_http::p2::bindings::http::types::Scheme;
use wasmtime_wasi_http::p2::bindings::ProxyPre;
use wasmtime_wasi_http::{WasiBody, WasiHttpCtx, WasiHttpCtxView, WasiHttpView};

/// Store data for one request.
pub struct HttpState {
    wasi: WasiCtx,
    http: WasiHttpCtx,
    table: ResourceTable,
    hooks: OutboundHooks,
    limiter: GuestLimiter,
}

impl WasiView for HttpState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

impl WasiHttpView for HttpState {
    fn http(&mut self) -> WasiHttpCtxView<'_> {
        WasiHttpCtxView {
            hooks: &mut self.hooks,
            table: &mut self.table,
            ctx: &mut self.http,
        }
    }
}

/// Everything the request handlers share.
pub struct App {
    settings: Settings,
    engine: Engine,
    pre: ProxyPre<HttpState>,
    outbound: Arc<OutboundPolicy>,
    budget: Arc<MemoryBudget>,
    in_flight: Arc<Semaphore>,
    max_in_flight: usize,
    breaker: Breaker,
    rate: RateLimiter,
    metrics: Metrics,
    cache: CacheStats,
    live_instances: Arc<AtomicU64>,
    next_id: AtomicU64,
    _ticker: EpochTicker,
}

impl App {
    /// Configure the engine, load (or compile) the app and link it once.
    pub fn new(settings: Settings, app_path: &Path) -> Result<Arc<App>> {
        let engine = engine::build_engine(&settings)?;
        let cache = CacheStats::default();
        let component =
            engine::load_component(&engine, app_path, settings.cache_dir.as_deref(), &cache)?;
        let mut linker: Linker<HttpState> = Linker::new(&engine);
        // The full wasi:cli set, not just the proxy world: Rust std on wasip2
        // imports environment, exit and terminal-* as well.
        wasmtime_wasi::p2::add_to_linker_async(&mut linker).map_err(wt)?;
        wasmtime_wasi_http::p2::add_only_http_to_linker_async(&mut linker).map_err(wt)?;
        let pre = ProxyPre::new(linker.instantiate_pre(&component).map_err(wt)?).map_err(wt)?;
        // Every admitted request holds an instance slot; never admit more
        // than the pooling allocator can hold.
        let max_in_flight = settings.max_in_flight.min(settings.max_instances as usize);
        if max_in_flight < settings.max_in_flight {
            tracing::warn!(max_in_flight, "--max-in-flight lowered to --max-instances");
        }
        Ok(Arc::new(App {
            outbound: Arc::new(OutboundPolicy::from_settings(&settings)?),
            budget: MemoryBudget::new(settings.memory_budget_bytes, settings.memory_shed_percent),
            in_flight: Arc::new(Semaphore::new(max_in_flight)),
            max_in_flight,
            breaker: Breaker::new(settings.breaker_failures, settings.breaker_cooldown),
            rate: RateLimiter::new(settings.rate_limit_per_min, settings.rate_limit_loopback),
            metrics: Metrics::default(),
            cache,
            live_instances: Arc::new(AtomicU64::new(0)),
            next_id: AtomicU64::new(0),
            _ticker: EpochTicker::start(&engine)?,
            engine,
            pre,
            settings,
        }))
    }

    /// Accept connections until `shutdown` resolves.
    pub async fn serve(
        self: Arc<Self>,
        listener: tokio::net::TcpListener,
        shutdown: impl std::future::Future<Output = ()>,
    ) -> Result<()> {
        tokio::pin!(shutdown);
        loop {
            let (stream, peer) = tokio::select! {
                r = listener.accept() => match r {
                    Ok(c) => c,
                    Err(e) => {
                        // Out of file descriptors and the like: back off, keep serving.
                        tracing::warn!(error = %e, "accept failed");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                },
                _ = &mut shutdown => return Ok(()),
            };
            let app = self.clone();
            tokio::spawn(async move {
                let service = hyper::service::service_fn(move |req| {
                    let app = app.clone();
                    async move { Ok::<_, Infallible>(app.handle(peer, req).await) }
                });
                let conn = hyper::server::conn::http1::Builder::new()
                    .keep_alive(true)
                    .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
                if let Err(e) = conn.await {
                    tracing::debug!(error = %e, "connection ended with an error");
                }
            });
        }
    }

    async fn handle(
        self: Arc<Self>,
        peer: SocketAddr,
        req: Request<Incoming>,
    ) -> Response<WasiBody> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed) + 1;
        let started = Instant::now();
        let route = route_label(req.uri().path());
        let span =
            tracing::info_span!("request", id, method = %req.method(), path = %req.uri().path());
        let mut resp = self.dispatch(peer, req, started).instrument(span).await;
        let status = resp.status().as_u16();
        let took = started.elapsed();
        self.metrics.observe(route, status, took);
        if let Ok(v) = HeaderValue::from_str(&id.to_string()) {
            resp.headers_mut().insert("x-request-id", v);
        }
        tracing::info!(
            id,
            route,
            status,
            ms = took.as_millis() as u64,
            "request done"
        );
        resp
    }

    async fn dispatch(
        self: &Arc<Self>,
        peer: SocketAddr,
        req: Request<Incoming>,
        started: Instant,
    ) -> Response<WasiBody> {
        let path = req.uri().path();
        if path == "/metrics" || path == "/health/wasm" {
            if req.method() != http::Method::GET {
                return json_response(
                    StatusCode::METHOD_NOT_ALLOWED,
                    &error_json("method-not-allowed", "use GET", false),
                    None,
                );
            }
            return if path == "/metrics" {
                let mut r = Response::new(full_body(self.metrics.render(&self.gauges())));
                r.headers_mut().insert(
                    http::header::CONTENT_TYPE,
                    HeaderValue::from_static("text/plain; version=0.0.4"),
                );
                r
            } else {
                json_response(StatusCode::OK, &self.health_json(), None)
            };
        }

        if path == "/health" && req.method() == http::Method::GET {
            let (parts, _) = req.into_parts();
            return self.health(parts, started).await;
        }

        if let Err(wait) = self.rate.check(peer.ip()) {
            self.metrics.rate_limited.fetch_add(1, Ordering::Relaxed);
            return refusal(
                StatusCode::TOO_MANY_REQUESTS,
                "rate-limited",
                "too many requests from this client",
                wait,
            );
        }
        let ticket = match self.breaker.admit() {
            Ok(t) => t,
            Err(wait) => {
                self.metrics
                    .breaker_rejected
                    .fetch_add(1, Ordering::Relaxed);
                return refusal(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "circuit-open",
                    "the extractor is failing; circuit breaker open",
                    wait,
                );
            }
        };
        if self.budget.under_pressure() {
            self.breaker.abandon(ticket);
            self.metrics.shed_memory.fetch_add(1, Ordering::Relaxed);
            return refusal(
                StatusCode::SERVICE_UNAVAILABLE,
                "overloaded",
                "guest memory budget nearly exhausted",
                Duration::from_secs(1),
            );
        }
        let Ok(permit) = self.in_flight.clone().try_acquire_owned() else {
            self.breaker.abandon(ticket);
            self.metrics.shed_overload.fetch_add(1, Ordering::Relaxed);
            return refusal(
                StatusCode::SERVICE_UNAVAILABLE,
                "overloaded",
                "too many requests in flight",
                Duration::from_secs(1),
            );
        };

        let (parts, body) = req.into_parts();
        let deadline = started + self.settings.timeout;
        let limit = self.settings.max_body_bytes;
        let body = match tokio::time::timeout_at(
            deadline.into(),
            http_body_util::Limited::new(body, limit).collect(),
        )
        .await
        {
            Ok(Ok(b)) => b.to_bytes(),
            Ok(Err(e)) => {
                self.breaker.abandon(ticket);
                let too_big = e
                    .downcast_ref::<http_body_util::LengthLimitError>()
                    .is_some();
                return if too_big {
                    json_response(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        &error_json(
                            "resource-limit",
                            &format!("request body exceeds {limit} bytes"),
                            false,
                        ),
                        None,
                    )
                } else {
                    json_response(
                        StatusCode::BAD_REQUEST,
                        &error_json("invalid-html", &format!("reading body: {e}"), false),
                        None,
                    )
                };
            }
            Err(_) => {
                self.breaker.abandon(ticket);
                return HostError::Timeout(ms(self.settings.timeout)).into_response();
            }
        };

        let slow_url = SlowUrl::new(&parts.uri, &body);
        let result = self
            .run_guest(parts, body.clone(), deadline, permit, ticket)
            .await;
        let took = started.elapsed();
        if took > self.settings.slow {
            tracing::warn!(url = %slow_url.resolve(&body), ms = took.as_millis() as u64, "slow extraction");
        }
        match result {
            Ok(resp) => resp,
            Err(e) => {
                tracing::warn!(error = %e, "guest failed");
                e.into_response()
            }
        }
    }

    /// `GET /health`: the component's own health-check merged with the
    /// host's view (breaker, pool, memory). Not rate limited, so a load
    /// balancer's probes are never refused as a client; 503 whenever the host
    /// would refuse work, so the balancer routes around this instance.
    async fn health(
        self: &Arc<Self>,
        parts: http::request::Parts,
        started: Instant,
    ) -> Response<WasiBody> {
        let host = self.health_json();
        let mut refused = None;
        let admitted = match self.breaker.untracked().ok_or(()) {
            Err(()) => {
                refused = Some("circuit breaker open");
                None
            }
            Ok(ticket) if self.budget.under_pressure() => {
                self.breaker.abandon(ticket);
                refused = Some("guest memory budget nearly exhausted");
                None
            }
            Ok(ticket) => match self.in_flight.clone().try_acquire_owned() {
                Ok(permit) => Some((ticket, permit)),
                Err(_) => {
                    self.breaker.abandon(ticket);
                    refused = Some("too many requests in flight");
                    None
                }
            },
        };
        let component = match admitted {
            None => None,
            Some((ticket, permit)) => {
                let deadline = started + self.settings.timeout;
                match self
                    .run_guest(parts, Bytes::new(), deadline, permit, ticket)
                    .await
                {
                    Ok(resp) => {
                        let body = tokio::time::timeout_at(
                            deadline.into(),
                            http_body_util::Limited::new(resp.into_body(), 64 * 1024).collect(),
                        )
                        .await;
                        match body {
                            Ok(Ok(b)) => match serde_json::from_slice(&b.to_bytes()) {
                                Ok(v) => Some(v),
                                Err(e) => {
                                    refused = Some("component health is not JSON");
                                    tracing::warn!(error = %e, "component /health is not JSON");
                                    None
                                }
                            },
                            _ => {
                                refused = Some("component health did not complete");
                                None
                            }
                        }
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "component /health failed");
                        refused = Some("component health-check failed");
                        None
                    }
                }
            }
        };
        let (status, mut body) = merge_health(component, host, refused);
        let code = if status == "unhealthy" {
            StatusCode::SERVICE_UNAVAILABLE
        } else {
            StatusCode::OK
        };
        body["status"] = status.into();
        let retry = (code == StatusCode::SERVICE_UNAVAILABLE).then_some(Duration::from_secs(1));
        json_response(code, &body, retry)
    }

    /// Run the component on one request, in its own store.
    async fn run_guest(
        self: &Arc<Self>,
        parts: http::request::Parts,
        body: Bytes,
        deadline: Instant,
        permit: OwnedSemaphorePermit,
        ticket: Ticket,
    ) -> Result<Response<WasiBody>, HostError> {
        let timeout_ms = ms(self.settings.timeout);
        let fuel = self.settings.fuel;
        let mut store = match self.new_store(deadline) {
            Ok(s) => s,
            Err(e) => {
                self.breaker.abandon(ticket);
                return Err(HostError::Internal(format!("{e:?}")));
            }
        };
        let req = Request::from_parts(parts, full_body(body));
        let (tx, rx) = tokio::sync::oneshot::channel();
        let handles = (|| -> wasmtime::Result<_> {
            let mut http = store.data_mut().http();
            let req = http.new_incoming_request(Scheme::Http, req)?;
            let out = http.new_response_outparam(tx)?;
            Ok((req, out))
        })();
        let (req, out) = match handles {
            Ok(h) => h,
            Err(e) => {
                self.breaker.abandon(ticket);
                return Err(HostError::Internal(format!("{e:?}")));
            }
        };
        let pre = self.pre.clone();
        let live = self.live_instances.clone();
        live.fetch_add(1, Ordering::Relaxed);
        let mut task = tokio::spawn(async move {
            let result = async {
                let proxy = pre.instantiate_async(&mut store).await?;
                proxy
                    .wasi_http_incoming_handler()
                    .call_handle(&mut store, req, out)
                    .await
            }
            .await;
            drop(store);
            live.fetch_sub(1, Ordering::Relaxed);
            result
        });

        // A little past the epoch deadline, so a CPU-bound guest is stopped by
        // its own interrupt; this outer limit catches a guest waiting on I/O.
        let outer = deadline + engine::EPOCH_TICK * 5;
        let outcome = tokio::time::timeout_at(outer.into(), async {
            match rx.await {
                Ok(Ok(resp)) => Ok(resp),
                Ok(Err(code)) => Err(HostError::Internal(format!(
                    "guest answered with error code {code:?}"
                ))),
                // The guest ended without answering: its result says why.
                Err(_) => match (&mut task).await {
                    Ok(Err(e)) => Err(HostError::from_wasmtime(&e, timeout_ms, fuel, false)),
                    Ok(Ok(())) => Err(HostError::Internal("guest sent no response".into())),
                    Err(e) => Err(HostError::Internal(format!("guest task failed: {e}"))),
                },
            }
        })
        .await;

        match outcome {
            Ok(Ok(resp)) => {
                // The body may still be streaming from the guest; keep the
                // permit and the verdict until the guest has finished.
                let app = self.clone();
                tokio::spawn(async move {
                    let verdict = match tokio::time::timeout_at(outer.into(), &mut task).await {
                        Ok(Ok(Ok(()))) => None,
                        Ok(Ok(Err(e))) => {
                            Some(HostError::from_wasmtime(&e, timeout_ms, fuel, false))
                        }
                        Ok(Err(e)) => Some(HostError::Internal(format!("guest task failed: {e}"))),
                        Err(_) => {
                            task.abort();
                            Some(HostError::Timeout(timeout_ms))
                        }
                    };
                    if let Some(e) = &verdict {
                        tracing::warn!(error = %e, "guest failed after sending its response");
                        app.count(e);
                    }
                    app.breaker.record(
                        ticket,
                        verdict.as_ref().is_some_and(HostError::is_guest_failure),
                    );
                    drop(permit);
                });
                Ok(resp)
            }
            Ok(Err(e)) => {
                self.count(&e);
                self.breaker.record(ticket, e.is_guest_failure());
                drop(permit);
                Err(e)
            }
            Err(_) => {
                task.abort();
                let e = HostError::Timeout(timeout_ms);
                self.count(&e);
                self.breaker.record(ticket, true);
                drop(permit);
                Err(e)
            }
        }
    }

    fn new_store(&self, deadline: Instant) -> Result<Store<HttpState>> {
        let wasi = WasiCtxBuilder::new()
            .inherit_stderr()
            .allow_tcp(false)
            .allow_udp(false)
            .allow_ip_name_lookup(false)
            .build();
        let state = HttpState {
            wasi,
            http: WasiHttpCtx::new(),
            table: ResourceTable::new(),
            hooks: OutboundHooks {
                policy: self.outbound.clone(),
            },
            limiter: GuestLimiter::new(self.settings.max_memory_bytes, self.budget.clone()),
        };
        let mut store = Store::new(&self.engine, state);
        store.limiter(|s| &mut s.limiter);
        if let Some(fuel) = self.settings.fuel {
            store.set_fuel(fuel).map_err(wt)?;
        }
        // Check the clock every tick: yield to other tasks until the deadline,
        // then interrupt the guest.
        store.set_epoch_deadline(1);
        store.epoch_deadline_callback(move |_| {
            Ok(if Instant::now() >= deadline {
                UpdateDeadline::Interrupt
            } else {
                UpdateDeadline::Yield(1)
            })
        });
        Ok(store)
    }

    fn count(&self, e: &HostError) {
        let m = &self.metrics;
        let counter = match e {
            HostError::Trap { .. } => &m.traps,
            HostError::Timeout(_) => &m.timeouts,
            HostError::OutOfFuel(_) => &m.fuel_exhausted,
            HostError::MemoryLimit(_) => &m.memory_limit_hits,
            _ => return,
        };
        counter.fetch_add(1, Ordering::Relaxed);
    }

    fn gauges(&self) -> Gauges {
        let in_use = self.live_instances.load(Ordering::Relaxed);
        Gauges {
            in_flight: (self.max_in_flight - self.in_flight.available_permits()) as u64,
            max_in_flight: self.max_in_flight as u64,
            instances_in_use: in_use,
            instances_idle: u64::from(self.settings.max_instances).saturating_sub(in_use),
            memory_used: self.budget.used(),
            memory_budget: self.budget.total(),
            breaker_state: self.breaker.state().as_gauge(),
            cache_hits: self.cache.hits.load(Ordering::Relaxed),
            cache_misses: self.cache.misses.load(Ordering::Relaxed),
        }
    }

    fn health_json(&self) -> serde_json::Value {
        let g = self.gauges();
        let breaker = self.breaker.snapshot();
        let pressure = self.budget.under_pressure();
        let status = if breaker.state == "closed" && !pressure {
            "healthy"
        } else {
            "degraded"
        };
        let load = |a: &AtomicU64| a.load(Ordering::Relaxed);
        let m = &self.metrics;
        serde_json::json!({
            "status": status,
            "breaker": breaker,
            "instances": {
                "max": self.settings.max_instances,
                "in_use": g.instances_in_use,
                "idle": g.instances_idle,
            },
            "in_flight": {"current": g.in_flight, "max": g.max_in_flight},
            "memory": {
                "used_bytes": g.memory_used,
                "budget_bytes": g.memory_budget,
                "shed_percent": self.settings.memory_shed_percent,
                "under_pressure": pressure,
                "per_instance_cap_bytes": self.settings.max_memory_bytes,
            },
            "limits": {
                "timeout_ms": ms(self.settings.timeout),
                "fuel": self.settings.fuel,
                "max_body_bytes": self.settings.max_body_bytes,
            },
            "cache": {"hits": g.cache_hits, "misses": g.cache_misses},
            "counters": {
                "traps": load(&m.traps),
                "timeouts": load(&m.timeouts),
                "fuel_exhausted": load(&m.fuel_exhausted),
                "memory_limit_hits": load(&m.memory_limit_hits),
                "shed_overload": load(&m.shed_overload),
                "shed_memory_pressure": load(&m.shed_memory),
                "rate_limited": load(&m.rate_limited),
                "breaker_rejected": load(&m.breaker_rejected),
            },
        })
    }
}

/// The component's health record (when it answered) plus a `host` object.
/// Status: `unhealthy` when the host refuses work or the component could not
/// answer; `degraded` when either side says so (breaker half-open, a
/// component that reports degraded); else `healthy`.
fn merge_health(
    component: Option<serde_json::Value>,
    host: serde_json::Value,
    refused: Option<&str>,
) -> (&'static str, serde_json::Value) {
    // The host's own status is "healthy" only with the breaker closed and no
    // memory pressure, so a half-open breaker already reads "degraded" here.
    let host_status = host["status"].as_str().unwrap_or("degraded");
    let status = match (&component, refused) {
        (_, Some(_)) | (None, _) => "unhealthy",
        (Some(c), None) => {
            if c["status"] == "healthy" && host_status == "healthy" {
                "healthy"
            } else {
                "degraded"
            }
        }
    };
    let mut body = match component {
        Some(serde_json::Value::Object(map)) => serde_json::Value::Object(map),
        Some(other) => serde_json::json!({ "component": other }),
        None => serde_json::json!({}),
    };
    if let Some(reason) = refused {
        body["reason"] = reason.into();
    }
    body["host"] = host;
    (status, body)
}

impl HostError {
    fn into_response(self) -> Response<WasiBody> {
        let status =
            StatusCode::from_u16(self.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let retry_after =
            (status == StatusCode::SERVICE_UNAVAILABLE).then_some(Duration::from_secs(1));
        json_response(status, &self.to_json(), retry_after)
    }
}

/// The page URL for the slow-extraction log: from `?url=` when present,
/// else (only when actually logging) from the JSON body.
struct SlowUrl(Option<String>);

impl SlowUrl {
    fn new(uri: &http::Uri, _body: &Bytes) -> Self {
        let from_query = uri.query().and_then(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .find(|(k, _)| k == "url")
                .map(|(_, v)| v.into_owned())
        });
        SlowUrl(from_query)
    }

    fn resolve(self, body: &Bytes) -> String {
        #[derive(serde::Deserialize)]
        struct UrlOnly {
            url: Option<String>,
        }
        self.0
            .or_else(|| {
                serde_json::from_slice::<UrlOnly>(body)
                    .ok()
                    .and_then(|u| u.url)
            })
            .unwrap_or_else(|| "-".into())
    }
}

fn ms(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

fn json_response(
    status: StatusCode,
    value: &serde_json::Value,
    retry_after: Option<Duration>,
) -> Response<WasiBody> {
    let mut r = Response::new(full_body(value.to_string()));
    *r.status_mut() = status;
    r.headers_mut().insert(
        http::header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Some(wait) = retry_after {
        let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
        if let Ok(v) = HeaderValue::from_str(&secs.max(1).to_string()) {
            r.headers_mut().insert(http::header::RETRY_AFTER, v);
        }
    }
    r
}

fn refusal(status: StatusCode, kind: &str, message: &str, wait: Duration) -> Response<WasiBody> {
    json_response(status, &error_json(kind, message, true), Some(wait))
}

/// Bind, print the address (stdout, one line, for scripts and tests) and
/// serve until Ctrl-C.
pub async fn run(settings: Settings, app_path: &Path, listen: SocketAddr) -> Result<()> {
    let app = App::new(settings, app_path)?;
    let listener = tokio::net::TcpListener::bind(listen).await?;
    let addr = listener.local_addr()?;
    println!("riptide listening on http://{addr}");
    use std::io::Write as _;
    let _ = std::io::stdout().flush();
    tracing::info!(%addr, "serving");
    app.serve(listener, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
}
