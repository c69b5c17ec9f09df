import { useEffect, useState } from 'react';

/**
 * Whole seconds left until `deadline` (ms), once fewer than `showUnderMs` remain; null before that.
 * Nothing ticks until the countdown is due, so a long wait costs no renders.
 */
export function useCountdown(deadline: number, showUnderMs: number): number | null {
  const [now, setNow] = useState(() => Date.now());
  const showing = deadline - now <= showUnderMs;
  useEffect(() => {
    if (showing) {
      setNow(Date.now());
      const timer = setInterval(() => setNow(Date.now()), 1_000);
      return () => clearInterval(timer);
    }
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, deadline - showUnderMs - Date.now()));
    return () => clearTimeout(timer);
  }, [deadline, showUnderMs, showing]);
  return showing ? Math.max(0, Math.ceil((deadline - now) / 1_000)) : null;
}
