//! End-to-end tests: each runs the real `dipkb` binary against a temporary database.

mod actors;
mod bounded_reading;
mod dates;
mod docs;
mod extract;
mod help;
mod html;
mod ingest;
mod knowledge;
mod metadata;
mod officeholders;
mod opening;
mod order;
mod pathological;
mod progress;
mod query;
mod readme;
mod reliability;
mod search_terms;
mod system_sqlite;
mod terminal;
mod turns;
mod util;
