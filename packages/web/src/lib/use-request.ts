import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api-client';

export type RequestState<T> = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ok'; data: T };

/**
 * Loads data for a page: aborts when the inputs change or the page goes away; `reload` fetches again
 * (after an action, or from a "try again" button).
 */
export function useRequest<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): RequestState<T> & { reload(): void } {
  const [result, setResult] = useState<RequestState<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const lastAttempt = useRef(attempt);

  useEffect(() => {
    const controller = new AbortController();
    // A reload keeps showing the current data until the fresh answer arrives; new inputs do not.
    const isReload = lastAttempt.current !== attempt;
    lastAttempt.current = attempt;
    if (!isReload) setResult({ state: 'loading' });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResult({ state: 'ok', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResult({ state: 'error', error: error instanceof ApiError ? error : new ApiError('ERR_UNEXPECTED', String(error), 0) });
      },
    );
    return () => controller.abort();
    // The caller lists the inputs of `load`, as with useEffect.
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...result, reload };
}
