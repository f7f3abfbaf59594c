use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Context;

use crate::synth::Synth;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many articles.
    #[arg(long, default_value_t = 1000)]
    articles: usize,

    /// The same seed always gives the same corpus.
    #[arg(long, default_value_t = 20220112)]
    seed: u64,
}

/// Writes a synthetic corpus as JSON Lines on stdout, for benchmarks.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout().lock();
    let mut out = BufWriter::new(stdout);
    Synth::new(args.seed, args.articles)
        .write_jsonl(args.articles, &mut out)
        .and_then(|_| out.flush())
        .context("cannot write to stdout")?;
    Ok(ExitCode::SUCCESS)
}
