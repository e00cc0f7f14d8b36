// Runs before `npm start` and `npm test`: on a fresh clone it installs the dependencies (and with them the pinned
// Node LTS), so the README's two commands are all a new user types. Plain JS: it runs on whatever Node npm has.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || !existsSync('node_modules/.bin/node') || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs;
if (stale) {
  console.info('liner: installing dependencies (npm ci), once …');
  const [major] = process.versions.node.split('.').map(Number);
  // Under an older Node, npm warns EBADENGINE for every package that wants Node 24: harmless, since Liner runs on
  // the Node 24 this install brings (node_modules/.bin/node), not on the one npm runs on. One line says so instead.
  if (major < 24)
    console.info(`liner: npm runs on Node ${process.versions.node}; Liner will run on the Node 24 LTS it installs now.`);
  execSync(`npm ci --no-audit --no-fund${major < 24 ? ' --engine-strict=false --loglevel=error' : ''}`, { stdio: 'inherit' });
}
