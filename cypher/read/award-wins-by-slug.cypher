// Award wins by slug, with the award, the work and the recipients they link.
UNWIND $slugs AS slug
MATCH (w:AwardWin {slug: slug})
RETURN slug, properties(w) AS props,
       COLLECT { MATCH (w)-[:OF_AWARD]->(a:Award) RETURN a.slug }[0] AS award,
       COLLECT { MATCH (w)-[:FOR_WORK]->(x:Work) RETURN x.slug }[0] AS work,
       COLLECT { MATCH (p:Person)-[:RECEIVED]->(w) RETURN p.slug } AS recipients
