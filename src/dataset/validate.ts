// Validates a dataset file completely before anything is written: shape, references, duplicates, slugs, quotes.
import { dirname } from 'node:path';
import { z } from 'zod';
import { DatasetLineError, type EntryLine, isDatasetLinesFile, readEntryLines, SECTIONS, type Section } from './dataset-lines.ts';
import { DATASET_FORMAT, DATASET_VERSION, type Dataset, datasetSchema, ROLES } from './format.ts';
import { quickParse, quickParseEntry } from './quick-parse.ts';
import { DatasetFileRefusal, readDatasetText } from './read-dataset-text.ts';
import { DocumentRefusal, readDocumentText } from './read-document.ts';
import { identifierSlug, slugify } from './slug.ts';

/** Two affiliations of one type with one organization differ by role or by what the source says of them. */
export const affiliationKey = (a: { role?: string | undefined; detail?: string | undefined }) =>
  `${a.role ?? ''}|${a.detail ?? ''}`;

export interface DatasetProblem {
  /** Where in the file, as a path: `credits[12].work`. */
  path: string;
  message: string;
  /** The line of a JSON Lines file the entry is on (from 1): shown as FILE:LINE. */
  line?: number;
}

export class InvalidDatasetError extends Error {
  readonly problems: DatasetProblem[];
  constructor(problems: DatasetProblem[], origin = 'dataset') {
    const shown = problems
      .slice(0, 50)
      .map((p) => `  ${p.line === undefined ? '' : `${origin}:${p.line}: `}${p.path ? `${p.path}: ` : ''}${p.message}`);
    const more = problems.length > 50 ? [`  … and ${problems.length - 50} more`] : [];
    super([`${origin} is invalid (${problems.length} problem(s)):`, ...shown, ...more].join('\n'));
    this.name = 'InvalidDatasetError';
    this.problems = problems;
  }
}

/** A document's `path` the dataset may not read: one line naming the dataset file, the document and the rule. */
export class DocumentPathRefusedError extends InvalidDatasetError {
  constructor(file: string, index: number, slug: string, path: string, reason: string) {
    const where = `documents[${index}].path`;
    super([{ path: where, message: `"${path}" refused: ${reason}` }], file);
    this.name = 'DocumentPathRefusedError';
    this.message = `${file}: ${where} of "${slug}": "${path}" refused: ${reason}`;
  }
}

/** A dataset file not read at all (too large): one line naming the file, its size and the limit. */
export class DatasetFileRefusedError extends InvalidDatasetError {
  constructor(file: string, reason: string) {
    super([{ path: '(file)', message: reason }], file);
    this.name = 'DatasetFileRefusedError';
    this.message = `${file}: ${reason}`;
  }
}

/** A JSON Lines file stopped at a line that cannot be read at all (too long, not JSON, no header): one line. */
export class DatasetLineRefusedError extends InvalidDatasetError {
  constructor(file: string, line: number, reason: string) {
    super([{ path: '', message: reason, line }], file);
    this.name = 'DatasetLineRefusedError';
    this.message = `${file}:${line}: ${reason}`;
  }
}

export interface ReadDatasetOptions {
  /**
   * The folder documents' paths are read from, named by the operator (`npm run import -- --documents-dir DIR`).
   * Default: the dataset file's own folder. Nothing outside it is ever read.
   */
  documentsDir?: string | undefined;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

function zodProblems(error: z.ZodError): DatasetProblem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path) || '(root)', message: issue.message }));
}

/** Parse and check a dataset; `documentTexts` (slug → text) enables the verbatim-quote check. */
export function validateDataset(raw: unknown, documentTexts?: ReadonlyMap<string, string>): Dataset {
  return checkedDataset(raw, documentTexts, false);
}

/** `owned`: raw was parsed for this call alone, so the dataset may be raw itself, defaults filled in (quickParse). */
function checkedDataset(raw: unknown, documentTexts: ReadonlyMap<string, string> | undefined, owned: boolean): Dataset {
  let data = quickParse(raw, owned);
  if (data === null) {
    const parsed = datasetSchema.safeParse(raw);
    if (!parsed.success) throw new InvalidDatasetError(zodProblems(parsed.error));
    data = parsed.data;
  }
  const problems = checkReferences(data, documentTexts);
  if (problems.length > 0) throw new InvalidDatasetError(problems);
  return data;
}

/**
 * Read a dataset file and the documents it quotes, then validate it all: the one way a dataset file is read (the seed,
 * SEED_DATASET, `npm run import`, `npm run export`, `npm run neo4j:import`). A document's `path` is read only from
 * inside `documentsDir` (read-document.ts); a dataset given as a value (validateDataset, the importDataset mutation)
 * reads no file at all.
 */
