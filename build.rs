// refinery embeds `migrations/` at compile time; without this a new migration file would not
// trigger a rebuild. Cargo rescans a directory given here for added and changed files.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
