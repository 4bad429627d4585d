// For the operator's staff, on an active contract: propose a new text. Its file goes to the
// gateway (content-addressed by SHA-256), its hash and link on chain with the BLAKE2b-256 of the
// reason (the reason's words stay off chain); every required signer signs it again, and until
// then the text in force stays.
import { useRef, useState, type FormEvent } from 'react';
import { call, postJson, settled, type Submission } from '../api';
import { useSession } from '../app-context';
import { blake2b256 } from '../hashing';
import { useAlive } from '../hooks';
import { useI18n } from '../i18n';
import { describe } from './Problem';
import { SubmissionProgress } from './SubmissionProgress';

type Step = { state: 'idle' } | { state: 'sending' } | { state: 'submitted'; submission: Submission } | { state: 'failed'; reason: string };

const newKey = () => `amendment-${crypto.randomUUID()}`;

export function ProposeAmendment({ document, onProposed }: { document: number; onProposed: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const alive = useAlive();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState('');
  const [step, setStep] = useState<Step>({ state: 'idle' });
  // The idempotency key of what the form holds (see NewContract).
  const key = useRef(newKey());
  const changed = () => {
    key.current = newKey();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setStep({ state: 'sending' });
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const stored = (await (await call(session, '/v1/files', { method: 'POST', body: form })).json()) as { hash: string; hash_algorithm: string; uri: string };
      const reasonHash = blake2b256(new TextEncoder().encode(reason.trim()).buffer as ArrayBuffer);
      const accepted = await postJson<Submission>(session, `/v1/documents/${document}/amendments`, key.current, {
        hash: stored.hash,
        hash_algorithm: stored.hash_algorithm,
        uri: stored.uri,
        reason_hash: reasonHash,
      });
      const final = await settled(session, accepted, (submission) => setStep({ state: 'submitted', submission }), alive());
      if (final) changed();
      if (final?.status === 'finalized') onProposed();
    } catch (error) {
      setStep({ state: 'failed', reason: describe(t, error) });
    }
  };

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('amend.open')}
      </button>
    );
  }
  const busy = step.state === 'sending' || (step.state === 'submitted' && step.submission.status !== 'finalized' && step.submission.status !== 'failed');
  return (
    <form className="key-form" onSubmit={(e) => void submit(e)} aria-labelledby="amend-title">
      <h2 id="amend-title">{t('amend.title')}</h2>
      <fieldset disabled={busy}>
        <label>
          {t('amend.file')}
          <input
            type="file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              changed();
            }}
            required
          />
        </label>
        <label>
          {t('amend.reason')}
          <textarea
            rows={3}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              changed();
            }}
            required
          />
        </label>
        <button type="submit" className="primary">
          {t('amend.submit')}
        </button>
      </fieldset>
      <div aria-live="polite">
        {step.state === 'sending' && <p role="status">{t('new.uploading')}</p>}
        {step.state === 'failed' && (
          <p className="problem" role="alert">
            {step.reason}
          </p>
        )}
        {step.state === 'submitted' && <SubmissionProgress submission={step.submission} finalized={t('amend.done', { block: step.submission.block_number ?? '?' })} />}
      </div>
    </form>
  );
}
