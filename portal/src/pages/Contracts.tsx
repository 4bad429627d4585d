// The signed-in person's contracts: every document their account is a party of, with its status,
// parties, signatures of the version open for signing, and supplements.
import { useSession, useSessionState } from '../app-context';
import { allContracts, awaits, openVersion, type Listed } from '../documents';
import { AccountList } from '../components/Account';
import { ProblemView } from '../components/Problem';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { Link } from '../router';

export function Contracts() {
  const { t } = useI18n();
  const session = useSession();
  const state = useSessionState();
  const self = state.status === 'signedIn' ? state.identity.account : null;
  const [loaded, again] = useLoad<Listed>(() => allContracts(session), [session]);

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
                  const open = openVersion(doc);
                  const awaitingMe = awaits(doc, self);
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
