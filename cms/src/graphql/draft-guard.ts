import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import type { KoaContext } from '../koa';
import { requestMayReadDrafts } from './batch-relations';

/** What this plugin reads of Apollo's request context (Apollo Server is the GraphQL plugin's, not ours). */
interface OperationContext {
  contextValue?: { koaContext?: KoaContext };
  document: DocumentNode;
  request: { variables?: Record<string, unknown> };
}

/**
 * Strapi lets any role with `find` read drafts by passing `status: DRAFT` (strapi/strapi#25326).
 * This Apollo plugin refuses, before execution, any operation that asks for drafts anywhere in
 * its document (root fields, nested relations, fragments, variables), unless the request carries
 * a full-access API token.
 */
export function asksForDrafts(document: DocumentNode, variables: Record<string, unknown> = {}): boolean {
  let found = false;
  visit(document, {
    Argument(node) {
      if (node.name.value !== 'status') return;
      const value = node.value;
      if (value.kind === Kind.ENUM && value.value === 'DRAFT') found = true;
      if (value.kind === Kind.VARIABLE && String(variables[value.name.value] ?? '').toUpperCase() === 'DRAFT') found = true;
    },
  });
  return found;
}

export const draftGuardPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation(requestContext: OperationContext) {
        const ctx = requestContext.contextValue?.koaContext;
        if (requestMayReadDrafts(ctx)) return;
        if (asksForDrafts(requestContext.document, requestContext.request.variables ?? {})) {
          throw new GraphQLError('Drafts are not available through the public API: ask for published content.', {
            extensions: { code: 'FORBIDDEN', http: { status: 403 } },
          });
        }
      },
    };
  },
};
