// Per-request DataLoaders over the store's reads: one store call per field level, whatever the number of parents.
import DataLoader from 'dataloader';
import { type HopName, readHop } from './graph/hops.ts';
import type { NodeLabel } from './graph/rows.ts';
import type {
  CreditFilter,
  GraphReads,
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
  (store: GraphReads) =>
    batched<RecordByLabel[L] | null>((slugs) => store.nodesBySlug(label, slugs));

/** A one-hop list of the hop table (src/graph/hops.ts), its records built and sorted there. */
const hop =
  <H extends HopName>(name: H) =>
  (store: GraphReads) =>
    batched((slugs) => readHop(store, name, slugs));

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
  creditsOfPerson: (store: GraphReads) =>
    perArgs(({ offset, limit, ...filter }: CreditFilter & PageArgs) =>
      batched((slugs) => store.creditsOfPeople(slugs, filter, { offset, limit })),
    ),
  creditsOfWork: (store: GraphReads) => perArgs((args: RoleFilter) => batched((slugs) => store.creditsOfWorks(slugs, args))),
  collaboratorsOf: (store: GraphReads) =>
    perArgs((args: RoleFilter & PageArgs) =>
      batched((slugs) => store.collaboratorsOf(slugs, { roles: args.roles }, { offset: args.offset, limit: args.limit })),
    ),
  membersOf: hop('membersOf'),
  groupsOf: hop('groupsOf'),
  birthPlaceOf: hop('birthPlaceOf'),
  membershipsOf: hop('membershipsOf'),
  areaOf: hop('areaOf'),
  identifiersOf: (store: GraphReads) =>
    perArgs((label: IdentifiedLabel) => batched((slugs) => readHop(store, 'identifiersOf', slugs, label))),
  partOf: hop('partOf'),
  parts: hop('parts'),
  awardWinsOfPerson: hop('awardWinsOfPerson'),
  awardWinsOfWork: hop('awardWinsOfWork'),
  awardWinsOfAward: hop('awardWinsOfAward'),
  affiliationsOf: hop('affiliationsOf'),
  associationsOf: hop('associationsOf'),
  conflictsAbout: (store: GraphReads) =>
    perArgs((label: NodeLabel) => batched((slugs) => readHop(store, 'conflictsAbout', slugs, label))),
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
for (const [name, make] of Object.entries(MAKERS) as [string, (store: GraphReads) => unknown][])
  Object.defineProperty(LAZY_LOADERS, name, {
    get(this: { [STORE]: GraphReads }) {
      const loader = make(this[STORE]);
      Object.defineProperty(this, name, { value: loader, enumerable: true });
      return loader;
    },
  });

export function createLoaders(store: GraphReads): Loaders {
  const loaders = Object.create(LAZY_LOADERS) as { [STORE]: GraphReads };
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
