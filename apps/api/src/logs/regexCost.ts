// What a log-search regex would cost Postgres, judged before it gets there.
//
// Postgres compiles a regex into an NFA in which every counted repetition
// x{m,n} is unrolled into n copies of x, so counted repetitions nested in one
// another multiply: (a{1,100}){1,100} is about 10,000 states from 17
// characters. pg_trgm then walks that NFA to pick trigrams for its index while
// the query is being planned, once per partition of app_logs, in a loop that
// is quadratic in the state count and never checks for cancellation: 1.3 s of
// CPU per partition for that pattern on an idle machine, during which no
// statement timeout can stop it. Two other constructs cost more per row than
// the message's length justifies: back-references force backtracking, and a
// lookahead or lookbehind constraint is re-run from every position of the
// message (quadratic in its length).
//
// This is a parser of the subset of Postgres' advanced regex syntax (ARE) the
// search accepts, enough to measure the unrolled size: branches, groups,
// bracket expressions, escapes and quantifiers. It refuses what it cannot
// read rather than guess, so nothing it lets through can cost more than it
// measured. Malformed patterns are refused with the wording Postgres uses.

/** Most NFA states a pattern may unroll to. (a{1,30}){1,30} ≈ 900 plans in about 15 ms per partition. */
export const REGEX_MAX_STATES = 1_000;

/** Postgres' largest repetition count (DUPMAX). */
const MAX_COUNT = 255;

export interface RegexProblem {
  code: "invalid_regex" | "regex_too_complex" | "regex_backreference" | "regex_lookaround" | "regex_unsupported";
  message: string;
}

class Refused extends Error {
  constructor(readonly problem: RegexProblem) {
    super(problem.message);
  }
}

const invalid = (message: string) => new Refused({ code: "invalid_regex", message });

/** Escapes that stand for one character or a class of them (one NFA arc each). */
const CLASS_ESCAPES = new Set(["d", "D", "s", "S", "w", "W"]);
/** Zero-width constraint escapes: \A \Z (string), \m \M \y \Y (word). */
const CONSTRAINT_ESCAPES = new Set(["A", "Z", "m", "M", "y", "Y"]);
/** Character-entry escapes that take no argument. */
const ENTRY_ESCAPES = new Set(["a", "b", "B", "e", "f", "n", "r", "t", "v"]);

class Parser {
  private i = 0;
  /** Inside (?x): white space and #-comments outside brackets are not part of the pattern. */
  private expanded = false;

  constructor(private readonly s: string) {}

  /** The unrolled size of the whole pattern. */
  run(): number {
    if (this.s.startsWith("***=")) return this.s.length - 4; // the rest is a literal string
    if (this.s.startsWith("***:")) this.i = 4;
    if (this.s.startsWith("(?", this.i) && /^[a-z]/.test(this.s[this.i + 2] ?? "")) {
      const end = this.s.indexOf(")", this.i);
      const options = end < 0 ? "" : this.s.slice(this.i + 2, end);
      if (!/^[bceimnpqstwx]+$/.test(options)) throw invalid("invalid embedded option");
      if (/[be]/.test(options)) {
        throw new Refused({
          code: "regex_unsupported",
          message: "the (?b) and (?e) options (basic and extended POSIX syntax) are not accepted; write an ARE",
        });
      }
      // q: the rest is a literal string; x: expanded syntax. The last of c/i wins; both are fine.
      if (options.includes("q")) return this.s.length - end - 1;
      this.expanded = options.includes("x");
      this.i = end + 1;
    }
    const size = this.alternation(0);
    if (this.i < this.s.length) throw invalid("parentheses () not balanced");
    return size;
  }

  private peek(): string | undefined {
    this.skipExpanded();
    return this.s[this.i];
  }

