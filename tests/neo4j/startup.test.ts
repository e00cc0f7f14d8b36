// Issue 15, finding 8 on the real Neo4j: a wrong password stops start-up with one line naming the variables to fix.
import { afterAll, expect, it } from 'vitest';
import { type ServerProcess, startServer } from '../server-process.ts';
import { connection, describeNeo4j } from './neo4j-env.ts';

describeNeo4j('start-up against Neo4j', () => {
  const started: ServerProcess[] = [];
  afterAll(() => {
    for (const server of started) server.child.kill('SIGKILL');
  });

  it('a wrong password: one line, no driver internals, exit code 1', async () => {
    const { uri, user } = connection();
    const server = startServer({ NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: 'not-the-password', LOAD_SEED: 'false' });
    started.push(server);
    const code = await new Promise<number | null>((resolve) => server.child.once('exit', resolve));
    const output = server.output().trim();
    expect(code).toBe(1);
    expect(output).toBe(
      `liner: Neo4j at ${uri} refused the credentials of user "${user}" (authentication failed); check NEO4J_USER and NEO4J_PASSWORD.`,
    );
  });
});
