/** Exponential backoff for connecting at start-up: stores may come up after the bot does. */
export interface RetryOptions {
  attempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
  onRetry?: (attempt: number, error: unknown, delayMs: number) => void;
}

export async function retryWithBackoff<T>(task: () => Promise<T>, options: RetryOptions): Promise<T> {
  let delay = options.firstDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (attempt >= options.attempts) throw error;
      options.onRetry?.(attempt, error, delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, options.maxDelayMs);
    }
  }
}
