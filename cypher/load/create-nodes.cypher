// Bulk load into an empty database: nothing can match yet, so plain CREATE; the slug constraint still refuses a clash.
// The element ids come back paired with their slugs, so the relationship batches can seek their ends by id.
UNWIND $rows AS row
CREATE (n:__LABEL__)
SET n = row.props
RETURN count(*) AS created, collect(row.slug) AS slugs, collect(elementId(n)) AS ids
