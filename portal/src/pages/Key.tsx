// The person's signing key in this browser: import it (its secret words, or a polkadot.js key
// file) or create one, each kept only encrypted with a passphrase; save an encrypted backup;
// remove it. A key signs for the person only if its address is the account the operator
// registered for them; the page says so.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useSessionState } from '../app-context';
import { Account } from '../components/Account';
import { describe } from '../components/Problem';
import { useI18n, type Translate } from '../i18n';
import { KeyError, MIN_PASSPHRASE, backupOf, removeKey, storedKeys, type StoredKey } from '../keys/stored';

type Busy = { state: 'idle' } | { state: 'working' } | { state: 'failed'; reason: string } | { state: 'created'; words: string; address: string };

function reasonOf(t: Translate, error: unknown): string {
  if (error instanceof KeyError) return t(`key.error.${error.reason}`, { min: MIN_PASSPHRASE });
  return describe(t, error);
}

export function Key() {
  const { t } = useI18n();
  const state = useSessionState();
  const account = state.status === 'signedIn' ? state.identity.account : null;
  const [keys, setKeys] = useState(storedKeys);
  const [busy, setBusy] = useState<Busy>({ state: 'idle' });
  const refresh = () => setKeys(storedKeys());

  /** Runs `work`, showing its progress and failure; whether it succeeded. */
  const run = async (work: () => Promise<Busy | void>): Promise<boolean> => {
    setBusy({ state: 'working' });
    try {
      setBusy((await work()) ?? { state: 'idle' });
      return true;
    } catch (error) {
      setBusy({ state: 'failed', reason: reasonOf(t, error) });
      return false;
    } finally {
      refresh();
    }
  };

  return (
    <section className="key-page">
      <h1>{t('key.title')}</h1>
      <p>{t('key.lead')}</p>
      <h2>{t('key.stored')}</h2>
      {keys.length === 0 ? <p>{t('key.none')}</p> : <KeyList keys={keys} account={account} onRemoved={refresh} />}
      <div aria-live="polite">
        {busy.state === 'working' && <p role="status">{t('key.working')}</p>}
        {busy.state === 'failed' && (
          <p className="problem" role="alert">
            {busy.reason}
          </p>
        )}
      </div>
      {/* the words are shown, not announced by a live region */}
      {busy.state === 'created' && (
        <div className="notice" data-created-key>
          <p>{t('key.createdWords')}</p>
          <p>
            <code className="words">{busy.words}</code>
          </p>
          <p>
            {t('key.createdAddress')} <Account address={busy.address} self={account} />
          </p>
          <button type="button" onClick={() => setBusy({ state: 'idle' })}>
            {t('key.wroteThemDown')}
          </button>
        </div>
      )}
      <ImportWords disabled={busy.state === 'working'} onSubmit={(words, passphrase) => run(async () => {
        const { importSecret } = await import('../keys/keystore');
        await importSecret(words, passphrase);
      })} />
      <ImportFile disabled={busy.state === 'working'} onSubmit={(text, passphrase) => run(async () => {
        const { importJson } = await import('../keys/keystore');
        await importJson(text, passphrase);
      })} />
      <CreateKey disabled={busy.state === 'working'} onSubmit={(passphrase) => run(async () => {
        const { createKey } = await import('../keys/keystore');
        const { key, words } = await createKey(passphrase);
        return { state: 'created', words, address: key.address };
      })} />
    </section>
  );
}

