// The OAuth redirect URI (`/portal/callback`): exchanges the code for tokens, then goes on to the
// page the sign-in started from.
import { useEffect, useRef, useState } from 'react';
import { useSession } from '../app-context';
import { useI18n } from '../i18n';
import { navigate } from '../router';

export function Callback() {
  const { t } = useI18n();
  const session = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return; // the code is good once
    started.current = true;
    session.completeSignIn().then(
      (next) => navigate(next, { replace: true }),
      (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
    );
  }, [session]);
  return failure ? (
    <p className="problem" role="alert">
      {t('auth.failed', { reason: failure })}
    </p>
  ) : (
    <p role="status">{t('auth.signingIn')}</p>
  );
}
