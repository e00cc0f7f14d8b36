// Bulk load into an empty database: relationships between the nodes just created, found by the element ids their
// CREATE answered (a seek by id, cheaper than a unique-index seek by slug), without looking for existing ones.
UNWIND $rows AS row
MATCH (a:__FROM__) WHERE elementId(a) = row.from
MATCH (b:__TO__) WHERE elementId(b) = row.to
CREATE (a)-[r:__TYPE__]->(b)
SET r = row.props
RETURN count(*) AS matched
