// networkx reads the GraphML, GEXF and node-link exports and recomputes PageRank and betweenness on them.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareExport } from '../../src/export/export.ts';
import { type ProjectionName, parseExportOptions } from '../../src/export/options.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { seed } from '../helpers.ts';

const CHECK = fileURLToPath(new URL('../../tools/networkx_check.py', import.meta.url));
const INSTALL = 'apt-get install -y python3-networkx';

/**
 * Debian's python3 first: its python3-networkx brings numpy and scipy, which networkx 3's PageRank needs, where a
 * python3 earlier on PATH (pyenv, a venv) may have networkx without them. NETWORKX_PYTHON overrides.
 */
function findPython(): { python?: string; tried: string[] } {
  const tried: string[] = [];
  for (const python of [process.env.NETWORKX_PYTHON, '/usr/bin/python3', 'python3']) {
    if (!python) continue;
    const probe = spawnSync(python, ['-c', 'import networkx as nx; nx.pagerank(nx.path_graph(2))'], { encoding: 'utf8' });
    if (probe.status === 0) return { python, tried };
    tried.push(`${python}: ${probe.error?.message ?? probe.stderr.trim().split('\n').at(-1)}`);
  }
  return { tried };
}

const { python, tried } = findPython();
// In CI a skipped check would hide a broken export, so there a missing networkx fails the suite instead.
const required = process.env.CI === 'true';
if (!python && !required)
  console.warn(`networkx checks skipped: no python3 with a working networkx (${INSTALL}). Tried ${tried.join('; ')}`);

interface FileReport {
  nodes: number;
  edges: number;
  directed: boolean;
  multigraph: boolean;
  pagerank?: { maxDifference: number; sum: number; top: [string, number][] };
  betweenness?: { maxDifference: number };
}

const PROJECTIONS: ProjectionName[] = ['full', 'collaboration', 'bipartite'];
const FORMATS = ['graphml', 'gexf', 'json'] as const;

(python || required ? describe : describe.skip)('networkx reads the exports', () => {
  const store = new MemoryStore();
  let dir = '';
  let report: { networkx: string; files: Record<string, FileReport> };
  const expected: Record<string, { nodes: number; edges: number }> = {};

  beforeAll(async () => {
    if (!python) throw new Error(`CI=true needs python3 with networkx: ${INSTALL}. Tried ${tried.join('; ')}`);
    const rows = await seed();
    await store.load(rows);
    const counts = await store.counts();
    const credits = rows.rels.filter((r) => r.type === 'CREDITED');
    const people = [...new Set(credits.map((r) => r.from))];
    const collaborators = await store.collaboratorsOf(people, {}, { offset: 0, limit: 1000 });
    expected.full = { nodes: rows.nodes.length, edges: Object.values(counts.relationships).reduce((a, b) => a + b, 0) };
    expected.collaboration = { nodes: people.length, edges: collaborators.reduce((n, p) => n + p.total, 0) / 2 };
    expected.bipartite = { nodes: people.length + new Set(credits.map((r) => r.to)).size, edges: credits.length };

    dir = await mkdtemp(join(tmpdir(), 'liner-networkx-'));
    const files: string[] = [];
    for (const projection of PROJECTIONS)
      for (const format of FORMATS) {
        const options = parseExportOptions({ projection, format, metrics: 'pagerank,betweenness,community' }, 6);
        let text = '';
        for await (const chunk of (await prepareExport(store, options)).chunks()) text += chunk;
        const file = join(dir, `${projection}.${format}`);
        await writeFile(file, text);
        files.push(file);
      }
    const run = spawnSync(python, [CHECK, ...files], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`networkx_check.py failed (${run.status}): ${run.stderr}`);
    report = JSON.parse(run.stdout);
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.each(PROJECTIONS.flatMap((p) => FORMATS.map((f) => `${p}.${f}`)))('%s has the store’s node and edge counts', (file) => {
    const projection = file.split('.')[0] as ProjectionName;
    const got = report.files[file] as FileReport;
    expect({ nodes: got.nodes, edges: got.edges }).toEqual(expected[projection]);
    expect(got.directed).toBe(projection === 'full');
    expect(got.multigraph).toBe(projection !== 'collaboration');
  });

  it.each(PROJECTIONS.flatMap((p) => FORMATS.map((f) => `${p}.${f}`)))('%s: networkx’s PageRank matches within 1e-6', (file) => {
    const pagerank = report.files[file]?.pagerank;
    expect(pagerank?.maxDifference).toBeLessThan(1e-6);
    expect(pagerank?.sum).toBeCloseTo(1, 9);
  });

  it('agrees on betweenness in the collaboration graph', () => {
    for (const format of FORMATS) expect(report.files[`collaboration.${format}`]?.betweenness?.maxDifference).toBeLessThan(1e-9);
  });

  it('ranks Thom Russo first by PageRank among his collaborators', () => {
    const top = report.files['collaboration.graphml']?.pagerank?.top ?? [];
    console.info(`networkx ${report.networkx} PageRank, collaboration graph, top five: ${JSON.stringify(top)}`);
    expect(top[0]?.[0]).toBe('thom-russo');
  });
});
