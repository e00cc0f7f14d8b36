// npm run db:check | backup -- <file> | db:restore -- <file>: the embedded store's database in DATA_DIR.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { backupDatabase, checkDatabase, databaseFileIn, restoreDatabase } from '../graph/memory/database-tools.ts';
import { runCommand } from './run.ts';

const USAGE = `usage: npm run db:check [-- --file FILE]   check DATA_DIR's database (or FILE, e.g. a backup); safe beside the server
       npm run backup -- FILE               SQLite's online backup of DATA_DIR's database into FILE, while the server runs
       npm run db:restore -- FILE           with the server stopped: replace DATA_DIR's database by the backup FILE`;

const counts = (r: { nodes: number; relationships: number }) => `${r.nodes} nodes, ${r.relationships} relationships`;

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { file: { type: 'string' } } });
  const config = loadConfig();
  if (config.DATA_DIR === 'off' && values.file === undefined) {
    console.error('liner: DATA_DIR=off: the embedded store keeps nothing on disk, so there is no database to work on');
    return 2;
  }
  const dir = resolve(config.DATA_DIR);
  const [target] = positionals;
  if (command === 'check' && positionals.length === 0) {
    const report = checkDatabase(values.file ?? databaseFileIn(dir));
    console.info(`liner: ${report.file} is sound: ${counts(report)}`);
    return 0;
  }
  if (command === 'backup' && target && positionals.length === 1) {
    const report = await backupDatabase(databaseFileIn(dir), resolve(target));
    console.info(`liner: backed up ${counts(report)} into ${report.file} (checked)`);
    return 0;
  }
  if (command === 'restore' && target && positionals.length === 1) {
    const { report, keptAs } = restoreDatabase(dir, resolve(target));
    console.info(
      `liner: restored ${counts(report)} from ${resolve(target)} into ${report.file}` +
        (keptAs ? `; the database it replaced is kept as ${keptAs}` : ''),
    );
    return 0;
  }
  console.error(USAGE);
  return 2;
}

runCommand(main);
