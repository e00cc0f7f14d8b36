// Check, back up and restore the embedded store's database: what `npm run db:check`, `backup` and `db:restore` run.
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { backup } from 'node:sqlite';
import { StoreStartError } from '../store.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { DATABASE_FILE, GraphDatabase } from './graph-database.ts';
import { asStartError, DatabaseDamagedError } from './storage-errors.ts';

export interface CheckReport {
  file: string;
  nodes: number;
  relationships: number;
}

/** The database file of a DATA_DIR, which must exist: tools never create one. */
export function databaseFileIn(dir: string): string {
  const file = join(dir, DATABASE_FILE);
  if (!existsSync(file))
    throw new StoreStartError(`liner: there is no database in ${dir} (no ${DATABASE_FILE}); is DATA_DIR right?`);
  return file;
}

/**
 * Read-only, so it may run beside the server: SQLite's structural check, then every row read back with its
 * checksum, as the server's start-up does. Throws DatabaseDamagedError naming the first problem.
 */
export function checkDatabase(file: string): CheckReport {
  let db: GraphDatabase | undefined;
  try {
    db = GraphDatabase.open(file, { readOnly: true });
    const problems = db.quickCheck();
    if (problems[0] !== 'ok') throw new DatabaseDamagedError(file, problems.slice(0, 3).join('; '));
    const rows = db.readAll();
    return { file, nodes: rows.nodes.length, relationships: rows.rels.length };
  } catch (error) {
    throw asStartError(error, dirname(file), file);
  } finally {
    db?.close();
  }
}

function fsyncPath(path: string, flags = 'r'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * SQLite's online backup of a running server's database into `target`: one consistent copy, taken in one step
 * under a read transaction (WAL lets the server keep writing meanwhile; a step-wise copy would restart at each of
 * its writes). Written beside the target, checked, fsynced, then renamed in: a failed backup leaves no file.
 */
export async function backupDatabase(file: string, target: string): Promise<CheckReport> {
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = GraphDatabase.open(file, { readOnly: true });
  try {
    await backup(db.connection, partial, { rate: 2 ** 30 });
    const report = checkDatabase(partial);
    fsyncPath(partial);
    renameSync(partial, target);
    fsyncPath(dirname(target));
    return { ...report, file: target };
  } catch (error) {
    rmSync(partial, { force: true });
    rmSync(`${partial}-wal`, { force: true });
    rmSync(`${partial}-shm`, { force: true });
    throw error;
  } finally {
    db.close();
    // Opening the copy to check it may have left an empty WAL and index beside it.
    rmSync(`${partial}-wal`, { force: true });
    rmSync(`${partial}-shm`, { force: true });
  }
}

/**
 * Replace DATA_DIR's database by a checked backup, with no server running (the folder's lock is taken). The file
 * replaced is kept beside it as liner.db.replaced-<time>, with its WAL, never deleted.
 */
export function restoreDatabase(dir: string, backupFile: string): { report: CheckReport; keptAs: string | null } {
  const report = checkDatabase(backupFile);
  const lock = lockDataDir(dir);
  try {
    const file = join(dir, DATABASE_FILE);
    const incoming = `${file}.restoring`;
    copyFileSync(backupFile, incoming);
    fsyncPath(incoming);
    let keptAs: string | null = null;
    if (existsSync(file)) {
      keptAs = `${file}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(file, keptAs);
      for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, `${keptAs}${suffix}`);
    }
    renameSync(incoming, file);
    fsyncPath(dir);
    return { report: { ...report, file }, keptAs };
  } finally {
    lock.release();
  }
}
