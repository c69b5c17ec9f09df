import { describe, expect, it, vi } from 'vitest';
import { loadOnce } from '../../src/loadOnce';

describe('loadOnce', () => {
  it('loads once for every caller, and reads the value without suspending once it is in', async () => {
    const loader = vi.fn(() => Promise.resolve('text'));
    const once = loadOnce(loader);
    expect(once.current()).toBeUndefined();
    const [a, b] = await Promise.all([once.load(), once.load()]);
    expect([a, b]).toEqual(['text', 'text']);
    expect(once.read()).toBe('text');
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('suspends a render by throwing the pending promise, which settles with the value', async () => {
    const once = loadOnce(() => Promise.resolve(42));
    let thrown: unknown;
    try {
      once.read();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Promise);
    await expect(thrown).resolves.toBe(42);
    expect(once.read()).toBe(42);
  });

  it('keeps a failure for render until retry(), then fetches anew', async () => {
    const loader = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue('chunk');
    const once = loadOnce<string>(loader);
    await expect(once.load()).rejects.toThrow('offline');
    expect(() => once.read()).toThrow('offline');
    await expect(once.load()).rejects.toThrow('offline');
    expect(loader).toHaveBeenCalledTimes(1);
    once.retry();
    await expect(once.load()).resolves.toBe('chunk');
    expect(loader).toHaveBeenCalledTimes(2);
  });

  it('fetches anew on the next load() after a failure, for callers that always want a fresh try', async () => {
    const loader = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue('checks');
    const once = loadOnce<string>(loader, { retryOnLoad: true });
    await expect(once.load()).rejects.toThrow('offline');
    await expect(once.load()).resolves.toBe('checks');
  });

  it('takes a value put in directly', () => {
    const loader = vi.fn(() => Promise.resolve('loaded'));
    const once = loadOnce(loader);
    once.set('given');
    expect(once.read()).toBe('given');
    expect(loader).not.toHaveBeenCalled();
  });
});
