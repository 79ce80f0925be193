// Sign-in through Keycloak with the authorization code flow and PKCE (S256), as the public client `mobile`, for the
// phone pages and the console alike: no secret in the page, the tokens only in this page's memory.
// /web/sign-in.json says where Keycloak is. Keycloak's pages are asked for in 简体中文, the platform's language.
const config = await (await fetch('/web/sign-in.json')).json();
const endpoint = config.issuer + '/protocol/openid-connect';
const redirectUri = location.origin + location.pathname;
let tokens = null;

const base64url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const random = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

export async function login() {
  const verifier = random();
  const state = random();
  // the address's fragment (the console's view) does not travel through Keycloak: kept here, restored on return
  sessionStorage.setItem('pkce', JSON.stringify({ verifier, state, fragment: location.hash }));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  location.assign(endpoint + '/auth?' + new URLSearchParams({
    client_id: config.clientId, response_type: 'code', scope: 'openid', redirect_uri: redirectUri, state,
    code_challenge: challenge, code_challenge_method: 'S256', ui_locales: 'zh-Hans',
  }));
}

/** Ends the Keycloak session too, so that the next person at this desk signs in as themselves. */
export function logout() {
  const hint = tokens?.id_token;
  tokens = null;
  location.assign(endpoint + '/logout?' + new URLSearchParams({ client_id: config.clientId,
    post_logout_redirect_uri: redirectUri, ...(hint ? { id_token_hint: hint } : {}) }));
}

async function grant(parameters) {
  const response = await fetch(endpoint + '/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: config.clientId, ...parameters }),
  });
  tokens = response.ok ? await response.json() : null;
  return tokens;
}

/** The signed-in user's claims after returning from Keycloak, or null when nobody has signed in. */
export async function signIn() {
  const params = new URLSearchParams(location.search);
  if (!params.has('code')) {
    return null;
  }
  const saved = JSON.parse(sessionStorage.getItem('pkce') || '{}');
  sessionStorage.removeItem('pkce');
  history.replaceState(null, '', redirectUri + (saved.fragment || '')); // the code is single-use: out of the history
  if (!saved.state || params.get('state') !== saved.state) {
    return null;
  }
  await grant({ grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri,
    code_verifier: saved.verifier });
  return claims();
}

function claims() {
  if (!tokens) {
    return null;
  }
  const payload = tokens.access_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
}

/** fetch() against the API with the access token, refreshed once when it has expired. */
export async function api(path, options = {}) {
  const call = () => fetch('/api' + path, {
    ...options, headers: { ...(options.headers || {}), Authorization: 'Bearer ' + tokens.access_token },
  });
  let response = await call();
  if (response.status === 401 && tokens.refresh_token
      && await grant({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })) {
    response = await call();
  }
  if (response.status === 401) {
    await login();
  }
  return response;
}
