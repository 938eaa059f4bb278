//! The `jianbao` command-line tool. (Stub: being written.)
fn main() {}
