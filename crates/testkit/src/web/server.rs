//! The HTTP side: one listener per host, every request logged.

use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt, Full, StreamBody};
use hyper::body::{Bytes, Frame};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use super::{Response, Routes};

/// How long a trickled body goes on at most.
const TRICKLE_FOR: Duration = Duration::from_secs(60);

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

/// A trickled body, from the request's arrival to the moment it ended: sent in full, or
/// dropped because the client went away.
#[derive(Debug, Clone)]
pub struct Stream {
    /// Path and query.
    pub path: String,
    /// When the request arrived.
    pub start: Instant,
    /// When the body ended.
    pub end: Instant,
}

pub(super) struct Host {
    pub index: usize,
    pub ip: String,
}

#[derive(Clone)]
pub(super) struct Logs {
    pub requests: Arc<Mutex<Vec<Request>>>,
    pub streams: Arc<Mutex<Vec<Stream>>>,
}

type Body = BoxBody<Bytes, Infallible>;

pub(super) async fn serve(
    listener: TcpListener,
    host: Host,
    routes: Arc<Routes>,
    logs: Logs,
    stop: CancellationToken,
) {
    let host = Arc::new(host);
    loop {
        let stream = tokio::select! {
            () = stop.cancelled() => return,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(_) => continue,
            },
        };
        let (routes, logs, host, stop) = (
            Arc::clone(&routes),
            logs.clone(),
            Arc::clone(&host),
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
                    .get(&(host.index, path.clone()))
                    .map_or_else(not_found, Response::next);
                let mut builder = hyper::Response::builder().status(response.status);
                for (name, value) in &response.headers {
                    builder = builder.header(*name, value);
                }
                let body = match response.trickle {
                    Some(pause) => trickle(response.body, pause, &path, start, &logs.streams),
                    None => Full::new(Bytes::from(response.body)).boxed(),
                };
                let built = builder
                    .body(body)
                    .unwrap_or_else(|_| hyper::Response::new(Full::default().boxed()));
                logs.requests
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push(Request {
                        host: host.ip.clone(),
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

/// Records when a trickled body ends, however it ends.
struct EndGuard {
    stream: Option<Stream>,
    log: Arc<Mutex<Vec<Stream>>>,
}

impl Drop for EndGuard {
    fn drop(&mut self) {
        if let Some(mut stream) = self.stream.take() {
            stream.end = Instant::now();
            self.log
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(stream);
        }
    }
}

fn trickle(
    body: Vec<u8>,
    pause: Duration,
    path: &str,
    start: Instant,
    log: &Arc<Mutex<Vec<Stream>>>,
) -> Body {
    let guard = EndGuard {
        stream: Some(Stream {
            path: path.to_owned(),
            start,
            end: start,
        }),
        log: Arc::clone(log),
    };
    let body = Bytes::from(if body.is_empty() { vec![b' '] } else { body });
    let chunks = futures_util::stream::unfold((0usize, guard), move |(at, guard)| {
        let body = body.clone();
        async move {
            if start.elapsed() >= TRICKLE_FOR {
                return None;
            }
            tokio::time::sleep(pause).await;
            let from = at % body.len();
            let chunk = body.slice(from..(from + 16).min(body.len()));
            Some((Ok::<_, Infallible>(Frame::data(chunk)), (from + 16, guard)))
        }
    });
    StreamBody::new(chunks).boxed()
}

fn not_found() -> Response {
    Response {
        status: 404,
        headers: vec![("content-type", "text/html".into())],
        body: b"<html><body>not found</body></html>".to_vec(),
        flaky: None,
        trickle: None,
    }
}
