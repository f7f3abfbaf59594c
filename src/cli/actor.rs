use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use rusqlite::Connection;

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
    #[command(
        after_help = "Examples:\n  dipkb actor alias \"Vladimir Putin\" VVP\n  dipkb actor alias \"Sergei Lavrov\" \"Sergey Lavrov\""
    )]
    Alias {
        /// The actor, by any name.
        name: String,
        /// Its other name.
        alias: String,
    },
    /// Make the actor OTHER part of NAME: one actor, with all of OTHER's facts and names.
    #[command(
        after_help = "Example:\n  dipkb actor merge \"Edgars Rinkēvičs\" \"Edgars Rinkevics\""
    )]
    Merge {
        /// The actor that stays.
        name: String,
        /// The actor merged into it.
        other: String,
    },
    /// Take back the join of a surname alone to a full-named person that dipkb made from the
    /// article's context (listed in the table `actor_joins`): it is not made again.
    #[command(
        after_help = "Examples:\n  dipkb actor unjoin Austin \"Lloyd Austin\"\n  dipkb actor unjoin Austin\n\nThen `dipkb ingest --reprocess` resolves the stored articles again without it."
    )]
    Unjoin {
        /// The surname as articles wrote it alone.
        surname: String,
        /// The person it was joined to; every person it was joined to when not given.
        person: Option<String>,
    },
    /// Give an actor the name users should see; its old name stays an alias.
    #[command(after_help = "Example:\n  dipkb actor rename \"Joe Biden\" \"Joseph R. Biden\"")]
    Rename {
        /// The actor, by any name.
        name: String,
        /// Its new name.
        new_name: String,
    },
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    if let Some(curation) = args.curation {
        if !db.exists() {
            return Err(kb::KbError::Missing(db.to_path_buf()).into());
        }
        if let Curate::Unjoin { surname, person } = curation {
            return unjoin(db, &surname, person.as_deref());
        }
        let mut store = Store::open(db)
            .with_context(|| format!("cannot open knowledge base {}", db.display()))?;
        // Read through a connection of its own, as every query does, once the schema is current.
        let curation = known_names(&kb::open_read_only(db)?, curation)?;
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

/// The curation with each actor it names found as every actor filter finds it (by any name,
/// alias or code, folded for case and diacritics; a miss suggests near names) and recorded by
/// its stored name, which later ingests resolve again.
fn known_names(conn: &Connection, curation: Curate) -> anyhow::Result<Curation> {
    let stored_name = |name: &str| -> Result<(i64, String), query::QueryError> {
        let id = query::one_actor(conn, name)?;
        let stored = conn.query_row("SELECT name FROM actors WHERE id = ?1", [id], |row| {
            row.get(0)
        })?;
        Ok((id, stored))
    };
    Ok(match curation {
        Curate::Alias { name, alias } => Curation::Alias {
            actor: stored_name(&name)?.1,
            alias,
        },
        Curate::Rename { name, new_name } => Curation::Rename {
            actor: stored_name(&name)?.1,
            name: new_name,
        },
        Curate::Unjoin { surname, .. } => anyhow::bail!("unjoin {surname:?} is no curation"),
        Curate::Merge { name, other } => match (stored_name(&name), stored_name(&other)) {
            (Ok((keep, known)), Ok((gone, _))) if keep == gone => {
                // "Sergey Lavrov" finds the stored "Sergei Lavrov" through the officeholder
                // dictionary although no article has used that spelling: an alias records
                // it, so that articles that use it join the actor.
                for missing in [&name, &other] {
                    if kb::actors_named(conn, missing)?.is_empty() {
                        anyhow::bail!(
                            "{missing:?} is a spelling of {known} in the dictionaries, but no \
                             stored article has used it (merge joins two stored actors: to \
                             record it as another name of {known}, so that articles that use it \
                             join that actor, run `dipkb actor alias {known:?} {missing:?}`)"
                        );
                    }
                }
                return Err(kb::CurationError::Same(name, other).into());
            }
            (Ok((_, actor)), Ok((_, other))) => Curation::Merge { actor, other },
            // Only one of the two is stored: the other is a name no article has used yet,
            // which an alias records (issue #13: `merge "Sergey Lavrov" "Sergei Lavrov"` on a
            // knowledge base that only knows "Sergei Lavrov").
            (Ok((_, known)), Err(err)) => return Err(not_stored(err, &other, &known)),
            (Err(err), Ok((_, known))) => return Err(not_stored(err, &name, &known)),
            (Err(err), Err(_)) => return Err(err.into()),
        },
    })
}

/// A merge of a stored actor with a name no actor has: says how to record the name instead.
fn not_stored(err: query::QueryError, missing: &str, known: &str) -> anyhow::Error {
    match err {
        query::QueryError::UnknownActor { .. } | query::QueryError::NotStored { .. } => {
            anyhow::anyhow!(
                "{err} (merge joins two stored actors: to record {missing:?} as another name of \
                 {known}, so that articles that use it join that actor, run \
                 `dipkb actor alias {known:?} {missing:?}`)"
            )
        }
        other => other.into(),
    }
}

/// Marks the joins of a surname alone refused, so that resolution does not make them again.
fn unjoin(db: &Path, surname: &str, person: Option<&str>) -> anyhow::Result<ExitCode> {
    let person_id = match person {
        Some(name) => Some(query::one_actor(&kb::open_read_only(db)?, name)?),
        None => None,
    };
    let conn = kb::schema::open_for_write(db)
        .with_context(|| format!("cannot open knowledge base {}", db.display()))?;
    let refused = kb::join::refuse(&conn, surname, person_id)?;
    if refused == 0 {
        anyhow::bail!(
            "no join of {surname:?}{} is recorded (list them with `dipkb sql \"SELECT surname, \
             person, reason, refused FROM actor_joins ORDER BY surname\"`)",
            person.map(|p| format!(" to {p:?}")).unwrap_or_default()
        );
    }
    eprintln!(
        "refused {refused} join{} of {surname:?}; run `dipkb ingest --reprocess` to resolve the \
         stored articles again without {}",
        if refused == 1 { "" } else { "s" },
        if refused == 1 { "it" } else { "them" }
    );
    Ok(ExitCode::SUCCESS)
}