function KeyList({ keys, account, onRemoved }: { keys: StoredKey[]; account: string | null; onRemoved: () => void }) {
  const { t } = useI18n();
  return (
    <ul className="plain keys">
      {keys.map((key) => (
        <li key={key.address} data-key={key.address}>
          <Account address={key.address} self={account} /> <span className="muted">({key.scheme})</span>{' '}
          {key.address === account ? <strong className="ok">{t('key.yours')}</strong> : <span className="problem">{t('key.notYours')}</span>}
          <div className="actions">
            <button type="button" onClick={() => saveBackup(key)}>
              {t('key.backup')}
            </button>
            <button
              type="button"
              onClick={() => {
                if (window.confirm(t('key.removeConfirm'))) {
                  removeKey(key.address);
                  onRemoved();
                }
              }}
            >
              {t('key.remove')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Saves the key's (encrypted) keystore file. */
function saveBackup(key: StoredKey): void {
  const url = URL.createObjectURL(backupOf(key));
  const link = document.createElement('a');
  link.href = url;
  link.download = `pactum-key-${key.address}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A passphrase and its repetition; `null` until both are given and equal. */
function usePassphrase(): [ReactNode, string | null, () => void] {
  const { t } = useI18n();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const fields = (
    <>
      <label>
        {t('key.passphrase', { min: MIN_PASSPHRASE })}
        <input type="password" autoComplete="new-password" minLength={MIN_PASSPHRASE} value={first} onChange={(e) => setFirst(e.target.value)} required />
      </label>
      <label>
        {t('key.passphraseAgain')}
        <input type="password" autoComplete="new-password" value={second} onChange={(e) => setSecond(e.target.value)} required />
      </label>
      {second !== '' && first !== second && <p className="problem">{t('key.passphraseDiffers')}</p>}
    </>
  );
  const clear = () => {
    setFirst('');
    setSecond('');
  };
  return [fields, first !== '' && first === second ? first : null, clear];
}

function ImportWords({ disabled, onSubmit }: { disabled: boolean; onSubmit: (words: string, passphrase: string) => Promise<boolean> }) {
  const { t } = useI18n();
  const [words, setWords] = useState('');
  const [fields, passphrase, clear] = usePassphrase();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase === null) return;
    void onSubmit(words, passphrase).then((done) => {
      if (!done) return;
      setWords('');
      clear();
    });
  };
  return (
    <form className="key-form" onSubmit={submit} aria-labelledby="import-words">
      <h2 id="import-words">{t('key.importWords')}</h2>
      <fieldset disabled={disabled}>
        <label>
          {t('key.words')}
          <textarea name="words" rows={3} autoComplete="off" spellCheck={false} value={words} onChange={(e) => setWords(e.target.value)} required />
        </label>
        {fields}
        <button type="submit" className="primary" disabled={passphrase === null}>
          {t('key.import')}
        </button>
      </fieldset>
    </form>
  );
}

function ImportFile({ disabled, onSubmit }: { disabled: boolean; onSubmit: (text: string, passphrase: string) => Promise<boolean> }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    void file.text().then((text) => onSubmit(text, passphrase)).then((done) => done && setPassphrase(''));
  };
  return (
    <form className="key-form" onSubmit={submit} aria-labelledby="import-file">
      <h2 id="import-file">{t('key.importFile')}</h2>
      <fieldset disabled={disabled}>
        <label>
          {t('key.file')}
          <input type="file" accept="application/json,.json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} required />
        </label>
        <label>
          {t('key.filePassphrase')}
          <input type="password" autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} required />
        </label>
        <button type="submit" className="primary">
          {t('key.import')}
        </button>
      </fieldset>
    </form>
  );
}

function CreateKey({ disabled, onSubmit }: { disabled: boolean; onSubmit: (passphrase: string) => Promise<boolean> }) {
  const { t } = useI18n();
  const [fields, passphrase, clear] = usePassphrase();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase !== null) void onSubmit(passphrase).then((done) => done && clear());
  };
  return (
    <form className="key-form" onSubmit={submit} aria-labelledby="create-key">
      <h2 id="create-key">{t('key.create')}</h2>
      <p className="muted">{t('key.createLead')}</p>
      <fieldset disabled={disabled}>
        {fields}
        <button type="submit" disabled={passphrase === null}>
          {t('key.createButton')}
        </button>
      </fieldset>
    </form>
  );
}
