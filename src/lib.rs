//! dipkb: an embedded knowledge base of diplomatic events.
//!
//! Data flows one way through the modules, in the order they are listed here: `source` reads
//! articles, `text` analyses them, `extract` turns the analysis into facts, `kb` stores facts in
//! SQLite, `query` reads them back and `render` prints rows. `cli` wires the stages to the command
//! line, and `eval` scores extraction against gold annotations. See ARCHITECTURE.md for the invariants each stage keeps.

pub mod cli;
pub mod eval;
pub mod extract;
pub mod kb;
pub mod query;
pub mod render;
pub mod source;
#[doc(hidden)]
pub mod synth;
pub mod text;

/// The version of dipkb, recorded with every article's facts so that `--reprocess` can tell
/// which articles an older extractor produced.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
