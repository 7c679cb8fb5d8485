/**
 * A function of an object that makes its value on the first call for that
 * object and returns the same value while the object lives: the tables the
 * search reads per index, per document or per question.
 */
export function perObject<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const values = new WeakMap<K, V>();
  return (key) => {
    let value = values.get(key);
    if (value === undefined) values.set(key, (value = make(key)));
    return value;
  };
}

/**
 * A function of a key that remembers its values, starting afresh once it
 * holds `max` of them rather than growing without end: for values that are
 * the same whenever they are worked out again.
 */
export function boundedMemo<K, V>(compute: (key: K) => V, max = 10_000): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let found = cache.get(key);
    if (found === undefined) {
      found = compute(key);
      if (cache.size >= max) cache.clear();
      cache.set(key, found);
    }
    return found;
  };
}
