import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError } from './api-client';
import { createOrganizerApi, type OrganizerApi } from './organizer-api';
import { navigate } from './router';
import { createAuthenticatedRequest, loginPathFor, sessionApi, type SessionData, type SessionState } from './session';

interface SessionValue {
  session: SessionState;
  /** After a successful login, magic link or invite. */
  signIn(data: SessionData): void;
  signOut(): Promise<void>;
  /** Organizer calls with the CSRF header; a lost session leads to `/login?next=…`. */
  organizerApi: OrganizerApi;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Loads `/api/me` once and keeps the session (and its CSRF token) for the whole app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ state: 'loading' });
  const csrf = useRef<string | undefined>(undefined);
  // A login that finishes before the first `/api/me` answer wins: that answer is stale by then.
  const changedLocally = useRef(false);

  useEffect(() => {
    const controller = new AbortController();
    sessionApi.me(controller.signal).then(
      (data) => {
        if (changedLocally.current) return;
        csrf.current = data?.csrfToken;
        setSession(data ? { state: 'signed_in', ...data } : { state: 'anonymous' });
      },
      (error: unknown) => {
        if (controller.signal.aborted || changedLocally.current) return;
        setSession({ state: 'error', error: error instanceof ApiError ? error : new ApiError('ERR_UNEXPECTED', String(error), 0) });
      },
    );
    return () => controller.abort();
  }, []);

  const signIn = useCallback((data: SessionData) => {
    changedLocally.current = true;
    csrf.current = data.csrfToken;
    setSession({ state: 'signed_in', ...data });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await sessionApi.logout(csrf.current);
    } finally {
      changedLocally.current = true;
      csrf.current = undefined;
      setSession({ state: 'anonymous' });
      navigate('/login');
    }
  }, []);

  const organizerApi = useMemo(
    () =>
      createOrganizerApi(
        createAuthenticatedRequest(
          () => csrf.current,
          () => {
            changedLocally.current = true;
            csrf.current = undefined;
            setSession({ state: 'anonymous' });
            navigate(loginPathFor(window.location.pathname + window.location.search), { replace: true });
          },
        ),
      ),
    [],
  );

  const value = useMemo<SessionValue>(() => ({ session, signIn, signOut, organizerApi }), [session, signIn, signOut, organizerApi]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
