// Which nodes and relationships the bulk CSV holds, and where, kept on disk so memory stays flat whatever the
// catalogue's size (a JS Map holds at most 2^24 entries, and the old writer's keys and rows took 8.7 GB at 10M
// credits). Each row's key and line are appended as written; the keys are sorted once at the end (an index built in
// one pass costs a fraction of keeping one up to date through millions of random inserts), and then a row given twice
// keeps its last line, as rows held whole keep the last, and a relationship's end that no node row names is found
// before neo4j-admin runs.
import { rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import type { NodeLabel, RelRow } from '../../graph/rows.ts';

/** Where a row's line is: a part file and its bytes there. */
export interface LinePlace {
  part: number;
  start: number;
  length: number;
}

export class RowIndex {
  readonly #file: string;
  readonly #db: DatabaseSync;
  readonly #addNode;
  readonly #addRel;
  readonly #groups = new Map<string, number>();
  readonly #groupNames: string[] = [];

  constructor(file: string) {
    this.#file = file;
    rmSync(file, { force: true });
    this.#db = new DatabaseSync(file);
    // A scratch file, rebuilt from the rows after any failure: no journal, no syncing, one transaction to the end.
    this.#db.exec(`
      PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE;
      PRAGMA cache_size = -65536; PRAGMA temp_store = FILE;
      CREATE TABLE nodes (label TEXT, slug TEXT, part INTEGER, start INTEGER, length INTEGER);
      CREATE TABLE rels (grp INTEGER, "from" TEXT, "to" TEXT, key TEXT, part INTEGER, start INTEGER, length INTEGER);
      CREATE TABLE groups (grp INTEGER PRIMARY KEY, fromLabel TEXT, toLabel TEXT);
      BEGIN;`);
    this.#addNode = this.#db.prepare('INSERT INTO nodes VALUES (?, ?, ?, ?, ?)');
    this.#addRel = this.#db.prepare('INSERT INTO rels VALUES (?, ?, ?, ?, ?, ?, ?)');
  }

  node(label: NodeLabel, slug: string, at: LinePlace): void {
    this.#addNode.run(label, slug, at.part, at.start, at.length);
  }

  /** A relationship's line, under its file group `name` (`TYPE-FromLabel-ToLabel`). */
  rel(name: string, row: RelRow, at: LinePlace): void {
    let group = this.#groups.get(name);
    if (group === undefined) {
      group = this.#groupNames.length;
      this.#groups.set(name, group);
      this.#groupNames.push(name);
      this.#db.prepare('INSERT INTO groups VALUES (?, ?, ?)').run(group, row.fromLabel, row.toLabel);
    }
    this.#addRel.run(group, row.from, row.to, row.key, at.part, at.start, at.length);
  }

  /** Sort the keys: `missingEnd` and `droppedLines` read them in order. */
  sort(): void {
    this.#db.exec(`
      CREATE INDEX nodes_key ON nodes (label, slug);
      CREATE INDEX rels_key ON rels (grp, "from", "to", key);
      CREATE INDEX rels_to ON rels (grp, "to");`);
  }

  /** A relationship end no node row names, and a relationship naming it; undefined when every end is there. */
  missingEnd(): { label: NodeLabel; slug: string; rel: string } | undefined {
    // Each distinct end once, in key order, so the look-ups walk the node index in order too.
    const missing = (end: 'from' | 'to', label: 'fromLabel' | 'toLabel') =>
      this.#db
        .prepare(
          `SELECT g.${label} AS label, e."${end}" AS slug, e.grp AS grp FROM (SELECT DISTINCT grp, "${end}" FROM rels) e
           JOIN groups g ON g.grp = e.grp
           WHERE NOT EXISTS (SELECT 1 FROM nodes n WHERE n.label = g.${label} AND n.slug = e."${end}") LIMIT 1`,
        )
        .get() as { label: NodeLabel; slug: string; grp: number } | undefined;
    const found = missing('from', 'fromLabel') ?? missing('to', 'toLabel');
    if (found === undefined) return undefined;
    const rel = this.#db
      .prepare('SELECT "from", "to", key FROM rels WHERE grp = ?1 AND ("from" = ?2 OR "to" = ?2) LIMIT 1')
      .get(found.grp, found.slug) as { from: string; to: string; key: string };
    const [type, fromLabel, toLabel] = (this.#groupNames[found.grp] as string).split('-');
    const named = `${type} (${fromLabel} "${rel.from}")->(${toLabel} "${rel.to}")${rel.key ? ` "${rel.key}"` : ''}`;
    return { label: found.label, slug: found.slug, rel: named };
  }

  /**
   * Note every line of a row given again before its last line (the one kept), found by a walk of the sorted keys.
   * Answers how many per node label and per relationship group name: the counts to take them from.
   */
  findDropped(): { labels: Map<string, number>; groups: Map<string, number> } {
    this.#db.exec(`
      CREATE TABLE dropped (label TEXT, grp INTEGER, part INTEGER, start INTEGER, length INTEGER);
      INSERT INTO dropped SELECT n.label, NULL, n.part, n.start, n.length
        FROM (SELECT label, slug, max(rowid) AS last FROM nodes GROUP BY label, slug HAVING count(*) > 1) d
        JOIN nodes n ON n.label = d.label AND n.slug = d.slug AND n.rowid < d.last;
      INSERT INTO dropped SELECT NULL, r.grp, r.part, r.start, r.length
        FROM (SELECT grp, "from", "to", key, max(rowid) AS last FROM rels GROUP BY grp, "from", "to", key HAVING count(*) > 1) d
        JOIN rels r ON r.grp = d.grp AND r."from" = d."from" AND r."to" = d."to" AND r.key = d.key AND r.rowid < d.last;
      CREATE INDEX dropped_place ON dropped (part, start);`);
    const counted = (sql: string) =>
      new Map(
        this.#db
          .prepare(sql)
          .all()
          .map((r) => [r.name as string, r.n as number]),
      );
    const groups = counted('SELECT grp AS name, count(*) AS n FROM dropped WHERE grp IS NOT NULL GROUP BY grp');
    return {
      labels: counted('SELECT label AS name, count(*) AS n FROM dropped WHERE label IS NOT NULL GROUP BY label'),
      groups: new Map([...groups].map(([grp, n]) => [this.#groupNames[Number(grp)] as string, n])),
    };
  }

  /** The parts that have lines to drop (findDropped), and how many each. */
  partsWithDroppedLines(): Map<number, number> {
    const rows = this.#db.prepare('SELECT part, count(*) AS n FROM dropped GROUP BY part').all();
    return new Map(rows.map((r) => [r.part as number, r.n as number]));
  }

  /** A part's dropped lines as byte ranges in file order, read as they are used: there may be millions. */
  droppedLines(part: number): Iterable<{ start: number; length: number }> {
    return this.#db.prepare('SELECT start, length FROM dropped WHERE part = ? ORDER BY start').iterate(part) as Iterable<{
      start: number;
      length: number;
    }>;
  }

  /** Closes and deletes the index file. */
  close(): void {
    if (this.#db.isOpen) this.#db.close();
    rmSync(this.#file, { force: true });
  }
}
