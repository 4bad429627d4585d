// Signing the open version of a contract. With the client's own key: a key stored encrypted in
// this browser (opened with its passphrase for this one signature) or an extension's account, its
// signature of the chain's signing payload sent as a relayed one. With the key the gateway holds
// for the client (custody `gateway`): the gateway signs, for a person who signed in lately; else
// the person signs in again and comes back to this dialog. Either way the client's registrar
// submits and pays. A dialog first shows what is signed and asks for an explicit confirmation,
// then follows the submission until the chain has it.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiProblem, getJson, postJson, settled, type DocumentView, type Submission, type Version } from '../api';
import { useSession } from '../app-context';
import { ALGORITHM_PARAM } from '../documents';
import { useModalDialog } from '../hooks';
import { useI18n } from '../i18n';
import { namesVersion } from '../keys/payload';
import { KeyError, isScheme, storedKeys } from '../keys/stored';
import { Link } from '../router';
import { Account, AccountList } from './Account';
import { describe } from './Problem';
import { SubmissionProgress, WriteActions } from './SubmissionProgress';

type Method = { kind: 'stored'; address: string } | { kind: 'extension'; address: string; scheme: string };

type Step =
  | { state: 'confirm'; error?: string }
  | { state: 'signing' }
  | { state: 'submitted'; submission: Submission }
  | { state: 'failed'; reason: string };

/** Where a person who must sign in again to sign with a custodial key comes back to. */
const SIGN_AFTER_SIGN_IN = 'pactum.signAfterSignIn';

/** Whether the person came back from signing in again to sign `version` of `doc` (asked once). */
export function signingAfterSignIn(doc: DocumentView, version: Version): boolean {
  const pending = sessionStorage.getItem(SIGN_AFTER_SIGN_IN);
  if (pending !== `${doc.id}:${version.index}`) return false;
  sessionStorage.removeItem(SIGN_AFTER_SIGN_IN);
  return true;
}

/** What is sent to the gateway once signed: sent again unchanged on a retry. */
interface Signed {
  key: string;
  body: unknown;
}

/**
 * The "Sign" button while `awaiting` (the person's signature is awaited on this version), and its
 * dialog, which stays open when the page updates under it (the signature landing ends `awaiting`).
 */
export function SignVersion({
  doc,
  version,
  account,
  custodial,
  awaiting,
  onSigned,
}: {
  doc: DocumentView;
  version: Version;
  account: string;
  /** The gateway holds the client's key. */
  custodial: boolean;
  awaiting: boolean;
  onSigned: () => void;
}) {
  const { t } = useI18n();
  // Back from signing in again to sign: the dialog opens by itself, to be confirmed again.
  const [signedInAgain] = useState(() => custodial && awaiting && signingAfterSignIn(doc, version));
  const [open, setOpen] = useState(signedInAgain);
  return (
    <>
      {awaiting && (
        <button type="button" className="primary" onClick={() => setOpen(true)}>
          {t('sign.open', { index: version.index })}
        </button>
      )}
      {open && (
        <SignDialog
          doc={doc}
          version={version}
          account={account}
          custodial={custodial}
          signedInAgain={signedInAgain}
          onClose={() => setOpen(false)}
          onSigned={onSigned}
        />
      )}
    </>
  );
}

