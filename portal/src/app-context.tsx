// What every page can reach: the session (sign-in state, access tokens).
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Identity, Session, SessionState } from './session';

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionContext');
  return session;
}

export function useSessionState(): SessionState {
  const session = useSession();
  return useSyncExternalStore(session.subscribe, session.snapshot);
}

/** The operator's staff: may write, and act for no client of the gateway. */
export function isStaff(identity: Identity): boolean {
  return identity.scopes.includes('documents:write') && identity.custody === null;
}
