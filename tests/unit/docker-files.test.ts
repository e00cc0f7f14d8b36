// The Docker files users run: the compose file as Compose itself reads it (Debian's docker-compose; no Docker engine
// is needed to validate), and the image's data directory, which the non-root user must be able to write.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HAVE_NGINX, NGINX } from '../../tools/nginx-balancer.ts';

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

  it.runIf(HAVE_COMPOSE)('has a replicas profile: two Liner replicas on the one Neo4j behind nginx on 127.0.0.1:4080', () => {
    const config = composeConfig({});
    const service = (name: string) => config.match(new RegExp(`^  ${name}:\n((?:    .*\n)+)`, 'm'))?.[1] ?? '';
    const inProfile = (text: string) => /^ {4}profiles:\n {4}- replicas$/m.test(text);
    for (const replica of ['liner-1', 'liner-2']) {
      const text = service(replica);
      expect(text, replica).toContain('NEO4J_URI: bolt://neo4j:7687');
      expect(inProfile(text), replica).toBe(true);
      // Replicas are reached through the balancer only.
      expect(text, replica).not.toContain('ports:');
    }
    // Only one replica seeds an empty Neo4j, and the other waits for it.
    expect(service('liner-2')).toContain('LOAD_SEED: "false"');
    expect(service('liner-2')).toMatch(/liner-1:\n\s+condition: service_healthy/);
    const balancer = service('balancer');
    expect(inProfile(balancer)).toBe(true);
    expect(balancer).toContain('image: nginx:');
    expect(balancer).toContain('- 127.0.0.1:4080:80/tcp');
    expect(balancer).toMatch(/deploy\/nginx\.conf:\/etc\/nginx\/nginx\.conf:ro/);
    // The standalone service and Neo4j stay out of the profile: `docker compose up` is unchanged.
    expect(inProfile(service('liner'))).toBe(false);
    expect(inProfile(service('neo4j'))).toBe(false);
    expect(composeConfig({ LINER_REPLICAS_PORT: '9090' })).toContain('- 127.0.0.1:9090:80/tcp');
  });
});

describe('deploy/nginx.conf', () => {
  const conf = readFileSync(`${ROOT}deploy/nginx.conf`, 'utf8');

  it("balances over exactly the compose file's replica services, on Liner's port", () => {
    const upstreams = [...conf.matchAll(/^\s*server (\S+);/gm)].map((m) => m[1]);
    expect(upstreams).toEqual(['liner-1:4000', 'liner-2:4000']);
    expect(conf).toContain('add_header X-Liner-Upstream $upstream_addr always;');
  });

  it.runIf(HAVE_NGINX)('is a configuration nginx accepts (with the replicas as local addresses)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liner-nginx-conf-'));
    try {
      // Compose's service names do not resolve here, and nginx resolves upstreams while checking.
      const local = conf.replace('liner-1:4000', '127.0.0.1:4001').replace('liner-2:4000', '127.0.0.1:4002');
      writeFileSync(join(dir, 'nginx.conf'), local);
      const check = spawnSync(
        NGINX,
        ['-t', '-p', dir, '-c', join(dir, 'nginx.conf'), '-e', 'stderr', '-g', `pid ${dir}/nginx.pid;`],
        {
          encoding: 'utf8',
        },
      );
      expect(check.stderr).toMatch(/syntax is ok/);
      expect(check.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
