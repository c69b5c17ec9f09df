import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// `findBy…` waits up to 1 s by default; a lazily loaded screen can take longer when the machine runs two test files at
// once. Waiting longer changes no assertion.
configure({ asyncUtilTimeout: 3_000 });

afterEach(() => {
  cleanup();
});
