import { useEffect, useState } from 'react';

/**
 * Seconds left until `until` (a Date.now() timestamp), ticking once a second; 0 when passed.
 * Driven by setInterval + Date.now() so a faked clock advances it too.
 */
export function useCountdown(until: number | null): number {
  const calc = () => (until === null ? 0 : Math.max(0, Math.ceil((until - Date.now()) / 1000)));
  const [left, setLeft] = useState(calc);
  useEffect(() => {
    setLeft(calc());
    if (until === null) return;
    const t = window.setInterval(() => {
      const l = calc();
      setLeft(l);
      if (l <= 0) window.clearInterval(t);
    }, 250);
    return () => window.clearInterval(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [until]);
  return left;
}
