// Live updates: the gateway's event stream (`GET /v1/events/stream`, Server-Sent Events of the
// person's events as finalized blocks are indexed). It takes the access token in a header, so it
// is read with `fetch` (EventSource cannot send one) and parsed by `eventsource-parser`. The
// stream ends when its token expires; it is opened again with a fresh one, from the last event
// seen (`Last-Event-ID`), so nothing is missed.
import { EventSourceParserStream } from 'eventsource-parser/stream';
import { useEffect, useRef } from 'react';
import type { ChainEvent } from './api';
import { useSession } from './app-context';
import type { Session } from './session';

const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/** The id of the last event a block can hold: events after it are those of later blocks. */
export const afterBlock = (block: number): string => String(block * 2 ** 20 + (2 ** 20 - 1));

/**
 * Calls `onEvent` with each event of `types` after the event id `from` (the page's data is as of
 * that point) while the component is shown.
 */
export function useLiveEvents(types: string[], from: string, onEvent: (event: ChainEvent) => void): void {
  const session = useSession();
  const latest = useRef(onEvent);
  latest.current = onEvent;
  const start = useRef(from);
  const key = types.join(',');
  useEffect(() => {
    const stop = new AbortController();
    void follow(session, key, start.current, (event) => latest.current(event), stop.signal);
    return () => stop.abort();
  }, [session, key]);
}

async function follow(session: Session, types: string, from: string, onEvent: (event: ChainEvent) => void, stop: AbortSignal): Promise<void> {
  let lastId = from;
  let failures = 0;
  while (!stop.aborted) {
    try {
      const token = await session.accessToken();
      if (!token) return; // signed out
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'text/event-stream' };
      headers['last-event-id'] = lastId;
      const response = await fetch(`/v1/events/stream?types=${encodeURIComponent(types)}`, { headers, signal: stop });
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      failures = 0;
      const reader = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream()).getReader();
      try {
        for (;;) {
          const { done, value: message } = await reader.read();
          if (done) break;
          if (message.id) lastId = message.id;
          try {
            onEvent(JSON.parse(message.data) as ChainEvent);
          } catch {
            // not an event (a comment or keep-alive the parser passed on)
          }
        }
      } finally {
        // a stream given up is closed, never left open beside the next one
        await reader.cancel().catch(() => undefined);
      }
    } catch {
      if (stop.aborted) return;
      failures += 1;
    }
    // A stream that ended (its token expired) opens again after a second; a failing one backs off.
    const wait = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)] ?? 30_000;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
