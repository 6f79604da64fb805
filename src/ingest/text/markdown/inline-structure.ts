/**
 * Where each code span of `line` ends: for the index of an opening backtick run, the index just
 * past the closing run of the same length. One pass, so unmatched runs cost nothing extra.
 */
export function findCodeSpans(line: string): Map<number, number> {
  const runsByLength = new Map<number, number[]>();
  for (let i = 0; i < line.length;) {
    if (line.charAt(i) === '\\' && line.charAt(i + 1) === '`') {
      i += 2;
      continue;
    }
    if (line.charAt(i) !== '`') {
      i++;
      continue;
    }
    const start = i;
    while (line.charAt(i) === '`') i++;
    const length = i - start;
    const runs = runsByLength.get(length) ?? [];
    runs.push(start);
    runsByLength.set(length, runs);
  }
  const spans = new Map<number, number>();
  for (const [length, starts] of runsByLength) {
    // A run opens a span and the next run of the same length closes it.
    for (let k = 0; k + 1 < starts.length; k += 2) {
      const open = starts[k];
      const close = starts[k + 1];
      if (open !== undefined && close !== undefined) spans.set(open, close + length);
    }
  }
  return removeNestedSpans(spans);
}

// A run that falls inside an earlier span is code, not a delimiter: keep the outer spans only.
function removeNestedSpans(spans: Map<number, number>): Map<number, number> {
  const outer = new Map<number, number>();
  let coveredUpTo = 0;
  for (const start of [...spans.keys()].sort((a, b) => a - b)) {
    const end = spans.get(start) ?? start;
    if (start < coveredUpTo) continue;
    outer.set(start, end);
    coveredUpTo = end;
  }
  return outer;
}

/**
 * For each index of `open` in `line`, the index of its matching `close` (-1 when unmatched, and
 * for every other index). Escaped characters and code spans are skipped. One pass with a stack.
 */
export function matchPairs(
  line: string,
  open: string,
  close: string,
  codeSpans: ReadonlyMap<number, number>,
): Int32Array {
  const matches = new Int32Array(line.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const codeEnd = codeSpans.get(i);
    if (codeEnd !== undefined) {
      i = codeEnd - 1;
    } else if (line.charAt(i) === '\\') {
      i++;
    } else if (line.charAt(i) === open) {
      stack.push(i);
    } else if (line.charAt(i) === close) {
      const opener = stack.pop();
      if (opener !== undefined) matches[opener] = i;
    }
  }
  return matches;
}
