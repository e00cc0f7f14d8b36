// Keeps one frozen copy of property bags and provenance lists that repeat across a big graph.
import { firstString, Pool, type Props, type PropValue, sameProps, sameValue } from '../rows.ts';

/** Provenance lists with few distinct values across a graph: one document, a handful of citation sets. */
const SHARED_LISTS = ['sourceDocuments', 'sourceCitations'] as const;

export class Interner {
  private readonly lists = new Pool<PropValue>(sameValue, (list) => Object.freeze([...(list as unknown[])]) as PropValue);
  /** The last list seen under each name and its kept copy: rows mostly repeat one array (see datasetToRows). */
  private readonly recent = new Map<string, { seen: PropValue; kept: PropValue }>();

  /** A copy of the props whose provenance document and citation lists are the kept ones (frozen: never changed). */
  withSharedLists(props: Props): Props {
    const out: Record<string, PropValue> = { ...props };
    for (const name of SHARED_LISTS) {
      const value = props[name];
      if (!Array.isArray(value)) continue;
      const recent = this.recent.get(name);
      if (recent?.seen === value) {
        out[name] = recent.kept;
        continue;
      }
      const kept = this.lists.get(`${name}|${firstString(value)}`, value) ?? value;
      this.recent.set(name, { seen: value, kept });
      out[name] = kept;
    }
    return out;
  }

  /**
   * Relationships with equal properties share one frozen bag: a big catalogue repeats a credit's role and quote for
   * every work of a person. The returned function keeps its own index, to be dropped with it after one load.
   */
  bags(): (props: Props) => Props {
    const pool = new Pool<Props>(sameProps, (props) => Object.freeze(this.withSharedLists(props)));
    // Rows from datasetToRows already share equal bags: the same object needs no second look in the pool.
    const seen = new Map<Props, Props>();
    return (props) => {
      let kept = seen.get(props);
      if (kept === undefined) {
        kept = pool.get(firstString(props.sourceQuotes), props) ?? this.withSharedLists(props);
        seen.set(props, kept);
      }
      return kept;
    };
  }
}
