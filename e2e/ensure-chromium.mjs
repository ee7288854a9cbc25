// Playwright cannot download its own browsers here, so the tests drive Debian's Chromium.
// Install it when we may (root), otherwise say exactly which package is missing.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`${CHROMIUM} is missing: install Debian's "chromium" package (sudo apt-get install chromium) and run the tests again.`);
    process.exit(1);
  }
  console.log(`${CHROMIUM} is missing: installing Debian's "chromium" package…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync('apt-get update -qq', { stdio: 'inherit', env });
  execSync('apt-get install -y -qq chromium', { stdio: 'inherit', env });
  if (!existsSync(CHROMIUM)) {
    console.error(`Installing "chromium" did not provide ${CHROMIUM}.`);
    process.exit(1);
  }
}
