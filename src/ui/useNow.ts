import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `intervalMs` while `active`: for countdowns and staged messages.
 * Off by default so that idle screens don't re-render.
 */
export function useNow(intervalMs: number, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, active]);
  return now;
}
