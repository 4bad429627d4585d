import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'done'; value: T }
  | { state: 'failed'; error: unknown };

/**
 * Runs `load` when `deps` change; its result, its failure, and a way to run it again. Run again
 * with the same `deps`, a result shown stays until the new one replaces it.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Loaded<T>, () => void] {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const lastDeps = useRef<unknown[] | null>(null);
  useEffect(() => {
    let current = true;
    const same = lastDeps.current !== null && lastDeps.current.length === deps.length && deps.every((d, i) => Object.is(d, lastDeps.current?.[i]));
    lastDeps.current = deps;
    // a refresh keeps a shown result; a retry after a failure shows that it is loading
    setResult((shown) => (same && shown.state === 'done' ? shown : { state: 'loading' }));
    load().then(
      (value) => current && setResult({ state: 'done', value }),
      (error: unknown) => current && setResult({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [...deps, round]);
  const again = useCallback(() => setRound((n) => n + 1), []);
  return [result, again];
}

/** The signal of the component's mounting: aborted when it goes (what it follows stops). */
export function useAlive(): () => AbortSignal {
  const controller = useRef(new AbortController());
  useEffect(() => {
    const mounted = new AbortController();
    controller.current = mounted;
    return () => mounted.abort();
  }, []);
  return useCallback(() => controller.current.signal, []);
}

/** A `<dialog>` (give it `ref`) shown modal while the component is mounted, and [`useAlive`]'s signal. */
export function useModalDialog(): { ref: RefObject<HTMLDialogElement | null>; alive: () => AbortSignal } {
  const ref = useRef<HTMLDialogElement>(null);
  const alive = useAlive();
  useEffect(() => {
    const shown = ref.current;
    shown?.showModal();
    return () => shown?.close();
  }, []);
  return { ref, alive };
}
