// Runs `neo4j-admin database import full` on Liner's CSV: the image's or an installation's neo4j-admin, or the one in
// the Maven artifacts tools/neo4j-local already runs Neo4j from.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ARRAY_DELIMITER, type CsvFile } from './store-csv.ts';

const NEO4J_LOCAL = fileURLToPath(new URL('../../../tools/neo4j-local/', import.meta.url));

/** The arguments after `neo4j-admin`: every file, the array delimiter and multi-line fields (document texts). */
export function importArguments(files: readonly CsvFile[], database = 'neo4j'): string[] {
  return [
    'database',
    'import',
    'full',
    // Before the file options: they take any number of values and would swallow a name after them.
    database,
    '--overwrite-destination=true',
    // Quotes and document texts may span lines; parsing for that is slower (no parallel chunks), so only when one
    // does (CSV written before files said so counts as multi-line). The unit separator splits lists (store-csv.ts).
    `--multiline-fields=${files.some((f) => f.multiline !== false)}`,
    `--array-delimiter=${ARRAY_DELIMITER}`,
    // An end that is missing or a slug given twice fails the import: Liner's load refuses the same.
    '--bad-tolerance=0',
    ...files.map((f) => `--${f.kind}=${f.path}`),
  ];
}

/** How to run neo4j-admin: a command (`/var/lib/neo4j/bin/neo4j-admin`), or tools/neo4j-local's Java classpath. */
export interface AdminCommand {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

/**
 * neo4j-admin from tools/neo4j-local's artifacts, working on the data home of its instance (`NEO4J_LOCAL_HOME`, as
 * its launcher names it). The instance must be stopped: an import replaces the database files.
 */
export async function localAdmin(home: string): Promise<AdminCommand> {
  const classpath = join(NEO4J_LOCAL, 'target/classpath.txt');
  if (!existsSync(classpath))
    throw new Error('tools/neo4j-local is not built yet: run `npm run neo4j:start` once (it builds, then starts Neo4j)');
  // neo4j-admin reads neo4j.conf from NEO4J_CONF; the launcher configures Neo4j in code, so an empty one will do.
  await mkdir(join(home, 'conf'), { recursive: true });
  if (!existsSync(join(home, 'conf/neo4j.conf'))) await writeFile(join(home, 'conf/neo4j.conf'), '');
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin/java') : 'java';
  return {
    command: java,
    args: [
      '-Xmx2g',
      '-cp',
      `${join(NEO4J_LOCAL, 'target/classes')}:${readFileSync(classpath, 'utf8').trim()}`,
      'org.neo4j.cli.AdminTool',
    ],
    env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, 'conf') },
  };
}

export function installedAdmin(command: string): AdminCommand {
  return { command, args: [], env: process.env };
}

export class BulkImportError extends Error {
  override name = 'BulkImportError';
}

/** Run the import; its progress goes to `log`. Rejects with neo4j-admin's own last lines when it fails. */
export function runImport(admin: AdminCommand, files: readonly CsvFile[], log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(admin.command, [...admin.args, ...importArguments(files)], {
      env: admin.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail: string[] = [];
    const keep = (line: string) => {
      if (line.trim() === '') return;
      tail.push(line);
      if (tail.length > 30) tail.shift();
      // The progress dots are many; the section and percent lines say where it is.
      if (!/^[\s.]*$/.test(line)) log(line);
    };
    // Whole lines: the pipe cuts output anywhere, and a line split in two ("IMPORT DO", "NE in 2s") says nothing.
    createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY }).on('line', keep);
    createInterface({ input: child.stderr, crlfDelay: Number.POSITIVE_INFINITY }).on('line', keep);
    child.on('error', (error) => reject(new BulkImportError(`could not run ${admin.command}: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new BulkImportError(`neo4j-admin database import failed (exit ${code}):\n${tail.join('\n')}`));
    });
  });
}
