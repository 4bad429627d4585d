// A form's write to the gateway, as the staff's forms (new contract, new client, amendment) make
// it: the idempotency key of what the form holds (the same request sent again after a lost answer
// is the same submission, never a second one; a changed form, or another after an outcome, is a
// new request), the submission followed to its outcome while the form is shown, and its state
// in words.
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { settled, type Submission } from './api';
import { useSession } from './app-context';
import { describe } from './components/Problem';
import { SubmissionProgress } from './components/SubmissionProgress';
import { useAlive } from './hooks';
import { useI18n } from './i18n';

export type WriteStep =
  | { state: 'idle' }
  | { state: 'sending' }
  | { state: 'submitted'; submission: Submission }
  | { state: 'failed'; reason: string };

export function useFormWrite(name: string) {
  const { t } = useI18n();
  const session = useSession();
  const alive = useAlive();
  const [step, setStep] = useState<WriteStep>({ state: 'idle' });
  const newKey = useCallback(() => `${name}-${crypto.randomUUID()}`, [name]);
  const key = useRef(newKey());
  /** The form changed: what it sends next is another request. */
  const changed = useCallback(() => {
    key.current = newKey();
  }, [newKey]);
  /**
   * Sends with `accept(key)` (which answers the accepted submission) and follows it; its outcome,
   * or null if it failed before one (or the form went).
   */
  const run = async (accept: (key: string) => Promise<Submission>): Promise<Submission | null> => {
    setStep({ state: 'sending' });
    try {
      const accepted = await accept(key.current);
      const final = await settled(session, accepted, (submission) => setStep({ state: 'submitted', submission }), alive());
      if (final) changed();
      return final;
    } catch (error) {
      setStep({ state: 'failed', reason: describe(t, error) });
      return null;
    }
  };
  const busy =
    step.state === 'sending' || (step.state === 'submitted' && step.submission.status !== 'finalized' && step.submission.status !== 'failed');
  return { step, busy, changed, run };
}

/** Where a form's write stands: `sending` while it goes, then the submission, or the failure. */
export function WriteStatus({ step, sending, finalized }: { step: WriteStep; sending: string; finalized: (submission: Submission) => ReactNode }) {
  return (
    <div aria-live="polite">
      {step.state === 'sending' && <p role="status">{sending}</p>}
      {step.state === 'failed' && (
        <p className="problem" role="alert">
          {step.reason}
        </p>
      )}
      {step.state === 'submitted' && <SubmissionProgress submission={step.submission} finalized={finalized(step.submission)} />}
    </div>
  );
}
