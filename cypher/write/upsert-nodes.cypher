// Upsert nodes of one label: set the given properties, add the row's source unless an identical one is there.
UNWIND $rows AS row
OPTIONAL MATCH (existing:__LABEL__ {slug: row.slug})
WITH row, existing IS NULL AS created, properties(existing) AS before
MERGE (n:__LABEL__ {slug: row.slug})
// Provenance lists only with a source: a document written without one stores none, as a loaded one (rows.ts).
ON CREATE SET n += CASE WHEN row.source IS NULL THEN {} ELSE {sourceDocuments: [], sourceCitations: [], sourceQuotes: []} END
SET n += row.set
// A bulk import (neo4j-admin) cannot write the list [""], so one source without citation markers has none: read
// as that list here.
WITH n, row, created, before, coalesce(n.sourceCitations, [d IN n.sourceDocuments | '']) AS citations
WITH n, row, created, before, citations,
     row.source IS NOT NULL AND NOT any(i IN range(0, size(n.sourceQuotes) - 1)
       WHERE n.sourceQuotes[i] = row.source.quote AND n.sourceDocuments[i] = row.source.document
         AND citations[i] = row.source.citations) AS addSource
SET n.sourceDocuments = n.sourceDocuments + CASE WHEN addSource THEN [row.source.document] ELSE [] END,
    n.sourceCitations = citations + CASE WHEN addSource THEN [row.source.citations] ELSE [] END,
    n.sourceQuotes = n.sourceQuotes + CASE WHEN addSource THEN [row.source.quote] ELSE [] END
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND before <> properties(n) THEN 1 ELSE 0 END) AS updated
