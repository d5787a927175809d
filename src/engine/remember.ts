// Work done once per distinct input: workbooks repeat the same texts and numbers across many cells.

/**
 * A function of a text or a number, remembered: a workbook repeats a few thousand texts over a hundred
 * thousand cells (targets, indicator names, headers), and each is worked out once. Bounded, so that a
 * long session cannot grow it without end. Only for pure functions whose results are never changed.
 */
export function remembered<K extends string | number, T>(work: (key: K) => T, limit = 50_000): (key: K) => T {
  const known = new Map<K, T>();
  return (key) => {
    let result = known.get(key);
    if (result === undefined && !known.has(key)) {
      if (known.size >= limit) known.clear();
      result = work(key);
      known.set(key, result);
    }
    return result as T;
  };
}
