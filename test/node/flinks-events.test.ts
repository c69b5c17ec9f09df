import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { MIGRATING_PATH } from '../../scripts/migrating';
import { FLINKS_EVENTS_NOT_SENT } from '../../src/embed/event-notes';
import { CONNECT_EVENT_NAMES } from '../../src/flow/events';
import { FLINKS_EVENTS } from '../flinks-events';

/**
 * Issue 24: every event in Flinks Connect's list is either sent by the embed page or named in MIGRATING.md as not
 * sent, with the reason, so a listener written for Flinks knows which of its handlers will never fire.
 */

const sent = new Set<string>(CONNECT_EVENT_NAMES);

describe('Flinks Connect’s events', () => {
  it('are each sent here, or listed as not sent with a reason, never both', () => {
    for (const name of FLINKS_EVENTS) {
      const why = FLINKS_EVENTS_NOT_SENT[name];
      expect({ name, sent: sent.has(name), listed: why !== undefined }).toEqual({
        name,
        sent: !why,
        listed: !!why,
      });
      if (why) expect(why.trim().length).toBeGreaterThan(10);
    }
  });

  it('lists as not sent only events of Flinks’ list', () => {
    for (const name of Object.keys(FLINKS_EVENTS_NOT_SENT)) expect(FLINKS_EVENTS.has(name)).toBe(true);
  });

  it('MIGRATING.md names each one not sent, with its reason', async () => {
    const text = await readFile(MIGRATING_PATH, 'utf8');
    for (const [name, why] of Object.entries(FLINKS_EVENTS_NOT_SENT))
      expect(text).toContain(`- \`${name}\`: ${why}`);
  });
});
