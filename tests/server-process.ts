// Starts the real server (src/main.ts) as a child process on a free port, for tests over real HTTP.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the base URL once the server listens; rejects if it exits first. */
  ready: (timeoutMs?: number) => Promise<string>;
}

export function startServer(env: Record<string, string>): ServerProcess {
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', DATA_DIR: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const ready = async (timeoutMs = 30_000) => {
    for (let i = 0; i < timeoutMs / 50; i++) {
      const match = output.match(/serving GraphQL on (http:\/\/\S+)\/graphql/);
      if (match) return match[1] as string;
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`server never started: ${output}`);
  };
  return { child, output: () => output, ready };
}
