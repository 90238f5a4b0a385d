import type { H3Event } from 'h3';
import { clientAddress } from '#shared/client-address';

/** The CMS origin the server talks to (runtime config `cmsUrl`, NUXT_CMS_URL). */
export function cmsUrl(): string {
  return useRuntimeConfig().cmsUrl.replace(/\/$/, '');
}

/**
 * Headers for a request the site's server makes to the CMS on a reader's behalf. The CMS
 * rate-limits registrations per reader IP: with SITE_FORWARDING_SECRET set (the same on both
 * sides) it is told the reader's address; a client can never supply either header itself (both
 * are always overwritten here).
 */
export function forwardingHeaders(event: H3Event): Record<string, string> {
  const secret = process.env.SITE_FORWARDING_SECRET ?? '';
  // Behind TRUSTED_PROXY_HOPS reverse proxies: shared/client-address.ts.
  const ip = clientAddress(
    getRequestHeader(event, 'x-forwarded-for'),
    event.node.req.socket?.remoteAddress ?? '',
    Number(process.env.TRUSTED_PROXY_HOPS ?? 0),
  );
  return {
    'x-forwarded-host': getRequestHost(event),
    'x-forwarded-for': ip,
    'x-site-forwarding-secret': secret && ip ? secret : '',
  };
}

export interface CmsGraphqlError {
  message: string;
  extensions?: {
    code?: string;
    field?: string | null;
    fieldErrors?: { field: string; code: string; message: string }[];
    [key: string]: unknown;
  };
}

/**
 * One GraphQL operation sent by the site's server to the CMS for the reader of `event` (form
 * posts, which must work without JavaScript). Resolves with the data and the GraphQL errors;
 * throws only when the CMS cannot be reached or answers something that is not GraphQL.
 */
export async function cmsGraphql<T>(
  event: H3Event,
  query: string,
  variables: Record<string, unknown> = {},
  { timeout = 15_000 }: { timeout?: number } = {},
): Promise<{ data: T | null; errors: CmsGraphqlError[] }> {
  const body = await $fetch<{ data?: T | null; errors?: CmsGraphqlError[] }>(`${cmsUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...forwardingHeaders(event) },
    body: { query, variables },
    // GraphQL errors come with 200 or 400: both are answers, not failures.
    ignoreResponseError: true,
    timeout,
  });
  if (!body || typeof body !== 'object' || !('data' in body || 'errors' in body))
    throw new Error('The CMS did not answer GraphQL');
  return { data: body.data ?? null, errors: body.errors ?? [] };
}
