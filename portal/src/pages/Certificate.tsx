// The public certificate check: anyone (no sign-in) enters a certificate's hash or picks its
// file (hashed here with BLAKE2b-256, the file never leaves the browser) and sees what the chain
// records: issuer and organisation code, holder, type, validity, revocation, the block of
// issue. The result page's address is what the QR code on a printed certificate links to.
import QRCode from 'qrcode';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiProblem, getJson, type At, type CertificateView } from '../api';
import { ProblemView } from '../components/Problem';
import { blake2b256, HASH } from '../hashing';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { BASE, navigate } from '../router';

interface Verified {
  at: At;
  certificate: CertificateView;
  issuer: { org_code: string | null; kind: string } | null;
}

export function CertificateCheck({ hash }: { hash?: string }) {
  const { t } = useI18n();
  return (
    <section className="certificate-check">
      <h1>{t('cert.title')}</h1>
      <p className="lead">{t('cert.lead')}</p>
      <CheckForm initial={hash ?? ''} />
      {hash !== undefined && <Result hash={hash} />}
    </section>
  );
}

function CheckForm({ initial }: { initial: string }) {
  const { t } = useI18n();
  const [text, setText] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const [hashing, setHashing] = useState(false);
  useEffect(() => setText(initial), [initial]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const hash = text.trim();
    if (!HASH.test(hash)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    navigate(`/certificates/${hash.toLowerCase()}`);
  };
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setHashing(true);
    const hash = blake2b256(await file.arrayBuffer());
    setHashing(false);
    setText(hash);
    setInvalid(false);
    navigate(`/certificates/${hash}`);
  };
  return (
    <form className="check" onSubmit={submit} noValidate>
      <label htmlFor="cert-hash">{t('cert.hash')}</label>
      <div className="row">
        <input
          id="cert-hash"
          name="hash"
          value={text}
          onChange={(e) => setText(e.target.value)}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={invalid}
          aria-describedby={invalid ? 'cert-hash-error' : undefined}
        />
        <button type="submit" className="primary">
          {t('cert.check')}
        </button>
      </div>
      {invalid && (
        <p id="cert-hash-error" className="problem">
          {t('cert.badHash')}
        </p>
      )}
      <label htmlFor="cert-file">{t('cert.file')}</label>
      <input id="cert-file" type="file" onChange={(e) => void pick(e.target.files?.[0])} />
      {hashing && <p role="status">{t('cert.hashing')}</p>}
    </form>
  );
}

function Result({ hash }: { hash: string }) {
  const { t } = useI18n();
  const [loaded, again] = useLoad<Verified | null>(async () => {
    if (!HASH.test(hash)) return null;
    try {
      return await getJson<Verified>(null, `/v1/certificates/${hash}`);
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 404) return null;
      throw error;
    }
  }, [hash]);
  if (loaded.state === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (loaded.state === 'failed') return <ProblemView error={loaded.error} retry={again} />;
  if (loaded.value === null) {
    return (
      <p className="problem" role="alert" data-certificate="unknown">
        {t('cert.notFound')}
      </p>
    );
  }
  const { at, certificate: c } = loaded.value;
  return (
    <article className={`certificate certificate-${c.status}`} data-certificate={c.status} aria-live="polite">
      <h2>
        <span className={`status status-${c.status}`}>{t(`cert.${c.status}`)}</span>
      </h2>
      <p className="muted">
        {t('cert.result')}
        <code className="hash">{c.hash}</code>
      </p>
      {c.revoked && (
        <div className="problem" role="alert">
          <p>
            <strong>{t('cert.revokedAt', { block: c.revoked.at, by: c.revoked.by })}</strong>
          </p>
          <p>
            {t('cert.revocationReason')}: <code className="hash">{c.revoked.reason}</code>
          </p>
        </div>
      )}
      <dl className="facts">
        <dt>{t('cert.issuer')}</dt>
        <dd>
          <code>{c.issuer}</code>
        </dd>
        <dt>{t('cert.org')}</dt>
        <dd>{c.orgCode}</dd>
        <dt>{t('cert.holder')}</dt>
        <dd>
          <code>{c.holder}</code>
        </dd>
        <dt>{t('cert.type')}</dt>
        <dd>{c.certType}</dd>
        <dt>{t('cert.issued')}</dt>
        <dd>{c.issuedAt}</dd>
        <dt>{t('cert.expires')}</dt>
        <dd>{c.expiresAt ?? t('cert.noExpiry')}</dd>
      </dl>
      <p className="muted">{t('cert.asOf', { block: at.block_number })}</p>
      <QrCode hash={c.hash} />
    </article>
  );
}

/** The code printed on a certificate: this result page's address. */
function QrCode({ hash }: { hash: string }) {
  const { t } = useI18n();
  const [image, setImage] = useState<string | null>(null);
  const link = `${window.location.origin}${BASE}/certificates/${hash}`;
  useEffect(() => {
    let current = true;
    QRCode.toDataURL(link, { margin: 1, width: 192 }).then((url) => current && setImage(url), () => undefined);
    return () => {
      current = false;
    };
  }, [link]);
  return (
    <figure className="qr">
      {image && <img src={image} width={192} height={192} alt={link} />}
      <figcaption>
        {t('cert.qr')}
        <br />
        <code>{link}</code>
      </figcaption>
      <button type="button" className="no-print" onClick={() => window.print()}>
        {t('cert.print')}
      </button>
    </figure>
  );
}
