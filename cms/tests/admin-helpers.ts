import { getApp } from './strapi';

/** An admin of the given role (by code), logged in through /admin/login as the admin panel does. */
export async function adminAs(roleCode: string, language: string | null = null) {
  const { strapi, url } = await getApp();
  const role = await strapi.service('admin::role').findOne({ code: roleCode });
  if (!role) throw new Error(`no admin role ${roleCode}`);
  const email = `${roleCode}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.org`;
  const password = 'Editor-password-1';
  await strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: roleCode,
    password,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
    preferedLanguage: language,
  });
  const response = await fetch(`${url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body: any = await response.json();
  if (!body.data?.token) throw new Error(`admin login failed: ${JSON.stringify(body)}`);
  return new AdminClient(url, body.data.token as string);
}

export interface AdminResponse {
  status: number;
  body: any;
  text: string;
}

/** The admin API as the admin panel calls it, with one admin's JWT. */
export class AdminClient {
  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  async request(method: string, path: string, body?: unknown): Promise<AdminResponse> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: any = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    return { status: response.status, body: parsed, text };
  }

  /** The content manager's collection-type routes: `cm('GET', uid, '/abc?locale=fr')`. */
  cm(method: string, uid: string, path = '', body?: unknown) {
    return this.request(method, `/content-manager/collection-types/${uid}${path}`, body);
  }
}
