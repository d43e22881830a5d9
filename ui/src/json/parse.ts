/**
 * A JSON parser that keeps what the server wrote: numbers as their source text (JSON.parse
 * rounds 64-bit IDs like 9007199254740993), object keys in written order (JSON.parse moves
 * integer-like keys first) and duplicate keys. The tree view must show the body as sent.
 */

export type JsonNode =
  | { type: "object"; entries: Array<[string, JsonNode]> }
  | { type: "array"; items: JsonNode[] }
  | { type: "string"; value: string }
  | { type: "number"; text: string }
  | { type: "boolean"; value: boolean }
  | { type: "null" };

class JsonSyntaxError extends SyntaxError {}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The parsed tree, or null when the text is not exactly one JSON value. */
export function parseJson(source: string): JsonNode | null {
  try {
    return new Parser(source).document();
  } catch (error) {
    // RangeError: nesting deeper than the call stack; the raw view still shows it.
    if (error instanceof SyntaxError || error instanceof RangeError) return null;
    throw error;
  }
}

class Parser {
  private pos: number;

  constructor(private readonly source: string) {
    this.pos = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  document(): JsonNode {
    const root = this.value();
    this.skipSpace();
    if (this.pos !== this.source.length) this.fail();
    return root;
  }

  private value(): JsonNode {
    this.skipSpace();
    switch (this.source[this.pos]) {
      case "{":
        return this.object();
      case "[":
        return this.array();
      case '"':
        return { type: "string", value: this.string() };
      case "t":
        this.literal("true");
        return { type: "boolean", value: true };
      case "f":
        this.literal("false");
        return { type: "boolean", value: false };
      case "n":
        this.literal("null");
        return { type: "null" };
      default:
        return { type: "number", text: this.number() };
    }
  }

  private object(): JsonNode {
    this.pos += 1;
    const entries: Array<[string, JsonNode]> = [];
    this.skipSpace();
    if (this.source[this.pos] === "}") {
      this.pos += 1;
      return { type: "object", entries };
    }
    for (;;) {
      this.skipSpace();
      if (this.source[this.pos] !== '"') this.fail();
      const key = this.string();
      this.skipSpace();
      this.expect(":");
      entries.push([key, this.value()]);
      if (this.endOfList("}")) return { type: "object", entries };
    }
  }

  private array(): JsonNode {
    this.pos += 1;
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.source[this.pos] === "]") {
      this.pos += 1;
      return { type: "array", items };
    }
    for (;;) {
      items.push(this.value());
      if (this.endOfList("]")) return { type: "array", items };
    }
  }

  /** After a member: true at the closing bracket, false after a comma. */
  private endOfList(close: "}" | "]"): boolean {
    this.skipSpace();
    const next = this.source[this.pos];
    this.pos += 1;
    if (next === close) return true;
    if (next !== ",") this.fail();
    return false;
  }

  private string(): string {
    const start = this.pos;
    let escaped = false;
    this.pos += 1;
    for (;;) {
      const code = this.source.charCodeAt(this.pos);
      if (Number.isNaN(code) || code < 0x20) this.fail();
      if (code === 0x22) break;
      if (code === 0x5c) {
        escaped = true;
        this.pos += 2;
      } else {
        this.pos += 1;
      }
    }
    this.pos += 1;
    const quoted = this.source.slice(start, this.pos);
    // Escapes are rare; the native parser decodes (and validates) them exactly.
    return escaped ? (JSON.parse(quoted) as string) : quoted.slice(1, -1);
  }

  private number(): string {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.source);
    if (!match) this.fail();
    this.pos += match[0].length;
    return match[0];
  }

  private literal(word: string): void {
    if (!this.source.startsWith(word, this.pos)) this.fail();
    this.pos += word.length;
  }

  private expect(char: string): void {
    if (this.source[this.pos] !== char) this.fail();
    this.pos += 1;
  }

  private skipSpace(): void {
    const { source } = this;
    while (this.pos < source.length) {
      const code = source.charCodeAt(this.pos);
      if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return;
      this.pos += 1;
    }
  }

  private fail(): never {
    throw new JsonSyntaxError(`Invalid JSON at offset ${this.pos}`);
  }
}
