import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/**
 * Where the relay keeps its snapshots: a local folder (`npm run relay -- --out`), or the site's bucket on
 * AWS (./s3-store.ts). Keys are relative (`checkout/env=prod.json`); the store decides where they live.
 */
export interface SnapshotStore {
  /** Whole-or-nothing write of one object: a reader sees the old body or the new one, never part of it. */
  put(key: string, body: string, contentType: string): Promise<void>;
  /** The object's body, or undefined when there is none yet. */
  get(key: string): Promise<string | undefined>;
}

/**
 * A SnapshotStore in a folder. Each put writes a temporary file beside the target and renames it over the
 * target: rename(2) replaces a file atomically within one file system, so a server reading the folder
 * (vite preview, a CDN origin) serves either the previous snapshot or the new one, never half of one.
 */
export function folderStore(dir: string): SnapshotStore {
  const root = resolve(dir);
  const pathOf = (key: string): string => {
    const path = resolve(join(root, key));
    if (!path.startsWith(root + sep)) throw new Error(`Snapshot key ${JSON.stringify(key)} leaves ${root}`);
    return path;
  };
  let serial = 0;
  return {
    async put(key, body) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      serial += 1;
      const temp = `${path}.${process.pid}.${serial}.tmp`;
      try {
        await writeFile(temp, body, 'utf8');
        await rename(temp, path);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    async get(key) {
      try {
        return await readFile(pathOf(key), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
  };
}
