/**
 * The safe arithmetic formula of the `custom` scoring model (SPEC §3):
 * a tokenizer and a recursive-descent parser into an {@link Expr} tree, and an
 * evaluator over an item's fields. Never `eval` or `Function`.
 *
 * Grammar (unary binds tighter than `*` `/`, which bind tighter than `+` `-`):
 *   expr    = term (("+" | "-") term)*
 *   term    = unary (("*" | "/") unary)*
 *   unary   = ("+" | "-") unary | primary
 *   primary = number | name | name "(" [expr ("," expr)*] ")" | "(" expr ")"
 */

/** The functions a formula may call. */
export type FormulaFunction = "min" | "max" | "round" | "abs";

/** A parsed formula; `offset` is where the node starts in the source. */
export type Expr =
  | { kind: "number"; value: number; offset: number }
  | { kind: "field"; name: string; offset: number }
  | { kind: "unary"; op: "+" | "-"; operand: Expr; offset: number }
  | { kind: "binary"; op: "+" | "-" | "*" | "/"; left: Expr; right: Expr; offset: number }
  | { kind: "call"; fn: FormulaFunction; args: Expr[]; offset: number };

/** A syntax error, located by a 0-based `offset` and `length` in the source. */
export interface FormulaError {
  message: string;
  offset: number;
  length: number;
}

/** The result of {@link parseFormula}; `fields` are unique, in order of first use. */
export type ParseFormulaResult =
  | { ok: true; expr: Expr; fields: string[] }
  | { ok: false; error: FormulaError };

/** The result of {@link evaluateFormula}. */
export type EvaluateFormulaResult =
  | { ok: true; value: number }
  | { ok: false; missing: string[] }
  | { ok: false; missing: []; reason: string };

const FUNCTIONS: Record<FormulaFunction, { min: number; max: number }> = {
  min: { min: 1, max: Infinity },
  max: { min: 1, max: Infinity },
  round: { min: 1, max: 1 },
  abs: { min: 1, max: 1 },
};
const MAX_LENGTH = 2000;
const MAX_DEPTH = 64;
const OPERAND = "expected a number, a field name or `(`";
const HINTS: Record<string, string> = {
  "×": "use `*` to multiply",
  "÷": "use `/` to divide",
  "−": "use `-` to subtract",
  "^": "powers are not supported: multiply instead",
  "%": "percentages are not supported: divide by 100 instead",
};

interface Token {
  type: "number" | "name" | "punct" | "end";
  text: string;
  offset: number;
}

class SyntaxFailure {
  constructor(readonly error: FormulaError) {}
}

function fail(message: string, offset: number, length: number): never {
  throw new SyntaxFailure({ message, offset, length });
}

function describe(token: Token): string {
  if (token.type === "end") return "end of formula";
  if (token.type === "number") return `number \`${token.text}\``;
  if (token.type === "name") return `name \`${token.text}\``;
  return `\`${token.text}\``;
}

function unexpected(token: Token, expected: string): never {
  const where = `at column ${token.offset + 1}`;
  fail(`Unexpected ${describe(token)} ${where}: ${expected}`, token.offset, token.text.length);
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s+|([0-9]+(?:\.[0-9]+)?|\.[0-9]+)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/(),])/y;
  let offset = 0;
  while (offset < source.length) {
    pattern.lastIndex = offset;
    const match = pattern.exec(source);
    if (match === null) {
      const char = String.fromCodePoint(source.codePointAt(offset) ?? 0);
      const hint = HINTS[char] ?? "expected a number, a field name, an operator (+ - * /) or a parenthesis";
      fail(`Unexpected character \`${char}\` at column ${offset + 1}: ${hint}`, offset, char.length);
    }
    const type = match[1] ? "number" : match[2] ? "name" : match[3] ? "punct" : undefined;
    if (type) tokens.push({ type, text: match[0], offset });
    offset = pattern.lastIndex;
  }
  tokens.push({ type: "end", text: "", offset: source.length });
  return tokens;
}

