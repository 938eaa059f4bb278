//! Prints what the passes decided about each line of a page:
//! `cargo run --example trace -- page.txt`. For debugging rules.
fn main() {
    let path = std::env::args().nth(1).expect("usage: trace FILE");
    let text = std::fs::read_to_string(path).expect("a UTF-8 file");
    print!("{}", jianbao::trace(&text));
}
