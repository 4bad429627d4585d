// For the operator's staff: register a client. Its data (name, identifiers, contacts) stays
// sealed at the gateway and only its salted hash goes on chain; the operator's account is its
// registrar and pays its deposit. The gateway makes and holds its key (custody `gateway`), or the
// client keeps its own (custody `self`: its account is given).
import { useState, type FormEvent } from 'react';
import { postJson, type Submission } from '../api';
import { useSession } from '../app-context';
import { Account } from '../components/Account';
import { WriteStatus, useFormWrite } from '../form-write';
import { useI18n } from '../i18n';

export function NewClient() {
  const { t } = useI18n();
  const session = useSession();
  const { step, busy, changed: formChanged, run } = useFormWrite('new-client');
  const [registered, setRegistered] = useState('');
  const [name, setName] = useState('');
  const [identifier, setIdentifier] = useState('');
  const [contact, setContact] = useState('');
  const [ownKey, setOwnKey] = useState(false);
  const [account, setAccount] = useState('');
  const changed = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    formChanged();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async (key) => {
      const data: Record<string, string> = { name: name.trim() };
      if (identifier.trim() !== '') data.identifier = identifier.trim();
      if (contact.trim() !== '') data.contact = contact.trim();
      const accepted = await postJson<{ client: { account: string }; submission: Submission }>(session, '/v1/clients', key, {
        data,
        ...(ownKey ? { custody: 'self', account: account.trim() } : {}),
      });
      setRegistered(accepted.client.account);
      return accepted.submission;
    });
  };

  return (
    <section>
      <h1>{t('client.title')}</h1>
      <p className="lead">{t('client.lead')}</p>
      <form className="key-form" onSubmit={submit}>
        <fieldset disabled={busy}>
          <label>
            {t('client.name')}
            <input value={name} onChange={(e) => changed(setName)(e.target.value)} required maxLength={200} />
          </label>
          <label>
            {t('client.identifier')}
            <input value={identifier} onChange={(e) => changed(setIdentifier)(e.target.value)} maxLength={100} />
          </label>
          <label>
            {t('client.contact')}
            <input value={contact} onChange={(e) => changed(setContact)(e.target.value)} maxLength={200} />
          </label>
          <label className="choice">
            <input type="checkbox" checked={ownKey} onChange={(e) => changed(setOwnKey)(e.target.checked)} /> {t('client.ownKey')}
          </label>
          {ownKey && (
            <label>
              {t('client.account')}
              <input value={account} spellCheck={false} onChange={(e) => changed(setAccount)(e.target.value)} required />
            </label>
          )}
          <button type="submit" className="primary">
            {t('client.register')}
          </button>
        </fieldset>
      </form>
      <WriteStatus
        step={step}
        sending={t('client.sending')}
        finalized={() => (
          <span data-registered-client={registered}>
            {t('client.registered')} <Account address={registered} self={null} />
          </span>
        )}
      />
    </section>
  );
}