export async function readDatasetFile(file: string, options: ReadDatasetOptions = {}): Promise<Dataset> {
  if (isDatasetLinesFile(file)) return readDatasetLinesFile(file, options);
  const folder = options.documentsDir ?? dirname(file);
  let raw: unknown;
  try {
    raw = JSON.parse(await readDatasetText(file));
  } catch (error) {
    if (error instanceof DatasetFileRefusal) throw new DatasetFileRefusedError(file, error.message);
    throw new InvalidDatasetError([{ path: '(file)', message: (error as Error).message }], file);
  }
  const documentTexts = new Map<string, string>();
  const documents = (raw as { documents?: unknown }).documents;
  if (Array.isArray(documents))
    for (const [index, doc] of documents.entries()) await readDocumentOf(doc, index, folder, file, documentTexts);
  try {
    return checkedDataset(raw, documentTexts, true);
  } catch (error) {
    if (error instanceof InvalidDatasetError) throw new InvalidDatasetError(error.problems, file);
    throw error;
  }
}

/**
 * A document entry's text, read from its `path` inside `folder` into `documentTexts`; the text travels with the
 * dataset into the stores, so a source can be read in its context. A path refused or unreadable stops the read.
 */
async function readDocumentOf(
  doc: unknown,
  index: number,
  folder: string,
  file: string,
  documentTexts: Map<string, string>,
  line?: number,
): Promise<void> {
  const { slug, path } = (doc ?? {}) as { slug?: unknown; path?: unknown };
  if (typeof slug !== 'string' || typeof path !== 'string') return;
  let text: string;
  try {
    text = await readDocumentText(folder, path);
  } catch (error) {
    if (error instanceof DocumentRefusal) {
      const refused = new DocumentPathRefusedError(file, index, slug, path, error.message);
      if (line !== undefined) refused.message = refused.message.replace(`${file}: `, `${file}:${line}: `);
      throw refused;
    }
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new InvalidDatasetError(
      [
        {
          path: `documents[${index}].path`,
          message: `cannot read "${path}" (${reason})`,
          ...(line === undefined ? {} : { line }),
        },
      ],
      file,
    );
  }
  documentTexts.set(slug, text);
  if ((doc as { text?: unknown }).text === undefined) (doc as { text?: string }).text = text;
}

/** The schema of one entry of `section` (its list's element, under any default). */
function entrySchema(section: Section): z.ZodType {
  const list = datasetSchema.shape[section] as z.ZodType;
  return ((list instanceof z.ZodDefault ? list.unwrap() : list) as z.ZodArray<z.ZodType>).element;
}

/** `people[3]` and a zod path inside the entry (`name`, `[0]`, `sources[0].quote`) as one path. */
const entryPath = (section: Section, index: number, inner: string) =>
  inner === '(root)' ? `${section}[${index}]` : `${section}[${index}]${inner.startsWith('[') ? '' : '.'}${inner}`;

/**
 * One entry of a JSON Lines file checked on its own, by its section's schema (the big sections by quick-parse): the
 * entry with its defaults filled in, and its problems, each naming the line and the entry's place in its section.
 */
function checkEntry(section: Section, entry: unknown, index: number, line: number) {
  if (quickParseEntry(section, entry)) return { entry, problems: [] };
  const result = entrySchema(section).safeParse(entry);
  if (result.success) return { entry: result.data as unknown, problems: [] };
  return {
    entry,
    problems: zodProblems(result.error).map((problem) => ({
      path: entryPath(section, index, problem.path),
      message: problem.message,
      line,
    })),
  };
}

/** Rules on a section as a whole (at least one document) are the schema's, checked where the list is empty. */
function emptySectionProblems(isEmpty: (section: Section) => boolean): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  for (const section of SECTIONS)
    if (isEmpty(section)) {
      const result = datasetSchema.shape[section].safeParse([]);
      if (!result.success) problems.push(...zodProblems(result.error).map((p) => ({ ...p, path: section })));
    }
  return problems;
}

/** A failure while reading a JSON Lines file, as the InvalidDatasetError that names the file (and the line). */
function asDatasetError(file: string, error: unknown): InvalidDatasetError {
  if (error instanceof DatasetLineError) return new DatasetLineRefusedError(file, error.line, error.message);
  if (error instanceof InvalidDatasetError) return error;
  return new InvalidDatasetError([{ path: '(file)', message: (error as Error).message }], file);
}

