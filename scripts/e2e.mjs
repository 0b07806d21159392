// Runs the Playwright end-to-end suite against the production build, in a Chromium found locally.
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

let chromium;
try {
  chromium = await findChromium();
} catch (error) {
  console.error(`e2e: ${error.message}`);
  process.exit(1);
}
console.log(`e2e: Chromium from ${chromium.source}: ${chromium.path}`);

const env = { ...process.env, CHROMIUM_PATH: chromium.path, TZ: 'UTC' };
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;

if (!process.env.E2E_SKIP_BUILD) {
  const built = run('npx', ['vite', 'build', '--logLevel', 'warn']);
  if (built !== 0) process.exit(built);
  // The wall's initial download has a budget; the production build is checked before it is tested.
  const budget = run('node', ['scripts/bundle-budget.mjs', 'dist']);
  if (budget !== 0) process.exit(budget);
}
process.exit(run('npx', ['playwright', 'test', ...process.argv.slice(2)]));
