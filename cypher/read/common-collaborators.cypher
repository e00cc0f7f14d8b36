// People, other than $of, credited on a work shared with every one of $of, with the works that link them.
UNWIND $of AS target
MATCH (o:Person {slug: target})-[:CREDITED]->(w:Work)<-[c:CREDITED]-(other:Person)
WHERE NOT other.slug IN $of AND ($roles IS NULL OR c.role IN $roles)
WITH other, o, collect(DISTINCT w) AS works
WITH other, count(o) AS reached, collect(works) AS workLists
WHERE reached = size($of)
WITH other, reduce(acc = [], ws IN workLists | acc + [x IN ws WHERE NOT x IN acc]) AS shared
RETURN properties(other) AS person, [w IN shared | properties(w)] AS works
ORDER BY size(shared) DESC, other.slug
