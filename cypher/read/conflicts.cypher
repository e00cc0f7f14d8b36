// Conflicts, all of them or those a filter keeps (each null parameter keeps everything), with their claims in order
// and their subjects. A claim's source is its first listed one, as the records read it.
MATCH (c:Conflict)
WHERE ($source IS NULL OR EXISTS { MATCH (c)-[:HAS_CLAIM]->(cl:Claim) WHERE cl.sourceDocuments[0] = $source })
  AND ($sourceKind IS NULL OR EXISTS {
        MATCH (c)-[:HAS_CLAIM]->(cl:Claim)
        MATCH (d:Document {slug: cl.sourceDocuments[0]})
        WHERE d.kind = $sourceKind })
  AND ($about IS NULL AND $aboutLabel IS NULL OR EXISTS {
        MATCH (c)-[:ABOUT]->(x)
        WHERE ($about IS NULL OR x.slug = $about) AND ($aboutLabel IS NULL OR $aboutLabel IN labels(x)) })
RETURN c.slug AS slug, c.description AS description,
       COLLECT { MATCH (c)-[:HAS_CLAIM]->(cl:Claim) RETURN properties(cl) AS claim ORDER BY cl.position } AS claims,
       COLLECT { MATCH (c)-[:ABOUT]->(x) RETURN {label: labels(x)[0], slug: x.slug} } AS about
ORDER BY c.slug
