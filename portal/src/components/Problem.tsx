// A failure, explained: the chain's error names in words, the gateway's problems by their detail.
import { ApiProblem, NetworkError } from '../api';
import { hasMessage, useI18n, type Translate } from '../i18n';

/** `Documents.NotParty` (or `… (item 2, reason Documents.NotParty)`) in the reader's words. */
export function explainChainError(t: Translate, text: string): string | null {
  const name = /\b([A-Z][A-Za-z]+\.[A-Z][A-Za-z]+)\b/.exec(text)?.[1];
  if (!name) return null;
  const key = `chain.${name}`;
  return hasMessage(key) ? t('error.chain', { explanation: t(key) }) : null;
}

export function describe(t: Translate, error: unknown): string {
  if (error instanceof NetworkError) return t('error.network');
  if (error instanceof ApiProblem) {
    const text = error.detail ?? error.title;
    return explainChainError(t, text) ?? t('error.generic', { detail: text });
  }
  return t('error.generic', { detail: error instanceof Error ? error.message : String(error) });
}

export function ProblemView({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="problem" role="alert">
      <p>{describe(t, error)}</p>
      {retry && (
        <button type="button" onClick={retry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}
