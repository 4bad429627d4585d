import { useSession, useSessionState } from '../app-context';
import { useI18n } from '../i18n';
import { Link } from '../router';

export function Home() {
  const { t } = useI18n();
  const session = useSession();
  const state = useSessionState();
  return (
    <section className="home">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      {state.status === 'signedOut' && state.reason === 'signedOut' && (
        <p className="notice" role="status">
          {t('auth.signedOut')}
        </p>
      )}
      <div className="actions">
        {state.status === 'signedIn' ? (
          <Link to="/contracts" className="button primary">
            {t('nav.contracts')}
          </Link>
        ) : session.canSignIn ? (
          <button type="button" className="primary" onClick={() => void session.signIn('/contracts')}>
            {t('home.signIn')}
          </button>
        ) : (
          <p>{t('auth.unavailable')}</p>
        )}
        <Link to="/certificates" className="button">
          {t('home.check')}
        </Link>
      </div>
    </section>
  );
}
