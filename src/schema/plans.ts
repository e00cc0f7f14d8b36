// Root fields answered by their read plan when the store takes plans (Neo4j), in one statement; otherwise, or when
// the selection has a part plans do not cover, `undefined`, and the resolver asks its loaders as before.
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.ts';
import { planFor } from '../plan/from-selection.ts';
import type { PlanResultByRoot, PlanRoot, RootArgsByRoot } from '../plan/plan.ts';

export async function planned<R extends PlanRoot>(
  ctx: Context,
  info: GraphQLResolveInfo,
  root: R,
  args: RootArgsByRoot[R],
): Promise<PlanResultByRoot[R] | undefined> {
  // The embedded store answers through its loaders: no plan is built for it.
  if (!ctx.store.runPlan || !ctx.config.READ_PLANS) return undefined;
  const built = planFor(info);
  if (!built || built.plan.root !== root) return undefined;
  const traversals = built.bind(info.variableValues, ctx.config);
  if (!traversals) return undefined;
  return (await ctx.store.runPlan(built.plan, { root: args, traversals })) as PlanResultByRoot[R];
}
