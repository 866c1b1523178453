//! The HTTP side: one listener per host, every request logged.

use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use http_body_util::Full;
use hyper::body::Bytes;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use super::{Response, Routes};

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Request {
    /// The host's IP.
    pub host: String,
    /// Path and query.
    pub path: String,
    /// User-Agent sent.
    pub user_agent: String,
    /// When the request arrived.
    pub start: Instant,
    /// When the response was handed to the connection.
    pub end: Instant,
}

pub(super) async fn serve(
    listener: TcpListener,
    index: usize,
    ip: String,
    routes: Arc<Routes>,
    log: Arc<Mutex<Vec<Request>>>,
    stop: CancellationToken,
) {
    loop {
        let stream = tokio::select! {
            () = stop.cancelled() => return,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(_) => continue,
            },
        };
        let (routes, log, ip, stop) = (
            Arc::clone(&routes),
            Arc::clone(&log),
            ip.clone(),
            stop.clone(),
        );
        tokio::spawn(async move {
            let service = service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
                let start = Instant::now();
                let path = req
                    .uri()
                    .path_and_query()
                    .map_or_else(|| "/".to_owned(), |p| p.as_str().to_owned());
                let user_agent = req
                    .headers()
                    .get("user-agent")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("")
                    .to_owned();
                let response = routes
                    .get(&(index, path.clone()))
                    .map_or_else(not_found, Response::next);
                let mut builder = hyper::Response::builder().status(response.status);
                for (name, value) in &response.headers {
                    builder = builder.header(*name, value);
                }
                let built = builder
                    .body(Full::new(Bytes::from(response.body)))
                    .unwrap_or_default();
                log.lock().unwrap_or_else(|p| p.into_inner()).push(Request {
                    host: ip.clone(),
                    path,
                    user_agent,
                    start,
                    end: Instant::now(),
                });
                async move { Ok::<_, Infallible>(built) }
            });
            let conn = http1::Builder::new().serve_connection(TokioIo::new(stream), service);
            tokio::select! {
                _ = conn => {}
                () = stop.cancelled() => {}
            }
        });
    }
}

fn not_found() -> Response {
    Response {
        status: 404,
        headers: vec![("content-type", "text/html".into())],
        body: b"<html><body>not found</body></html>".to_vec(),
        flaky: None,
    }
}