/**
 * The entries of a JSON Lines dataset for a reader that holds none of them (the bulk import's stream): each checked on
 * its own as it is read, as readDatasetFile checks each line, and a document's text read from its path. What needs the
 * whole dataset (references, duplicates, quotes found verbatim) is not checked. Throws InvalidDatasetError naming
 * FILE:LINE at the first bad entry, before it is yielded.
 */
export async function* readCheckedEntries(file: string, options: ReadDatasetOptions = {}): AsyncGenerator<EntryLine> {
  const folder = options.documentsDir ?? dirname(file);
  const counts = new Map<Section, number>();
  try {
    for await (const { line, section, entry } of readEntryLines(file, { holdsEntries: false })) {
      const index = counts.get(section) ?? 0;
      counts.set(section, index + 1);
      const checked = checkEntry(section, entry, index, line);
      if (checked.problems.length > 0) throw new InvalidDatasetError(checked.problems, file);
      if (section === 'documents') await readDocumentOf(checked.entry, index, folder, file, new Map(), line);
      yield { line, section, entry: checked.entry };
    }
  } catch (error) {
    throw asDatasetError(file, error);
  }
  const problems = emptySectionProblems((section) => !counts.has(section));
  if (problems.length > 0) throw new InvalidDatasetError(problems, file);
}

/**
 * A JSON Lines dataset (dataset-lines.ts), read line by line and each entry checked as it is read (the big sections
 * by quick-parse, the rest by their schema), then the whole as readDatasetFile checks a JSON one: the same rules and
 * messages, each problem naming FILE:LINE of its entry. A line that cannot be read at all stops the read there.
 */
async function readDatasetLinesFile(file: string, options: ReadDatasetOptions): Promise<Dataset> {
  const folder = options.documentsDir ?? dirname(file);
  const data: Record<string, unknown[]> = Object.fromEntries(SECTIONS.map((section) => [section, []]));
  // The line of every entry, by section and place: a problem found across entries (a reference) names it.
  const lines = new Map<string, number[]>(SECTIONS.map((section) => [section, []]));
  const documentTexts = new Map<string, string>();
  const problems: DatasetProblem[] = [];
  try {
    for await (const { line, section, entry } of readEntryLines(file)) {
      const list = data[section] as unknown[];
      const index = list.length;
      const checked = checkEntry(section, entry, index, line);
      problems.push(...checked.problems);
      list.push(checked.entry);
      (lines.get(section) as number[]).push(line);
      if (section === 'documents') await readDocumentOf(checked.entry, index, folder, file, documentTexts, line);
    }
  } catch (error) {
    throw asDatasetError(file, error);
  }
  problems.push(...emptySectionProblems((section) => data[section]?.length === 0));
  if (problems.length > 0) throw new InvalidDatasetError(problems, file);
  const dataset = { format: DATASET_FORMAT, version: DATASET_VERSION, ...data } as Dataset;
  const found = checkReferences(dataset, documentTexts);
  if (found.length > 0)
    throw new InvalidDatasetError(
      found.map((problem) => {
        const [, section, index] = /^(\w+)\[(\d+)\]/.exec(problem.path) ?? [];
        const line = section === undefined ? undefined : lines.get(section)?.[Number(index)];
        return line === undefined ? problem : { ...problem, line };
      }),
      file,
    );
  return dataset;
}

