//! Reading, extracting and storing arbitrary bytes (read as a text file, front matter and all)
//! into a knowledge base: storing must not fail on any text, the stored body must be the body
//! read (a NUL once cut it short), and every evidence span must lie inside the stored body as
//! SQLite counts its characters, so that `substr()` shows the evidence.
//!
//! One database in a temporary folder takes the articles of many runs, so that an article also
//! meets what earlier ones stored (actors to resolve, reports to combine); it is made anew every
//! few hundred articles to keep each run fast.
#![no_main]

use std::path::PathBuf;
use std::sync::Mutex;

use dipkb::kb::Store;
use dipkb::source::{Format, ReadOptions, read_bytes};
use libfuzzer_sys::fuzz_target;

/// Articles a database takes before it is made anew.
const ARTICLES_PER_DATABASE: usize = 300;

struct Kb {
    dir: PathBuf,
    store: Option<Store>,
    stored: usize,
}

static KB: Mutex<Option<Kb>> = Mutex::new(None);

impl Kb {
    fn new() -> Kb {
        let dir = std::env::temp_dir().join(format!("dipkb-fuzz-store-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("make a temporary folder");
        Kb {
            dir,
            store: None,
            stored: 0,
        }
    }

    fn store(&mut self) -> &mut Store {
        if self.stored >= ARTICLES_PER_DATABASE {
            self.store = None;
            self.stored = 0;
        }
        let path = self.dir.join("kb.sqlite");
        if self.store.is_none() {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
            }
            self.store = Some(Store::open(&path).expect("create a knowledge base"));
        }
        self.store.as_mut().expect("opened above")
    }
}

fuzz_target!(|data: &[u8]| {
    let options = ReadOptions {
        published: chrono::NaiveDate::from_ymd_opt(2022, 3, 1),
    };
    let mut kb = KB.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let kb = kb.get_or_insert_with(Kb::new);
    for article in read_bytes(data, Format::Text, "fuzz", &options)
        .into_iter()
        .flatten()
    {
        kb.stored += 1;
        let store = kb.store();
        if store
            .find_article(&article.content_hash())
            .expect("look the article up")
            .is_some()
        {
            continue;
        }
        let extraction = dipkb::extract::extract(&article.extract_input());
        let (id, _) = store
            .add_article(&article, &extraction)
            .unwrap_or_else(|err| panic!("storing failed: {err}"));
        let stored = store.article(id).expect("read the article back");
        assert_eq!(stored.body, article.body, "the stored body differs");
        let outside: i64 = store
            .connection()
            .query_row(
                "SELECT count(*) FROM evidence_spans AS e JOIN articles AS a ON a.id = e.article_id \
                 WHERE e.article_id = ?1 AND e.span_end > length(a.body)",
                [id],
                |row| row.get(0),
            )
            .expect("count evidence spans");
        assert_eq!(outside, 0, "evidence spans outside the stored body");
    }
});
