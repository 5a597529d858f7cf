//! A map kept as a `Vec` of pairs sorted by key: what the plan, the evaluation and the app use
//! instead of `BTreeMap`/`BTreeSet`. Their maps are small (years of a plan, the measures of one
//! indicator), and a B-tree compiled for each key and value type weighed ~69 KB of the page
//! (docs/performance.md, «Peso»); binary search over a `Vec` is a few hundred bytes per type.
//!
//! Same behaviour as `BTreeMap`: keys unique, iteration in ascending key order, `insert`
//! replaces the value, collecting or reading JSON with a repeated key keeps the last value; in
//! JSON it is the same object (`{"2019": …}`), with the same JSON Schema. `insert` shifts the
//! entries after the key: building a large map goes through `collect` (sorted once), never
//! through thousands of inserts.

use std::borrow::Borrow;
use std::fmt;
use std::ops::{Bound, RangeBounds};

/// A map sorted by key (see the module's documentation).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct SortedMap<K, V> {
    /// Strictly ascending by key.
    entries: Vec<(K, V)>,
}

impl<K, V> SortedMap<K, V> {
    pub const fn new() -> Self {
        SortedMap {
            entries: Vec::new(),
        }
    }
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
    /// Entries in ascending key order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        Iter(self.entries.iter())
    }
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator + Clone {
        self.entries.iter().map(|(k, _)| k)
    }
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator + Clone {
        self.entries.iter().map(|(_, v)| v)
    }
    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> + ExactSizeIterator {
        self.entries.iter_mut().map(|(_, v)| v)
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    /// Where `key` is (`Ok`), or where it would go (`Err`). Stops at the key when it meets it:
    /// with `String` keys twice as fast as `slice::binary_search_by`, which always halves to
    /// the end (benches/language.rs, formulas reading ~40 series by name).
    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        let (mut low, mut high) = (0, self.entries.len());
        while low < high {
            let mid = low + (high - low) / 2;
            let Some((k, _)) = self.entries.get(mid) else {
                break;
            };
            match k.borrow().cmp(key) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return Ok(mid),
            }
        }
        Err(low)
    }

    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        let i = self.find(key).ok()?;
        self.entries.get(i).map(|(_, v)| v)
    }

    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        let i = self.find(key).ok()?;
        self.entries.get_mut(i).map(|(_, v)| v)
    }

    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Sets the value of `key`; returns the value it had (the key itself is kept, like
    /// `BTreeMap::insert`).
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => self
                .entries
                .get_mut(i)
                .map(|(_, v)| std::mem::replace(v, value)),
            Err(i) => {
                #[cfg(test)]
                crate::work::add(
                    crate::work::Work::EntryShifted,
                    (self.entries.len() - i) as u64,
                );
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        let i = self.find(key).ok()?;
        Some(self.entries.remove(i).1)
    }

    /// The value of `key`, inserted with `make` when missing (`entry(key).or_insert_with(make)`).
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let i = match self.find(&key) {
            Ok(i) => i,
            Err(i) => {
                #[cfg(test)]
                crate::work::add(
                    crate::work::Work::EntryShifted,
                    (self.entries.len() - i) as u64,
                );
                self.entries.insert(i, (key, make()));
                i
            }
        };
        // In range: found there, or just inserted there.
        &mut self.entries[i].1
    }

    /// Entries whose key is in `range`, ascending (empty when the range is empty or backwards,
    /// where `BTreeMap::range` would panic).
    pub fn range<R: RangeBounds<K>>(&self, range: R) -> Iter<'_, K, V> {
        let start = match range.start_bound() {
            Bound::Included(s) => self.entries.partition_point(|(k, _)| k < s),
            Bound::Excluded(s) => self.entries.partition_point(|(k, _)| k <= s),
            Bound::Unbounded => 0,
        };
        let end = match range.end_bound() {
            Bound::Included(e) => self.entries.partition_point(|(k, _)| k <= e),
            Bound::Excluded(e) => self.entries.partition_point(|(k, _)| k < e),
            Bound::Unbounded => self.entries.len(),
        };
        Iter(self.entries.get(start..end).unwrap_or_default().iter())
    }

    /// Entries in any order, repeated keys allowed: sorted by key, and of a repeated key the
    /// last value kept (what inserting them one by one into a `BTreeMap` gives). In O(n log n)
    /// whatever the input; the sorting itself is shared by every key and value type.
    fn from_vec(mut entries: Vec<(K, V)>) -> Self {
        if !entries.windows(2).all(|w| w[0].0 < w[1].0) {
            let key = |i: usize| entries.get(i).map(|e| &e.0);
            let (order, kept) = key_order(entries.len(), &|a, b| key(a).cmp(&key(b)));
            let len = entries.len();
            permute(&order, &mut |a, b| {
                if a < len && b < len {
                    entries.swap(a, b);
                }
            });
            entries.truncate(kept);
        }
        SortedMap { entries }
    }
}

