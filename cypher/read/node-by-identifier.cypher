// The node an identifier names; the identifier's slug is unique (its constraint is the index this seeks by).
MATCH (:Identifier {slug: $slug})-[:IDENTIFIES]->(n)
RETURN [label IN labels(n) WHERE label IN $labels][0] AS label, n.slug AS slug
LIMIT 1
