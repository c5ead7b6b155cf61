//! The README's permission table is the one the code enforces.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[test]
fn the_readme_shows_the_permission_matrix_of_the_code() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let begin = "<!-- permissions:begin -->\n";
    let end = "<!-- permissions:end -->";
    let start = readme.find(begin).expect("README lacks the permissions markers") + begin.len();
    let stop = readme.find(end).unwrap();
    let table = haven::domain::permissions::matrix_markdown();
    if readme[start..stop] != table {
        // Regenerate with: UPDATE_README=1 cargo test --test it readme::
        if std::env::var("UPDATE_README").is_ok() {
            let updated = format!("{}{}{}", &readme[..start], table, &readme[stop..]);
            std::fs::write(&path, updated).unwrap();
        } else {
            panic!(
                "README permission table is out of date; run UPDATE_README=1 cargo test --test it readme::\n{table}"
            );
        }
    }
}
