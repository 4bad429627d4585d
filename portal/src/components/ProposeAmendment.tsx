// For the operator's staff, on an active contract: propose a new text. Its file goes to the
// gateway (content-addressed by SHA-256), its hash and link on chain with the BLAKE2b-256 of the
// reason (the reason's words stay off chain); every required signer signs it again, and until
// then the text in force stays.
import { useState, type FormEvent } from 'react';
import { call, postJson, type Submission } from '../api';
import { useSession } from '../app-context';
import { WriteStatus, useFormWrite } from '../form-write';
import { blake2b256 } from '../hashing';
import { useI18n } from '../i18n';

export function ProposeAmendment({ document, onProposed }: { document: number; onProposed: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState('');
  const { step, busy, changed, run } = useFormWrite('amendment');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const proposed = run(async (key) => {
      const form = new FormData();
      form.append('file', file, file.name);
      const stored = (await (await call(session, '/v1/files', { method: 'POST', body: form })).json()) as { hash: string; hash_algorithm: string; uri: string };
      const reasonHash = blake2b256(new TextEncoder().encode(reason.trim()).buffer as ArrayBuffer);
      return postJson<Submission>(session, `/v1/documents/${document}/amendments`, key, {
        hash: stored.hash,
        hash_algorithm: stored.hash_algorithm,
        uri: stored.uri,
        reason_hash: reasonHash,
      });
    });
    void proposed.then((final) => final?.status === 'finalized' && onProposed());
  };

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('amend.open')}
      </button>
    );
  }
  return (
    <form className="key-form" onSubmit={submit} aria-labelledby="amend-title">
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
      <WriteStatus
        step={step}
        sending={t('new.uploading')}
        finalized={(submission) => t('amend.done', { block: submission.block_number ?? '?' })}
      />
    </form>
  );
}
