// How a SQLite or file-system failure reads to the operator and the client: a full disk, a damaged file, a held folder.
import { statfsSync } from 'node:fs';
import { StorageFullError, StoreStartError } from '../store.ts';

/** SQLite's primary result codes this module tells apart (https://sqlite.org/rescode.html). */
const SQLITE_IOERR = 10;
const SQLITE_CORRUPT = 11;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;
const SQLITE_NOTADB = 26;
/**
 * Below this many free bytes an I/O error is taken for a full disk: SQLite reports ENOSPC as SQLITE_FULL only for
 * its own writes, while growing its shared-memory file or creating a file on a full disk reads as a plain I/O error.
 */
const NEARLY_FULL_BYTES = 256 * 1024;

/** The primary SQLite result code of an error thrown by node:sqlite, if it is one. */
export function sqliteCode(error: unknown): number | undefined {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' ? code & 0xff : undefined;
}

export function isDiskFull(error: unknown, dir: string): boolean {
  if ((error as NodeJS.ErrnoException | null)?.code === 'ENOSPC') return true;
  const code = sqliteCode(error);
  if (code === SQLITE_FULL) return true;
  if (code !== SQLITE_IOERR && code !== SQLITE_CANTOPEN) return false;
  try {
    const space = statfsSync(dir);
    return space.bavail * space.bsize < NEARLY_FULL_BYTES;
  } catch {
    return false;
  }
}

export function isDamaged(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === SQLITE_CORRUPT || code === SQLITE_NOTADB;
}

/** What to do about a damaged database, said once for the server, the check command and restore. */
export function recoveryAdvice(file: string): string {
  return (
    `To recover: stop the server, then restore your latest backup with \`npm run db:restore -- <backup-file>\` ` +
    `(backups are made with \`npm run backup -- <file>\`); \`npm run db:check\` reports what is wrong with ${file}. ` +
    `Without a backup, move ${file} aside and start again: the store starts from SEED_DATASET.`
  );
}

/** The database file cannot be trusted: the server refuses to start rather than serve wrong data. */
export class DatabaseDamagedError extends StoreStartError {
  override name = 'DatabaseDamagedError';
  readonly file: string;
  constructor(file: string, detail: string) {
    super(`liner: the database ${file} is damaged (${detail}); nothing was started or changed. ${recoveryAdvice(file)}`);
    this.file = file;
  }
}

/** Another process serves this DATA_DIR; two servers on one folder would answer differently after a write. */
export class DataDirLockedError extends StoreStartError {
  override name = 'DataDirLockedError';
  constructor(dir: string, holder: string) {
    super(
      `liner: DATA_DIR ${dir} is in use by another Liner server (${holder}); one server owns a data folder. ` +
        'Stop that server, or give this one its own DATA_DIR. Read-only tools (npm run export, npm run db:check) may run beside it.',
    );
  }
}

/** A failure met while writing, as the client should see it: a full disk is StorageFullError, the rest unchanged. */
export function asWriteError(error: unknown, dir: string): unknown {
  if (isDiskFull(error, dir))
    return new StorageFullError(`no space left for the database in ${dir}: ${(error as Error).message}`);
  return error;
}

/** A failure met while starting, explained: a full disk or a damaged file says what to do; the rest unchanged. */
export function asStartError(error: unknown, dir: string, file: string): unknown {
  if (error instanceof StoreStartError) return error;
  if (isDiskFull(error, dir))
    return new StoreStartError(
      `liner: the disk holding DATA_DIR ${dir} is full, so the server cannot start (${(error as Error).message}). ` +
        'Nothing was changed; free some space there and start again.',
    );
  if (isDamaged(error)) return new DatabaseDamagedError(file, (error as Error).message);
  return error;
}
