// The signed-in person's contracts as the gateway lists them (every page), each with its details;
// and what a contract awaits from an account.
import { getJson, type At, type DocumentSummary, type DocumentView, type Version } from './api';
import type { Session } from './session';

/** The gateway's longest page. */
const PAGE = 100;

export interface Listed {
  at: At;
  documents: DocumentView[];
}

/**
 * Every contract the person's account is a party of (those `only` keeps of the list's summaries),
 * with its versions and signatures.
 */
export async function allContracts(session: Session, only: (summary: DocumentSummary) => boolean = () => true): Promise<Listed> {
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
      page.documents.filter(only).map(async (summary) => (await getJson<{ document: DocumentView }>(session, `/v1/documents/${summary.id}`)).document),
    );
    documents.push(...details);
    const last = page.documents.at(-1);
    if (page.documents.length < PAGE || !last) break;
    after = last.id;
  }
  return { at: at as At, documents };
}

/** The version open for signatures, if any. */
export function openVersion(doc: DocumentView): Version | undefined {
  return doc.openVersion === null ? undefined : doc.versions.find((v) => v.index === doc.openVersion);
}

/** Whether `account`'s signature is awaited on the open version. */
export function awaits(doc: DocumentView, account: string | null): boolean {
  const open = openVersion(doc);
  return open !== undefined && account !== null && doc.signers.includes(account) && !open.signatures.some((s) => s.signer === account);
}

/** The gateway's names of the chain's hash algorithms. */
export const ALGORITHM_PARAM: Record<Version['hash']['algorithm'], string> = {
  Blake2_256: 'blake2_256',
  Sha2_256: 'sha2_256',
  Keccak256: 'keccak256',
  Sha3_256: 'sha3_256',
};
