/** Where and why an SGF text could not be read; `offset` counts UTF-16 code units from 0. */
export class SgfError extends Error {
  readonly offset: number;
  readonly line: number;
  readonly column: number;

  constructor(text: string, offset: number, problem: string) {
    const { line, column } = lineAndColumn(text, offset);
    super(`SGF error at offset ${offset} (line ${line}, column ${column}): ${problem}`);
    this.name = "SgfError";
    this.offset = offset;
    this.line = line;
    this.column = column;
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** A property value with escapes resolved, and where it starts in the text (for error messages). */
export type SgfValue = { text: string; offset: number };
export type SgfNode = { properties: Map<string, SgfValue[]>; offset: number; children: SgfNode[] };

const isSpace = (char: string | undefined) => char === " " || char === "\n" || char === "\r" || char === "\t";
const isUpper = (char: string | undefined) => char !== undefined && char >= "A" && char <= "Z";

/**
 * Parses the first game tree of an SGF collection (FF[4] syntax) into nodes; later game trees
 * are ignored. Iterative, so deeply nested variations cannot overflow the stack.
 */
export function parseSgfTree(text: string): SgfNode {
  let i = 0;
  const skipSpace = () => {
    while (isSpace(text[i])) i++;
  };
  const fail = (problem: string, at = i): never => {
    throw new SgfError(text, at, problem);
  };
  const describe = (at: number) => (at >= text.length ? "the end of the text" : `'${text[at]}'`);

  // Editors on Windows often save a byte-order mark first.
  if (text.startsWith("\uFEFF")) i = 1;
  skipSpace();
  if (text[i] !== "(") fail(`expected '(' to start a game tree, found ${describe(i)}`);
  let root: SgfNode | undefined;
  let current: SgfNode | undefined;
  // For each open '(': the node its variations hang from, and where it opened.
  const open: { parent: SgfNode | undefined; offset: number }[] = [];

  while (true) {
    skipSpace();
    const char = text[i];
    if (char === "(") {
      open.push({ parent: current, offset: i });
      i++;
      skipSpace();
      if (text[i] !== ";") fail(`expected ';' to start the first node of the game tree, found ${describe(i)}`);
    } else if (char === ";") {
      const node: SgfNode = { properties: new Map(), offset: i, children: [] };
      i++;
      if (current) current.children.push(node);
      else root = node;
      current = node;
      readProperties(node);
    } else if (char === ")") {
      const closed = open.pop();
      if (!closed) fail("unexpected ')': every ')' must close an earlier '('");
      i++;
      current = closed?.parent;
      if (open.length === 0) break;
    } else {
      const innermost = open[open.length - 1];
      const hint = innermost && i >= text.length ? ` to close the game tree opened at offset ${innermost.offset}` : "";
      fail(`expected ';', '(' or ')'${hint}, found ${describe(i)}`);
    }
  }
  return root as SgfNode;

  function readProperties(node: SgfNode): void {
    while (true) {
      skipSpace();
      if (!isUpper(text[i])) return;
      const identStart = i;
      while (isUpper(text[i])) i++;
      const ident = text.slice(identStart, i);
      if (node.properties.has(ident)) fail(`property ${ident} appears twice in one node; merge its values`, identStart);
      skipSpace();
      if (text[i] !== "[") fail(`expected '[' to start a value of property ${ident}, found ${describe(i)}`);
      const values: SgfValue[] = [];
      while (text[i] === "[") {
        values.push(readValue(ident));
        skipSpace();
      }
      node.properties.set(ident, values);
    }
  }

  function readValue(ident: string): SgfValue {
    const opened = i;
    i++;
    let value = "";
    while (text[i] !== "]") {
      if (i >= text.length) {
        fail(`expected ']' to close the value of ${ident} opened at offset ${opened}, found the end of the text`);
      }
      if (text[i] === "\\") {
        i++;
        // An escaped line break is a soft line break: it disappears from the value.
        if (text[i] === "\r" && text[i + 1] === "\n") i += 2;
        else if (text[i] === "\n" || text[i] === "\r") i++;
        else if (i < text.length) value += text[i++];
      } else {
        value += text[i++];
      }
    }
    i++;
    return { text: value, offset: opened + 1 };
  }
}
