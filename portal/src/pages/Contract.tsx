// One contract: its parties and signers, every version with its hash and status, who signed
// each when (block, and the transaction from the gateway's event index), and the file checked
// against the chain's hash in the browser. A contract the person may not see is a refusal page,
// the same whether it exists or not.
import { useEffect, useState } from 'react';
import { ApiProblem, call, getJson, type At, type ChainEvent, type DocumentView, type Version } from '../api';
import { isStaff, useSession, useSessionState } from '../app-context';
import { Account, AccountList } from '../components/Account';
import { ProblemView, describe } from '../components/Problem';
import { explorerLink } from '../config';
import { ProposeChange } from '../components/ProposeChange';
import { SignVersion } from '../components/SignVersion';
import { blake2b256, sha256 } from '../hashing';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { afterBlock, useLiveEvents } from '../live';
import { Link } from '../router';
import type { Session } from '../session';

interface Loaded {
  at: At;
  document: DocumentView;
  /** `version:signer` → where the signature was recorded. */
  signedIn: Map<string, ChainEvent>;
}

const EVENT_PAGES = 20;

/**
 * The `document.signed` events of the document that the person may see. The gateway pages
 * through all of the person's events and filters a page by type, so a short page is not the
 * last: the pages end when `next_after` stops moving.
 */
async function signatureEvents(session: Session, id: number): Promise<Map<string, ChainEvent>> {
  const found = new Map<string, ChainEvent>();
  let after = 0;
  for (let page = 0; page < EVENT_PAGES; page++) {
    const { events, next_after } = await getJson<{ events: ChainEvent[]; next_after: number }>(
      session,
      `/v1/events?types=document.signed&limit=500&after=${after}`,
    );
    for (const event of events) {
      if (event.data.document === id) found.set(`${String(event.data.version)}:${String(event.data.signer)}`, event);
    }
    if (next_after === after) break;
    after = next_after;
  }
  return found;
}

