// A page of all works by slug: the total from the count store and the page read in slug order from the slug
// index, so the cost is the page's, not the number of works.
CALL () { MATCH (w:Work) RETURN count(w) AS total }
CALL () {
  MATCH (w:Work) WHERE w.slug IS NOT NULL
  WITH w ORDER BY w.slug SKIP $offset LIMIT $limit
  RETURN collect({slug: w.slug, props: properties(w)}) AS items
}
RETURN total, items
