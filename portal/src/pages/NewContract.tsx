// For the operator's staff: a new contract (or a supplement to one) from its file. The file goes
// to the gateway (content-addressed by its SHA-256), the hash and the gateway's link go on chain
// with the parties, the operator's account among them; every party is a required signer.
import { useRef, useState, type FormEvent } from 'react';
import { call, postJson, settled, type Submission } from '../api';
import { useSession, useSessionState } from '../app-context';
import { describe } from '../components/Problem';
import { useAlive } from '../hooks';
import { SubmissionProgress } from '../components/SubmissionProgress';
import { useI18n } from '../i18n';
import { Link } from '../router';

interface StoredFile {
  hash: string;
  hash_algorithm: string;
  uri: string;
}

type Step =
  | { state: 'idle' }
  | { state: 'uploading' }
  | { state: 'submitted'; submission: Submission }
  | { state: 'failed'; reason: string };

const newKey = () => `new-contract-${crypto.randomUUID()}`;

export function NewContract() {
  const { t } = useI18n();
  const session = useSession();
  const state = useSessionState();
  const self = state.status === 'signedIn' ? state.identity.account : null;
  const [step, setStep] = useState<Step>({ state: 'idle' });
  const [file, setFile] = useState<File | null>(null);
  const [others, setOthers] = useState('');
  const [parent, setParent] = useState('');
  const alive = useAlive();
  // The idempotency key of what the form holds: the same request sent again after a lost answer
  // is the same contract, never a second one; a changed form, or another after an outcome, is a
  // new request.
  const key = useRef(newKey());
  const changed = () => {
    key.current = newKey();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || self === null) return;
    setStep({ state: 'uploading' });
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const stored = (await (await call(session, '/v1/files', { method: 'POST', body: form })).json()) as StoredFile;
      // One per line, or separated by commas or spaces; each once, the operator's own first.
      const parties = [...new Set([self, ...others.split(/[\s,;]+/).filter((a) => a !== '')])];
      const accepted = await postJson<Submission>(session, '/v1/documents', key.current, {
        hash: stored.hash,
        hash_algorithm: stored.hash_algorithm,
        uri: stored.uri,
        parties,
        signers: parties,
        ...(parent.trim() === '' ? {} : { parent: Number(parent) }),
      });
      const final = await settled(session, accepted, (submission) => setStep({ state: 'submitted', submission }), alive());
      if (final) changed(); // an outcome: the next request is another
    } catch (error) {
      setStep({ state: 'failed', reason: describe(t, error) });
    }
  };

  const submission = step.state === 'submitted' ? step.submission : null;
  const created = submission?.status === 'finalized' ? submission.result?.document : undefined;
  return (
    <section>
      <h1>{t('new.title')}</h1>
      <p className="lead">{t('new.lead')}</p>
      <form className="key-form" onSubmit={(e) => void submit(e)}>
        <fieldset disabled={step.state === 'uploading' || (submission !== null && submission.status !== 'failed' && submission.status !== 'finalized')}>
          <label>
            {t('new.file')}
            <input type="file" onChange={(e) => { setFile(e.target.files?.[0] ?? null); changed(); }} required />
          </label>
          <label>
            {t('new.parties')}
            <textarea rows={3} spellCheck={false} value={others} onChange={(e) => { setOthers(e.target.value); changed(); }} required />
          </label>
          <label>
            {t('new.parent')}
            <input inputMode="numeric" pattern="[0-9]{1,15}" value={parent} onChange={(e) => { setParent(e.target.value); changed(); }} />
          </label>
          <button type="submit" className="primary">
            {t('new.create')}
          </button>
        </fieldset>
      </form>
      <div aria-live="polite">
        {step.state === 'uploading' && <p role="status">{t('new.uploading')}</p>}
        {step.state === 'failed' && (
          <p className="problem" role="alert">
            {step.reason}
          </p>
        )}
        {submission && (
          <SubmissionProgress
            submission={submission}
            finalized={<Link to={`/contracts/${created ?? ''}`}>{t('new.created', { id: created ?? '?' })}</Link>}
          />
        )}
      </div>
    </section>
  );
}
