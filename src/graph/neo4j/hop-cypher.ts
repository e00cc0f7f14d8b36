// One Cypher statement per hop of the hop table (src/graph/hops.ts) and start label: the hop's shape written out.
// Labels and types come from the table, which holds only NODE_LABELS and REL_TYPES (checked again here); property
// and link names are checked as plain identifiers. Values are parameters ($slugs).
import { type HopName, hopShape } from '../hops.ts';
import type { LinkShape } from '../port/hop-rows.ts';
import { NODE_LABELS, type NodeLabel, REL_TYPES } from '../rows.ts';

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;
const label = (name: string) => {
  if (!(NODE_LABELS as readonly string[]).includes(name)) throw new Error(`hop cypher: "${name}" is not a node label`);
  return name;
};
const types = (names: readonly string[]) => {
  for (const name of names)
    if (!(REL_TYPES as readonly string[]).includes(name)) throw new Error(`hop cypher: "${name}" is not a relationship type`);
  return names.join('|');
};
const identifier = (name: string) => {
  if (!IDENTIFIER.test(name)) throw new Error(`hop cypher: "${name}" is not a plain identifier`);
  return name;
};

/** `-[r:T]->`, `<-[r:T]-` or `-[r:T]-`. */
function arrow(direction: 'out' | 'in' | 'both', variable: string, relTypes: string): string {
  const rel = `[${variable}:${relTypes}]`;
  return direction === 'out' ? `-${rel}->` : direction === 'in' ? `<-${rel}-` : `-${rel}-`;
}

/** A link of the end node as a COLLECT subquery of {label, slug, props} maps. */
function linkCollect(link: LinkShape): string {
  const end = link.to === undefined ? '(x)' : `(x:${label(link.to)})`;
  const props = link.props ? 'properties(x)' : '{}';
  const labelOf = link.to === undefined ? 'labels(x)[0]' : `'${label(link.to)}'`;
  return `COLLECT { MATCH (o)${arrow(link.direction, '', types([link.type]))}${end} RETURN {label: ${labelOf}, slug: x.slug, props: ${props}} }`;
}

const cache = new Map<string, string>();

/** The statement reading hop `hop` from nodes of label `from`: one row per relationship, in the HopRow shape. */
export function hopCypher(hop: HopName, from: NodeLabel): string {
  const cacheKey = `${hop}|${from}`;
  let text = cache.get(cacheKey);
  if (text !== undefined) return text;
  const shape = hopShape(hop, from);
  const start = `{${(shape.startProps ?? []).map((p) => `${identifier(p)}: n.${p}`).join(', ')}}`;
  const links = `{${Object.entries(shape.links ?? {})
    .map(([name, link]) => `${identifier(name)}: ${linkCollect(link)}`)
    .join(', ')}}`;
  text = [
    `// hop ${hop} from ${from} (src/graph/hops.ts)`,
    'UNWIND $slugs AS slug',
    `MATCH (n:${label(from)} {slug: slug})${arrow(shape.direction, 'r', types(shape.types))}(o:${label(shape.to)})`,
    'RETURN slug AS start_slug, type(r) AS type, startNode(r) = n AS outgoing, properties(r) AS rel, o.slug AS slug,',
    `       properties(o) AS props, ${start} AS start, ${links} AS links`,
  ].join('\n');
  cache.set(cacheKey, text);
  return text;
}
