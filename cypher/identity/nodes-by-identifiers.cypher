// Identity resolution's batch lookup: the node each identifier names, with its properties and the identifier's own.
// The identifier's slug is unique (its constraint is the index each row seeks by).
UNWIND $keys AS key
MATCH (i:Identifier {slug: key.slug})-[:IDENTIFIES]->(n)
RETURN key.i AS i, [label IN labels(n) WHERE label IN $labels][0] AS label, n.slug AS slug, properties(n) AS props,
       properties(i) AS identifierProps
