import spinners from 'cli-spinners';
import { useEffect, useState } from 'react';

/** The current frame of cli-spinners' `dots`, advancing on its interval while the caller is mounted. */
export function useSpinner(): string {
  const { frames, interval } = spinners.dots;
  const [index, setIndex] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setIndex((current) => (current + 1) % frames.length), interval);
    return () => clearInterval(timer);
  }, [frames.length, interval]);
  return frames[index];
}
