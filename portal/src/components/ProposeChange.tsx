// For the operator's staff, on an active contract: propose a new text (an amendment) or its end
// (a termination). An amendment's file goes to the gateway (content-addressed by SHA-256) and its
// hash and link on chain; the reason's BLAKE2b-256 goes on chain and its words stay with the
// gateway, shown to the parties. Every required signer signs the new version; until then the
// text in force stays.
import { useState, type FormEvent } from 'react';
import { postJson, uploadFile, type Submission } from '../api';
import { useSession } from '../app-context';
import { WriteStatus, useFormWrite } from '../form-write';
import { useI18n } from '../i18n';

export type Change = 'amend' | 'terminate';

/** The longest reason the gateway keeps, in characters. */
const MAX_REASON = 2000;

export function ProposeChange({ change, document, onProposed }: { change: Change; document: number; onProposed: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState('');
  const { step, busy, changed, run } = useFormWrite(change);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if ((change === 'amend' && !file) || reason.trim() === '') return;
    const proposed = run(async (key) => {
      const words = reason.trim();
      if (change === 'terminate') {
        return postJson<Submission>(session, `/v1/documents/${document}/terminations`, key, { reason: words });
      }
      const stored = await uploadFile(session, file as File);
      return postJson<Submission>(session, `/v1/documents/${document}/amendments`, key, {
        hash: stored.hash,
        hash_algorithm: stored.hash_algorithm,
        uri: stored.uri,
        reason: words,
      });
    });
    void proposed.then((final) => final?.status === 'finalized' && onProposed());
  };

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t(`${change}.open`)}
      </button>
    );
  }
  return (
    <form className="key-form" onSubmit={submit} aria-labelledby={`${change}-title`}>
      <h2 id={`${change}-title`}>{t(`${change}.title`)}</h2>
      <fieldset disabled={busy}>
        {change === 'amend' && (
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
        )}
        <label>
          {t('change.reason')}
          <textarea
            rows={3}
            maxLength={MAX_REASON}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              changed();
            }}
            required
          />
        </label>
        <button type="submit" className="primary">
          {t(`${change}.submit`)}
        </button>
      </fieldset>
      <WriteStatus
        step={step}
        sending={t(change === 'amend' ? 'new.uploading' : 'terminate.sending')}
        finalized={(submission) => t(`${change}.done`, { block: submission.block_number ?? '?' })}
      />
    </form>
  );
}
