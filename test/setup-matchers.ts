// DOM matchers (`toHaveAttribute`, …) for the logic tests that build a small DOM of their own in jsdom.
import '@testing-library/jest-dom/vitest';
