// Both sides of each person's memberships: the groups they are in and, for a group, its members.
UNWIND $slugs AS slug
MATCH (p:Person {slug: slug})-[m:MEMBER_OF]-(other:Person)
RETURN slug, startNode(m) = p AS outgoing, properties(m) AS rel, properties(other) AS person