/// The positions `0..len` of a map's entries in ascending key order (`cmp` compares the keys at
/// two positions), only the last of each repeated key, then the positions left out; and how
/// many are kept. Not generic: one sort in the page for every map type.
fn key_order(len: usize, cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering) -> (Vec<usize>, usize) {
    let mut order: Vec<usize> = (0..len).collect();
    // Stable: equal keys stay in the order they came.
    order.sort_by(|a, b| cmp(*a, *b));
    let mut kept = Vec::with_capacity(len);
    let mut left_out = Vec::new();
    for (i, &p) in order.iter().enumerate() {
        match order.get(i + 1) {
            Some(&next) if cmp(p, next).is_eq() => left_out.push(p),
            _ => kept.push(p),
        }
    }
    let n = kept.len();
    kept.extend(left_out);
    (kept, n)
}

/// Moves the entry at position `order[i]` to position `i`, for every `i` (`order` is a
/// permutation), with at most one `swap` per entry.
fn permute(order: &[usize], swap: &mut dyn FnMut(usize, usize)) {
    // to[p]: where the entry now at position p goes.
    let mut to = vec![0; order.len()];
    for (i, &p) in order.iter().enumerate() {
        if let Some(t) = to.get_mut(p) {
            *t = i;
        }
    }
    for i in 0..to.len() {
        loop {
            let t = to[i];
            if t == i || t >= to.len() {
                break;
            }
            // The entry at i reaches its place t; the one from t comes to i, to move on.
            swap(i, t);
            to.swap(i, t);
        }
    }
}

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap::new()
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for SortedMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for SortedMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        SortedMap::from_vec(iter.into_iter().collect())
    }
}

impl<K: Ord, V> Extend<(K, V)> for SortedMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        let mut entries = std::mem::take(&mut self.entries);
        entries.extend(iter);
        *self = SortedMap::from_vec(entries);
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for SortedMap<K, V> {
    fn from(entries: [(K, V); N]) -> Self {
        SortedMap::from_vec(Vec::from(entries))
    }
}

impl<K, V> IntoIterator for SortedMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a SortedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The entries of a [`SortedMap`], by reference, in ascending key order.
pub struct Iter<'a, K, V>(std::slice::Iter<'a, (K, V)>);

impl<K, V> Clone for Iter<'_, K, V> {
    fn clone(&self) -> Self {
        Iter(self.0.clone())
    }
}

impl<'a, K, V> Iterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k, v))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<K, V> DoubleEndedIterator for Iter<'_, K, V> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(k, v)| (k, v))
    }
}

impl<K, V> ExactSizeIterator for Iter<'_, K, V> {}

/// A set sorted by value: a [`SortedMap`] without values.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct SortedSet<K>(SortedMap<K, ()>);

impl<K> SortedSet<K> {
    pub const fn new() -> Self {
        SortedSet(SortedMap::new())
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The values in ascending order.
    pub fn iter(&self) -> SetIter<'_, K> {
        SetIter(self.0.entries.iter())
    }
}

