// Bulk load into an empty database: nothing can match yet, so plain CREATE; the slug constraint still refuses a clash.
UNWIND $rows AS row
CREATE (n:__LABEL__)
SET n = row.props
RETURN count(*) AS created
