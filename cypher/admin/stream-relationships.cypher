// Every relationship with its ends and properties, streamed for exports.
MATCH (a)-[r]->(b)
WHERE type(r) IN $types
WITH r, a, b, [l IN labels(a) WHERE l IN $labels][0] AS fromLabel, [l IN labels(b) WHERE l IN $labels][0] AS toLabel
WHERE fromLabel IS NOT NULL AND toLabel IS NOT NULL
RETURN type(r) AS type, fromLabel, a.slug AS from, toLabel, b.slug AS to, r.key AS key, properties(r) AS props
ORDER BY type, fromLabel, from, toLabel, to, key
