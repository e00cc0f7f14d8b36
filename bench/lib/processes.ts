// Starts a benchmarked server as its own process, waits for it to listen, and reads its memory from /proc.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COUNTER = resolve(ROOT, 'bench/servers/count-statements.ts');
export const LOG_DIR = resolve(ROOT, 'bench/out/logs');

export interface RunningServer {
  name: string;
  url: string;
  pid: number;
  /** Milliseconds from spawn to the ready line. */
  startupMs: number;
  statsUrl: string;
  rssBytes(): number;
  /** Peak resident memory since the process started (VmHWM). */
  peakRssBytes(): number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

/** VmRSS or VmHWM of a process, in bytes; 0 once it has gone. */
export function procMemory(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * CPU time a process has used so far (user + system), in microseconds; 0 once it has gone. On a shared machine this is
 * steadier than throughput: other work slows a server down but does not add to its own CPU time per request.
 */
export function procCpuMicros(pid: number): number {
  try {
    // Fields 14 and 15 (utime, stime) in clock ticks, counted after the command name, which may hold spaces.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * (1_000_000 / CLOCK_TICKS);
  } catch {
    return 0;
  }
}

/** USER_HZ: 100 on Linux for every architecture the bench runs on. */
const CLOCK_TICKS = 100;

/**
 * Spawn `node <script>` with the statement counter preloaded. Output goes to a log file rather than a pipe, so
 * the harness (which also runs the load generator) never spends time reading the server's request logs.
 */
export async function startServer(name: string, script: string, env: Record<string, string>, timeoutMs = 180_000) {
  mkdirSync(LOG_DIR, { recursive: true });
  const port = await freePort();
  const statsPort = await freePort();
  const logFile = resolve(LOG_DIR, `${name}.log`);
  const log = openSync(logFile, 'w');
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', COUNTER, resolve(ROOT, script)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), BENCH_STATS_PORT: String(statsPort), ...env },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = readFileSync(logFile, 'utf8');
    if (/serving GraphQL on http|listening on http/.test(text)) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not start (exit ${child.exitCode}); log ${logFile}:\n${text.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const pid = child.pid as number;
  const server: RunningServer = {
    name,
    url: `http://127.0.0.1:${port}`,
    pid,
    startupMs: performance.now() - started,
    statsUrl: `http://127.0.0.1:${statsPort}/`,
    rssBytes: () => procMemory(pid, 'VmRSS'),
    peakRssBytes: () => procMemory(pid, 'VmHWM'),
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
      }),
  };
  return server;
}