class Parser {
  private index = 0;
  private depth = 0;
  readonly fields: string[] = [];

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    return this.tokens[this.index++];
  }

  private isPunct(text: string): boolean {
    const token = this.peek();
    return token.type === "punct" && token.text === text;
  }

  /** Parses the whole formula and rejects anything left over. */
  parseFormula(): Expr {
    const expr = this.parseExpr();
    const rest = this.peek();
    if (rest.type === "end") return expr;
    if (rest.text === ")") unexpected(rest, "there is no `(` to close; remove it");
    unexpected(rest, "expected an operator (+ - * /) or the end of the formula");
  }

  private parseExpr(): Expr {
    return this.parseBinary("+", "-", () => this.parseTerm());
  }

  private parseTerm(): Expr {
    return this.parseBinary("*", "/", () => this.parseUnary());
  }

  /** A left-associative chain of operands joined by either of two operators of one precedence. */
  private parseBinary<Op extends "+" | "-" | "*" | "/">(a: Op, b: Op, operand: () => Expr): Expr {
    let left = operand();
    while (this.isPunct(a) || this.isPunct(b)) {
      const op = this.next().text as Op;
      left = { kind: "binary", op, left, right: operand(), offset: left.offset };
    }
    return left;
  }

  private parseUnary(): Expr {
    const token = this.peek();
    if (++this.depth > MAX_DEPTH) {
      fail(`Formula nests deeper than ${MAX_DEPTH} levels at column ${token.offset + 1}: simplify it`, token.offset, 1);
    }
    try {
      if (this.isPunct("+") || this.isPunct("-")) {
        this.next();
        return { kind: "unary", op: token.text as "+" | "-", operand: this.parseUnary(), offset: token.offset };
      }
      return this.parsePrimary();
    } finally {
      this.depth--;
    }
  }

  private parsePrimary(): Expr {
    const token = this.next();
    if (token.type === "number") return { kind: "number", value: Number(token.text), offset: token.offset };
    if (token.type === "name") return this.isPunct("(") ? this.parseCall(token) : this.parseField(token);
    if (token.type === "punct" && token.text === "(") {
      const expr = this.parseExpr();
      this.expectClose(token, "expected an operator (+ - * /) or `)`");
      return expr;
    }
    unexpected(token, OPERAND);
  }

  private parseField(token: Token): Expr {
    const name = token.text;
    if (name.startsWith("__") || name === "constructor" || name === "prototype") {
      fail(`Field name \`${name}\` at column ${token.offset + 1} is not allowed: use an item field such as \`impact\``, token.offset, name.length);
    }
    if (!this.fields.includes(name)) this.fields.push(name);
    return { kind: "field", name, offset: token.offset };
  }

  private parseCall(name: Token): Expr {
    if (!Object.prototype.hasOwnProperty.call(FUNCTIONS, name.text)) {
      fail(`Unknown function \`${name.text}\` at column ${name.offset + 1}: use min, max, round or abs`, name.offset, name.text.length);
    }
    const fn = name.text as FormulaFunction;
    const open = this.next();
    const args: Expr[] = [];
    if (!this.isPunct(")")) {
      args.push(this.parseExpr());
      while (this.isPunct(",")) {
        this.next();
        args.push(this.parseExpr());
      }
    }
    this.expectClose(open, "expected an operator (+ - * /), `,` or `)`");
    const { min, max } = FUNCTIONS[fn];
    if (args.length < min || args.length > max) {
      const wanted = min === max ? `${min} argument` : `at least ${min} argument`;
      fail(`\`${fn}\` takes ${wanted}, got ${args.length}`, name.offset, name.text.length);
    }
    return { kind: "call", fn, args, offset: name.offset };
  }

  private expectClose(open: Token, expected: string): void {
    const token = this.next();
    if (token.type === "punct" && token.text === ")") return;
    if (token.type === "end") fail(`Unclosed \`(\` at column ${open.offset + 1}: add \`)\``, open.offset, 1);
    unexpected(token, expected);
  }
}

/** Parses a formula; never throws. Syntax errors carry the offending offset. */
export function parseFormula(source: string): ParseFormulaResult {
  if (source.trim() === "") {
    return { ok: false, error: { message: "Empty formula: write an expression such as `(impact * 2 + urgency) / effort`", offset: 0, length: source.length } };
  }
  if (source.length > MAX_LENGTH) {
    return { ok: false, error: { message: `Formula is ${source.length} characters long: keep it under ${MAX_LENGTH}`, offset: MAX_LENGTH, length: source.length - MAX_LENGTH } };
  }
  try {
    const parser = new Parser(tokenize(source));
    const expr = parser.parseFormula();
    return { ok: true, expr, fields: parser.fields };
  } catch (caught) {
    if (caught instanceof SyntaxFailure) return { ok: false, error: caught.error };
    throw caught;
  }
}

/** Reads a field as a finite number from the object's own properties, else `undefined`. */
export function readNumber(fields: Record<string, unknown>, name: string): number | undefined {
  if (!Object.prototype.hasOwnProperty.call(fields, name)) return undefined;
  const value = fields[name];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function collectMissing(expr: Expr, fields: Record<string, unknown>, missing: Set<string>): void {
  switch (expr.kind) {
    case "number": return;
    case "field": if (readNumber(fields, expr.name) === undefined) missing.add(expr.name); return;
    case "unary": collectMissing(expr.operand, fields, missing); return;
    case "binary": collectMissing(expr.left, fields, missing); collectMissing(expr.right, fields, missing); return;
    case "call": for (const arg of expr.args) collectMissing(arg, fields, missing); return;
  }
}

/** Evaluates with all fields present; a division by zero yields NaN and sets the flag. */
function evaluate(expr: Expr, fields: Record<string, unknown>, state: { divisionByZero: boolean }): number {
  switch (expr.kind) {
    case "number": return expr.value;
    case "field": return readNumber(fields, expr.name) ?? NaN;
    case "unary": {
      const value = evaluate(expr.operand, fields, state);
      return expr.op === "-" ? -value : value;
    }
    case "binary": {
      const left = evaluate(expr.left, fields, state);
      const right = evaluate(expr.right, fields, state);
      if (expr.op === "+") return left + right;
      if (expr.op === "-") return left - right;
      if (expr.op === "*") return left * right;
      if (right === 0) state.divisionByZero = true;
      return right === 0 ? NaN : left / right;
    }
    case "call": {
      const args = expr.args.map((arg) => evaluate(arg, fields, state));
      if (expr.fn === "min") return Math.min(...args);
      if (expr.fn === "max") return Math.max(...args);
      return expr.fn === "round" ? Math.round(args[0]) : Math.abs(args[0]);
    }
  }
}

/**
 * Evaluates a parsed formula over an item's fields. A field that is not an own
 * property holding a finite number is missing; all missing fields are listed,
 * sorted. Division by zero and non-finite results are failures, never scores.
 */
export function evaluateFormula(expr: Expr, fields: Record<string, unknown>): EvaluateFormulaResult {
  const missing = new Set<string>();
  collectMissing(expr, fields, missing);
  if (missing.size > 0) return { ok: false, missing: [...missing].sort() };
  const state = { divisionByZero: false };
  const value = evaluate(expr, fields, state);
  if (state.divisionByZero) return { ok: false, missing: [], reason: "division by zero" };
  if (!Number.isFinite(value)) return { ok: false, missing: [], reason: "result is not a finite number" };
  return { ok: true, value };
}
