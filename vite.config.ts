import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Source maps are a build artifact, not part of the site: built 'hidden' (no sourceMappingURL in the
 * shipped files) and written next to the output folder, `<outDir>-sourcemaps/` (dist-sourcemaps/), so
 * nothing that copies dist/ to a host can publish them.
 */
function sourceMapsBesideTheSite(): Plugin {
  let outDir = 'dist';
  return {
    name: 'bellwether:source-maps-beside-the-site',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    generateBundle(_options, bundle) {
      const target = `${outDir}-sourcemaps`;
      for (const [fileName, output] of Object.entries(bundle)) {
        if (!fileName.endsWith('.map') || output.type !== 'asset') continue;
        const path = join(target, fileName);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, output.source);
        delete bundle[fileName];
      }
    },
  };
}

/**
 * Under `npm start`, a file saved, added or removed in public/dashboards/ is announced to every open page
 * as the custom HMR event 'bellwether:dashboards-changed' (DASHBOARDS_CHANGED in
 * src/data/dashboards/dev-reload.ts), which reloads its dashboards at once. Dev server only: builds and the
 * preview never carry it. Editors save in bursts (write, rename), so changes 50 ms apart make one event.
 */
function dashboardsWatch(): Plugin {
  return {
    name: 'bellwether:dashboards-watch',
    apply: 'serve',
    configureServer(server) {
      const dir = resolve(server.config.publicDir, 'dashboards');
      server.watcher.add(dir);
      const files = new Set<string>();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const changed = (path: string): void => {
        const file = relative(dir, path);
        if (file.startsWith('..') || isAbsolute(file) || !/\.ya?ml$/.test(file)) return;
        files.add(file.split(sep).join('/'));
        clearTimeout(timer);
        timer = setTimeout(() => {
          const data = { files: [...files].sort() };
          files.clear();
          server.ws.send({ type: 'custom', event: 'bellwether:dashboards-changed', data });
        }, 50);
      };
      for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, changed);
    },
  };
}

/**
 * zod compiles object parsers with `new Function` when eval is allowed, and finds out by trying it as
 * its first object schema is built, while the modules load. The page's CSP allows no eval, so that try
 * was a CSP violation on every page. zod reads its global config from `globalThis.__zod_globalConfig`
 * when its core module loads; setting `jitless` there, ahead of that module, turns the compiled parsers
 * (and the try) off wherever the chunks end up. Interpreted parsers give the same results.
 */
function zodWithoutEval(): Plugin {
  return {
    name: 'bellwether:zod-without-eval',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/]core\.js$/.test(id)) return undefined;
      return { code: `globalThis.__zod_globalConfig ??= { jitless: true };\n${code}`, map: null };
    },
  };
}

export default defineConfig({
  plugins: [react(), sourceMapsBesideTheSite(), dashboardsWatch(), zodWithoutEval()],
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
  build: { sourcemap: 'hidden', target: 'es2022' },
});