function SignDialog({
  doc,
  version,
  account,
  custodial,
  signedInAgain,
  onClose,
  onSigned,
}: {
  doc: DocumentView;
  version: Version;
  account: string;
  custodial: boolean;
  signedInAgain: boolean;
  onClose: () => void;
  onSigned: () => void;
}) {
  const { t } = useI18n();
  const session = useSession();
  const { ref: dialog, alive } = useModalDialog();
  const [step, setStep] = useState<Step>({ state: 'confirm' });
  const [agreed, setAgreed] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const stored = storedKeys().find((k) => k.address === account);
  const [extension, setExtension] = useState<Method | null>(null);
  const [method, setMethod] = useState<'stored' | 'extension'>(stored ? 'stored' : 'extension');
  // The signed request, kept: a retry after a lost answer sends it again under the same
  // idempotency key and gets the same submission, never a second one.
  const signed = useRef<Signed | null>(null);

  const send = async (request: Signed) => {
    const accepted = await postJson<Submission>(session, '/v1/documents/signatures', request.key, request.body);
    const final = await settled(session, accepted, (submission) => setStep({ state: 'submitted', submission }), alive());
    if (final?.status === 'finalized') onSigned();
  };

  const retry = async () => {
    if (!signed.current) return;
    setStep({ state: 'signing' });
    try {
      await send(signed.current);
    } catch (error) {
      setStep({ state: 'failed', reason: describe(t, error) });
    }
  };
  useEffect(() => {
    // A custodial client has no key of its own to look for (asking an extension would prompt).
    if (custodial) return;
    let current = true;
    void import('../keys/extension')
      .then(({ extensionAccounts }) => extensionAccounts())
      .then((accounts) => {
        const mine = accounts.find((a) => a.address === account && isScheme(a.scheme));
        if (current && mine) setExtension({ kind: 'extension', address: mine.address, scheme: mine.scheme });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [account, custodial]);

  const sign = async (event: FormEvent) => {
    event.preventDefault();
    if (!agreed) return;
    setStep({ state: 'signing' });
    const algorithm = ALGORITHM_PARAM[version.hash.algorithm];
    if (custodial) {
      await signAtGateway(algorithm);
      return;
    }
    try {
      const { payload } = await getJson<{ payload: string }>(
        session,
        `/v1/documents/${doc.id}/signing-payload?version=${version.index}&hash=${version.hash.digest}&hash_algorithm=${algorithm}`,
      );
      // Nothing is signed but the version the dialog shows.
      if (!namesVersion(payload, doc.id, version)) {
        setStep({ state: 'failed', reason: t('sign.otherPayload') });
        return;
      }
      let scheme: string;
      let signature: string;
      if (method === 'stored' && stored) {
        const { signWithStoredKey } = await import('../keys/keystore');
        signature = await signWithStoredKey(stored, passphrase, payload);
        scheme = stored.scheme;
      } else if (method === 'extension' && extension?.kind === 'extension') {
        const { signWithExtension } = await import('../keys/extension');
        signature = await signWithExtension(extension.address, payload);
        scheme = extension.scheme;
      } else {
        setStep({ state: 'confirm', error: t('sign.noKey') });
        return;
      }
      signed.current = {
        key: `sign-${doc.id}-${version.index}-${crypto.randomUUID()}`,
        body: { items: [{ document: doc.id, version: version.index, hash: version.hash.digest, hash_algorithm: algorithm, relayed: { signer: account, scheme, signature } }] },
      };
      await send(signed.current);
    } catch (error) {
      if (error instanceof KeyError && error.reason === 'passphrase') setStep({ state: 'confirm', error: t('sign.wrongPassphrase') });
      else setStep({ state: 'failed', reason: describe(t, error) });
    } finally {
      setPassphrase('');
    }
  };

  /** The gateway signs with the key it holds; a sign-in too long ago sends the person to sign in again. */
  const signAtGateway = async (algorithm: string) => {
    signed.current = {
      key: `sign-${doc.id}-${version.index}-${crypto.randomUUID()}`,
      body: { items: [{ document: doc.id, version: version.index, hash: version.hash.digest, hash_algorithm: algorithm }] },
    };
    try {
      await send(signed.current);
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 401 && error.type?.endsWith('/insufficient-user-authentication')) {
        sessionStorage.setItem(SIGN_AFTER_SIGN_IN, `${doc.id}:${version.index}`);
        await session.signIn(`/contracts/${doc.id}`);
        return;
      }
      setStep({ state: 'failed', reason: describe(t, error) });
    }
  };

  const signing = step.state === 'signing';
  return (
    <dialog ref={dialog} className="sign-dialog" aria-labelledby="sign-title" onCancel={(e) => (signing ? e.preventDefault() : onClose())} onClose={onClose}>
      <h2 id="sign-title">{t('sign.title', { id: doc.id, index: version.index })}</h2>
      <dl className="facts">
        <dt>{t('sign.what')}</dt>
        <dd>{t('version.heading', { index: version.index, kind: t(`version.${version.kind}`) })}</dd>
        <dt>{t('sign.hash')}</dt>
        <dd>
          <code className="hash" data-sign-hash>{version.hash.digest}</code>
        </dd>
        <dt>{t('contract.parties')}</dt>
        <dd>
          <AccountList addresses={doc.parties} self={account} />
        </dd>
        <dt>{t('sign.as')}</dt>
        <dd>
          <Account address={account} self={account} />
        </dd>
      </dl>
      {(step.state === 'confirm' || step.state === 'signing') && (
        <form onSubmit={(e) => void sign(e)}>
          <fieldset disabled={step.state === 'signing'}>
            <legend>{t('sign.with')}</legend>
            {custodial && <p>{t('sign.custodial')}</p>}
            {custodial && signedInAgain && <p className="ok">{t('sign.signedInAgain')}</p>}
            {!custodial && stored && (
              <label className="choice">
                <input type="radio" name="method" checked={method === 'stored'} onChange={() => setMethod('stored')} /> {t('sign.storedKey')}
              </label>
            )}
            {!custodial && extension && (
              <label className="choice">
                <input type="radio" name="method" checked={method === 'extension'} onChange={() => setMethod('extension')} /> {t('sign.extension')}
              </label>
            )}
            {!custodial && !stored && !extension && (
              <p className="problem">
                {t('sign.noKey')} <Link to="/key">{t('key.title')}</Link>
              </p>
            )}
            {!custodial && method === 'stored' && stored && (
              <label>
                {t('sign.passphrase')}
                <input
                  type="password"
                  autoComplete="current-password"
                  value={passphrase}
                  onChange={(e) => setPassphrase(e.target.value)}
                  aria-invalid={step.state === 'confirm' && step.error !== undefined}
                  aria-describedby="sign-error"
                  required
                />
              </label>
            )}
            <label className="choice">
              <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} required /> {t('sign.confirm', { index: version.index, id: doc.id })}
            </label>
            {step.state === 'confirm' && step.error && (
              <p className="problem" role="alert" id="sign-error">
                {step.error}
              </p>
            )}
            <div className="actions">
              <button type="submit" className="primary" disabled={!agreed || (!custodial && !stored && !extension)}>
                {t('sign.submit')}
              </button>
              <button type="button" onClick={onClose}>
                {t('sign.cancel')}
              </button>
            </div>
          </fieldset>
          {step.state === 'signing' && <p role="status">{t('sign.signing')}</p>}
        </form>
      )}
      <div aria-live="polite">
        {step.state === 'submitted' && (
          <SubmissionProgress submission={step.submission} finalized={t('sign.finalized', { block: step.submission.block_number ?? '?' })} />
        )}
        {step.state === 'failed' && (
          <p className="problem" role="alert">
            {step.reason}
          </p>
        )}
      </div>
      <WriteActions
        retry={step.state === 'failed' && signed.current ? () => void retry() : null}
        closable={step.state === 'failed' || step.state === 'submitted'}
        onClose={onClose}
      />
    </dialog>
  );
}
