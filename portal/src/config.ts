// What the gateway tells the app about itself (`/portal/config.json`).
export interface PortalConfig {
  /** The OAuth issuer: the gateway's public URL. */
  issuer: string;
  /** The portal's public OAuth client; null: the gateway offers no sign-in here. */
  client_id: string | null;
  /** A session ends after this long without the person doing anything. */
  session_idle_secs: number;
}

export async function loadConfig(): Promise<PortalConfig> {
  const response = await fetch('/portal/config.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return (await response.json()) as PortalConfig;
}
