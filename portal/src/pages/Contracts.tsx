// The signed-in person's contracts: every document their account is a party of, with its status,
// parties, signatures of the version open for signing, and supplements.
import { getJson, type At, type DocumentSummary, type DocumentView } from '../api';
import { useSession, useSessionState } from '../app-context';
import { AccountList } from '../components/Account';
import { ProblemView } from '../components/Problem';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { Link } from '../router';

const PAGE = 20;

interface Listed {
  at: At;
  documents: DocumentView[];
}

export function Contracts() {
  const { t } = useI18n();
  const session = useSession();
  const state = useSessionState();
  const self = state.status === 'signedIn' ? state.identity.account : null;
  const [loaded, again] = useLoad<Listed>(async () => {
    // Every page of the list, then each contract's details, a page's worth at a time.
    const documents: DocumentView[] = [];
    let at: At | undefined;
    let after: number | undefined;
    for (;;) {
      const page = await getJson<{ at: At; documents: DocumentSummary[] }>(
        session,
        `/v1/documents?limit=${PAGE}${after === undefined ? '' : `&after=${after}`}`,
      );
      at ??= page.at;
      const details = await Promise.all(
        page.documents.map(async (summary) => {
          const one = await getJson<{ document: DocumentView }>(session, `/v1/documents/${summary.id}`);
          return one.document;
        }),
      );
      documents.push(...details);
      const last = page.documents.at(-1);
      if (page.documents.length < PAGE || !last) break;
      after = last.id;
    }
    return { at: at as At, documents };
  }, [session]);

  return (
    <section>
      <h1>{t('contracts.title')}</h1>
      {loaded.state === 'loading' && <p role="status">{t('contracts.loading')}</p>}
      {loaded.state === 'failed' && <ProblemView error={loaded.error} retry={again} />}
      {loaded.state === 'done' && loaded.value.documents.length === 0 && <p>{t('contracts.empty')}</p>}
      {loaded.state === 'done' && loaded.value.documents.length > 0 && (
        <>
          <p className="muted">{t('contract.asOf', { block: loaded.value.at.block_number })}</p>
          <div className="table-scroll">
            <table className="contracts">
              <thead>
                <tr>
                  <th scope="col">{t('contracts.id')}</th>
                  <th scope="col">{t('contracts.status')}</th>
                  <th scope="col">{t('contracts.parties')}</th>
                  <th scope="col">{t('contracts.signatures')}</th>
                  <th scope="col">{t('contracts.supplements')}</th>
                  <th scope="col">{t('contracts.created')}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.value.documents.map((doc) => {
                  const open = doc.openVersion === null ? undefined : doc.versions.find((v) => v.index === doc.openVersion);
                  const awaitingMe = open !== undefined && self !== null && doc.signers.includes(self) && !open.signatures.some((s) => s.signer === self);
                  return (
                    <tr key={doc.id} data-document={doc.id}>
                      <th scope="row">
                        <Link to={`/contracts/${doc.id}`}>{t('contract.title', { id: doc.id })}</Link>
                        {doc.parent !== null && <div className="muted">{t('contract.supplementTo', { id: doc.parent })}</div>}
                      </th>
                      <td>
                        <span className={`status status-${doc.status}`}>{t(`status.${doc.status}`)}</span>
                        {awaitingMe && <div className="badge attention">{t('contracts.awaitingYou')}</div>}
                      </td>
                      <td>
                        <AccountList addresses={doc.parties} self={self} />
                      </td>
                      <td>
                        {open
                          ? t('contracts.signedCount', { signed: open.signatures.length, required: doc.signers.length })
                          : '—'}
                      </td>
                      <td>{doc.supplements.length}</td>
                      <td>{doc.createdAt}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
