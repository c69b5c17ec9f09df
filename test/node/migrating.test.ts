import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { MIGRATING_PATH, renderMigrating } from '../../scripts/migrating';
import { PARAMETER_NAMES } from '../../src/embed/parameters';
import { EVENT_FIELDS } from '../../src/embed/protocol';

describe('MIGRATING.md', () => {
  it('is what the code’s parameter and event tables generate (npm run docs:migrating)', async () => {
    expect(await readFile(MIGRATING_PATH, 'utf8')).toBe(await renderMigrating());
  });

  it('has a row for every parameter and every event', async () => {
    const text = await renderMigrating();
    for (const name of [...PARAMETER_NAMES, ...Object.keys(EVENT_FIELDS)]) {
      expect(text).toMatch(new RegExp(`^\\| \`${name}\` +\\|`, 'm'));
    }
  });
});
