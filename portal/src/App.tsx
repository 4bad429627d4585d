// The portal's pages by path (below /portal).
import { useEffect, useRef, type ReactNode } from 'react';
import { isStaff, useSession, useSessionState } from './app-context';
import { Layout } from './components/Layout';
import { useI18n } from './i18n';
import { Callback } from './pages/Callback';
import { CertificateCheck } from './pages/Certificate';
import { Contract } from './pages/Contract';
import { Contracts } from './pages/Contracts';
import { Home } from './pages/Home';
import { Key } from './pages/Key';
import { NewClient } from './pages/NewClient';
import { NewContract } from './pages/NewContract';
import { Pending } from './pages/Pending';
import { match, usePath } from './router';

export function App() {
  const path = usePath();
  const first = useRef(true);
  useEffect(() => {
    // After a move to another page (not on the first), the focus goes to the new page's content,
    // for keyboard and screen-reader users.
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('content')?.focus({ preventScroll: true });
  }, [path]);
  return <Layout>{page(path)}</Layout>;
}

function page(path: string) {
  if (path === '/') return <Home />;
  if (path === '/callback') return <Callback />;
  if (path === '/certificates') return <CertificateCheck />;
  const certificate = match('/certificates/:hash', path);
  if (certificate) return <CertificateCheck hash={certificate.hash} />;
  if (path === '/operator/pending') return <SignedIn>{() => <StaffOnly>{() => <Pending />}</StaffOnly>}</SignedIn>;
  if (path === '/operator/clients/new') return <SignedIn>{() => <StaffOnly>{() => <NewClient />}</StaffOnly>}</SignedIn>;
  if (path === '/operator/new') return <SignedIn>{() => <StaffOnly>{() => <NewContract />}</StaffOnly>}</SignedIn>;
  if (path === '/key') return <SignedIn>{() => <Key />}</SignedIn>;
  if (path === '/contracts') return <SignedIn>{() => <Contracts />}</SignedIn>;
  const contract = match('/contracts/:id', path);
  if (contract) return <SignedIn>{() => <Contract id={contract.id ?? ''} />}</SignedIn>;
  return <NotFound />;
}

/** A page for signed-in people: others are asked to sign in first, and come back here. */
function SignedIn({ children }: { children: () => ReactNode }) {
  const { t } = useI18n();
  const session = useSession();
  const state = useSessionState();
  if (state.status === 'signedIn') {
    if (state.identity.account === null) return <p className="problem">{t('auth.noAccount')}</p>;
    return <>{children()}</>;
  }
  return (
    <section>
      <p>{t('auth.required')}</p>
      {session.canSignIn ? (
        <button type="button" className="primary" onClick={() => void session.signIn(window.location.pathname.replace(/^\/portal/, ''))}>
          {t('nav.signIn')}
        </button>
      ) : (
        <p>{t('auth.unavailable')}</p>
      )}
    </section>
  );
}

/** A page of the operator's staff: people who may write and are no client of this gateway. */
function StaffOnly({ children }: { children: () => ReactNode }) {
  const { t } = useI18n();
  const state = useSessionState();
  if (state.status === 'signedIn' && isStaff(state.identity)) return <>{children()}</>;
  return <p className="problem" role="alert">{t('error.staffOnly')}</p>;
}

function NotFound() {
  const { t } = useI18n();
  return <p className="problem">{t('error.notFoundPage')}</p>;
}
