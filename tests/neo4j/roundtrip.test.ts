// The real Neo4j: a write/read round trip, and every Cypher file under cypher/ compiles (EXPLAIN).
import { randomUUID } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cypher, listCypherFiles, sampleFill } from '../../src/graph/neo4j/cypher-files.ts';
import { describeNeo4j, testDriver } from './neo4j-env.ts';

describeNeo4j('Neo4j round trip', () => {
  let driver: Driver;
  const database = process.env.NEO4J_DATABASE ?? 'neo4j';
  beforeAll(() => {
    driver = testDriver();
  });
  afterAll(async () => {
    await driver.close();
  });

  it('connects, writes, reads back and cleans up', async () => {
    const id = randomUUID();
    const text = 'Maná — "quoted" \'and\' {braces} // not a comment';
    await driver.executeQuery('CREATE (:LinerRoundTrip {id: $id, text: $text})', { id, text }, { database });
    const read = await driver.executeQuery('MATCH (n:LinerRoundTrip {id: $id}) RETURN n.text AS text', { id }, { database });
    expect(read.records.map((r) => r.get('text'))).toEqual([text]);
    await driver.executeQuery('MATCH (n:LinerRoundTrip {id: $id}) DELETE n', { id }, { database });
    const gone = await driver.executeQuery('MATCH (n:LinerRoundTrip {id: $id}) RETURN count(n) AS n', { id }, { database });
    expect(gone.records[0]?.get('n')).toBe(0);
  });

  it('runs a real Neo4j 5.26', async () => {
    const result = await driver.executeQuery('CALL dbms.components() YIELD name, versions, edition RETURN *', {}, { database });
    const row = result.records[0]?.toObject() as { name: string; versions: string[]; edition: string };
    expect(row.name).toBe('Neo4j Kernel');
    expect(row.versions[0]).toMatch(/^5\.26\./);
  });

  const files = listCypherFiles();
  it('has Cypher files to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files)('EXPLAIN cypher/%s.cypher', async (name) => {
    const text = cypher(name, sampleFill(name));
    const params = Object.fromEntries([...text.matchAll(/\$([A-Za-z]+)/g)].map(([, p]) => [p, null]));
    const result = await driver.executeQuery(`EXPLAIN ${text}`, params, { database });
    expect(result.summary.plan).toBeTruthy();
  });
});
