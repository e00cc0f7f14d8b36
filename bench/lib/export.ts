// Times one full-graph download and watches the server's memory while it streams.
import type { RunningServer } from './processes.ts';

export interface ExportResult {
  path: string;
  status: number;
  bytes: number;
  seconds: number;
  /** Server RSS just before the download, and the most it rose above that while streaming. */
  rssBeforeBytes: number;
  rssGrowthBytes: number;
  /** Why the download stopped early, if it did. */
  error: string | null;
}

export async function timeExport(server: RunningServer, path: string): Promise<ExportResult> {
  const rssBefore = server.rssBytes();
  let rssMax = rssBefore;
  const sampler = setInterval(() => {
    rssMax = Math.max(rssMax, server.rssBytes());
  }, 100);
  const started = performance.now();
  let bytes = 0;
  let status = 0;
  let cut: string | null = null;
  try {
    // A download that runs past ten minutes is cut: the row then shows the time and bytes it reached.
    const response = await fetch(server.url + path, { signal: AbortSignal.timeout(600_000) });
    status = response.status;
    const reader = response.body?.getReader();
    for (let next = await reader?.read(); next && !next.done; next = await reader?.read()) bytes += next.value.byteLength;
  } catch (error) {
    status = status || 599;
    cut = String(error);
  } finally {
    clearInterval(sampler);
  }
  rssMax = Math.max(rssMax, server.rssBytes());
  return {
    path,
    status,
    bytes,
    seconds: (performance.now() - started) / 1000,
    rssBeforeBytes: rssBefore,
    rssGrowthBytes: rssMax - rssBefore,
    error: cut,
  };
}
