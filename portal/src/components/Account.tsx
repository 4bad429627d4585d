// An account (SS58), shortened for reading, whole on hover and for screen readers; "you" for the
// signed-in person's own.
import { useI18n } from '../i18n';

export function Account({ address, self }: { address: string; self?: string | null }) {
  const { t } = useI18n();
  const short = address.length > 16 ? `${address.slice(0, 6)}…${address.slice(-6)}` : address;
  const mine = self != null && address === self;
  return (
    <span className="account" title={address} data-account={address}>
      <code aria-hidden="true">{short}</code>
      <span className="visually-hidden">{address}</span>
      {mine && <span className="badge">{t('contract.you')}</span>}
    </span>
  );
}

/** Accounts, one a line. */
export function AccountList({ addresses, self }: { addresses: string[]; self?: string | null }) {
  return (
    <ul className="plain">
      {addresses.map((address) => (
        <li key={address}>
          <Account address={address} self={self} />
        </li>
      ))}
    </ul>
  );
}
