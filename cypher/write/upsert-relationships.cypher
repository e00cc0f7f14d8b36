// Upsert relationships of one type between existing nodes, with the same source rule as nodes.
UNWIND $rows AS row
MATCH (a:__FROM__ {slug: row.from})
MATCH (b:__TO__ {slug: row.to})
OPTIONAL MATCH (a)-[existing:__TYPE__ {key: row.key}]->(b)
WITH a, b, row, existing IS NULL AS created, properties(existing) AS before
MERGE (a)-[r:__TYPE__ {key: row.key}]->(b)
// Provenance lists only with a source: a document written without one stores none, as a loaded one (rows.ts).
ON CREATE SET r += CASE WHEN row.source IS NULL THEN {} ELSE {sourceDocuments: [], sourceCitations: [], sourceQuotes: []} END
SET r += row.set
// A bulk import (neo4j-admin) cannot write the list [""], so one source without citation markers has none: read
// as that list here.
WITH r, row, created, before, coalesce(r.sourceCitations, [d IN r.sourceDocuments | '']) AS citations
WITH r, row, created, before, citations,
     row.source IS NOT NULL AND NOT any(i IN range(0, size(r.sourceQuotes) - 1)
       WHERE r.sourceQuotes[i] = row.source.quote AND r.sourceDocuments[i] = row.source.document
         AND citations[i] = row.source.citations) AS addSource
SET r.sourceDocuments = r.sourceDocuments + CASE WHEN addSource THEN [row.source.document] ELSE [] END,
    r.sourceCitations = citations + CASE WHEN addSource THEN [row.source.citations] ELSE [] END,
    r.sourceQuotes = r.sourceQuotes + CASE WHEN addSource THEN [row.source.quote] ELSE [] END
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND before <> properties(r) THEN 1 ELSE 0 END) AS updated
