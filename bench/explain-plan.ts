/**
 * One line per plan from explain("queryPlanner"). MongoDB answers a tree of stages
 * (LIMIT ← FETCH ← IXSCAN queue_school_status): printed as a chain with index names and
 * whether a blocking SORT appears. FerretDB answers its own shape (the PostgreSQL plan and
 * whether the filter and sort were pushed down): printed as those flags and the plan's first
 * line. How to read both is in docs/storage-and-ferretdb.md#queries-at-province-scale.
 */
type Plan = { stage?: string; indexName?: string; inputStage?: Plan; inputStages?: Plan[]; queryPlan?: Plan };

function chain(plan: Plan | undefined): string {
  if (!plan) return "?";
  const here = plan.stage ? `${plan.stage}${plan.indexName ? ` ${plan.indexName}` : ""}` : "?";
  const inner = plan.queryPlan ?? plan.inputStage;
  if (inner) return `${here} <- ${chain(inner)}`;
  if (plan.inputStages) return `${here} <- [${plan.inputStages.map(chain).join(", ")}]`;
  return here;
}

/** PostgreSQL's top plan node: its type and the filter FerretDB handed down, if any. */
function postgresNode(value: unknown): string {
  const node = (value ?? {}) as Record<string, unknown>;
  const type = String(node["Node Type"] ?? "?");
  // A parallel scan (Gather) carries its filter on the scan below it.
  const [inner] = Array.isArray(node.Plans) ? (node.Plans as unknown[]) : [];
  if (typeof node.Filter !== "string" && inner) return `${type} <- ${postgresNode(inner)}`;
  const filter =
    typeof node.Filter === "string" ? ` where ${node.Filter.slice(0, 110)}` : " (no filter: every row)";
  // PostgreSQL's estimate, from table statistics that may lag a fresh bulk insert.
  return `${type} est. ${String(node["Plan Rows"] ?? "?")} rows${filter}`;
}

export function describePlan(explained: unknown): string {
  const root = (Array.isArray(explained) ? explained[0] : explained) as Record<string, unknown>;
  // Aggregations put the find's plan in their first stage ($cursor) on MongoDB.
  const stages = root.stages as Array<Record<string, { queryPlanner?: unknown }>> | undefined;
  const planner = (root.queryPlanner ?? stages?.[0]?.$cursor?.queryPlanner) as
    | Record<string, unknown>
    | undefined;
  if (planner && "winningPlan" in planner) {
    const text = chain(planner.winningPlan as Plan);
    return `${text}${text.includes("SORT ") || text.startsWith("SORT") ? "  [in-memory sort]" : ""}`;
  }
  const flags = Object.entries(root)
    .filter(([key, value]) => typeof value === "boolean" || key.toLowerCase().includes("pushdown"))
    .map(([key, value]) => `${key}=${String(value)}`);
  const plan = planner?.Plan ?? planner ?? root;
  return `ferretdb: ${flags.join(" ")} | postgresql: ${postgresNode(plan)}`;
}
