// Works and awards as nodes of the network: each work drawn once, linked to the people drawn who are credited on it
// (the edge labelled with their roles), each award linked to its work and to its recipients among the people drawn.
import type { ElementDefinition } from 'cytoscape';
import type { WorkNode } from './api.ts';
import { roleList, withYear } from './format.ts';

/** Node ids: a work and a person may share a slug ("bobby"), so works and awards get a prefix. */
export const workNodeId = (slug: string) => `work:${slug}`;
export const awardNodeId = (slug: string) => `award:${slug}`;

export interface LayerInput {
  works: WorkNode[];
  /** Slugs of the people drawn. */
  people: ReadonlySet<string>;
  /** Ids of the elements already drawn, so a second pass adds only what is new. */
  drawn: (id: string) => boolean;
  /** Where a drawn person stands, to start a work between its people. */
  positionOf: (slug: string) => { x: number; y: number } | null;
  font: number;
}

const middleOf = (points: { x: number; y: number }[], salt: number) => {
  const x = points.reduce((sum, p) => sum + p.x, 0) / Math.max(1, points.length);
  const y = points.reduce((sum, p) => sum + p.y, 0) / Math.max(1, points.length);
  // Works between the same two people would start on one point; the force layout needs them apart.
  const angle = salt * 2.399963;
  return { x: x + 25 * Math.cos(angle), y: y + 25 * Math.sin(angle) };
};

/**
 * The elements for these works and their awards that are not drawn yet. A work is drawn when someone drawn is credited
 * on it; an award when its work is drawn. Edges go to drawn people only.
 */
export function workLayerElements({ works, people, drawn, positionOf, font }: LayerInput): ElementDefinition[] {
  const elements: ElementDefinition[] = [];
  const added = new Set<string>();
  const add = (element: ElementDefinition) => {
    const id = element.data.id as string;
    if (drawn(id) || added.has(id)) return;
    added.add(id);
    elements.push(element);
  };
  works.forEach((work, index) => {
    const rolesByPerson = new Map<string, string[]>();
    for (const { role, person } of work.credits) {
      if (!people.has(person.slug)) continue;
      const roles = rolesByPerson.get(person.slug) ?? [];
      if (!roles.includes(role)) roles.push(role);
      rolesByPerson.set(person.slug, roles);
    }
    if (rolesByPerson.size === 0) return;
    const id = workNodeId(work.slug);
    const at = middleOf(
      [...rolesByPerson.keys()].map(positionOf).filter((p): p is { x: number; y: number } => p !== null),
      index,
    );
    add({
      group: 'nodes',
      classes: 'work-node',
      data: { id, slug: work.slug, kind: 'work', name: withYear(work.title, work.year), size: 16, font },
      position: at,
    });
    for (const [person, roles] of rolesByPerson)
      add({
        group: 'edges',
        classes: 'credit-edge',
        data: { id: `${id}~${person}`, source: person, target: id, work: work.slug, label: roleList(roles), font },
      });
    work.awards.forEach((win, n) => {
      const awardId = awardNodeId(win.slug);
      add({
        group: 'nodes',
        classes: 'award-node',
        data: {
          id: awardId,
          slug: win.slug,
          kind: 'award',
          work: work.slug,
          name: withYear(win.award.name, win.year),
          size: 18,
          font,
        },
        position: { x: at.x + 40 * Math.cos(n + index), y: at.y + 40 * Math.sin(n + index) },
      });
      add({ group: 'edges', classes: 'award-edge', data: { id: `${awardId}~${id}`, source: awardId, target: id } });
      for (const { slug } of win.recipients)
        if (people.has(slug))
          add({ group: 'edges', classes: 'award-edge', data: { id: `${awardId}~${slug}`, source: awardId, target: slug } });
    });
  });
  return elements;
}
