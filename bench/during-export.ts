// npm run bench:during-export -- [--credits 100000]: only the "small queries during the heaviest export" row, on the
// embedded store, without the rest of the benchmark (which needs its own Neo4j).
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { BenchManifest } from './dataset/synthetic.ts';
import { datasetPath, manifestPath, writeSynthetic } from './generate.ts';
import { HEAVIEST_EXPORT, LET_HEAVIEST_RUN, measureDuringExport } from './lib/during-export.ts';
import { measure } from './lib/load.ts';
import { startServer } from './lib/processes.ts';
import { BENCH_LIMITS, scenarios } from './scenarios.ts';

const { values } = parseArgs({
  options: {
    credits: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
  },
});
const credits = Number(values.credits);
if (!existsSync(datasetPath(credits))) writeSynthetic(credits);
const manifest = JSON.parse(readFileSync(manifestPath(credits), 'utf8')) as BenchManifest;
const spec = scenarios(manifest).find((s) => s.name === 'person')?.requests.embedded;
if (!spec) throw new Error('no person scenario');
const options = { connections: Number(values.connections), duration: Number(values.duration), warmup: 1, runs: 1 };
const server = await startServer('liner-embedded-export', 'src/main.ts', {
  SEED_DATASET: datasetPath(credits),
  DATA_DIR: 'off',
  LOG_LEVEL: 'warn',
  ...BENCH_LIMITS,
  ...LET_HEAVIEST_RUN,
});
try {
  const idle = await measure(server.url, spec, options, { server: server.pid });
  const during = await measureDuringExport(server, spec, options);
  const line = (name: string, r: typeof idle) =>
    `${name.padEnd(28)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  failures ${r.failures}`;
  console.info(`${credits} credits, person query, ${options.connections} connections, ${options.duration} s`);
  console.info(line('idle', idle));
  console.info(line(`during ${HEAVIEST_EXPORT}`, during.load));
  console.info(`export still computing at the end: ${during.exportStillRunning}`);
} finally {
  await server.stop();
}
