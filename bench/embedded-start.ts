// npm run bench:embedded-start -- --scales 1m,3m,10m [--heap MB]: the embedded server started on each generated
// catalogue (SEED_DATASET, DATA_DIR=off), as `npm run bench` starts it: start-up time, RSS right after and settled
// (idle SETTLE_SECONDS), or, when it cannot start, the reason from its own log (no JSON parse past V8's longest
// string, or a heap exhausted). Prints one JSON line per scale. Generates missing catalogues (bench/data, streamed).
import { existsSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { datasetPath, writeSyntheticStreamed } from './generate.ts';
import { startServer } from './lib/processes.ts';
import { BENCH_LIMITS, BENCH_TOKEN } from './scenarios.ts';

const { values } = parseArgs({
  options: { scales: { type: 'string', default: '1m' }, heap: { type: 'string' }, timeout: { type: 'string', default: '900' } },
});
const SETTLE_SECONDS = 15;
const SCALE = (text: string) => Number(text.toLowerCase().replace(/k$/, '000').replace(/m$/, '000000'));
const mb = (bytes: number) => Math.round(bytes / 1024 ** 2);

for (const text of values.scales.split(',')) {
  const credits = SCALE(text);
  const file = datasetPath(credits);
  if (!existsSync(file)) await writeSyntheticStreamed(credits);
  const base = { scale: text, credits, datasetBytes: statSync(file).size, heapLimitMb: values.heap ?? 'default' };
  const env = {
    API_TOKENS: BENCH_TOKEN,
    ...BENCH_LIMITS,
    SEED_DATASET: file,
    DATA_DIR: 'off',
    ...(values.heap ? { NODE_OPTIONS: `--max-old-space-size=${values.heap}` } : {}),
  };
  const loadAtStart = loadavg()[0]?.toFixed(1);
  try {
    const server = await startServer(`liner-embedded-${text}`, 'src/main.ts', env, Number(values.timeout) * 1000);
    const afterStart = server.rssBytes();
    await new Promise((done) => setTimeout(done, SETTLE_SECONDS * 1000));
    const settled = server.rssBytes();
    const peak = server.peakRssBytes();
    await server.stop();
    console.info(
      JSON.stringify({
        ...base,
        started: true,
        startupSeconds: Number((server.startupMs / 1000).toFixed(1)),
        rssAfterStartMb: mb(afterStart),
        settledRssMb: mb(settled),
        peakRssMb: mb(peak),
        loadAverage: [loadAtStart, loadavg()[0]?.toFixed(1)],
      }),
    );
  } catch (error) {
    // startServer's message ends with the server's log: the last line with an error in it says why.
    const lines = String((error as Error).message).split('\n');
    const reason = lines.filter((l) => /error|heap|string|memory/i.test(l)).slice(-3);
    console.info(
      JSON.stringify({ ...base, started: false, reason: reason.length > 0 ? reason : lines.slice(-5), loadAverage: loadAtStart }),
    );
  }
}
