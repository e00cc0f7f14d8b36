// Parses the text of a Discogs XML dump into records, chunk by chunk, on whichever thread runs it: the reader's own
// (artists, labels, masters) or a worker's, for a batch of a releases dump (read-dump.ts, parse-worker.ts).
//
// saxes parses the text as it arrives; only the record being read (one <release>, with its tracklist) is held as a
// tree, handed to the sink when it closes, and dropped. A record is bounded in characters, elements and depth
// (INPUT_LIMITS), so a small .gz of one endless record is refused, not held until the heap runs out.
import { SaxesParser } from 'saxes';
import { describeLimit, INPUT_LIMITS } from '../../input-limits.ts';
import type { DiscogsEntityType } from './convert.ts';
import { DiscogsInputError } from './errors.ts';
import { SHAPES, type XmlNode } from './xml-shape.ts';

/** `where` names the record for error messages: `line 12 (release 2)`. */
export type RecordSink = (type: DiscogsEntityType, entity: Record<string, unknown>, where: string) => void;

/** The dump's root element → the type of its records. */
export const ROOTS: Record<string, DiscogsEntityType> = {
  releases: 'release',
  masters: 'master',
  artists: 'artist',
  labels: 'label',
};

/** Where the parsed text begins in the file: a worker's batch starts on line `line`, `column` characters in. */
export interface TextStart {
  line: number;
  column: number;
}

/**
 * The text as a string of its own. saxes hands over slices of the chunk it parses, and V8 keeps a slice's whole
 * chunk (a megabyte) alive as long as the slice: an artist's name kept to the end of the conversion would keep its
 * chunk. Concatenation makes a string that refers to the slice; slicing that copies it flat.
 */
const detached = (text: string): string => (text.length === 0 ? text : ` ${text}`.slice(1));

export class DumpParser {
  private readonly parser = new SaxesParser({ position: true });
  private type: DiscogsEntityType | undefined;
  private depth = 0;
  private count = 0;
  private recordLine = 0;
  /** Elements of the record being read, and where in the text it (or, between records, the last one's end) began. */
  private elements = 0;
  private mark = 0;
  private readonly stack: XmlNode[] = [];
  /** What the sink threw (a full disk): it passes through `write` as itself, not as a fault of the XML. */
  private sinkError: unknown;

  private readonly file: string;
  private readonly sink: RecordSink;
  /** The type the file's name says, checked against its root; undefined for a name that says none. */
  private readonly named: DiscogsEntityType | undefined;
  private readonly start: TextStart;

  constructor(file: string, sink: RecordSink, named: DiscogsEntityType | undefined, start: TextStart = { line: 1, column: 0 }) {
    this.file = file;
    this.sink = sink;
    this.named = named;
    this.start = start;
    const parser = this.parser;
    parser.on('opentag', (tag) => this.open(tag.name, tag.attributes as Record<string, string>));
    parser.on('text', (text) => {
      const top = this.stack[this.stack.length - 1];
      // Only leaves keep text; the whitespace between elements of a record is dropped as it comes.
      if (top !== undefined && top.children.length === 0) top.text += detached(text);
    });
    parser.on('closetag', () => this.close());
  }

  /** The record type, once the root element was read. */
  get recordType(): DiscogsEntityType | undefined {
    return this.type;
  }

  get records(): number {
    return this.count;
  }

  /** Line `line` of the parsed text as a line of the file (`column` too on the text's first line). */
  private position(line: number, column: number): string {
    return `line ${line + this.start.line - 1}, column ${line === 1 ? column + this.start.column : column}`;
  }

  private fail(problem: string, line = this.parser.line, column = this.parser.column): never {
    throw new DiscogsInputError(this.file, this.position(line, column), problem);
  }

  private fileLine(line: number): number {
    return line + this.start.line - 1;
  }

  private open(name: string, attributes: Record<string, string>): void {
    this.depth++;
    if (this.depth === 1) {
      this.type = ROOTS[name];
      if (this.type === undefined)
        this.fail(
          `<${name}> is not the root of a Discogs dump (${Object.keys(ROOTS)
            .map((r) => `<${r}>`)
            .join(', ')})`,
        );
      if (this.named !== undefined && this.named !== this.type)
        this.fail(`the file is named for ${this.named} records but holds <${name}>`);
      return;
    }
    const begun = () => this.fileLine(this.recordLine);
    if (this.depth === 2) {
      if (name !== this.type) this.fail(`<${name}> inside <${this.type}s>: expected <${this.type}> records`);
      this.recordLine = this.parser.line;
      this.elements = 0;
      this.mark = this.parser.position;
    }
    if (++this.elements > INPUT_LIMITS.xmlRecordElements)
      this.fail(`the record begun on line ${begun()} holds more elements than ${describeLimit('xmlRecordElements')}`);
    if (this.depth - 1 > INPUT_LIMITS.xmlRecordDepth)
      this.fail(`elements nested deeper than ${describeLimit('xmlRecordDepth')} in the record begun on line ${begun()}`);
    for (const key in attributes) attributes[key] = detached(attributes[key] as string);
    const node: XmlNode = { name, attrs: attributes, children: [], text: '' };
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.children.push(node);
    this.stack.push(node);
  }

  private close(): void {
    this.depth--;
    if (this.depth === 0) return;
    const node = this.stack.pop() as XmlNode;
    if (this.depth !== 1) return;
    this.mark = this.parser.position;
    const type = this.type as DiscogsEntityType;
    const entity = SHAPES[type](node);
    const id = node.attrs.id ?? node.children.find((c) => c.name === 'id')?.text.trim();
    try {
      this.sink(type, entity, `line ${this.fileLine(this.recordLine)} (${type} ${id ?? 'without id'})`);
    } catch (error) {
      this.sinkError = error;
      throw error;
    }
    this.count++;
  }

  /** Parse the next chunk of text; its closed records go to the sink. Throws DiscogsInputError. */
  write(chunk: string): void {
    try {
      this.parser.write(chunk);
    } catch (error) {
      if (error instanceof DiscogsInputError || error === this.sinkError) throw error;
      // saxes says where ("3:18: unexpected close tag."); say it the way every other input error does.
      this.fail(`not well-formed XML: ${(error as Error).message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')}`);
    }
    // Checked once a chunk: saxes holds a text or an attribute until it ends, so one that never ends is caught here.
    if (this.parser.position - this.mark > INPUT_LIMITS.xmlRecordChars)
      this.fail(
        this.depth >= 2
          ? `the record begun on line ${this.fileLine(this.recordLine)} is longer than ${describeLimit('xmlRecordChars')}`
          : `${describeLimit('xmlRecordChars')} without a record`,
      );
  }

  /** The end of the text: throws if it ends inside an element. */
  end(): void {
    try {
      this.parser.close();
    } catch (error) {
      this.fail(`not well-formed XML (a truncated dump?): ${(error as Error).message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')}`);
    }
  }
}
