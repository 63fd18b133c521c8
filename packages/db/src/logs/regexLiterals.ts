// The literal runs every match of a log-search regex must contain, so the
// count can hand them to the trigram index as LIKE conditions of their own.
//
// pg_trgm turns a regex into index trigrams with a budget: a character class
// under a quantifier ([0-9]{2}, [0-9]+) stands for many trigrams, and to stay
// within its budget pg_trgm drops them together with the selective literal
// trigrams next to them, keeping only those of common words. For
// 'cmp_49[0-9]{2} in [0-9]+ms' over synthetic logs the index then returned
// every row of a partition (400,000 candidates, 8,000 matches); the same
// pattern with LIKE '%cmp\_49%' beside it returned 13,191.
//
// Deliberately conservative: a run counts only if every match contains it
// whatever the rest of the pattern does. So no alternation at all, nothing
// after a group or an escape naming something other than a punctuation
// character, nothing from embedded options or the ***= / ***: prefixes, and
// a character under ?, * or {0,…} is not part of any run. Runs keep only
// ASCII (case folding beyond it differs between ~* and ILIKE) and must hold
// three letters or digits in a row, else pg_trgm would find no trigram in
// them and read the whole index.

/** Characters that are structure, not literals, outside a bracket expression. */
const META = new Set([".", "[", "]", "(", ")", "|", "*", "+", "?", "{", "}", "^", "$", "\\"]);

/** The runs of literal text every match of `pattern` (a Postgres ARE) contains; empty when unsure. */
export function regexRequiredLiterals(pattern: string): string[] {
  if (pattern.startsWith("***") || pattern.startsWith("(?") || hasAlternation(pattern)) return [];
  const runs: string[] = [];
  let run = "";
  const end = () => {
    if (/[A-Za-z0-9]{3}/.test(run)) runs.push(run);
    run = "";
  };
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "\\") {
      const next = pattern[i + 1];
      // \d, \x41, \y …: a class, an entry or a constraint whose length we would have to parse; stop here.
      if (next === undefined || /[A-Za-z0-9]/.test(next)) break;
      run += next;
      i += 2;
    } else if (c === "[") {
      end();
      const close = bracketEnd(pattern, i);
      if (close < 0) break;
      i = close;
    } else if (c === "(" || c === ")" || c === "{" || c === "}" || c === "]") {
      break;
    } else if (c === "*" || c === "+" || c === "?") {
      // The quantifier applies to the last character of the run (if the run is what precedes it).
      if (c !== "+") run = run.slice(0, -1);
      end();
      i += pattern[i + 1] === "?" ? 2 : 1;
      continue;
    } else if (META.has(c)) {
      end();
      i++;
      continue;
    } else if (c.charCodeAt(0) > 127) {
      end();
      i++;
      continue;
    } else {
      run += c;
      i++;
    }
    // A counted repetition {m…} after a character: with m = 0 the character may be absent.
    if (pattern[i] === "{") {
      const m = /^\{(\d+)/.exec(pattern.slice(i));
      if (!m) break;
      if (Number(m[1]) === 0) run = run.slice(0, -1);
      end();
      const close = pattern.indexOf("}", i);
      if (close < 0) break;
      i = close + 1;
      if (pattern[i] === "?") i++;
    }
  }
  end();
  return runs;
}

/** True when `pattern` has a | outside bracket expressions (a branch: no run is then certain). */
function hasAlternation(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") i++;
    else if (c === "[") {
      const close = bracketEnd(pattern, i);
      if (close < 0) return true;
      i = close - 1;
    } else if (c === "|") return true;
  }
  return false;
}

/** The index just past the ] closing the bracket expression opened at `open`, or -1. */
function bracketEnd(pattern: string, open: number): number {
  let i = open + 1;
  if (pattern[i] === "^") i++;
  if (pattern[i] === "]") i++; // a ] right after [ or [^ is a literal
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "]") return i + 1;
    if (c === "[" && /[:.=]/.test(pattern[i + 1] ?? "")) {
      const close = pattern.indexOf(`${pattern[i + 1]}]`, i + 2);
      if (close < 0) return -1;
      i = close + 2;
    } else if (c === "\\") i += 2;
    else i++;
  }
  return -1;
}

/** `value` as a LIKE pattern matching itself anywhere (\ % _ escaped with the default escape \). */
export function containsLikePattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
