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
