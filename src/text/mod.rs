//! Text analysis: pure functions from an article's text and publication date to annotations.
//!
//! Architecture invariant: nothing here touches the database, the file system or the clock, and
//! nothing here fails: odd text gives fewer annotations, never an error.

pub mod analysis;
pub mod date;
pub mod event_codes;
pub mod lexicon;
pub mod officeholders;
pub mod temporal;
pub mod tokens;

pub use date::{PartialDate, Precision};
pub use lexicon::Lexicon;
