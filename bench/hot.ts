// Scratch: CPU microseconds per request (from /proc) for hello vs liner embedded; robust on a busy machine.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { startServer } from './lib/processes.ts';
import { HELLO, scenarios } from './scenarios.ts';
const which = (process.argv[2] ?? 'person').split(',');
const scale = process.env.SCALE ?? '10000';
const manifest = JSON.parse(readFileSync(`bench/data/synthetic-liner-bench-${scale}.manifest.json`, 'utf8'));
const extra = process.env.LINER_ENV ? JSON.parse(process.env.LINER_ENV) : {};
const cpu = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * 10_000; // ticks (100/s) → µs
};
async function perRequest(server: { url: string; pid: number }, spec: any, amount: number) {
  const run = () => autocannon({ url: server.url + spec.path, method: spec.method, body: spec.body, headers: { 'content-type': 'application/json', ...spec.headers }, connections: 10, amount });
  await run();
  const before = cpu(server.pid);
  const r = await run();
  return { us: (cpu(server.pid) - before) / amount, rps: r.requests.average, non2xx: r.non2xx };
}
const hello = await startServer('hello', 'bench/servers/hello-yoga.ts', process.env.HELLO_ENV ? JSON.parse(process.env.HELLO_ENV) : {});
const liner = await startServer('liner-embedded', 'src/main.ts', { API_TOKENS: 'bench-token-0123456789abcdef', LOG_LEVEL: 'info', SEED_DATASET: `bench/data/synthetic-liner-bench-${scale}.json`, DATA_DIR: 'off', ...extra });
try {
  const h = await perRequest(hello, HELLO, 20000);
  console.log('hello', h.us.toFixed(0), 'µs/req');
  for (const s of scenarios(manifest).filter((s) => which.includes(s.name))) {
    const n = s.name === 'person' ? 20000 : 2000;
    const r = await perRequest(liner, s.requests.embedded, n);
    console.log(s.name, r.us.toFixed(0), 'µs/req', `ratio ${((h.us / r.us) * 100).toFixed(0)}%`, 'non2xx', r.non2xx);
  }
} finally {
  await hello.stop();
  await liner.stop();
}
