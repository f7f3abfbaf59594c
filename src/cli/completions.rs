use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use clap::CommandFactory;
use clap_complete::Shell;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to complete dipkb's subcommands and options in.
    shell: Shell,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    // clap_complete panics when it cannot write, so the script is made in memory and written
    // here, where a closed pipe is an error like any other.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut super::Cli::command(), "dipkb", &mut script);
    let mut out = std::io::stdout().lock();
    out.write_all(&script)
        .and_then(|()| out.flush())
        .context("cannot write to stdout")?;
    Ok(ExitCode::SUCCESS)
}
