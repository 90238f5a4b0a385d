import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CMS_URL } from './helpers';

/**
 * Driving the Strapi admin panel (built by scripts/test.mjs, served by the CMS at CMS_URL) in
 * Chromium as an editor does: admins of a given role created through the admin API (invited by
 * the super admin, then registered with their invitation, as a new editor is), logged in through
 * the login form, in the admin language of their profile.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const ROLES = {
  publisher: 'academy-publisher',
  registrations: 'academy-registrations-manager',
  translator: (locale: string) => `academy-translator-${locale}`,
  superAdmin: 'strapi-super-admin',
} as const;

export interface AdminResponse {
  status: number;
  body: any;
}

/** The admin API with one admin's JWT, as the admin panel calls it. */
export class AdminApi {
  constructor(readonly token: string) {}

  async request(method: string, path: string, body?: unknown): Promise<AdminResponse> {
    const response = await fetch(`${CMS_URL}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: any;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed };
  }

  /** Like request, but throws unless the answer is 2xx; resolves with the body. */
  async ok(method: string, path: string, body?: unknown): Promise<any> {
    const response = await this.request(method, path, body);
    if (response.status >= 300)
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** The content manager's collection-type routes: `cm('GET', uid, '/abc?locale=fr')`. */
  cm(method: string, uid: string, path = '', body?: unknown) {
    return this.request(method, `/content-manager/collection-types/${uid}${path}`, body);
  }
}

export async function loginApi(email: string, password: string): Promise<AdminApi> {
  const response = await fetch(`${CMS_URL}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as { data?: { token?: string } };
  if (!body.data?.token) throw new Error(`admin login of ${email} failed: ${JSON.stringify(body)}`);
  return new AdminApi(body.data.token);
}

let superAdminApi: Promise<AdminApi> | undefined;
/** The development super admin scripts/test.mjs starts the CMS with (CMS_ADMIN_EMAIL / CMS_ADMIN_PASSWORD). */
export function superAdmin(): Promise<AdminApi> {
  const email = process.env.CMS_ADMIN_EMAIL;
  const password = process.env.CMS_ADMIN_PASSWORD;
  if (!email || !password) throw new Error('CMS_ADMIN_EMAIL and CMS_ADMIN_PASSWORD come from scripts/test.mjs');
  superAdminApi ??= loginApi(email, password);
  return superAdminApi;
}

export interface Editor {
  email: string;
  password: string;
  firstname: string;
  language: 'en' | 'fr' | 'it' | 'es';
  roleCode: string;
  /** The admin API with this editor's own JWT (what the panel sends on their behalf). */
  api: AdminApi;
}

/**
 * A new admin of the role `roleCode` (a role's code: ROLES), invited by the super admin and
 * registered with the invitation's token, whose profile's interface language is `language`.
 */
export async function createEditor(roleCode: string, language: Editor['language'] = 'en'): Promise<Editor> {
  const admin = await superAdmin();
  const roles: Array<{ id: number; code: string }> = (await admin.ok('GET', '/admin/roles')).data;
  const role = roles.find((r) => r.code === roleCode);
  if (!role) throw new Error(`no admin role ${roleCode} (${roles.map((r) => r.code).join(', ')})`);
  const n = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const firstname = `Ed${n}`;
  const email = `${roleCode}-${n}@example.org`;
  const password = `Editor-${n}-Pw1`;
  const invited = await admin.ok('POST', '/admin/users', {
    firstname,
    lastname: roleCode,
    email,
    roles: [role.id],
  });
  const registrationToken = invited.data.registrationToken as string;
  await fetch(`${CMS_URL}/admin/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ registrationToken, userInfo: { firstname, lastname: roleCode, password } }),
  }).then(async (r) => {
    if (!r.ok) throw new Error(`registering ${email}: ${r.status} ${await r.text()}`);
  });
  const api = await loginApi(email, password);
  await api.ok('PUT', '/admin/users/me', { preferedLanguage: language });
  return { email, password, firstname, language, roleCode, api };
}

/** A browser context on the admin, in the editor's language, with a stable viewport for screenshots. */
export function adminContext(browser: Browser, language: Editor['language'] = 'en'): Promise<BrowserContext> {
  const locale = { en: 'en-GB', fr: 'fr-FR', it: 'it-IT', es: 'es-ES' }[language];
  return browser.newContext({
    baseURL: CMS_URL,
    locale,
    timezoneId: 'Europe/Paris',
    viewport: { width: 1440, height: 1000 },
  });
}

/** Logs `editor` in through the admin's login form; resolves on their home page. */
export async function login(page: Page, editor: Pick<Editor, 'email' | 'password' | 'firstname'>): Promise<void> {
  await page.goto('/admin/auth/login');
  await page.locator('input[name="email"]').fill(editor.email);
  await page.locator('input[name="password"]').fill(editor.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/admin/auth'), { timeout: 60_000 });
  // The home greets the editor by their first name ("Hello …", "Bonjour …").
  await page.getByRole('heading', { level: 1, name: new RegExp(editor.firstname) }).waitFor({ timeout: 120_000 });
}

const sessions = new Map<string, { browser: Browser; context: Promise<BrowserContext> }>();
/**
 * A new page on the home of the admin, logged in as `editor`, in their language. Each editor logs
 * in once per browser (the admin allows only a few logins per account within minutes): their
 * pages share that session's context; close the page, not the context.
 */
export async function openAdmin(browser: Browser, editor: Editor): Promise<{ context: BrowserContext; page: Page }> {
  let session = sessions.get(editor.email);
  if (!session || session.browser !== browser) {
    session = {
      browser,
      context: (async () => {
        const context = await adminContext(browser, editor.language);
        const first = await context.newPage();
        await login(first, editor);
        await first.close();
        return context;
      })(),
    };
    sessions.set(editor.email, session);
  }
  const context = await session.context;
  const page = await context.newPage();
  await page.goto('/admin');
  await page.getByRole('heading', { level: 1, name: new RegExp(editor.firstname) }).waitFor({ timeout: 120_000 });
  return { context, page };
}

/** An admin page by its path under /admin (`content-manager/…`, `translation-status`), once loaded. */
export async function gotoAdmin(page: Page, path: string): Promise<void> {
  await page.goto(`/admin/${path.replace(/^\//, '')}`);
  await page.waitForLoadState('networkidle');
}

/** The edit view of an entry of a collection type, in one locale. */
export function editViewPath(uid: string, documentId: string | 'create', locale: string): string {
  return `content-manager/collection-types/${uid}/${documentId}?plugins[i18n][locale]=${locale}`;
}

/** The links of the content manager's menu of types (their names as shown). */
export async function contentTypeLinks(page: Page): Promise<string[]> {
  await gotoAdmin(page, 'content-manager');
  await page.locator('nav a[href*="/content-manager/collection-types/"]').first().waitFor({ timeout: 60_000 });
  return (await page.locator('nav a[href*="/content-manager/"]').allTextContents()).map((t) => t.trim());
}

export interface AxeSplit {
  /** Violations on elements of our own admin pages (inside `ours`). */
  ours: string[];
  /** Violations elsewhere: Strapi's own UI (menus, header, widgets it ships). */
  strapi: string[];
}

/**
 * axe (WCAG 2.2 AA) on the current admin page, its violations split between the elements inside
 * `ours` (a selector of what this project renders) and the rest (Strapi's own UI).
 */
export async function axeAdmin(page: Page, ours: string | null): Promise<AxeSplit> {
  // A selector that matches nothing would count every violation as Strapi's.
  if (ours !== null && (await page.locator(ours).count()) === 0) throw new Error(`axeAdmin: nothing matches ${ours}`);
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const split: AxeSplit = { ours: [], strapi: [] };
  for (const violation of result.violations) {
    const mine = [];
    const theirs = [];
    for (const node of violation.nodes) {
      const target = node.target.join(' ');
      const inside =
        ours !== null &&
        (await page
          .locator(target)
          .first()
          .evaluate((el, selector) => !!el.closest(selector), ours)
          .catch(() => false));
      (inside ? mine : theirs).push(target);
    }
    if (mine.length) split.ours.push(`${violation.id}: ${mine.slice(0, 3).join(', ')}`);
    if (theirs.length) split.strapi.push(`${violation.id}: ${theirs.slice(0, 3).join(', ')}`);
  }
  return split;
}

let screenshotDir: string | undefined;
/** Saves a full-page screenshot in a temporary directory (ADMIN_SCREENSHOTS, else a new one); resolves with its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  screenshotDir ??= process.env.ADMIN_SCREENSHOTS || mkdtempSync(join(tmpdir(), 'academy-admin-screens-'));
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  console.log(`[admin] screenshot ${path}`);
  return path;
}
