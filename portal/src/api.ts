// Calls to the gateway's REST API, with the session's access token. A refusal arrives as a
// problem (RFC 9457) and is thrown as an `ApiProblem`.
import type { Session } from './session';

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly type: string | undefined,
  ) {
    super(detail ?? title);
  }
}

/** The gateway could not be reached at all. */
export class NetworkError extends Error {}

export type Fetcher = <T>(path: string, init?: RequestInit) => Promise<T>;

async function problemOf(response: Response): Promise<ApiProblem> {
  try {
    const body = (await response.json()) as { title?: string; detail?: string; type?: string };
    return new ApiProblem(response.status, body.title ?? response.statusText, body.detail, body.type);
  } catch {
    return new ApiProblem(response.status, response.statusText, undefined, undefined);
  }
}

/** `fetch` to the gateway, with the bearer token when signed in; the raw response. */
export async function call(session: Session | null, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = session ? await session.accessToken() : null;
  if (token) headers.set('authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch (error) {
    throw new NetworkError(String(error));
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

/** A JSON answer of the gateway. */
export async function getJson<T>(session: Session | null, path: string): Promise<T> {
  const response = await call(session, path, { headers: { accept: 'application/json' } });
  return (await response.json()) as T;
}

/**
 * A write: `body` as JSON under `key` (the Idempotency-Key: sending it again with the same key,
 * after a lost answer, gives the same submission instead of a second one).
 */
export async function postJson<T>(session: Session, path: string, key: string, body: unknown): Promise<T> {
  const response = await call(session, path, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

export interface StoredFile {
  hash: string;
  hash_algorithm: string;
  uri: string;
}

/** Uploads `file` to the gateway (content-addressed by SHA-256): what the chain then names. */
export async function uploadFile(session: Session, file: File): Promise<StoredFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  return (await (await call(session, '/v1/files', { method: 'POST', body: form })).json()) as StoredFile;
}

/** A write the gateway accepted and carries to the chain. */
export interface Submission {
  id: string;
  kind: string;
  status: 'accepted' | 'broadcast' | 'finalized' | 'failed';
  block_number: number | null;
  extrinsic_index: number | null;
  /** The pallet's error (`Documents.NotSigner`) or why it could not be sent. */
  error: string | null;
  /** What it produced: a new contract's id, the contracts signed and activated. */
  result: { document?: number; signed?: number[]; activated?: number[] } | null;
  status_url: string;
}

const POLL_MS = 1_000;

/**
 * Polls a submission until it is final (finalized or failed), reporting each state seen; `null`
 * if `stop` ended the polling first.
 */
export async function settled(session: Session, submission: Submission, seen: (s: Submission) => void, stop: AbortSignal): Promise<Submission | null> {
  let current = submission;
  seen(current);
  while (current.status !== 'finalized' && current.status !== 'failed') {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (stop.aborted) return null;
    current = await getJson<Submission>(session, current.status_url);
    if (stop.aborted) return null;
    seen(current);
  }
  return current;
}

/** The gateway's view of the chain at a block. */
export interface At {
  block_number: number;
  block_hash: string;
}

export type DocumentStatus = 'Pending' | 'Active' | 'Terminated' | 'Expired';

export interface DocumentSummary {
  id: number;
  status: DocumentStatus;
  createdAt: number;
  activeVersion: number | null;
  openVersion: number | null;
  /** Whether the account's signature is awaited on the open version. */
  awaitingSignature: boolean;
}

export interface HashRecord {
  algorithm: 'Blake2_256' | 'Sha2_256' | 'Keccak256' | 'Sha3_256';
  digest: string;
}

export type VersionStatus = 'Open' | { Accepted: { at: number } } | { Superseded: { at: number } };

export interface Signature {
  signer: string;
  at: number;
  relayed: { by: string; signature: string } | null;
}

export interface Version {
  index: number;
  kind: 'Original' | 'Amendment' | 'Termination';
  hash: HashRecord;
  uri: string;
  /** The BLAKE2b-256 of the reason's words (amendments and terminations). */
  reason: string | null;
  /** The reason's words, when the gateway keeps them. */
  reasonText?: string;
  proposedBy: string;
  proposedAt: number;
  status: VersionStatus;
  signatures: Signature[];
}

export interface DocumentView {
  id: number;
  creator: string;
  parent: number | null;
  parties: string[];
  signers: string[];
  validUntil: number | null;
  status: DocumentStatus;
  openVersion: number | null;
  activeVersion: number | null;
  supplements: number[];
  createdAt: number;
  deposit: string;
  versions: Version[];
}

export interface ChainEvent {
  id: number;
  type: string;
  block_number: number;
  block_hash: string;
  /** When its block was made (ms since 1970); null if the gateway indexed it before recording that. */
  block_time: number | null;
  extrinsic_index: number | null;
  data: Record<string, unknown>;
}

export interface CertificateView {
  hash: string;
  status: 'Valid' | 'Expired' | 'Revoked';
  issuer: string;
  orgCode: string;
  holder: string;
  certType: string;
  issuedAt: number;
  expiresAt: number | null;
  revoked: { by: string; at: number; reason: string } | null;
}
