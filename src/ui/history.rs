//! Undo/redo: snapshots of the plan; quick edits of the same field merge into one step.

pub struct History<T> {
    past: Vec<T>,
    future: Vec<T>,
    last_key: Option<String>,
    last_at: f64,
    cap: usize,
}

impl<T: Clone> Default for History<T> {
    fn default() -> Self {
        History {
            past: Vec::new(),
            future: Vec::new(),
            last_key: None,
            last_at: 0.0,
            cap: 200,
        }
    }
}

impl<T: Clone> History<T> {
    /// Records `before` (the state before an edit). An edit with the same `key` less than a second
    /// after the previous one joins its step (typing a word is one step).
    pub fn record(&mut self, before: &T, key: Option<&str>, now_ms: f64) {
        let same =
            key.is_some() && key == self.last_key.as_deref() && now_ms - self.last_at < 1000.0;
        self.last_key = key.map(str::to_string);
        self.last_at = now_ms;
        self.future.clear();
        if same && !self.past.is_empty() {
            return;
        }
        self.past.push(before.clone());
        if self.past.len() > self.cap {
            self.past.remove(0);
        }
    }

    pub fn undo(&mut self, current: &T) -> Option<T> {
        let prev = self.past.pop()?;
        self.future.push(current.clone());
        self.last_key = None;
        Some(prev)
    }

    pub fn redo(&mut self, current: &T) -> Option<T> {
        let next = self.future.pop()?;
        self.past.push(current.clone());
        self.last_key = None;
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    pub fn clear(&mut self) {
        self.past.clear();
        self.future.clear();
        self.last_key = None;
    }
}
