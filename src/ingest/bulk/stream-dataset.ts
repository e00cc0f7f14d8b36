// A JSON Lines dataset turned into rows as it is read, for the bulk import: each entry checked on its own
// (readCheckedEntries) and mapped by entryRows, the mapping datasetToRows uses, into a sink that writes it at once.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Dataset } from '../../dataset/format.ts';
import { type ReadDatasetOptions, readCheckedEntries } from '../../dataset/validate.ts';
import { entryRows, type RowSink } from '../../graph/rows.ts';

type Person = Dataset['people'][number];
type Birth = Dataset['births'][number];

/**
 * People wait here until the file's last line: a birth date is a property of the person's row, and a birth may come
 * on any line, before or after its person. On disk, so a catalogue's millions of people take no heap; in line order,
 * so of two lines for one person the later is written last and kept, as for every other row.
 */
class PeopleSpill {
  readonly #file: string;
  readonly #db: DatabaseSync;
  readonly #addPerson;
  readonly #addBirth;

  constructor(file: string) {
    this.#file = file;
    rmSync(file, { force: true });
    this.#db = new DatabaseSync(file);
    this.#db.exec(`
      PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -16384;
      CREATE TABLE people (seq INTEGER PRIMARY KEY, slug TEXT, entry TEXT);
      CREATE TABLE births (person TEXT PRIMARY KEY, entry TEXT) WITHOUT ROWID;
      BEGIN;`);
    this.#addPerson = this.#db.prepare('INSERT INTO people (slug, entry) VALUES (?, ?)');
    // A person's last birth line gives the date, as the Map of births does for a dataset held whole.
    this.#addBirth = this.#db.prepare('INSERT OR REPLACE INTO births VALUES (?, ?)');
  }

  person(p: Person): void {
    this.#addPerson.run(p.slug, JSON.stringify(p));
  }

  birth(b: Birth): void {
    this.#addBirth.run(b.person, JSON.stringify(b));
  }

  /** Every person in line order, with their birth. */
  *people(): Generator<[Person, Birth | undefined]> {
    const joined = this.#db.prepare(
      'SELECT p.entry AS person, b.entry AS birth FROM people p LEFT JOIN births b ON b.person = p.slug ORDER BY p.seq',
    );
    for (const row of joined.iterate()) {
      const { person, birth } = row as { person: string; birth: string | null };
      yield [JSON.parse(person) as Person, birth === null ? undefined : (JSON.parse(birth) as Birth)];
    }
  }

  close(): void {
    if (this.#db.isOpen) this.#db.close();
    rmSync(this.#file, { force: true });
  }
}

export interface StreamOptions extends ReadDatasetOptions {
  /** Where the people's spill file goes while the dataset is read (the CSV folder: it has room). */
  scratchDir: string;
}

/**
 * Put a JSON Lines dataset's rows into `sink` as its lines are read, people last (PeopleSpill). Throws
 * InvalidDatasetError naming FILE:LINE at the first bad entry; rows of earlier lines are then in the sink already,
 * for its owner to discard.
 */
export async function streamDatasetRows(file: string, sink: RowSink, options: StreamOptions): Promise<void> {
  const rows = entryRows(sink, { share: false });
  const spill = new PeopleSpill(join(options.scratchDir, `.liner-people-${process.pid}.sqlite`));
  try {
    for await (const { section, entry } of readCheckedEntries(file, options)) {
      if (section === 'people') spill.person(entry as Person);
      else {
        if (section === 'births') spill.birth(entry as Birth);
        rows.entry(section, entry as never);
      }
    }
    for (const [person, birth] of spill.people()) rows.person(person, birth);
  } finally {
    spill.close();
  }
}
