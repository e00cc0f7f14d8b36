// Picks the projection an export asks for and checks that the person it is centred on exists.
import type { GraphReads, GraphStreams } from '../graph/store.ts';
import type { ExportGraph } from './model.ts';
import { type ExportFilters, ExportRequestError, type ProjectionName } from './options.ts';
import { bipartiteProjection } from './project-bipartite.ts';
import { collaborationProjection } from './project-collaboration.ts';
import { fullProjection } from './project-full.ts';

const PROJECT: Record<ProjectionName, (store: GraphStreams, filters: ExportFilters) => Promise<ExportGraph>> = {
  full: fullProjection,
  collaboration: collaborationProjection,
  bipartite: bipartiteProjection,
};

export async function project(
  store: GraphStreams & Pick<GraphReads, 'nodesBySlug'>,
  projection: ProjectionName,
  filters: ExportFilters,
): Promise<ExportGraph> {
  if (filters.person !== undefined) {
    const [person] = await store.nodesBySlug('Person', [filters.person]);
    if (!person) throw new ExportRequestError('person', `no person with slug "${filters.person}"`, 404);
  }
  return PROJECT[projection](store, filters);
}
