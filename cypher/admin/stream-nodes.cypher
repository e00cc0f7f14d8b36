// Every node with its label and properties, streamed for exports.
MATCH (n)
WITH n, [l IN labels(n) WHERE l IN $labels][0] AS label
WHERE label IS NOT NULL
RETURN label, n.slug AS slug, properties(n) AS props
ORDER BY label, slug
