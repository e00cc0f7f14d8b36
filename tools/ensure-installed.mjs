// Runs before `npm start` and `npm test`: on a fresh clone it installs the dependencies (and with them the pinned
// Node LTS), so the README's two commands are all a new user types. Plain JS: it runs on whatever Node npm has.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || !existsSync('node_modules/.bin/node') || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs;
if (stale) {
  console.info('liner: installing dependencies (npm ci), once …');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
