// Person-to-person links without a named work (mentoring, family, unnamed collaborations), both directions;
// the types are ASSOCIATION_TYPES of src/dataset/format.ts.
UNWIND $slugs AS slug
MATCH (p:Person {slug: slug})-[a:WORKED_WITH|MENTORED|PARENT_OF|SIBLING_OF|MARRIED_TO|INVOLVED_WITH|SUPPORTING_MUSICIAN_OF|PERFORMS_AS|SUBGROUP_OF]-(other:Person)
RETURN slug, type(a) AS type, startNode(a) = p AS outgoing, properties(a) AS rel, properties(other) AS person
