/**
 * Where and why a line is not valid JSON. V8's JSON.parse messages often omit the position
 * ("Unexpected token '}', … is not valid JSON") and may quote the whole line, so this re-scans the
 * failed line with a small recognizer and names the column (1-based) of the first problem.
 * Only called on lines JSON.parse rejected.
 */
export function describeJsonError(text: string, parseMessage: string): string {
  try {
    new Recognizer(text).document();
  } catch (error) {
    if (error instanceof SyntaxProblem) return error.message;
  }
  // The recognizer found nothing (or nesting too deep for it): fall back to V8's words, shortened.
  return parseMessage.replace(/,\s*".*" is not valid JSON$/s, "").slice(0, 200);
}

class SyntaxProblem extends Error {}

const MAX_DEPTH = 500;

class Recognizer {
  private i = 0;

  constructor(private readonly s: string) {}

  document(): void {
    this.value(0);
    this.space();
    if (this.i < this.s.length) this.fail(`unexpected ${this.shown()} after the end of the JSON value`);
  }

  private value(depth: number): void {
    if (depth > MAX_DEPTH) throw new Error("too deep");
    this.space();
    const c = this.s[this.i];
    if (c === "{") this.object(depth);
    else if (c === "[") this.array(depth);
    else if (c === '"') this.string();
    else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) this.number();
    else this.literal(c);
  }

  private literal(c: string | undefined): void {
    for (const word of ["true", "false", "null"]) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return;
      }
    }
    this.fail(c === undefined ? "unexpected end of line, expected a value" : `unexpected ${this.shown()}`);
  }

  private object(depth: number): void {
    this.i++;
    this.space();
    if (this.s[this.i] === "}") {
      this.i++;
      return;
    }
    for (;;) {
      this.space();
      if (this.s[this.i] !== '"') this.fail(`expected a "quoted" property name, found ${this.shown()}`);
      this.string();
      this.space();
      if (this.s[this.i] !== ":") this.fail(`expected ":" after the property name, found ${this.shown()}`);
      this.i++;
      this.value(depth + 1);
      this.space();
      const c = this.s[this.i];
      this.i++;
      if (c === "}") return;
      if (c !== ",") this.fail(`expected "," or "}" after a property value, found ${this.shown(-1)}`, -1);
    }
  }

  private array(depth: number): void {
    this.i++;
    this.space();
    if (this.s[this.i] === "]") {
      this.i++;
      return;
    }
    for (;;) {
      this.value(depth + 1);
      this.space();
      const c = this.s[this.i];
      this.i++;
      if (c === "]") return;
      if (c !== ",") this.fail(`expected "," or "]" after an array element, found ${this.shown(-1)}`, -1);
    }
  }

  private string(): void {
    const start = this.i;
    this.i++;
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined) this.fail(`unterminated string (opened at column ${start + 1})`);
      if (c === '"') {
        this.i++;
        return;
      }
      if (c < " ") this.fail("control character (such as a raw tab or line break) inside a string; escape it");
      if (c === "\\") {
        const e = this.s[this.i + 1];
        if (e !== undefined && '"\\/bfnrt'.includes(e)) this.i += 2;
        else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(this.s.slice(this.i + 2, this.i + 6))) this.i += 6;
        else this.fail(`invalid escape sequence in a string`);
      } else this.i++;
    }
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i, this.i + 400));
    if (!match) this.fail("invalid number");
    this.i += (match as RegExpExecArray)[0].length;
  }

  private space(): void {
    while (" \t\r\n".includes(this.s[this.i] ?? "x")) this.i++;
  }

  private shown(offset = 0): string {
    const c = this.s[this.i + offset];
    return c === undefined ? "end of line" : JSON.stringify(c);
  }

  private fail(reason: string, offset = 0): never {
    throw new SyntaxProblem(`${reason} at column ${this.i + offset + 1}`);
  }
}
