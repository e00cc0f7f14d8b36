// The collaboration projection: people only, one undirected edge per pair who share works, weighted by how many.

import { compareStrings } from '../graph/records.ts';
import type { GraphStreams } from '../graph/store.ts';
import { inBatches, mapBatches } from './batches.ts';
import { creditGraph } from './credit-graph.ts';
import { EDGE_ATTRIBUTES, type ExportEdge, type ExportGraph, NODE_ATTRIBUTES } from './model.ts';
import { withinHops } from './neighborhood.ts';
import { nodeAttributes, nodeId } from './node-attributes.ts';
import type { ExportFilters } from './options.ts';
import { sortInSlices } from './sliced-sort.ts';
import { createYielder } from './yielder.ts';

const PERSON = 'Person:';
const WORK = 'Work:';

export async function collaborationProjection(store: GraphStreams, filters: ExportFilters): Promise<ExportGraph> {
  const credits = await creditGraph(store, filters);
  // One collaboration hop is person → work → person: two hops in the credit graph.
  const around =
    filters.person === undefined ? undefined : withinHops(credits, nodeId('Person', filters.person), 2 * filters.hops);
  const inside = (id: string) => id.startsWith(PERSON) && credits.hasNode(id) && (around === undefined || around.has(id));
  // Every person of a large catalogue, filtered and sorted: seconds of work, so other requests get turns meanwhile.
  const pause = createYielder();
  const unsorted: string[] = [];
  for (const id of credits.nodeEntries()) {
    if (inside(id.node)) unsorted.push(id.node);
    const turn = pause();
    if (turn) await turn;
  }
  const people = await sortInSlices(unsorted, compareStrings);

  /** Pairs are found person by person in slug order, so only one person's partners are held at a time. */
  function* collaborations(): Iterable<ExportEdge> {
    for (const person of people) {
      const shared = new Map<string, string[]>();
      for (const work of credits.neighbors(person))
        for (const other of credits.neighbors(work))
          if (compareStrings(other, person) > 0 && inside(other)) {
            const works = shared.get(other) ?? [];
            works.push(work.slice(WORK.length));
            shared.set(other, works);
          }
      const source = person.slice(PERSON.length);
      for (const other of [...shared.keys()].sort(compareStrings)) {
        const works = (shared.get(other) ?? []).sort(compareStrings);
        const target = other.slice(PERSON.length);
        yield {
          id: `${source}|${target}`,
          source,
          target,
          attributes: { type: 'COLLABORATED_WITH', weight: works.length, works },
        };
      }
    }
  }

  return {
    name: 'collaboration',
    directed: false,
    multigraph: false,
    nodeAttributes: [NODE_ATTRIBUTES.type, NODE_ATTRIBUTES.slug, NODE_ATTRIBUTES.name, NODE_ATTRIBUTES.isGroup],
    edgeAttributes: [EDGE_ATTRIBUTES.type, EDGE_ATTRIBUTES.weight, EDGE_ATTRIBUTES.works],
    nodes: () =>
      mapBatches(store.streamNodes(), (row) => {
        if (row.label !== 'Person' || !inside(nodeId(row.label, row.slug))) return undefined;
        const { type, slug, name, isGroup } = nodeAttributes(row);
        // The graph holds people only, so their bare slugs are unique ids.
        return { id: row.slug, attributes: { type, slug, name, isGroup } };
      }),
    edges: () => inBatches(collaborations()),
  };
}
