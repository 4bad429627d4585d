// For the operator's staff: the contracts awaiting the operator's signature, and signing a
// selection of them at once. The gateway signs with the operator's key (the account the staff
// member acts for) in one all-or-nothing transaction; a dialog lists what is signed first.
import { useRef, useState } from 'react';
import { postJson, settled, type DocumentView, type Submission } from '../api';
import { useSession, useSessionState } from '../app-context';
import { AccountList } from '../components/Account';
import { ProblemView, describe } from '../components/Problem';
import { SubmissionProgress, WriteActions } from '../components/SubmissionProgress';
import { ALGORITHM_PARAM, allContracts, awaits, openVersion, type Listed } from '../documents';
import { useLoad, useModalDialog } from '../hooks';
import { useI18n } from '../i18n';
import { Link } from '../router';

/** The gateway signs at most this many in one call. */
const MAX_BULK = 100;

export function Pending() {
  const { t } = useI18n();
  const session = useSession();
  const state = useSessionState();
  const self = state.status === 'signedIn' ? state.identity.account : null;
  // Only the contracts whose summary says the operator's signature is awaited are read in full.
  const [loaded, again] = useLoad<Listed>(() => allContracts(session, (summary) => summary.awaitingSignature), [session]);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const pending = loaded.state === 'done' ? loaded.value.documents.filter((doc) => awaits(doc, self)) : [];
  const chosen = pending.filter((doc) => selected.has(doc.id));
  const toggle = (id: number) =>
    setSelected((now) => {
      const next = new Set(now);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section>
      <h1>{t('pending.title')}</h1>
      <p className="lead">{t('pending.lead')}</p>
      {loaded.state === 'loading' && <p role="status">{t('common.loading')}</p>}
      {loaded.state === 'failed' && <ProblemView error={loaded.error} retry={again} />}
      {loaded.state === 'done' && pending.length === 0 && <p>{t('pending.none')}</p>}
      {pending.length > 0 && (
        <>
          <div className="table-scroll">
            <table className="contracts">
              <caption className="visually-hidden">{t('pending.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <input
                      type="checkbox"
                      aria-label={t('pending.selectAll')}
                      checked={chosen.length === pending.length}
                      ref={(box) => {
                        if (box) box.indeterminate = chosen.length > 0 && chosen.length < pending.length;
                      }}
                      onChange={(e) => setSelected(new Set(e.target.checked ? pending.map((d) => d.id) : []))}
                    />
                  </th>
                  <th scope="col">{t('contracts.id')}</th>
                  <th scope="col">{t('contracts.parties')}</th>
                  <th scope="col">{t('pending.version')}</th>
                </tr>
              </thead>
              <tbody>
                {pending.map((doc) => (
                  <tr key={doc.id} data-pending={doc.id}>
                    <td>
                      <input type="checkbox" aria-label={t('pending.select', { id: doc.id })} checked={selected.has(doc.id)} onChange={() => toggle(doc.id)} />
                    </td>
                    <th scope="row">
                      <Link to={`/contracts/${doc.id}`}>{t('contract.title', { id: doc.id })}</Link>
                    </th>
                    <td>
                      <AccountList addresses={doc.parties} self={self} />
                    </td>
                    <td>
                      {openVersion(doc)?.index} · <code className="hash" title={openVersion(doc)?.hash.digest}>{openVersion(doc)?.hash.digest.slice(0, 18)}…</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <button type="button" className="primary" disabled={chosen.length === 0 || chosen.length > MAX_BULK} onClick={() => setConfirming(true)}>
              {t('pending.sign', { count: chosen.length })}
            </button>
          </p>
          {chosen.length > MAX_BULK && <p className="problem">{t('pending.tooMany', { max: MAX_BULK })}</p>}
        </>
      )}
      {confirming && self !== null && (
        <BulkSignDialog
          documents={chosen}
          account={self}
          onClose={() => {
            // whatever became of it, the list is read again and the selection starts anew
            setConfirming(false);
            setSelected(new Set());
            again();
          }}
          onSigned={again}
        />
      )}
    </section>
  );
}

type Step = { state: 'confirm' } | { state: 'sending' } | { state: 'submitted'; submission: Submission } | { state: 'failed'; reason: string };

function BulkSignDialog({ documents, account, onClose, onSigned }: { documents: DocumentView[]; account: string; onClose: () => void; onSigned: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const { ref: dialog, alive } = useModalDialog();
  const [agreed, setAgreed] = useState(false);
  const [step, setStep] = useState<Step>({ state: 'confirm' });
  // One request per confirmation; a retry sends it again under the same idempotency key.
  const request = useRef({
    key: `bulk-sign-${crypto.randomUUID()}`,
    body: {
      items: documents.flatMap((doc) => {
        const open = openVersion(doc);
        return open ? [{ document: doc.id, version: open.index, hash: open.hash.digest, hash_algorithm: ALGORITHM_PARAM[open.hash.algorithm] }] : [];
      }),
    },
  });
  // What this dialog signs, fixed when it opened (the list behind it changes once they are signed).
  const count = request.current.body.items.length;

  const send = async () => {
    setStep({ state: 'sending' });
    try {
      const accepted = await postJson<Submission>(session, '/v1/documents/signatures', request.current.key, request.current.body);
      const final = await settled(session, accepted, (submission) => setStep({ state: 'submitted', submission }), alive());
      if (final?.status === 'finalized') onSigned();
    } catch (error) {
      setStep({ state: 'failed', reason: describe(t, error) });
    }
  };

  const submission = step.state === 'submitted' ? step.submission : null;
  return (
    <dialog ref={dialog} className="sign-dialog" aria-labelledby="bulk-title" onCancel={(e) => (step.state === 'sending' ? e.preventDefault() : onClose())} onClose={onClose}>
      <h2 id="bulk-title">{t('pending.dialogTitle', { count })}</h2>
      <p>
        {t('sign.as')}: <AccountList addresses={[account]} self={account} />
      </p>
      <ul className="plain keys">
        {request.current.body.items.map((item) => (
          <li key={item.document} data-bulk-item={item.document}>
            {t('contract.title', { id: item.document })}, {t('pending.version')} {item.version}: <code className="hash">{item.hash}</code>
          </li>
        ))}
      </ul>
      {(step.state === 'confirm' || step.state === 'sending') && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (agreed) void send();
          }}
        >
          <fieldset disabled={step.state === 'sending'}>
            <label className="choice">
              <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} required /> {t('pending.confirm', { count })}
            </label>
            <div className="actions">
              <button type="submit" className="primary" disabled={!agreed}>
                {t('sign.submit')}
              </button>
              <button type="button" onClick={onClose}>
                {t('sign.cancel')}
              </button>
            </div>
          </fieldset>
        </form>
      )}
      <div aria-live="polite">
        {step.state === 'sending' && <p role="status">{t('sign.signing')}</p>}
        {submission && (
          <SubmissionProgress submission={submission} finalized={t('pending.done', { count, block: submission.block_number ?? '?' })} />
        )}
        {step.state === 'failed' && (
          <p className="problem" role="alert">
            {step.reason}
          </p>
        )}
      </div>
      <WriteActions retry={step.state === 'failed' ? () => void send() : null} closable={step.state === 'failed' || step.state === 'submitted'} onClose={onClose} />
    </dialog>
  );
}
