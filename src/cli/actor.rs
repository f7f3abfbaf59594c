use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use crate::kb::{self, Curation, Store};
use crate::query;
use crate::render::Format;

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    /// The actor, by any name or alias.
    #[arg(value_name = "NAME", required = true)]
    name: Option<String>,

    /// How many of the actor's latest events to list.
    #[arg(long, value_name = "N", default_value_t = 10)]
    recent: usize,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,

    #[command(subcommand)]
    curation: Option<Curate>,
}

/// Corrections that are stored in the database and applied again after every ingest and
/// `--reprocess`.
#[derive(Debug, clap::Subcommand)]
enum Curate {
    /// Record another name of an actor; actors of the same kind stored under that name become
    /// this actor.
    Alias {
        /// The actor, by any name.
        name: String,
        /// Its other name.
        alias: String,
    },
    /// Make the actor OTHER part of NAME: one actor, with all of OTHER's facts and names.
    Merge {
        /// The actor that stays.
        name: String,
        /// The actor merged into it.
        other: String,
    },
    /// Give an actor the name users should see; its old name stays an alias.
    Rename {
        /// The actor, by any name.
        name: String,
        /// Its new name.
        new_name: String,
    },
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    if let Some(curation) = args.curation {
        let curation = match curation {
            Curate::Alias { name, alias } => Curation::Alias { actor: name, alias },
            Curate::Merge { name, other } => Curation::Merge { actor: name, other },
            Curate::Rename { name, new_name } => Curation::Rename {
                actor: name,
                name: new_name,
            },
        };
        if !db.exists() {
            return Err(kb::KbError::Missing(db.to_path_buf()).into());
        }
        let mut store = Store::open(db)
            .with_context(|| format!("cannot open knowledge base {}", db.display()))?;
        store.curate(&curation)?;
        eprintln!("recorded; it is applied again after every ingest");
        return Ok(ExitCode::SUCCESS);
    }
    let Some(name) = args.name else {
        anyhow::bail!("name an actor: dipkb actor NAME");
    };
    let conn = kb::open_read_only(db)?;
    let id = query::one_actor(&conn, &name)?;
    let profile = query::actor_profile(&conn, id, args.recent)?;
    super::print_document(&profile, args.format)?;
    Ok(ExitCode::SUCCESS)
}
