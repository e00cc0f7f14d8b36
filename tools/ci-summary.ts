// Reads Vitest's JSON report: prints the totals and how many Neo4j tests ran, and fails if any Neo4j test was skipped.
import { readFileSync } from 'node:fs';

interface Report {
  testResults: { name: string; assertionResults: { status: string }[] }[];
}

const report = JSON.parse(readFileSync(process.argv[2] ?? '.vitest-report.json', 'utf8')) as Report;
const tally = { passed: 0, failed: 0, skipped: 0 };
const neo4j = { passed: 0, failed: 0, skipped: 0 };
for (const file of report.testResults) {
  const isNeo4j = /[\\/]tests[\\/]neo4j[\\/]/.test(file.name);
  for (const test of file.assertionResults) {
    const status = test.status === 'passed' ? 'passed' : test.status === 'failed' ? 'failed' : 'skipped';
    tally[status]++;
    if (isNeo4j) neo4j[status]++;
  }
}
console.info(`Neo4j integration tests: ${neo4j.passed} passed, ${neo4j.failed} failed, ${neo4j.skipped} skipped`);
console.info(`${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
if (neo4j.skipped > 0 || neo4j.passed === 0) {
  console.error('The Neo4j suite must run in CI: a skipped or missing Neo4j test is a failure.');
  process.exit(1);
}
if (tally.failed > 0) process.exit(1);
