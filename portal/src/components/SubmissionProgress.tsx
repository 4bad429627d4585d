// Where a write the gateway accepted stands: waiting to be sent, on its way, final (`finalized`,
// the caller's words), or refused by the chain (its error in words).
import type { ReactNode } from 'react';
import type { Submission } from '../api';
import { useI18n } from '../i18n';
import { explainChainError } from './Problem';

export function SubmissionProgress({ submission, finalized }: { submission: Submission; finalized: ReactNode }) {
  const { t } = useI18n();
  if (submission.status === 'finalized') {
    return (
      <p className="ok" data-sign-state="finalized">
        {finalized}
      </p>
    );
  }
  if (submission.status === 'failed') {
    const reason = explainChainError(t, submission.error ?? '') ?? submission.error ?? '';
    return (
      <p className="problem" role="alert" data-sign-state="failed">
        {t('sign.failed', { reason })}
      </p>
    );
  }
  return (
    <p role="status" data-sign-state={submission.status}>
      {t(submission.status === 'accepted' ? 'sign.accepted' : 'sign.broadcast')}
    </p>
  );
}

/** A write dialog's buttons once it was sent: after a failure, send the same request again. */
export function WriteActions({ retry, closable, onClose }: { retry: (() => void) | null; closable: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <div className="actions">
      {retry && (
        <button type="button" className="primary" onClick={retry}>
          {t('sign.retry')}
        </button>
      )}
      {closable && (
        <button type="button" onClick={onClose}>
          {t('sign.close')}
        </button>
      )}
    </div>
  );
}
