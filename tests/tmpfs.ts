// A real, tiny file system for fault tests: a tmpfs of a few MiB mounted for one test, or the reason it cannot be.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Tmpfs {
  dir: string;
  unmount(): void;
}

/** Mounts a tmpfs of `size` (e.g. "3m"); needs root (or CAP_SYS_ADMIN). Answers a string saying why it could not. */
export function mountTmpfs(size: string): Tmpfs | string {
  const dir = mkdtempSync(join(tmpdir(), 'liner-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return `cannot mount a tmpfs (${String((error as { stderr?: unknown }).stderr ?? error).trim() || 'mount failed'}); run the tests as root to run this one`;
  }
  return {
    dir,
    unmount() {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether this machine lets the tests mount a tmpfs: probed once, at collection, so skipped tests say why. */
export function tmpfsAvailable(): true | string {
  const probe = mountTmpfs('1m');
  if (typeof probe === 'string') return probe;
  probe.unmount();
  return true;
}
