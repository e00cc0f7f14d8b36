// How an attribute value reads as text in the text-only formats (XML and CSV), the same way in each.
import type { AttributeValue } from '../model.ts';

/** `;` joins lists because it is neo4j-admin's array delimiter, and slugs never contain it. */
export const LIST_SEPARATOR = ';';

export function textOf(value: AttributeValue): string {
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  return String(value);
}
