// The Docker files users run: the compose file as Compose itself reads it (Debian's docker-compose; no Docker engine
// is needed to validate), and the image's data directory, which the non-root user must be able to write.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HAVE_COMPOSE = spawnSync('docker-compose', ['--version']).status === 0;
const IN_CI = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());

/** The compose file resolved by Compose with the given environment, as YAML text. */
const composeConfig = (env: Record<string, string>) =>
  execFileSync('docker-compose', ['-f', 'docker-compose.yml', 'config'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });

describe('docker-compose.yml', () => {
  it.runIf(!HAVE_COMPOSE)('needs docker-compose to be checked', (context) => {
    if (IN_CI)
      throw new Error('docker-compose is missing: CI installs it (apt-get install docker-compose) to check the compose file');
    context.skip('docker-compose is not installed (apt-get install docker-compose), so the compose file is not checked here');
  });

  it.runIf(HAVE_COMPOSE)('is valid and publishes Liner on 127.0.0.1:4000 by default, like Neo4j', () => {
    const config = composeConfig({});
    expect(config).toContain('- 127.0.0.1:4000:4000/tcp');
    expect(config).toContain('- 127.0.0.1:7687:7687/tcp');
    expect(config).not.toMatch(/- (0\.0\.0\.0:)?\d+:\d+\/tcp/);
  });

  it.runIf(HAVE_COMPOSE)('takes LINER_PORT and LINER_BIND', () => {
    const config = composeConfig({ LINER_PORT: '8080', LINER_BIND: '0.0.0.0' });
    expect(config).toContain('- 0.0.0.0:8080:4000/tcp');
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(`${ROOT}Dockerfile`, 'utf8');

  it("keeps the embedded store's data in a volume the non-root user owns", () => {
    const dataDir = dockerfile.match(/^ENV DATA_DIR=(\S+)$/m)?.[1];
    expect(dataDir).toBe('/data');
    expect(dockerfile).toMatch(/^RUN mkdir -p \/data && chown node:node \/data$/m);
    expect(dockerfile).toMatch(/^VOLUME \/data$/m);
    // The user switch comes after the directory is made: made as root, then handed over.
    expect(dockerfile.indexOf('USER node')).toBeGreaterThan(dockerfile.indexOf('chown node:node /data'));
  });
});
