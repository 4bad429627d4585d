// Signing in and out: the gateway's OAuth 2.0 authorisation-code flow with PKCE (oauth4webapi),
// for the portal's public client.
//
// The tokens live in this module's memory only, never in browser storage: reloading the page
// signs the person out. Only the one-time PKCE verifier and state sit in sessionStorage between
// leaving for the sign-in page and coming back. The session ends by itself after
// `session_idle_secs` without a key press, click or touch (its refresh token is revoked), and
// access tokens are refreshed while the person is active.
import * as oauth from 'oauth4webapi';
import type { PortalConfig } from './config';

export interface Identity {
  subject: string;
  client_id: string;
  scopes: string[];
  /** The chain account (SS58) the person acts for; null if none. */
  account: string | null;
  /**
   * For a client registered through the gateway: `self` (signs with its own key, in the portal)
   * or `gateway` (the gateway holds its key); null otherwise.
   */
  custody: 'self' | 'gateway' | null;
}

export type SessionState =
  | { status: 'signedOut'; reason?: 'idle' | 'signedOut' | 'failed'; detail?: string }
  | { status: 'signedIn'; identity: Identity };

const PENDING = 'pactum.signIn';
const REFRESH_MARGIN_MS = 60_000;
const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

interface Tokens {
  access: string;
  refresh: string | undefined;
  expiresAt: number;
}

export class Session {
  private state: SessionState = { status: 'signedOut' };
  private tokens: Tokens | null = null;
  private server: oauth.AuthorizationServer | null = null;
  private readonly listeners = new Set<() => void>();
  private idleTimer: number | undefined;
  private refreshing: Promise<void> | null = null;

  constructor(readonly config: PortalConfig) {
    for (const type of ACTIVITY) {
      window.addEventListener(type, () => this.active(), { passive: true, capture: true });
    }
  }

  get canSignIn(): boolean {
    return this.config.client_id !== null;
  }

  snapshot = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  private client(): oauth.Client {
    if (!this.config.client_id) throw new Error('no portal client configured');
    return { client_id: this.config.client_id };
  }

  /** The callback registered for the portal's client: on the gateway's public address. */
  private redirectUri(): string {
    return `${this.config.issuer}/portal/callback`;
  }

  /** Plain http is allowed for a gateway on this machine only (development, tests). */
  private options(): { [oauth.allowInsecureRequests]?: boolean } {
    const issuer = new URL(this.config.issuer);
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
    return issuer.protocol === 'http:' && loopback ? { [oauth.allowInsecureRequests]: true } : {};
  }

  private async authorizationServer(): Promise<oauth.AuthorizationServer> {
    if (!this.server) {
      const issuer = new URL(this.config.issuer);
      const response = await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...this.options() });
      this.server = await oauth.processDiscoveryResponse(issuer, response);
    }
    return this.server;
  }

  /** Leaves for the gateway's sign-in page; `returnTo` is the portal path to come back to. */
  async signIn(returnTo: string): Promise<void> {
    const server = await this.authorizationServer();
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo }));
    const url = new URL(server.authorization_endpoint ?? `${this.config.issuer}/oauth/authorize`);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', this.client().client_id);
    url.searchParams.set('redirect_uri', this.redirectUri());
    url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
    url.searchParams.set('code_challenge_method', 'S256');
    url.searchParams.set('state', state);
    window.location.assign(url.href);
  }

  /** Completes a sign-in on the callback page; answers the portal path to go on to. */
  async completeSignIn(): Promise<string> {
    const pending = sessionStorage.getItem(PENDING);
    sessionStorage.removeItem(PENDING);
    if (!pending) throw new Error('no sign-in was started from this tab');
    const { verifier, state, returnTo } = JSON.parse(pending) as {
      verifier: string;
      state: string;
      returnTo: string;
    };
    const server = await this.authorizationServer();
    const client = this.client();
    const params = oauth.validateAuthResponse(server, client, new URL(window.location.href), state);
    const response = await oauth.authorizationCodeGrantRequest(
      server,
      client,
      oauth.None(),
      params,
      this.redirectUri(),
      verifier,
      this.options(),
    );
    const tokens = await oauth.processAuthorizationCodeResponse(server, client, response);
    this.keep(tokens);
    this.active();
    try {
      await this.loadIdentity();
    } catch (error) {
      await this.signOut('signedOut');
      throw error;
    }
    return returnTo.startsWith('/') ? returnTo : '/';
  }

  private keep(tokens: oauth.TokenEndpointResponse): void {
    this.tokens = {
      access: tokens.access_token,
      refresh: tokens.refresh_token ?? this.tokens?.refresh,
      expiresAt: Date.now() + (tokens.expires_in ?? 600) * 1000,
    };
  }

  private async loadIdentity(): Promise<void> {
    const response = await fetch('/v1/whoami', {
      headers: { authorization: `Bearer ${await this.accessToken()}` },
    });
    if (!response.ok) throw new Error(`whoami: HTTP ${response.status}`);
    this.set({ status: 'signedIn', identity: (await response.json()) as Identity });
  }

  /** A valid access token, refreshed first when it is about to expire; null when signed out. */
  async accessToken(): Promise<string | null> {
    if (!this.tokens) return null;
    if (this.tokens.expiresAt - Date.now() < REFRESH_MARGIN_MS && this.tokens.refresh) {
      this.refreshing ??= this.refresh().finally(() => {
        this.refreshing = null;
      });
      await this.refreshing;
    }
    return this.tokens?.access ?? null;
  }

  /**
   * A new access token for the refresh token. The gateway refusing it ends the session; a network
   * failure keeps it, to try again on the next call. A session ended meanwhile stays ended.
   */
  private async refresh(): Promise<void> {
    const refresh = this.tokens?.refresh;
    if (!refresh) return;
    let tokens: oauth.TokenEndpointResponse;
    try {
      const server = await this.authorizationServer();
      const client = this.client();
      const response = await oauth.refreshTokenGrantRequest(server, client, oauth.None(), refresh, this.options());
      tokens = await oauth.processRefreshTokenResponse(server, client, response);
    } catch (error) {
      if (error instanceof oauth.ResponseBodyError && this.tokens?.refresh === refresh) this.end('failed');
      return;
    }
    if (this.tokens?.refresh === refresh) this.keep(tokens);
  }

  /** Someone did something: the idle clock starts again. */
  private active(): void {
    if (!this.tokens) return;
    window.clearTimeout(this.idleTimer);
    this.idleTimer = window.setTimeout(() => void this.signOut('idle'), this.config.session_idle_secs * 1000);
  }

  /** Ends the session: the refresh token is revoked at the gateway (with it, its access tokens). */
  async signOut(reason: 'idle' | 'signedOut' = 'signedOut'): Promise<void> {
    const tokens = this.tokens;
    this.end(reason);
    if (!tokens) return;
    try {
      const server = await this.authorizationServer();
      await oauth.revocationRequest(server, this.client(), oauth.None(), tokens.refresh ?? tokens.access, this.options());
    } catch {
      // the tokens are gone from this page whatever the gateway answered
    }
  }

  private end(reason: 'idle' | 'signedOut' | 'failed'): void {
    window.clearTimeout(this.idleTimer);
    this.tokens = null;
    this.set({ status: 'signedOut', reason });
  }
}