export function Contract({ id }: { id: string }) {
  const { t } = useI18n();
  const session = useSession();
  const [loaded, again] = useLoad<Loaded | 'refused'>(async () => {
    if (!/^\d+$/.test(id)) return 'refused';
    try {
      const { at, document } = await getJson<{ at: At; document: DocumentView }>(session, `/v1/documents/${id}`);
      const signedIn = await signatureEvents(session, document.id).catch(() => new Map<string, ChainEvent>());
      return { at, document, signedIn };
    } catch (error) {
      if (error instanceof ApiProblem && (error.status === 404 || error.status === 403)) return 'refused';
      throw error;
    }
  }, [session, id]);

  if (loaded.state === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (loaded.state === 'failed') return <ProblemView error={loaded.error} retry={again} />;
  if (loaded.value === 'refused') {
    return (
      <section className="refusal">
        <h1>{t('contract.title', { id })}</h1>
        <p className="problem" role="alert">
          {t('contract.notFound')}
        </p>
        <Link to="/contracts">{t('contract.back')}</Link>
      </section>
    );
  }
  return <ContractView {...loaded.value} reload={again} />;
}

function ContractView({ at, document: doc, signedIn, reload }: Loaded & { reload: () => void }) {
  const { t } = useI18n();
  const state = useSessionState();
  const self = state.status === 'signedIn' ? state.identity.account : null;
  const custody = state.status === 'signedIn' ? state.identity.custody : null;
  const staff = state.status === 'signedIn' && isStaff(state.identity);
  const [update, setUpdate] = useState<number | null>(null);
  // A signature (or the activation it completes) of this contract, final on chain: shown at once.
  useLiveEvents(['document.signed', 'document.activated', 'document.terminated'], afterBlock(at.block_number), (event) => {
    if (event.data.document !== doc.id) return;
    setUpdate(event.block_number);
    reload();
  });
  return (
    <article className="contract">
      <p>
        <Link to="/contracts">{t('contract.back')}</Link>
      </p>
      <h1>
        {t('contract.title', { id: doc.id })}{' '}
        <span className={`status status-${doc.status}`}>{t(`status.${doc.status}`)}</span>
      </h1>
      <p className="muted">{t('contract.asOf', { block: at.block_number })}</p>
      <p aria-live="polite" className="ok">
        {update !== null && t('contract.updated', { block: update })}
      </p>
      {doc.parent !== null && (
        <p>
          <Link to={`/contracts/${doc.parent}`}>{t('contract.supplementTo', { id: doc.parent })}</Link>
        </p>
      )}
      <dl className="facts">
        <dt>{t('contract.parties')}</dt>
        <dd>
          <AccountList addresses={doc.parties} self={self} />
        </dd>
        <dt>{t('contract.signers')}</dt>
        <dd>
          <AccountList addresses={doc.signers} self={self} />
        </dd>
        {doc.validUntil !== null && (
          <>
            <dt>{t('contract.validUntil', { block: doc.validUntil })}</dt>
            <dd />
          </>
        )}
        {doc.supplements.length > 0 && (
          <>
            <dt>{t('contract.supplements')}</dt>
            <dd>
              <ul className="plain">
                {doc.supplements.map((s) => (
                  <li key={s}>
                    <Link to={`/contracts/${s}`}>{t('contract.title', { id: s })}</Link>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {staff && doc.status === 'Active' && self !== null && doc.parties.includes(self) && (
        <div className="proposals">
          <ProposeChange change="amend" document={doc.id} onProposed={reload} />
          <ProposeChange change="terminate" document={doc.id} onProposed={reload} />
        </div>
      )}
      <h2>{t('contract.versions')}</h2>
      {[...doc.versions].reverse().map((version) => (
        <VersionView key={version.index} doc={doc} version={version} signedIn={signedIn} self={self} custody={custody} onSigned={reload} />
      ))}
    </article>
  );
}

/** The chain's names of hash algorithms as people write them. */
const ALGORITHMS: Record<Version['hash']['algorithm'], string> = {
  Blake2_256: 'BLAKE2b-256',
  Sha2_256: 'SHA-256',
  Keccak256: 'Keccak-256',
  Sha3_256: 'SHA3-256',
};

function versionStatus(t: ReturnType<typeof useI18n>['t'], version: Version): string {
  if (version.status === 'Open') return t('version.Open');
  if ('Accepted' in version.status) return t('version.Accepted', { block: version.status.Accepted.at });
  return t('version.Superseded', { block: version.status.Superseded.at });
}

function VersionView({
  doc,
  version,
  signedIn,
  self,
  custody,
  onSigned,
}: {
  doc: DocumentView;
  version: Version;
  signedIn: Map<string, ChainEvent>;
  self: string | null;
  /** A client of the gateway signs: with its own key (`self`) or the gateway's (`gateway`). */
  custody: 'self' | 'gateway' | null;
  onSigned: () => void;
}) {
  const { t, lang } = useI18n();
  const waiting = version.status === 'Open' ? doc.signers.filter((s) => !version.signatures.some((g) => g.signer === s)) : [];
  return (
    <section className="version" data-version={version.index} aria-labelledby={`version-${version.index}`}>
      <h3 id={`version-${version.index}`}>
        {t('version.heading', { index: version.index, kind: t(`version.${version.kind}`) })}
      </h3>
      <p>
        <strong>{versionStatus(t, version)}</strong>
      </p>
      <dl className="facts">
        <dt>{t('version.hash', { algorithm: ALGORITHMS[version.hash.algorithm] })}</dt>
        <dd>
          <code className="hash" data-hash>{version.hash.digest}</code>
        </dd>
        <dt>{t('version.proposed')}</dt>
        <dd>
          <Account address={version.proposedBy} self={self} /> {t('version.proposedAt', { block: version.proposedAt })}
        </dd>
        {version.reason && <Reason hash={version.reason} words={version.reasonText} />}
      </dl>
      <h4>{t('version.signatures')}</h4>
      <ul className="signatures">
        {version.signatures.map((signature) => {
          const event = signedIn.get(`${version.index}:${signature.signer}`);
          return (
            <li key={signature.signer} data-signer={signature.signer}>
              <Account address={signature.signer} self={self} />{' '}
              {t('version.signed', { block: signature.at })}
              {event?.block_time != null && (
                <>
                  {' '}
                  <time dateTime={new Date(event.block_time).toISOString()} data-signed-at>
                    {t('version.signedAt', { time: new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'long' }).format(event.block_time) })}
                  </time>
                </>
              )}
              {event && event.extrinsic_index !== null && <Extrinsic event={event} index={event.extrinsic_index} />}
              {signature.relayed && (
                <span className="muted">
                  {' '}
                  · {t('version.relayed')} <Account address={signature.relayed.by} self={self} />
                </span>
              )}
            </li>
          );
        })}
        {waiting.map((signer) => (
          <li key={signer} className="waiting">
            {t('version.waiting')} <Account address={signer} self={self} />
          </li>
        ))}
      </ul>
      {custody !== null && self !== null && (
        <SignVersion doc={doc} version={version} account={self} custodial={custody === 'gateway'} awaiting={waiting.includes(self)} onSigned={onSigned} />
      )}
      <FileCheck version={version} />
    </section>
  );
}

/** Where a signature was recorded: the transaction's place, linked to the explorer the gateway names. */
function Extrinsic({ event, index }: { event: ChainEvent; index: number }) {
  const { t } = useI18n();
  const session = useSession();
  const name = t('version.extrinsic', { block: event.block_number, index });
  const href = explorerLink(session.config, { number: event.block_number, hash: event.block_hash }, index);
  return (
    <span className="muted">
      {' '}
      (
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer" data-extrinsic>
          {name}
        </a>
      ) : (
        name
      )}
      , <code title={event.block_hash}>{event.block_hash.slice(0, 10)}…</code>)
    </span>
  );
}

/** A proposal's reason: its words when the gateway keeps them, checked here against the hash on chain. */
function Reason({ hash, words }: { hash: string; words: string | undefined }) {
  const { t } = useI18n();
  const matches = words !== undefined && blake2b256(new TextEncoder().encode(words).buffer as ArrayBuffer) === hash.toLowerCase();
  return (
    <>
      {words !== undefined && (
        <>
          <dt>{t('version.reasonWords')}</dt>
          <dd data-reason={matches ? 'match' : 'mismatch'}>
            <q>{words}</q>{' '}
            <span className={matches ? 'ok' : 'problem'}>{t(matches ? 'version.reasonMatch' : 'version.reasonMismatch')}</span>
          </dd>
        </>
      )}
      <dt>{t('version.reasonHash')}</dt>
      <dd>
        <code className="hash" data-reason-hash>
          {hash}
        </code>
        {words === undefined && <span className="muted"> {t('version.reasonUnknown')}</span>}
      </dd>
    </>
  );
}

type Check =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'done'; matches: boolean; actual: string; url: string; name: string }
  | { state: 'failed'; reason: string };

/** Downloads the version's file from the gateway and compares its SHA-256 with the chain's. */
function FileCheck({ version }: { version: Version }) {
  const { t } = useI18n();
  const session = useSession();
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const url = check.state === 'done' ? check.url : null;
  useEffect(() => (url ? () => URL.revokeObjectURL(url) : undefined), [url]);
  if (version.hash.algorithm !== 'Sha2_256') {
    return <p className="muted">{t('file.otherHash', { algorithm: ALGORITHMS[version.hash.algorithm] })}</p>;
  }
  const run = async () => {
    setCheck({ state: 'checking' });
    try {
      const response = await call(session, `/v1/files/${version.hash.digest}`);
      const body = await response.arrayBuffer();
      const actual = await sha256(body);
      // Saved as bytes, never shown as a page of the portal's origin (the gateway serves files
      // as attachments in a sandbox for the same reason).
      const url = URL.createObjectURL(new Blob([body], { type: 'application/octet-stream' }));
      setCheck({
        state: 'done',
        matches: actual.toLowerCase() === version.hash.digest.toLowerCase(),
        actual,
        url,
        name: fileName(response, version.hash.digest),
      });
    } catch (error) {
      setCheck({ state: 'failed', reason: describe(t, error) });
    }
  };
  return (
    <div className="file-check">
      <button type="button" onClick={() => void run()} disabled={check.state === 'checking'}>
        {t('file.check')}
      </button>
      <div aria-live="polite">
        {check.state === 'checking' && <p role="status">{t('file.checking')}</p>}
        {check.state === 'failed' && <p className="problem">{t('file.unavailable', { reason: check.reason })}</p>}
        {check.state === 'done' && (
          <>
            <p className={check.matches ? 'ok' : 'problem'} data-file-check={check.matches ? 'match' : 'mismatch'}>
              {check.matches ? t('file.match') : t('file.mismatch', { actual: check.actual })}
            </p>
            {check.matches && (
              <a className="button" href={check.url} download={check.name}>
                {t('file.save')}
              </a>
            )}
          </>
        )}
      </div>
    </div>
  );
}

function fileName(response: Response, digest: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const named = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  return named ?? `${digest.slice(2, 18)}`;
}
