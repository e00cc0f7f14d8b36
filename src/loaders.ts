// Per-request DataLoaders over the store port: one store call per field level, whatever the number of parents.
import DataLoader from 'dataloader';
import type { NodeLabel } from './graph/rows.ts';
import type { GraphStore, LookupLabel, PageArgs, RecordByLabel, RoleFilter } from './graph/store.ts';

/** A loader whose batch function must answer one value per key, in key order — checked, not trusted. */
function batched<V>(load: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
  return new DataLoader<string, V>(async (keys) => {
    const values = await load(keys);
    if (values.length !== keys.length) throw new Error(`loader answered ${values.length} values for ${keys.length} keys`);
    return values;
  });
}

/** One loader per distinct argument set, so siblings asking the same page share one batch. */
function perArgs<A, V>(make: (args: A) => DataLoader<string, V>): ((args: A) => DataLoader<string, V>) & { clearAll(): void } {
  const loaders = new Map<string, DataLoader<string, V>>();
  const get = (args: A) => {
    const key = JSON.stringify(args);
    let loader = loaders.get(key);
    if (!loader) {
      loader = make(args);
      loaders.set(key, loader);
    }
    return loader;
  };
  return Object.assign(get, { clearAll: () => loaders.clear() });
}

export function createLoaders(store: GraphStore) {
  const node = <L extends LookupLabel>(label: L) => batched<RecordByLabel[L] | null>((slugs) => store.nodesBySlug(label, slugs));
  const loaders = {
    person: node('Person'),
    work: node('Work'),
    place: node('Place'),
    organization: node('Organization'),
    award: node('Award'),
    awardWin: node('AwardWin'),
    conflict: node('Conflict'),
    document: node('Document'),
    creditsOfPerson: perArgs((args: RoleFilter & PageArgs) =>
      batched((slugs) => store.creditsOfPeople(slugs, { roles: args.roles }, { offset: args.offset, limit: args.limit })),
    ),
    creditsOfWork: perArgs((args: RoleFilter) => batched((slugs) => store.creditsOfWorks(slugs, args))),
    collaboratorsOf: perArgs((args: RoleFilter & PageArgs) =>
      batched((slugs) => store.collaboratorsOf(slugs, { roles: args.roles }, { offset: args.offset, limit: args.limit })),
    ),
    membersOf: batched((slugs) => store.membersOf(slugs)),
    groupsOf: batched((slugs) => store.groupsOf(slugs)),
    birthPlaceOf: batched((slugs) => store.birthPlacesOf(slugs)),
    partOf: batched((slugs) => store.workLinksOf(slugs, 'OUT')),
    parts: batched((slugs) => store.workLinksOf(slugs, 'IN')),
    awardWinsOfPerson: batched((slugs) => store.awardWinsOf('Person', slugs)),
    awardWinsOfWork: batched((slugs) => store.awardWinsOf('Work', slugs)),
    awardWinsOfAward: batched((slugs) => store.awardWinsOf('Award', slugs)),
    affiliationsOf: batched((slugs) => store.affiliationsOf(slugs)),
    associationsOf: batched((slugs) => store.associationsOf(slugs)),
    conflictsAbout: perArgs((label: NodeLabel) => batched((slugs) => store.conflictsAbout(label, slugs))),
  };
  return {
    ...loaders,
    /** Forget everything loaded so far: after a write, later fields of the same request must see it. */
    clearAll(): void {
      for (const loader of Object.values(loaders) as { clearAll(): unknown }[]) loader.clearAll();
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** loadMany that fails the field on an error instead of handing Error objects on as values. */
export async function loadAll<V>(loader: DataLoader<string, V>, keys: readonly string[]): Promise<V[]> {
  return (await loader.loadMany(keys)).map((value) => {
    if (value instanceof Error) throw value;
    return value;
  });
}
