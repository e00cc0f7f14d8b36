// Preloaded with --import into every benchmarked server: counts the Cypher statements its neo4j-driver sends.
// The count is read over a side port (BENCH_STATS_PORT), so the server under test runs its own code unchanged.
import { createServer } from 'node:http';
import { isMainThread } from 'node:worker_threads';
import neo4j from 'neo4j-driver';

interface Counted {
  statements: number;
  /** The last statements sent, for the report's "what did it run" column. */
  recent: string[];
}

const counted: Counted = { statements: 0, recent: [] };

function note(query: unknown) {
  counted.statements++;
  const text = typeof query === 'string' ? query : String((query as { text?: unknown })?.text ?? '');
  counted.recent.push(text);
  if (counted.recent.length > 20) counted.recent.shift();
}

// Managed transactions (executeQuery, executeRead/Write) bind Transaction#run when they start, so patching the
// prototypes before any driver exists sees every statement; Session#run covers auto-commit statements.
for (const prototype of [neo4j.Session.prototype, neo4j.Transaction.prototype] as { run: (...args: unknown[]) => unknown }[]) {
  const run = prototype.run;
  prototype.run = function (this: unknown, ...args: unknown[]) {
    note(args[0]);
    return run.apply(this, args);
  };
}

const port = Number(process.env.BENCH_STATS_PORT ?? 0);
// Worker threads (the export metrics pool) load this preload too; only the main thread owns the side port.
if (port > 0 && isMainThread)
  createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(req.url?.includes('recent') ? counted : { statements: counted.statements }));
  })
    .listen(port, '127.0.0.1')
    .unref();
