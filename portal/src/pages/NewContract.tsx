// For the operator's staff: a new contract (or a supplement to one) from its file. The file goes
// to the gateway (content-addressed by its SHA-256), the hash and the gateway's link go on chain
// with the parties, the operator's account among them; every party is a required signer.
import { useState, type FormEvent } from 'react';
import { postJson, uploadFile, type Submission } from '../api';
import { useSession, useSessionState } from '../app-context';
import { WriteStatus, useFormWrite } from '../form-write';
import { useI18n } from '../i18n';
import { Link } from '../router';

export function NewContract() {
  const { t } = useI18n();
  const session = useSession();
  const state = useSessionState();
  const self = state.status === 'signedIn' ? state.identity.account : null;
  const { step, busy, changed, run } = useFormWrite('new-contract');
  const [file, setFile] = useState<File | null>(null);
  const [others, setOthers] = useState('');
  const [parent, setParent] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file || self === null) return;
    void run(async (key) => {
      const stored = await uploadFile(session, file);
      // One per line, or separated by commas or spaces; each once, the operator's own first.
      const parties = [...new Set([self, ...others.split(/[\s,;]+/).filter((a) => a !== '')])];
      return postJson<Submission>(session, '/v1/documents', key, {
        hash: stored.hash,
        hash_algorithm: stored.hash_algorithm,
        uri: stored.uri,
        parties,
        signers: parties,
        ...(parent.trim() === '' ? {} : { parent: Number(parent) }),
      });
    });
  };

  return (
    <section>
      <h1>{t('new.title')}</h1>
      <p className="lead">{t('new.lead')}</p>
      <form className="key-form" onSubmit={submit}>
        <fieldset disabled={busy}>
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
      <WriteStatus
        step={step}
        sending={t('new.uploading')}
        finalized={(submission) => {
          const created = submission.result?.document;
          return <Link to={`/contracts/${created ?? ''}`}>{t('new.created', { id: created ?? '?' })}</Link>;
        }}
      />
    </section>
  );
}
