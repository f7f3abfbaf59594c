//! End-to-end tests: each runs the real `dipkb` binary against a temporary database.

mod actors;
mod docs;
mod extract;
mod help;
mod ingest;
mod knowledge;
mod query;
mod reliability;
mod system_sqlite;
mod util;
