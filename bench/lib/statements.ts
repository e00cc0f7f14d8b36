// Cypher statements and store calls per operation, counted over a few sequential requests outside the load.
import { fetchOnce, type RequestSpec } from './load.ts';
import type { RunningServer } from './processes.ts';

async function statementsSoFar(server: RunningServer): Promise<number> {
  return ((await (await fetch(server.statsUrl)).json()) as { statements: number }).statements;
}

/** Sum of liner_store_calls_total on /metrics; null for servers that are not Liner. */
async function storeCallsSoFar(server: RunningServer): Promise<number | null> {
  const response = await fetch(`${server.url}/metrics`);
  if (!response.ok) return null;
  let total = 0;
  for (const line of (await response.text()).split('\n'))
    if (line.startsWith('liner_store_calls_total{')) total += Number(line.slice(line.lastIndexOf(' ') + 1));
  return total;
}

export interface PerOperation {
  statements: number;
  storeCalls: number | null;
}

export async function countPerOperation(server: RunningServer, spec: RequestSpec, operations = 10): Promise<PerOperation> {
  const isLiner = server.name.startsWith('liner');
  const statementsBefore = await statementsSoFar(server);
  const callsBefore = isLiner ? await storeCallsSoFar(server) : null;
  for (let i = 0; i < operations; i++) await fetchOnce(server.url, spec);
  const statements = (await statementsSoFar(server)) - statementsBefore;
  const callsAfter = isLiner ? await storeCallsSoFar(server) : null;
  return {
    statements: statements / operations,
    storeCalls: callsBefore === null || callsAfter === null ? null : (callsAfter - callsBefore) / operations,
  };
}
