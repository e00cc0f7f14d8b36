// A page of each person's collaborators: people credited on a work they share, most shared works first.
UNWIND $slugs AS slug
OPTIONAL MATCH (p:Person {slug: slug})
CALL (p) {
  OPTIONAL MATCH (p)-[:CREDITED]->(w:Work)<-[c:CREDITED]-(other:Person)
  WHERE other <> p AND ($roles IS NULL OR c.role IN $roles)
  WITH other, collect(DISTINCT properties(w)) AS works
  WHERE other IS NOT NULL
  WITH other, works ORDER BY size(works) DESC, other.slug
  RETURN collect({person: properties(other), works: works}) AS rows
}
RETURN slug, size(rows) AS total, rows[$offset..$offset + $limit] AS items
