//! End-to-end tests: the real roles against the fixture news web, the real RabbitMQ and
//! PostgreSQL (or the embedded wiring), judged from the server's request log.

mod binary;
mod distributed;
mod embedded;
mod faults;
mod poison;
mod ssrf;
mod support;
