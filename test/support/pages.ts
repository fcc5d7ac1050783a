// A signed-in browser session for server.inject page tests: a cookie jar and the CSRF crumb.
import { DEMO_PASSWORD, demoAuthorities, demoEmail, demoRoles } from '../../seeds/demo-data';
import type { Role } from '../../src/platform/auth/roles';
import type { TestApp } from './app';

export interface PageSession {
  get(url: string): Promise<{ statusCode: number; payload: string; headers: Record<string, unknown> }>;
  post(
    url: string,
    form: Record<string, string | string[]>,
  ): Promise<{ statusCode: number; payload: string; headers: Record<string, unknown> }>;
  /** The session's Cookie header and CSRF crumb, for requests get and post do not make. */
  cookie(): string;
  crumb: string;
}

/** The cookies a response sets, by name. */
export function cookiesOf(res: { headers: Record<string, unknown> }): Record<string, string> {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [String(raw)] : [];
  return Object.fromEntries(list.map((c: string) => c.split(';')[0].split('=')).map(([k, ...v]) => [k, v.join('=')]));
}

/** A Cookie header for a jar of cookies. */
export const cookieHeader = (jar: Record<string, string>) =>
  Object.entries(jar)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');

/** A urlencoded form body; a list sends the field once per value, as checkboxes do. */
function formBody(form: Record<string, string | string[]>): string {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const x of ([] as string[]).concat(v)) body.append(k, x);
  return body.toString();
}

export async function pageSession(
  app: TestApp,
  role: Role,
  authority: 'DEMO' | 'OTHER' = 'DEMO',
): Promise<PageSession> {
  const jar: Record<string, string> = {};
  const cookie = () => cookieHeader(jar);
  const form = await app.server.inject('/sign-in');
  Object.assign(jar, cookiesOf(form));
  const crumb = /name="crumb" value="([^"]+)"/.exec(form.payload)![1];
  const a = demoAuthorities.find((x) => x.code === authority)!;
  const email = demoEmail(demoRoles.find((r) => r.role === role)!.local, a.domain);
  const signedIn = await app.server.inject({
    method: 'POST',
    url: '/sign-in',
    payload: { email, password: DEMO_PASSWORD, crumb },
    headers: { cookie: cookie() },
  });
  if (signedIn.statusCode !== 303) throw new Error(`page sign-in for ${role} failed: ${signedIn.statusCode}`);
  Object.assign(jar, cookiesOf(signedIn));
  return {
    cookie,
    crumb,
    get: (url) => app.server.inject({ url, headers: { cookie: cookie() } }),
    post: (url, body) =>
      app.server.inject({
        method: 'POST',
        url,
        payload: formBody({ ...body, crumb }),
        headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
      }),
  };
}

/** A photo form as a browser posts it: multipart, with the session's crumb (an empty file name is "none chosen"). */
export function uploadPhoto(
  app: TestApp,
  session: PageSession,
  url: string,
  file: { name: string; type: string; bytes: Buffer | string },
) {
  const boundary = `----form${Math.random().toString(16).slice(2)}`;
  const part = (head: string, body: Buffer | string) => [
    Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`),
    Buffer.from(body),
    Buffer.from('\r\n'),
  ];
  const payload = Buffer.concat([
    ...part('Content-Disposition: form-data; name="crumb"', session.crumb),
    ...part(
      `Content-Disposition: form-data; name="photo"; filename="${file.name}"\r\nContent-Type: ${file.type}`,
      file.bytes,
    ),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return app.server.inject({
    method: 'POST',
    url,
    payload,
    headers: { cookie: session.cookie(), 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}
