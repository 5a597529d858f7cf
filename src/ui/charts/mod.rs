//! Grafici: canvas charts drawn with plotters (see `draw.rs`), wrapped as components (`canvas.rs`).

pub mod canvas;
pub mod draw;
