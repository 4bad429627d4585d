// For the operator's staff: register a client. Its data (name, identifiers, contacts) stays
// sealed at the gateway and only its salted hash goes on chain; the operator's account is its
// registrar and pays its deposit. The gateway makes and holds its key (custody `gateway`), or the
// client keeps its own (custody `self`: its account is given).
import { useRef, useState, type FormEvent } from 'react';
import { postJson, settled, type Submission } from '../api';
import { useSession } from '../app-context';
import { Account } from '../components/Account';
import { describe } from '../components/Problem';
import { SubmissionProgress } from '../components/SubmissionProgress';
import { useAlive } from '../hooks';
import { useI18n } from '../i18n';

type Step =
  | { state: 'idle' }
  | { state: 'sending' }
  | { state: 'submitted'; submission: Submission; account: string }
  | { state: 'failed'; reason: string };

const newKey = () => `new-client-${crypto.randomUUID()}`;

export function NewClient() {
  const { t } = useI18n();
  const session = useSession();
  const alive = useAlive();
  const [step, setStep] = useState<Step>({ state: 'idle' });
  const [name, setName] = useState('');
  const [identifier, setIdentifier] = useState('');
  const [contact, setContact] = useState('');
  const [ownKey, setOwnKey] = useState(false);
  const [account, setAccount] = useState('');
  // The idempotency key of what the form holds (see NewContract).
  const key = useRef(newKey());
  const changed = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    key.current = newKey();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStep({ state: 'sending' });
    try {
      const data: Record<string, string> = { name: name.trim() };
      if (identifier.trim() !== '') data.identifier = identifier.trim();
      if (contact.trim() !== '') data.contact = contact.trim();
      const accepted = await postJson<{ client: { account: string }; submission: Submission }>(session, '/v1/clients', key.current, {
        data,
        ...(ownKey ? { custody: 'self', account: account.trim() } : {}),
      });
      const registered = accepted.client.account;
      const final = await settled(session, accepted.submission, (submission) => setStep({ state: 'submitted', submission, account: registered }), alive());
      if (final) key.current = newKey(); // an outcome: the next request is another
    } catch (error) {
      setStep({ state: 'failed', reason: describe(t, error) });
    }
  };

  const busy = step.state === 'sending' || (step.state === 'submitted' && step.submission.status !== 'finalized' && step.submission.status !== 'failed');
  return (
    <section>
      <h1>{t('client.title')}</h1>
      <p className="lead">{t('client.lead')}</p>
      <form className="key-form" onSubmit={(e) => void submit(e)}>
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
      <div aria-live="polite">
        {step.state === 'sending' && <p role="status">{t('client.sending')}</p>}
        {step.state === 'failed' && (
          <p className="problem" role="alert">
            {step.reason}
          </p>
        )}
        {step.state === 'submitted' && (
          <SubmissionProgress
            submission={step.submission}
            finalized={
              <span data-registered-client={step.account}>
                {t('client.registered')} <Account address={step.account} self={null} />
              </span>
            }
          />
        )}
      </div>
    </section>
  );
}
