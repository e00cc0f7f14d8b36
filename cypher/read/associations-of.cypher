// Person-to-person links without a named work (mentoring, unnamed collaborations), both directions.
UNWIND $slugs AS slug
MATCH (p:Person {slug: slug})-[a:WORKED_WITH|MENTORED]-(other:Person)
RETURN slug, type(a) AS type, startNode(a) = p AS outgoing, properties(a) AS rel, properties(other) AS person
