// Finds a Chromium without downloading anything: CHROMIUM_PATH, then Debian's /usr/bin/chromium,
// then the binary shipped inside the @sparticuz/chromium npm package (unpacked to /tmp on first use).
import { existsSync } from 'node:fs';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Returns { path, source } or throws an Error whose message is one line saying what to do. */
export async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return { path: fromEnv, source: 'CHROMIUM_PATH' };
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
  }
  for (const path of SYSTEM_PATHS) {
    if (existsSync(path)) return { path, source: 'system' };
  }
  if (process.platform === 'linux' && process.arch === 'x64') {
    try {
      const { default: sparticuz } = await import('@sparticuz/chromium');
      const path = await sparticuz.executablePath();
      if (path && existsSync(path)) return { path, source: '@sparticuz/chromium' };
    } catch (error) {
      throw new Error(
        `could not unpack the Chromium in @sparticuz/chromium (${error.message}); set CHROMIUM_PATH.`,
      );
    }
  }
  throw new Error(
    "no Chromium found: set CHROMIUM_PATH, install Debian's chromium package, or run on Linux x64 where @sparticuz/chromium ships one.",
  );
}

/** Normal headless flags: a real browser, minus what a closed network and a root sandbox need. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
