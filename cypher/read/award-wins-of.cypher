// Award wins received by people (RECEIVED), for works (FOR_WORK) or of awards (OF_AWARD).
UNWIND $slugs AS slug
MATCH (:__LABEL__ {slug: slug})__PATTERN__(w:AwardWin)
RETURN slug, properties(w) AS props, w.slug AS win,
       COLLECT { MATCH (w)-[:OF_AWARD]->(a:Award) RETURN a.slug }[0] AS award,
       COLLECT { MATCH (w)-[:FOR_WORK]->(x:Work) RETURN x.slug }[0] AS work,
       COLLECT { MATCH (p:Person)-[:RECEIVED]->(w) RETURN p.slug } AS recipients
