// Every node of one label as stored, in slug order.
MATCH (n:__LABEL__)
RETURN n.slug AS slug, properties(n) AS props
ORDER BY slug