  private skipExpanded(): void {
    if (!this.expanded) return;
    for (;;) {
      const c = this.s[this.i];
      if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f" || c === "\v") this.i++;
      else if (c === "#") {
        const nl = this.s.indexOf("\n", this.i);
        this.i = nl < 0 ? this.s.length : nl + 1;
      } else return;
    }
  }

  /** branch ( | branch )*: every branch is in the NFA, so sizes add up. */
  private alternation(depth: number): number {
    let size = this.branch(depth);
    while (this.peek() === "|") {
      this.i++;
      size += this.branch(depth);
    }
    return size;
  }

  private branch(depth: number): number {
    let size = 0;
    for (;;) {
      const c = this.peek();
      if (c === undefined || c === "|" || c === ")") return size;
      const atom = this.atom(depth);
      size += this.quantified(atom);
    }
  }

  /** One atom: its size, and whether a quantifier may follow it (not after a constraint). */
  private atom(depth: number): { size: number; quantifiable: boolean } {
    const c = this.s[this.i]!;
    switch (c) {
      case "(":
        return this.group(depth);
      case "[":
        this.bracket();
        return { size: 1, quantifiable: true };
      case "\\":
        return this.escape();
      case "^":
      case "$":
        this.i++;
        return { size: 1, quantifiable: false };
      case "*":
      case "+":
      case "?":
        throw invalid("quantifier operand invalid");
      case "{":
        // A { followed by a digit opens a bound, which needs an operand; otherwise it is a literal.
        if (/[0-9]/.test(this.s[this.i + 1] ?? "")) throw invalid("quantifier operand invalid");
        this.i++;
        return { size: 1, quantifiable: true };
      default:
        this.i++;
        return { size: 1, quantifiable: true };
    }
  }

  private group(depth: number): { size: number; quantifiable: boolean } {
    if (depth >= 50) throw new Refused({ code: "regex_too_complex", message: "groups nest more than 50 deep" });
    this.i++; // (
    if (this.s[this.i] === "?") {
      const kind = this.s.slice(this.i + 1, this.i + 4);
      if (kind.startsWith(":")) this.i += 2;
      else if (kind.startsWith("=") || kind.startsWith("!") || kind.startsWith("<=") || kind.startsWith("<!")) {
        throw new Refused({
          code: "regex_lookaround",
          message:
            "lookahead and lookbehind constraints ((?=…), (?!…), (?<=…), (?<!…)) are not accepted: each is re-run from every position of every message",
        });
      } else if (kind.startsWith("#")) {
        // (?#comment)
        const end = this.s.indexOf(")", this.i);
        this.i = end < 0 ? this.s.length : end + 1;
        return { size: 0, quantifiable: false };
      } else throw invalid("quantifier operand invalid");
    }
    const inner = this.alternation(depth + 1);
    if (this.peek() !== ")") throw invalid("parentheses () not balanced");
    this.i++;
    return { size: Math.max(1, inner), quantifiable: true };
  }

