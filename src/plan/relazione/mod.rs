//! The Relazione sulla performance (D.Lgs. 150/2009 art. 10) for one year: a document model
//! built from the evaluated plan ([`build`]), rendered to Markdown ([`markdown`]) and to one
//! self-contained HTML file ([`html`], styles inline, charts as inline SVG, A4 print). Plain
//! Rust: the page and `cruscotto report` produce the same document.

mod build;
mod html;
mod markdown;
mod words;

pub use build::{relazione, IndicatorRow, MissionSection, ObjectiveSection, Relazione, Summary};
pub use html::to_html;
pub use markdown::to_markdown;
pub use words::status_icon;
