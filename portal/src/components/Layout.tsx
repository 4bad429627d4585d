// Every page's frame: a skip link, the header with the navigation, the language and the session,
// and the page's own content in <main>.
import type { ReactNode } from 'react';
import { isStaff, useSession, useSessionState } from '../app-context';
import { LANGUAGES, useI18n, type Lang } from '../i18n';
import { Account } from './Account';
import { currentPath, Link } from '../router';

export function Layout({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const session = useSession();
  const state = useSessionState();
  return (
    <>
      <a className="skip" href="#content">
        {t('nav.skip')}
      </a>
      <header className="top">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.main')}>
          {state.status === 'signedIn' && <Link to="/contracts">{t('nav.contracts')}</Link>}
          {state.status === 'signedIn' && state.identity.custody === 'self' && <Link to="/key">{t('nav.key')}</Link>}
          {state.status === 'signedIn' && isStaff(state.identity) && (
            <>
              <Link to="/operator/pending">{t('nav.pending')}</Link>
              <Link to="/operator/new">{t('nav.newContract')}</Link>
              <Link to="/operator/clients/new">{t('nav.newClient')}</Link>
            </>
          )}
          <Link to="/certificates">{t('nav.certificates')}</Link>
        </nav>
        <div className="session">
          <label>
            <span className="visually-hidden">{t('nav.language')}</span>
            <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} aria-label={t('nav.language')}>
              {Object.entries(LANGUAGES).map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          {state.status === 'signedIn' ? (
            <>
              {state.identity.account && (
                <span className="who">
                  {t('auth.signedInAs')}
                  <Account address={state.identity.account} />
                </span>
              )}
              <button type="button" onClick={() => void session.signOut()}>
                {t('nav.signOut')}
              </button>
            </>
          ) : (
            session.canSignIn && (
              <button type="button" onClick={() => void session.signIn(signInReturn())}>
                {t('nav.signIn')}
              </button>
            )
          )}
        </div>
      </header>
      <main id="content" tabIndex={-1}>
        {state.status === 'signedOut' && state.reason === 'idle' && (
          <p className="notice" role="status">
            {t('auth.ended', { duration: duration(lang, session.config.session_idle_secs) })}
          </p>
        )}
        {children}
      </main>
    </>
  );
}

/** `secs` in words: minutes, or seconds below a minute. */
function duration(lang: Lang, secs: number): string {
  const [value, unit] = secs >= 60 ? [Math.round(secs / 60), 'minute'] : [secs, 'second'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** Where to come back to after signing in: this page, unless it is the home or callback page. */
function signInReturn(): string {
  const path = currentPath();
  return path === '/' || path === '/callback' ? '/contracts' : path;
}
