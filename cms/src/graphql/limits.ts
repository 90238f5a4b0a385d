import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

/** Partner-facing limits on top of the plugin's depthLimit (10). */
export const GRAPHQL_LIMITS = {
  maxAliases: 30,
  /** Values an operation may return at most, every list counted at its page size. */
  maxCost: 100_000,
  /** The plugin's pagination: `defaultLimit` and `maxLimit` (config/plugins.ts). */
  defaultPageSize: 25,
  maxPageSize: 100,
  /** A `limit` argument of our own resolvers (the change feed, contentChanges): at most this. */
  maxLimitArgument: 500,
} as const;

// Report a refusal as a validation error (HTTP 400 with a clear message), not a thrown one (500).
const asValidationError = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => {
      // Always a validation context here (these are validation rules); without one, refuse anyway.
      if (!context) throw error;
      context.reportError(error);
    },
  ],
};

const clampPageSize = (n: number) => (n >= 1 && n <= GRAPHQL_LIMITS.maxPageSize ? n : GRAPHQL_LIMITS.maxPageSize);

/** An argument's page size: a literal as given (capped as the plugin caps it), a variable at the worst (the value is not known yet). */
function literalPageSize(value: ValueNode | undefined, fallback: number): number {
  if (!value) return fallback;
  if (value.kind === Kind.INT) return clampPageSize(Number(value.value));
  if (value.kind === Kind.NULL) return fallback;
  return GRAPHQL_LIMITS.maxPageSize;
}

/**
 * The page size a field asks for, or null when it takes none: Strapi's `pagination: { limit }` or
 * `{ pageSize }` (25 by default, 100 at most), or a `pageSize` or `limit` argument of our own
 * resolvers (its declared default when absent).
 */
function pageSize(field: GraphQLField<unknown, unknown>, node: FieldNode): number | null {
  const given = (name: string) => node.arguments?.find((arg) => arg.name.value === name)?.value;
  if (field.args.some((arg) => arg.name === 'pagination')) {
    const pagination = given('pagination');
    if (!pagination || pagination.kind === Kind.NULL) return GRAPHQL_LIMITS.defaultPageSize;
    if (pagination.kind !== Kind.OBJECT) return GRAPHQL_LIMITS.maxPageSize;
    const part = (name: string) => pagination.fields.find((f) => f.name.value === name)?.value;
    const size = part('limit') ?? part('pageSize');
    return literalPageSize(size, GRAPHQL_LIMITS.defaultPageSize);
  }
  const argument = field.args.find((arg) => arg.name === 'pageSize');
  if (argument)
    return literalPageSize(
      given('pageSize'),
      typeof argument.defaultValue === 'number' ? argument.defaultValue : GRAPHQL_LIMITS.maxPageSize,
    );
  // Our own resolvers' `limit` (contentChanges): a literal as given, a variable at the most.
  const limit = field.args.find((arg) => arg.name === 'limit');
  if (limit) {
    const value = given('limit');
    if (!value || value.kind === Kind.NULL)
      return typeof limit.defaultValue === 'number' ? limit.defaultValue : GRAPHQL_LIMITS.maxLimitArgument;
    return value.kind === Kind.INT
      ? Math.min(Math.max(Number(value.value), 1), GRAPHQL_LIMITS.maxLimitArgument)
      : GRAPHQL_LIMITS.maxLimitArgument;
  }
  return null;
}

/**
 * What a selection may return, in values: a scalar counts 1, an object 1 plus its selection, a
 * list its page size times that. A list without a page size of its own takes its parent's (the
 * `nodes` of a `_connection`, of `organisationListing`), else the default. Fragments count where
 * they are spread; introspection fields count nothing.
 */
function selectionCost(
  context: ValidationContext,
  selectionSet: SelectionSetNode,
  type: GraphQLNamedType | undefined | null,
  parentPageSize: number | null,
  spreading: Set<string>,
): number {
  const schema = context.getSchema();
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
      cost += selectionCost(context, selection.selectionSet, on, parentPageSize, spreading);
    } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = context.getFragment(selection.name.value);
      if (!fragment || spreading.has(fragment.name.value)) continue; // unknown or cyclic: other rules report it
      spreading.add(fragment.name.value);
      cost += selectionCost(
        context,
        fragment.selectionSet,
        schema.getType(fragment.typeCondition.name.value),
        parentPageSize,
        spreading,
      );
      spreading.delete(fragment.name.value);
    } else {
      if (selection.name.value.startsWith('__')) continue;
      const field =
        type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[selection.name.value] : undefined;
      if (!field) continue; // unknown field: other rules report it
      const target = getNamedType(field.type);
      if (!isCompositeType(target) || !selection.selectionSet) {
        cost += 1;
        continue;
      }
      const own = pageSize(field, selection);
      const isList = isListType(getNullableType(field.type));
      const times = isList ? (own ?? parentPageSize ?? GRAPHQL_LIMITS.defaultPageSize) : 1;
      cost += times * (1 + selectionCost(context, selection.selectionSet, target, isList ? null : own, spreading));
    }
  }
  return cost;
}

/**
 * Refuses, before anything runs, an operation that may return more than `maxCost` values. It
 * replaces graphql-armor's cost rule, which multiplies only by literal `first`/`last` arguments:
 * Strapi pages with `pagination`, so 26 aliases of jobSheets → relatedJobs → relatedJobs cost
 * "little" there and could return millions of objects.
 */
export function paginationCostRule(maxCost: number = GRAPHQL_LIMITS.maxCost) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const root = context.getSchema().getRootType(operation.operation);
      const cost = selectionCost(context, operation.selectionSet, root, null, new Set());
      if (cost > maxCost) {
        context.reportError(
          new GraphQLError(
            `Query Cost limit of ${maxCost} exceeded, found ${cost}: every list counts at its page size ` +
              `(pagination limit or pageSize, ${GRAPHQL_LIMITS.defaultPageSize} by default, ${GRAPHQL_LIMITS.maxPageSize} at most). ` +
              'Ask for smaller pages or fewer nested lists.',
            { nodes: [operation] },
          ),
        );
      }
    },
  });
}

export function graphqlLimitRules() {
  return [
    maxAliasesRule({ n: GRAPHQL_LIMITS.maxAliases, exposeLimits: true, ...asValidationError }),
    paginationCostRule(),
  ];
}
