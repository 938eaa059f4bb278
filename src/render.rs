//! Rendering a [`Page`](crate::Page) as Markdown or plain text. (Stub: being written.)
