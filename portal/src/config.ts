// What the gateway tells the app about itself (`/portal/config.json`).
export interface PortalConfig {
  /** The OAuth issuer: the gateway's public URL. */
  issuer: string;
  /** The portal's public OAuth client; null: the gateway offers no sign-in here. */
  client_id: string | null;
  /** A session ends after this long without the person doing anything. */
  session_idle_secs: number;
  /** A transaction's link: `{block_hash}`, `{block_number}` and `{index}` to fill in; null: none. */
  explorer_url: string | null;
}

/** The link to the extrinsic `index` of a block, if the gateway names an explorer. */
export function explorerLink(config: PortalConfig, block: { number: number; hash: string }, index: number): string | null {
  if (!config.explorer_url) return null;
  return config.explorer_url
    .replaceAll('{block_hash}', encodeURIComponent(block.hash))
    .replaceAll('{block_number}', String(block.number))
    .replaceAll('{index}', String(index));
}

export async function loadConfig(): Promise<PortalConfig> {
  const response = await fetch('/portal/config.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return (await response.json()) as PortalConfig;
}
