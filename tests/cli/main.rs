//! End-to-end tests: each runs the real `dipkb` binary against a temporary database.

mod actors;
mod docs;
mod extract;
mod ingest;
mod knowledge;
mod order;
mod pathological;
mod query;
mod reliability;
mod system_sqlite;
mod turns;
mod util;
