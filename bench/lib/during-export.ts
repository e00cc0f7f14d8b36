// Small queries measured while the heaviest export computes its metrics in a worker: their p99 shows whether one
// export still holds everyone else up (issue 15; target under 100 ms).
import { type LoadOptions, type LoadResult, measure, type RequestSpec } from './load.ts';
import type { RunningServer } from './processes.ts';

/** Betweenness on the collaboration graph: Brandes' O(nodes × edges), the costliest export there is. */
export const HEAVIEST_EXPORT = '/export/collaboration.gexf?metrics=betweenness';

/** Server settings that let the heaviest export through to a worker instead of refusing it up front. */
export const LET_HEAVIEST_RUN = { REQUEST_TIMEOUT_MS: '600000', EXPORT_EDGE_VISITS_PER_MS: '1000000000' };

async function metricsTasks(server: RunningServer): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return Number(text.match(/^liner_export_metrics_tasks (\d+)/m)?.[1] ?? Number.NaN);
}

export interface DuringExport {
  load: LoadResult;
  /** Whether the export was still computing when the measurement ended: the queries finished long before it. */
  exportStillRunning: boolean;
}

/** Starts the heaviest export, waits for it to reach a worker, measures `spec`, then hangs up on the export. */
export async function measureDuringExport(server: RunningServer, spec: RequestSpec, options: LoadOptions): Promise<DuringExport> {
  const client = new AbortController();
  const exported = fetch(server.url + HEAVIEST_EXPORT, { signal: client.signal }).catch(() => null);
  try {
    for (let i = 0; i < 1200 && (await metricsTasks(server)) !== 1; i++) await new Promise((r) => setTimeout(r, 100));
    if ((await metricsTasks(server)) !== 1) throw new Error('the export never reached a worker');
    const load = await measure(server.url, spec, options, { server: server.pid });
    return { load, exportStillRunning: (await metricsTasks(server)) === 1 };
  } finally {
    client.abort();
    await exported;
  }
}
