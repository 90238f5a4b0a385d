import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import type { GraphQLError, ValidationContext } from 'graphql';

/** Partner-facing limits on top of the plugin's depthLimit (10) and maxLimit (100). */
export const GRAPHQL_LIMITS = {
  maxAliases: 30,
  maxCost: 5000,
  objectCost: 2,
  scalarCost: 1,
  depthCostFactor: 1.5,
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

export function graphqlArmorRules() {
  return [
    maxAliasesRule({ n: GRAPHQL_LIMITS.maxAliases, exposeLimits: true, ...asValidationError }),
    costLimitRule({
      maxCost: GRAPHQL_LIMITS.maxCost,
      objectCost: GRAPHQL_LIMITS.objectCost,
      scalarCost: GRAPHQL_LIMITS.scalarCost,
      depthCostFactor: GRAPHQL_LIMITS.depthCostFactor,
      exposeLimits: true,
      ...asValidationError,
    }),
  ];
}