function checkReferences(data: Dataset, documentTexts?: ReadonlyMap<string, string>): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  const index = (section: string, entries: readonly { slug: string }[], nameOf?: (e: never) => string) => {
    const seen = new Map<string, number>();
    entries.forEach((entry, i) => {
      const first = seen.get(entry.slug);
      if (first !== undefined) add(`${section}[${i}].slug`, `duplicate slug "${entry.slug}" (also ${section}[${first}])`);
      else seen.set(entry.slug, i);
      if (nameOf) {
        const base = slugify(nameOf(entry as never));
        // A name with no Latin letters or digits ("坂本龍一") has no base: its slug is the source's own key.
        if (base !== '' && entry.slug !== base && !entry.slug.startsWith(`${base}-`))
          add(
            `${section}[${i}].slug`,
            `"${entry.slug}" is not derived from its name (expected "${base}" or "${base}-<kind|year>")`,
          );
      }
    });
    return seen;
  };
  const documents = index('documents', data.documents);
  const texts = new Map(data.documents.flatMap((d) => (d.text === undefined ? [] : [[d.slug, d.text] as const])));
  const people = index('people', data.people, (p: { name: string }) => p.name);
  const works = index('works', data.works, (w: { title: string }) => w.title);
  const places = index('places', data.places, (p: { name: string }) => p.name);
  const organizations = index('organizations', data.organizations, (o: { name: string }) => o.name);
  const awards = index('awards', data.awards, (a: { name: string }) => a.name);
  const awardWins = index('awardWins', data.awardWins);
  index('conflicts', data.conflicts);

  // Paths are built only for a problem: a big catalogue has millions of references and almost never one.
  const ref = (path: () => string, kind: string, known: Map<string, number>, slug: string | undefined) => {
    if (slug !== undefined && !known.has(slug)) add(path(), `unknown ${kind} "${slug}"`);
  };
  const checkSource = (at: () => string, source: { document: string; quote: string }) => {
    ref(() => `${at()}.document`, 'document', documents, source.document);
    const text = documentTexts?.get(source.document) ?? texts.get(source.document);
    if (text !== undefined && !text.includes(source.quote))
      add(`${at()}.quote`, `not found verbatim in document "${source.document}": "${source.quote.slice(0, 80)}"`);
  };
  const sections = [
    'people',
    'works',
    'places',
    'organizations',
    'awards',
    'credits',
    'workLinks',
    'memberships',
    'births',
    'affiliations',
    'locations',
    'organizationParts',
    'associations',
    'awardWins',
  ] as const;
  for (const section of sections)
    data[section].forEach((entry, i) => {
      entry.sources.forEach((source, j) => {
        checkSource(() => `${section}[${i}].sources[${j}]`, source);
      });
    });

  checkIdentifiers(data, add);
  data.people.forEach((p, i) => {
    ref(() => `people[${i}].area`, 'place', places, p.area);
  });
  data.works.forEach((w, i) => {
    if (w.year !== undefined && w.endYear !== undefined && w.endYear < w.year)
      add(`works[${i}].endYear`, `${w.endYear} is before year ${w.year}`);
  });
  const groups = new Set(data.people.filter((p) => p.isGroup).map((p) => p.slug));
  const unique = (section: string, keys: string[]) => {
    const seen = new Map<string, number>();
    keys.forEach((key, i) => {
      const first = seen.get(key);
      if (first !== undefined) add(`${section}[${i}]`, `duplicate of ${section}[${first}]; merge their sources`);
      else seen.set(key, i);
    });
  };

  checkCredits(data, people, works, add);
  data.workLinks.forEach((l, i) => {
    ref(() => `workLinks[${i}].from`, 'work', works, l.from);
    ref(() => `workLinks[${i}].to`, 'work', works, l.to);
    if (l.from === l.to) add(`workLinks[${i}]`, 'a work cannot be part of itself');
  });
  unique(
    'workLinks',
    data.workLinks.map((l) => `${l.from}|${l.to}|${l.type}`),
  );
  data.memberships.forEach((m, i) => {
    ref(() => `memberships[${i}].person`, 'person', people, m.person);
    ref(() => `memberships[${i}].group`, 'person', people, m.group);
    if (people.has(m.group) && !groups.has(m.group)) add(`memberships[${i}].group`, `"${m.group}" is not a group`);
  });
  unique(
    'memberships',
    data.memberships.map((m) => `${m.person}|${m.group}`),
  );
  data.births.forEach((b, i) => {
    ref(() => `births[${i}].person`, 'person', people, b.person);
    ref(() => `births[${i}].place`, 'place', places, b.place);
    if (b.date === undefined && b.place === undefined) add(`births[${i}]`, 'a birth needs a date, a place or both');
  });
  unique(
    'births',
    data.births.map((b) => b.person),
  );
  data.affiliations.forEach((a, i) => {
    ref(() => `affiliations[${i}].person`, 'person', people, a.person);
    ref(() => `affiliations[${i}].organization`, 'organization', organizations, a.organization);
    if (a.startYear !== undefined && a.endYear !== undefined && a.endYear < a.startYear)
      add(`affiliations[${i}].endYear`, `${a.endYear} is before startYear ${a.startYear}`);
  });
  unique(
    'affiliations',
    data.affiliations.map((a) => `${a.person}|${a.organization}|${a.type}|${affiliationKey(a)}`),
  );
  data.locations.forEach((l, i) => {
    ref(() => `locations[${i}].organization`, 'organization', organizations, l.organization);
    ref(() => `locations[${i}].place`, 'place', places, l.place);
  });
  unique(
    'locations',
    data.locations.map((l) => `${l.organization}|${l.place}`),
  );
  data.organizationParts.forEach((p, i) => {
    ref(() => `organizationParts[${i}].organization`, 'organization', organizations, p.organization);
    ref(() => `organizationParts[${i}].parent`, 'organization', organizations, p.parent);
  });
  unique(
    'organizationParts',
    data.organizationParts.map((p) => `${p.organization}|${p.parent}`),
  );
  data.associations.forEach((a, i) => {
    ref(() => `associations[${i}].from`, 'person', people, a.from);
    ref(() => `associations[${i}].to`, 'person', people, a.to);
    if (a.from === a.to) add(`associations[${i}]`, 'a person cannot be associated with themself');
  });
  unique(
    'associations',
    data.associations.map((a) => `${a.from}|${a.to}|${a.type}`),
  );
  data.awardWins.forEach((w, i) => {
    ref(() => `awardWins[${i}].award`, 'award', awards, w.award);
    ref(() => `awardWins[${i}].work`, 'work', works, w.work);
    w.recipients.forEach((r, j) => {
      ref(() => `awardWins[${i}].recipients[${j}]`, 'person', people, r);
    });
  });
  const subjects = { person: people, work: works, awardWin: awardWins, organization: organizations, place: places };
  data.conflicts.forEach((c, i) => {
    c.about.forEach((s, j) => {
      ref(() => `conflicts[${i}].about[${j}].slug`, s.type, subjects[s.type], s.slug);
    });
    c.claims.forEach((claim, j) => {
      checkSource(() => `conflicts[${i}].claims[${j}].source`, claim.source);
    });
  });
  return problems;
}

