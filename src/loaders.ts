// Per-request DataLoaders over the store port: one store call per field level, whatever the number of parents.
import DataLoader from 'dataloader';
import type { NodeLabel } from './graph/rows.ts';
import type {
  CreditFilter,
  GraphStore,
  IdentifiedLabel,
  LookupLabel,
  PageArgs,
  RecordByLabel,
  RoleFilter,
} from './graph/store.ts';

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

const node =
  <L extends LookupLabel>(label: L) =>
  (store: GraphStore) =>
    batched<RecordByLabel[L] | null>((slugs) => store.nodesBySlug(label, slugs));

/** How each loader is made from the request's store. */
const MAKERS = {
  person: node('Person'),
  work: node('Work'),
  place: node('Place'),
  organization: node('Organization'),
  award: node('Award'),
  awardWin: node('AwardWin'),
  conflict: node('Conflict'),
  document: node('Document'),
  creditsOfPerson: (store: GraphStore) =>
    perArgs(({ offset, limit, ...filter }: CreditFilter & PageArgs) =>
      batched((slugs) => store.creditsOfPeople(slugs, filter, { offset, limit })),
    ),
  creditsOfWork: (store: GraphStore) => perArgs((args: RoleFilter) => batched((slugs) => store.creditsOfWorks(slugs, args))),
  collaboratorsOf: (store: GraphStore) =>
    perArgs((args: RoleFilter & PageArgs) =>
      batched((slugs) => store.collaboratorsOf(slugs, { roles: args.roles }, { offset: args.offset, limit: args.limit })),
    ),
  membersOf: (store: GraphStore) => batched((slugs) => store.membersOf(slugs)),
  groupsOf: (store: GraphStore) => batched((slugs) => store.groupsOf(slugs)),
  birthPlaceOf: (store: GraphStore) => batched((slugs) => store.birthPlacesOf(slugs)),
  membershipsOf: (store: GraphStore) => batched((slugs) => store.membershipsOf(slugs)),
  areaOf: (store: GraphStore) => batched((slugs) => store.areasOf(slugs)),
  identifiersOf: (store: GraphStore) =>
    perArgs((label: IdentifiedLabel) => batched((slugs) => store.identifiersOf(label, slugs))),
  partOf: (store: GraphStore) => batched((slugs) => store.workLinksOf(slugs, 'OUT')),
  parts: (store: GraphStore) => batched((slugs) => store.workLinksOf(slugs, 'IN')),
  awardWinsOfPerson: (store: GraphStore) => batched((slugs) => store.awardWinsOf('Person', slugs)),
  awardWinsOfWork: (store: GraphStore) => batched((slugs) => store.awardWinsOf('Work', slugs)),
  awardWinsOfAward: (store: GraphStore) => batched((slugs) => store.awardWinsOf('Award', slugs)),
  affiliationsOf: (store: GraphStore) => batched((slugs) => store.affiliationsOf(slugs)),
  associationsOf: (store: GraphStore) => batched((slugs) => store.associationsOf(slugs)),
  conflictsAbout: (store: GraphStore) => perArgs((label: NodeLabel) => batched((slugs) => store.conflictsAbout(label, slugs))),
};

export type Loaders = { readonly [K in keyof typeof MAKERS]: ReturnType<(typeof MAKERS)[K]> } & {
  /** Forget everything loaded so far: after a write, later fields of the same request must see it. */
  clearAll(): void;
};

const STORE = Symbol('store');

/**
 * Loaders are made on first use: a request touches a few of them, and making all of them for every request is
 * measurable at thousands of requests a second. The getters live on one shared prototype; the first read of a
 * loader stores it on the request's own object.
 */
const LAZY_LOADERS: object = Object.create(null, {
  clearAll: {
    value(this: Record<string, unknown>) {
      // Only the loaders this request made are the object's own properties; the others hold nothing yet.
      for (const name of Object.keys(this)) (this[name] as { clearAll(): unknown }).clearAll();
    },
  },
});
for (const [name, make] of Object.entries(MAKERS) as [string, (store: GraphStore) => unknown][])
  Object.defineProperty(LAZY_LOADERS, name, {
    get(this: { [STORE]: GraphStore }) {
      const loader = make(this[STORE]);
      Object.defineProperty(this, name, { value: loader, enumerable: true });
      return loader;
    },
  });

export function createLoaders(store: GraphStore): Loaders {
  const loaders = Object.create(LAZY_LOADERS) as { [STORE]: GraphStore };
  loaders[STORE] = store;
  return loaders as unknown as Loaders;
}

/** loadMany that fails the field on an error instead of handing Error objects on as values. */
export async function loadAll<V>(loader: DataLoader<string, V>, keys: readonly string[]): Promise<V[]> {
  return (await loader.loadMany(keys)).map((value) => {
    if (value instanceof Error) throw value;
    return value;
  });
}
