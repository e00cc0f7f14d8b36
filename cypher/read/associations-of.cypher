// Person-to-person links without a named work (mentoring, family, unnamed collaborations), both directions;
// __PATTERN__ is every type of ASSOCIATION_TYPES (src/dataset/format.ts), from the allow-list in cypher-files.ts.
UNWIND $slugs AS slug
MATCH (p:Person {slug: slug})__PATTERN__(other:Person)
RETURN slug, type(a) AS type, startNode(a) = p AS outgoing, properties(a) AS rel, properties(other) AS person