/** Sections whose entries may carry identifiers; one identifier names one entry of the whole dataset. */
const IDENTIFIED = ['people', 'works', 'places', 'organizations', 'awards'] as const;

function checkIdentifiers(data: Dataset, add: (path: string, message: string) => void): void {
  const seen = new Map<string, string>();
  for (const section of IDENTIFIED)
    data[section].forEach((entry, i) => {
      entry.identifiers?.forEach((id, j) => {
        const key = identifierSlug(id.scheme, id.value);
        const at = `${section}[${i}].identifiers[${j}]`;
        const first = seen.get(key);
        if (first !== undefined) add(at, `${id.scheme} ${id.value} already names ${first}`);
        else seen.set(key, `${section}[${i}]`);
      });
    });
}

const roleIndex = new Map<string, number>(ROLES.map((role, i) => [role, i]));

/**
 * Every credit's person and work exist, and no two credits are of one person on one work in one role. A catalogue has
 * a million credits, so each slug is looked up once for both checks, and a credit is keyed by a number made from the
 * slug indexes, kept in a typed open-addressing table rather than a Map of joined strings; one whose person or work
 * is unknown falls back to the string. Duplicates are reported after every unknown slug, as two passes would.
 */
function checkCredits(
  { credits, people: peopleList, works: workList }: Dataset,
  people: Map<string, number>,
  works: Map<string, number>,
  add: (path: string, message: string) => void,
): void {
  // Slug indexes are places in the dataset's lists, which may hold a slug twice: the key spans the lists' lengths.
  const personSpan = peopleList.length;
  const workSpan = workList.length;
  const exact = personSpan * workSpan * ROLES.length <= Number.MAX_SAFE_INTEGER;
  let capacity = 1024;
  while (capacity < 2 * credits.length) capacity *= 2;
  const keys = new Float64Array(capacity).fill(-1);
  const firsts = new Int32Array(capacity);
  const byString = new Map<string, number>();
  const duplicates: [number, number][] = [];
  const firstOf = (key: number, i: number): number => {
    const mask = capacity - 1;
    let slot = Math.imul((key % 0x100000000) ^ Math.imul(Math.floor(key / 0x100000000), 0x85ebca6b), 0x9e3779b1) & mask;
    for (; keys[slot] !== -1; slot = (slot + 1) & mask) if (keys[slot] === key) return firsts[slot] as number;
    keys[slot] = key;
    firsts[slot] = i;
    return i;
  };
  credits.forEach((c, i) => {
    const person = people.get(c.person);
    const work = works.get(c.work);
    if (person === undefined) add(`credits[${i}].person`, `unknown person "${c.person}"`);
    if (work === undefined) add(`credits[${i}].work`, `unknown work "${c.work}"`);
    let first: number;
    if (person === undefined || work === undefined || !exact) {
      const key = `${c.person}|${c.work}|${c.role}`;
      first = byString.get(key) ?? i;
      if (first === i) byString.set(key, i);
    } else first = firstOf((person * workSpan + work) * ROLES.length + (roleIndex.get(c.role) ?? 0), i);
    if (first !== i) duplicates.push([i, first]);
  });
  for (const [i, first] of duplicates) add(`credits[${i}]`, `duplicate of credits[${first}]; merge their sources`);
}
