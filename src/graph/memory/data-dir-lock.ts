// One server per DATA_DIR: an exclusive SQLite lock on DATA_DIR/liner.lock, held for the process's life.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { DataDirLockedError } from './storage-errors.ts';

/**
 * Why SQLite's lock and not a pid file made with O_EXCL: SQLite locks with POSIX advisory locks, which the kernel
 * drops when the holder dies, however it dies. So a server killed with -9 leaves no stale lock to judge, and a dead
 * server's pid reused by another program is never taken for a live holder. The pid file beside it only names the
 * holder in the refusal; it is written after the lock is taken and nothing decides anything by it.
 */
const LOCK_FILE = 'liner.lock';
const PID_FILE = 'liner.pid';

/**
 * Locks held by this process. A DatabaseSync that becomes garbage is closed by its finalizer, which would drop the
 * lock silently while the server still runs: holding them here keeps them until `release`.
 */
const held = new Set<DatabaseSync>();

export interface DataDirLock {
  release(): void;
}

export function lockDataDir(dir: string): DataDirLock {
  const lock = new DatabaseSync(join(dir, LOCK_FILE), { timeout: 0 });
  try {
    // A transaction left open with its EXCLUSIVE lock: no other connection, in this process or another, can take
    // it. Nothing is written, and journal_mode MEMORY keeps SQLite from leaving a journal file beside it.
    lock.exec('PRAGMA journal_mode = MEMORY; BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    if ((error as { errcode?: number }).errcode === 5 /* SQLITE_BUSY */) throw new DataDirLockedError(dir, holder(dir));
    throw error;
  }
  held.add(lock);
  const pidFile = join(dir, PID_FILE);
  try {
    writeFileSync(pidFile, `${process.pid}\n`);
  } catch {
    // Only the refusal message reads it; a full disk must not stop the lock from working.
  }
  return {
    release() {
      if (!lock.isOpen) return;
      rmSync(pidFile, { force: true });
      lock.close();
      held.delete(lock);
    },
  };
}

function holder(dir: string): string {
  try {
    const pid = Number(readFileSync(join(dir, PID_FILE), 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0) return `process ${pid}, per ${join(dir, PID_FILE)}`;
  } catch {
    // The holder may have lost its pid file to a full disk; the lock itself is what counts.
  }
  return 'a process whose pid is unknown';
}
