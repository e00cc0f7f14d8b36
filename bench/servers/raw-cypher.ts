// The floor of the Neo4j path: each answer from one hand-written Cypher statement via neo4j-driver, on plain node:http.
import { createServer, type IncomingMessage } from 'node:http';
import neo4j from 'neo4j-driver';

const driver = neo4j.driver(
  process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7689',
  neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
  { disableLosslessIntegers: true },
);

// The same answers as the GraphQL scenarios, with the same orderings where Cypher can say them plainly.
const QUERIES = {
  person: `MATCH (p:Person {slug: $slug}) RETURN p {.slug, .name, .isGroup, .aliases} AS person`,
  common: `
    UNWIND $of AS target
    MATCH (:Person {slug: target})-[:CREDITED]->(w:Work)<-[:CREDITED]-(other:Person)
    WHERE NOT other.slug IN $of
    WITH other, target, collect(DISTINCT w) AS works
    WITH other, collect(works) AS lists
    WHERE size(lists) = size($of)
    WITH other, reduce(acc = [], ws IN lists | acc + [x IN ws WHERE NOT x IN acc]) AS shared
    RETURN other {.slug, .name} AS person, [w IN shared | w {.slug, .title, .year}] AS sharedWorks
    ORDER BY size(shared) DESC, other.slug`,
  path: `
    MATCH (a:Person {slug: $from}), (b:Person {slug: $to})
    MATCH p = allShortestPaths((a)-[:CREDITED*..12]-(b))
    WITH p ORDER BY [n IN nodes(p) | n.slug] LIMIT 1
    WITH nodes(p) AS ns
    UNWIND range(0, size(ns) - 3, 2) AS i
    WITH i, ns[i] AS x, ns[i + 1] AS w, ns[i + 2] AS y
    RETURN x {.slug, .name} AS from, [(x)-[c:CREDITED]->(w) | c.role] AS fromRoles, w {.slug, .title} AS work,
           y {.slug, .name} AS to, [(y)-[c:CREDITED]->(w) | c.role] AS toRoles
    ORDER BY i`,
  nested: `
    MATCH (p:Person) WHERE p.slug IS NOT NULL WITH p ORDER BY p.slug LIMIT $first
    CALL (p) {
      OPTIONAL MATCH (p)-[c:CREDITED]->(w:Work)
      WITH c, w ORDER BY w.year IS NULL, w.year, w.slug, c.role LIMIT $first
      RETURN [x IN collect({role: c.role, work: w {.slug, .title,
        credits: COLLECT { MATCH (w)<-[c2:CREDITED]-(q:Person) RETURN {role: c2.role, person: q {.slug, .name}} }}})
        WHERE x.role IS NOT NULL] AS credits
    }
    RETURN p {.slug, .name, credits: credits} AS person`,
  upsertPerson: `
    MERGE (p:Person {slug: $slug})
    ON CREATE SET p.sourceDocuments = [], p.sourceCitations = [], p.sourceQuotes = [], p.isGroup = false, p.aliases = []
    SET p.name = $name, p.searchText = toLower($name)
    WITH p, NOT $quote IN p.sourceQuotes AS add
    SET p.sourceDocuments = p.sourceDocuments + CASE WHEN add THEN [$document] ELSE [] END,
        p.sourceCitations = p.sourceCitations + CASE WHEN add THEN [''] ELSE [] END,
        p.sourceQuotes = p.sourceQuotes + CASE WHEN add THEN [$quote] ELSE [] END
    RETURN p {.slug, .name, .isGroup, .aliases} AS person`,
  addCredit: `
    MATCH (p:Person {slug: $person}), (w:Work {slug: $work})
    MERGE (p)-[c:CREDITED {key: $role}]->(w)
    ON CREATE SET c.role = $role, c.sourceDocuments = [$document], c.sourceCitations = [''], c.sourceQuotes = [$quote]
    RETURN c.role AS role, p {.slug, .name} AS person, w {.slug, .title} AS work`,
} as const;

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length > 0 ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

const int = (value: string | null, fallback: number) => neo4j.int(value === null ? fallback : Number(value));

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const q = url.searchParams;
    const route = url.pathname.slice(1);
    let rows: Record<string, unknown>[];
    // Reads as Liner runs them: one auto-commit statement, the driver's cheapest path (RUN and PULL in one trip).
    const read = async (query: string, params: Record<string, unknown>) => {
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      try {
        return (await session.run(query, params)).records.map((r) => r.toObject());
      } finally {
        await session.close();
      }
    };
    const write = async (query: string, params: Record<string, unknown>) =>
      (await driver.executeQuery(query, params)).records.map((r) => r.toObject());
    if (route === 'person') rows = await read(QUERIES.person, { slug: q.get('slug') });
    else if (route === 'common') rows = await read(QUERIES.common, { of: q.getAll('of') });
    else if (route === 'path') rows = await read(QUERIES.path, { from: q.get('from'), to: q.get('to') });
    else if (route === 'nested') rows = await read(QUERIES.nested, { first: int(q.get('first'), 5) });
    else if (route === 'upsert-person') rows = await write(QUERIES.upsertPerson, await body(req));
    else if (route === 'add-credit') rows = await write(QUERIES.addCredit, await body(req));
    else {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data: rows }));
  } catch (error) {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: String(error) }));
  }
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.info(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});

// Exit cleanly on SIGTERM, so --cpu-prof writes its profile.
process.once('SIGTERM', () => process.exit(0));