  /** [ … ]: one arc whatever its content; only its end matters here. */
  private bracket(): void {
    this.i++; // [
    if (this.s[this.i] === "^") this.i++;
    if (this.s[this.i] === "]") this.i++; // a ] right after [ or [^ is a literal
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined) throw invalid("brackets [] not balanced");
      if (c === "]") {
        this.i++;
        return;
      }
      if (c === "[" && /[:.=]/.test(this.s[this.i + 1] ?? "")) {
        // [:class:], [.collating element.], [=equivalence class=]
        const close = this.s.indexOf(`${this.s[this.i + 1]}]`, this.i + 2);
        if (close < 0) throw invalid("brackets [] not balanced");
        this.i = close + 2;
      } else if (c === "\\") {
        this.escapeBody();
      } else this.i++;
    }
  }

  private escape(): { size: number; quantifiable: boolean } {
    const c = this.s[this.i + 1];
    if (c !== undefined && /[1-9]/.test(c)) {
      throw new Refused({
        code: "regex_backreference",
        message:
          "back-references (\\1 … \\9) are not accepted: matching them backtracks, at a cost that can grow exponentially",
      });
    }
    if (c !== undefined && CONSTRAINT_ESCAPES.has(c)) {
      this.i += 2;
      return { size: 1, quantifiable: false };
    }
    this.escapeBody();
    return { size: 1, quantifiable: true };
  }

  /** Consumes one escape (\ and what it takes); a character, a class or a literal, never structure. */
  private escapeBody(): void {
    const c = this.s[this.i + 1];
    if (c === undefined) throw invalid("invalid escape \\ sequence");
    this.i += 2;
    if (!/[A-Za-z0-9]/.test(c)) return; // \( \. \\ …: the character itself
    const hexRun = (max: number) => {
      let n = 0;
      while (n < max && /[0-9A-Fa-f]/.test(this.s[this.i] ?? "")) {
        this.i++;
        n++;
      }
      return n;
    };
    if (c === "c") {
      if (this.s[this.i] === undefined) throw invalid("invalid escape \\ sequence");
      this.i++; // \cX: control character X
    } else if (c === "u") {
      if (hexRun(4) !== 4) throw invalid("invalid escape \\ sequence");
    } else if (c === "U") {
      if (hexRun(8) !== 8) throw invalid("invalid escape \\ sequence");
    } else if (c === "x") {
      if (hexRun(8) === 0) throw invalid("invalid escape \\ sequence");
    } else if (c === "0") {
      while (/[0-7]/.test(this.s[this.i] ?? "")) this.i++;
    } else if (!CLASS_ESCAPES.has(c) && !ENTRY_ESCAPES.has(c) && !CONSTRAINT_ESCAPES.has(c)) {
      throw invalid("invalid escape \\ sequence");
    }
  }

  /** An atom and the quantifier after it, if any: the atom's size times the copies Postgres makes. */
  private quantified(atom: { size: number; quantifiable: boolean }): number {
    const c = this.peek();
    let copies: number;
    if (c === "*" || c === "+" || c === "?") {
      // Loops and an optional arc: no copies.
      this.i++;
      copies = 1;
    } else if (c === "{" && /[0-9]/.test(this.s[this.i + 1] ?? "")) {
      const m = /^\{(\d{1,3})(,(\d{0,3}))?\}/.exec(this.s.slice(this.i));
      if (!m) throw invalid("invalid repetition count(s)");
      const lo = Number(m[1]);
      const hi = m[2] === undefined ? lo : m[3] === "" ? null : Number(m[3]);
      if (lo > MAX_COUNT || (hi !== null && (hi > MAX_COUNT || hi < lo))) {
        throw invalid("invalid repetition count(s)");
      }
      this.i += m[0].length;
      // x{m,n} is n copies; x{m,} is m copies and a loop.
      copies = Math.max(1, hi ?? lo + 1);
    } else return atom.size;
    if (!atom.quantifiable) throw invalid("quantifier operand invalid");
    if (this.s[this.i] === "?") this.i++; // non-greedy
    const next = this.peek();
    if (next === "*" || next === "+" || next === "?" || (next === "{" && /[0-9]/.test(this.s[this.i + 1] ?? ""))) {
      throw invalid("quantifier operand invalid");
    }
    return atom.size * copies;
  }
}

/** Null when Postgres may run `pattern` as a log search; otherwise what is wrong with it. */
export function regexProblem(pattern: string, maxStates = REGEX_MAX_STATES): RegexProblem | null {
  let size: number;
  try {
    size = new Parser(pattern).run();
  } catch (err) {
    if (err instanceof Refused) return err.problem;
    throw err;
  }
  if (size <= maxStates) return null;
  return {
    code: "regex_too_complex",
    message:
      `the pattern unrolls to about ${size} states (at most ${maxStates}): Postgres copies x{m,n} n times, ` +
      "so nested or long counted repetitions multiply; use * or + instead of large counts",
  };
}
