import { expect, it } from 'vitest';
import { heldSubmitScript } from '../../server/held-submit';
import { HELD_SUBMIT, LOCKED_ATTRIBUTE } from '../../src/embed/hydration';

// What the embed page loads first (server/held-submit.ts): its behaviour is in test/unit/held-submit.test.tsx.
it('is one small classic script: no import, no export, every byte counted on the first load', async () => {
  const script = await heldSubmitScript();
  expect(script).not.toMatch(/\b(?:import|export)\b/);
  // Valid as a classic script (a module's syntax would throw here).
  expect(() => new Function(script)).not.toThrow();
  // The names it shares with the widget's side.
  expect(script).toContain(LOCKED_ATTRIBUTE);
  expect(script).toContain(HELD_SUBMIT);
  expect(script.length).toBeLessThan(400);
});
