// A page of all people by slug: the total from the count store and the page read in slug order from the slug
// index, so the cost is the page's, not the number of people.
CALL () { MATCH (p:Person) RETURN count(p) AS total }
CALL () {
  MATCH (p:Person) WHERE p.slug IS NOT NULL
  WITH p ORDER BY p.slug SKIP $offset LIMIT $limit
  RETURN collect({slug: p.slug, props: properties(p)}) AS items
}
RETURN total, items
