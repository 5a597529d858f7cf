//! Where in a JSON document a serde error happened, as a path (`missions[0].objectives[1].code`).
//!
//! serde_json reports a line and column; the planning officer needs the path. A wrapper
//! deserializer (serde_path_to_error) would give it too, but it doubles the plan's deserializing
//! code in the page; scanning the text up to the error position is enough, because serde_json
//! reports the error right where it stopped reading.

/// One open container at the error position.
enum Frame {
    /// An object, with the key of the member being read (none between members).
    Object { key: Option<String>, in_value: bool },
    /// An array, with the index of the element being read.
    Array { index: usize },
}

/// The path of the member being read at `line`/`column` (as serde_json counts them: lines from 1,
/// columns in bytes from the line start). The root is the empty path.
///
/// serde_json places an error about a value just after it, sometimes after the `,` or `}` it
/// peeked at, or just inside the `[` or `{` of a list or object found where something else was
/// expected. That structural byte belongs to the path only when the error is about the whole
/// container (`whole_container`: a missing field found at its `}`, a list of the wrong length).
pub(crate) fn path_at(json: &str, line: usize, column: usize, whole_container: bool) -> String {
    let mut end = offset_of(json, line, column);
    let trimmed = json[..end].trim_end();
    if !whole_container && trimmed.ends_with([',', '}', ']', '[', '{']) {
        end = trimmed.len() - 1;
    }
    let bytes = &json.as_bytes()[..end];
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => stack.push(Frame::Object {
                key: None,
                in_value: false,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, in_value }) => {
                    *key = None;
                    *in_value = false;
                }
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { in_value, .. }) = stack.last_mut() {
                    *in_value = true;
                }
            }
            b'"' => {
                // A key cut by the error position is read whole: the error is about that key.
                let close = string_end(json.as_bytes(), i + 1);
                if let Some(Frame::Object {
                    key,
                    in_value: false,
                }) = stack.last_mut()
                {
                    *key = Some(unescape(&json[i..close]));
                }
                i = close + 1;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    render(&stack)
}

/// Byte offset of a serde_json position, clamped to the text.
fn offset_of(json: &str, line: usize, column: usize) -> usize {
    let start: usize = json
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut end = (start + column).min(json.len());
    while !json.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// Index of the closing quote of a string starting at `from` (or the end of the text).
fn string_end(bytes: &[u8], from: usize) -> usize {
    let mut j = from;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            b'"' => return j,
            _ => j += 1,
        }
    }
    bytes.len()
}

/// A key as written in the file (`"a\u00e8` → `aè`); the raw text if its escapes are broken.
fn unescape(opened: &str) -> String {
    let quoted = format!("{opened}\"");
    serde_json::from_str::<String>(&quoted).unwrap_or_else(|_| quoted.trim_matches('"').to_string())
}

fn render(stack: &[Frame]) -> String {
    let mut path = String::new();
    for frame in stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}
