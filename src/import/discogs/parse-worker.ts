// Runs in a worker thread (read-dump.ts): one batch of a releases dump's records, parsed and shaped, sent back as JSON
// text, which crosses threads cheaper than the objects would.
import { DumpParser } from './dump-parser.ts';
import { DiscogsInputError } from './errors.ts';

export interface BatchTask {
  file: string;
  /** Whole `<release>` records, as the dump has them, and where in the file they begin. */
  text: string;
  line: number;
  column: number;
}

/** `records` is a JSON list of `[where, entity]`; a bad record comes back as what DiscogsInputError says. */
export type BatchResult = { ok: true; records: string } | { ok: false; where: string; problem: string };

const ROOT = '<releases>';

export default function parseBatch({ file, text, line, column }: BatchTask): BatchResult {
  const records: [string, Record<string, unknown>][] = [];
  // A root around the records makes the batch a document of its own; columns on its first line count from the batch.
  const parser = new DumpParser(file, (_type, entity, where) => records.push([where, entity]), 'release', {
    line,
    column: column - ROOT.length,
  });
  try {
    parser.write(`${ROOT}${text}</releases>`);
    parser.end();
  } catch (error) {
    if (error instanceof DiscogsInputError) return { ok: false, where: error.where, problem: error.problem };
    throw error;
  }
  return { ok: true, records: JSON.stringify(records) };
}
