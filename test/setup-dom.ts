import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// `findBy…` waits up to 1 s by default. A screen that arrives in a lazily loaded chunk is compiled by Vite the first
// time a test file asks for it, which took over 3 s on a two-core CI machine running two test files at once. Waiting
// longer changes no assertion: a screen that never comes still fails.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
});
