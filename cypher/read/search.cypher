// Full-text search over people, works, awards, organizations and places; whole-name and prefix hits first.
CALL db.index.fulltext.queryNodes('liner_search', $lucene) YIELD node
WITH node, [l IN labels(node) WHERE l IN $labels][0] AS label
WITH node, label,
     CASE WHEN node.searchText = $query THEN 0 WHEN node.searchText STARTS WITH $query THEN 1 ELSE 2 END AS rank
ORDER BY rank, $labelRank[label], node.slug
LIMIT $limit
RETURN label, node.slug AS slug, coalesce(node.name, node.title) AS name
