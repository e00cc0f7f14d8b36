// Nodes of one label by slug, as stored, each with every relationship touching it (a loop once): what a merge moves.
UNWIND $slugs AS slug
MATCH (n:__LABEL__ {slug: slug})
CALL (n) {
  MATCH (n)-[r]-()
  WITH DISTINCT r
  WITH r, startNode(r) AS a, endNode(r) AS b
  RETURN collect({
    type: type(r),
    fromLabel: [l IN labels(a) WHERE l IN $labels][0], from: a.slug,
    toLabel: [l IN labels(b) WHERE l IN $labels][0], to: b.slug,
    key: r.key, props: properties(r)
  }) AS rels
}
RETURN slug, properties(n) AS props, rels
