import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project's folder: the nearest one up from this module that holds package.json. The same answer whether the
 * server runs from its TypeScript sources (server/) or compiled (dist/server/).
 */
function findRoot(start: string): string {
  let folder = start;
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`No package.json above ${start}`);
    folder = parent;
  }
  return folder;
}

export const PROJECT_ROOT = findRoot(import.meta.dirname);
