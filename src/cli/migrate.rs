use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use crate::kb::{SCHEMA_VERSION, Store};

pub fn run(db: &Path) -> anyhow::Result<ExitCode> {
    Store::open(db).with_context(|| format!("cannot migrate {}", db.display()))?;
    super::say(format_args!(
        "{} is at schema version {SCHEMA_VERSION}",
        db.display()
    ));
    Ok(ExitCode::SUCCESS)
}
