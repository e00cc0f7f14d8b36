// The dataset entries an importer builds, as the dataset format (src/dataset/format.ts) defines them: a converter
// fills these and the result is validated like any other dataset.
import type { Dataset, SourceInput } from '../dataset/format.ts';

type Entry<K extends keyof Dataset> = Dataset[K] extends readonly (infer E)[] ? E : never;

export type Source = SourceInput;
export type Identifier = NonNullable<Entry<'people'>['identifiers']>[number];
export interface Sourced {
  sources: Source[];
}
/** A person as a converter builds it: its identifier list always there, to be added to. */
export type PersonEntry = Entry<'people'> & { identifiers: Identifier[] };
export type WorkEntry = Entry<'works'>;
export type CreditEntry = Entry<'credits'>;
export type WorkLinkEntry = Entry<'workLinks'>;
export type MembershipEntry = Entry<'memberships'>;