impl<K: Ord> SortedSet<K> {
    /// Adds `value`; false when it was there already (the set is unchanged).
    pub fn insert(&mut self, value: K) -> bool {
        match self.0.find(&value) {
            Ok(_) => false,
            Err(i) => {
                #[cfg(test)]
                crate::work::add(crate::work::Work::EntryShifted, (self.0.len() - i) as u64);
                self.0.entries.insert(i, (value, ()));
                true
            }
        }
    }
    pub fn contains<Q: Ord + ?Sized>(&self, value: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.0.contains_key(value)
    }
}

impl<K> Default for SortedSet<K> {
    fn default() -> Self {
        SortedSet::new()
    }
}

impl<K: fmt::Debug> fmt::Debug for SortedSet<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<K: Ord> FromIterator<K> for SortedSet<K> {
    fn from_iter<I: IntoIterator<Item = K>>(iter: I) -> Self {
        SortedSet(iter.into_iter().map(|k| (k, ())).collect())
    }
}

impl<K: Ord> Extend<K> for SortedSet<K> {
    fn extend<I: IntoIterator<Item = K>>(&mut self, iter: I) {
        self.0.extend(iter.into_iter().map(|k| (k, ())));
    }
}

impl<K> IntoIterator for SortedSet<K> {
    type Item = K;
    type IntoIter = std::iter::Map<std::vec::IntoIter<(K, ())>, fn((K, ())) -> K>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.entries.into_iter().map(|(k, ())| k)
    }
}

impl<'a, K> IntoIterator for &'a SortedSet<K> {
    type Item = &'a K;
    type IntoIter = SetIter<'a, K>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The values of a [`SortedSet`], by reference, in ascending order.
pub struct SetIter<'a, K>(std::slice::Iter<'a, (K, ())>);

impl<K> Clone for SetIter<'_, K> {
    fn clone(&self) -> Self {
        SetIter(self.0.clone())
    }
}

impl<'a, K> Iterator for SetIter<'a, K> {
    type Item = &'a K;
    fn next(&mut self) -> Option<&'a K> {
        self.0.next().map(|(k, ())| k)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<'a, K> DoubleEndedIterator for SetIter<'a, K> {
    fn next_back(&mut self) -> Option<&'a K> {
        self.0.next_back().map(|(k, ())| k)
    }
}

impl<K> ExactSizeIterator for SetIter<'_, K> {}

// ---- serde: a JSON object, like `BTreeMap` ----

impl<K: serde::Serialize, V: serde::Serialize> serde::Serialize for SortedMap<K, V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de, K, V> serde::Deserialize<'de> for SortedMap<K, V>
where
    K: serde::Deserialize<'de> + Ord,
    V: serde::Deserialize<'de>,
{
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(MapVisitor(std::marker::PhantomData))
    }
}

struct MapVisitor<K, V>(std::marker::PhantomData<(K, V)>);

impl<'de, K, V> serde::de::Visitor<'de> for MapVisitor<K, V>
where
    K: serde::Deserialize<'de> + Ord,
    V: serde::Deserialize<'de>,
{
    type Value = SortedMap<K, V>;

    // The words of serde's `BTreeMap` visitor: error messages stay the same.
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        // Bounded like serde's own: a lying size hint must not reserve gigabytes.
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(4096));
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(SortedMap::from_vec(entries))
    }
}

// ---- JSON Schema: the very schema of a `BTreeMap` (docs/plan-format.schema.json) ----

impl<K: schemars::JsonSchema, V: schemars::JsonSchema> schemars::JsonSchema for SortedMap<K, V> {
    fn inline_schema() -> bool {
        <std::collections::BTreeMap<K, V>>::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <std::collections::BTreeMap<K, V>>::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        <std::collections::BTreeMap<K, V>>::schema_id()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <std::collections::BTreeMap<K, V>>::json_schema(generator)
    }
}
