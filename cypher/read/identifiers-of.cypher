// Each node's identifiers; __LABEL__ comes from the allow-list of identified labels.
UNWIND $slugs AS slug
MATCH (n:__LABEL__ {slug: slug})<-[:IDENTIFIES]-(i:Identifier)
RETURN slug, n.kind AS kind, properties(i) AS props
