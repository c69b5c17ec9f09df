// The README's Vitest recipe: component tests in jsdom.
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { environment: 'jsdom', include: ['test/**/*.test.tsx'] } });
