// Fewest person→work→person hops; of equal paths, the smallest sequence of slugs, so both stores agree.
MATCH (a:Person {slug: $from}), (b:Person {slug: $to})
MATCH p = allShortestPaths((a)-[:CREDITED*..__MAX_LENGTH__]-(b))
WITH p ORDER BY [n IN nodes(p) | n.slug] LIMIT 1
WITH nodes(p) AS ns
UNWIND range(0, size(ns) - 3, 2) AS i
WITH i, ns[i] AS x, ns[i + 1] AS w, ns[i + 2] AS y
RETURN i, properties(x) AS fromPerson, properties(w) AS work, properties(y) AS toPerson,
       [(x)-[c:CREDITED]->(w) | c.role] AS fromRoles, [(y)-[c:CREDITED]->(w) | c.role] AS toRoles
ORDER BY i
