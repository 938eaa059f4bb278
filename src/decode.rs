//! Input decoding: bytes of unknown encoding to text. (Stub: being written.)
