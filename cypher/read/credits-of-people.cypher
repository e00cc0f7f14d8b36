// A page of each person's credits, by the work's year (undated last), work slug and role; a year bound drops
// undated works, as `w.year >= $yearFrom` is null for them.
UNWIND $slugs AS slug
OPTIONAL MATCH (p:Person {slug: slug})
CALL (p) {
  OPTIONAL MATCH (p)-[c:CREDITED]->(w:Work)
  WHERE ($roles IS NULL OR c.role IN $roles) AND ($kind IS NULL OR w.kind = $kind)
    AND ($yearFrom IS NULL OR w.year >= $yearFrom) AND ($yearTo IS NULL OR w.year <= $yearTo)
  WITH c, w ORDER BY w.year IS NULL, w.year, w.slug, $roleRank[c.role]
  RETURN [x IN collect({credit: properties(c), work: properties(w)}) WHERE x.work IS NOT NULL] AS rows
}
RETURN slug, properties(p) AS person, size(rows) AS total, rows[$offset..$offset + $limit] AS items
