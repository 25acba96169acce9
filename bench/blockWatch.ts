// The longest time this thread's event loop was blocked: a timer that should fire every 5 ms, and the largest gap
// between its firings beyond that.
const TICK_MS = 5;

export function watchLongestBlock(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - TICK_MS);
    last = now;
  }, TICK_MS);
  return {
    /** Stops watching; the longest block seen, in milliseconds. */
    stop(): number {
      clearInterval(ticker);
      return longest;
    },
  };
}
