import { Card, CardBody } from "@/components/ui/card";

// Renders the OpenAPI document's operations: one card per operation with its
// parameters and body fields, straight from the zod-generated JSON Schemas.

interface JsonSchema {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  maximum?: number;
  minimum?: number;
  maxLength?: number;
  maxItems?: number;
  default?: unknown;
}

interface Operation {
  summary: string;
  description?: string;
  tags: string[];
  parameters?: { name: string; in: string; required: boolean; schema: JsonSchema }[];
  requestBody?: { content: { "application/json": { schema: JsonSchema } } };
  responses: Record<string, { description: string }>;
}

function typeOf(s: JsonSchema | undefined): string {
  if (!s) return "any";
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.anyOf) return s.anyOf.map(typeOf).join(" | ");
  if (s.type === "array") return `${typeOf(s.items)}[]`;
  if (Array.isArray(s.type)) return s.type.join(" | ");
  return s.type ?? "object";
}

function constraints(s: JsonSchema): string {
  const parts: string[] = [];
  if (s.minimum !== undefined) parts.push(`min ${s.minimum}`);
  if (s.maximum !== undefined) parts.push(`max ${s.maximum}`);
  if (s.maxLength !== undefined) parts.push(`max length ${s.maxLength}`);
  if (s.maxItems !== undefined) parts.push(`max ${s.maxItems} items`);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  return parts.join(", ");
}

function FieldTable({ rows }: { rows: { name: string; schema: JsonSchema; required: boolean }[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-xs">
        <thead className="text-ink-subtle">
          <tr>
            <th className="py-1 pr-4 font-semibold">Name</th>
            <th className="py-1 pr-4 font-semibold">Type</th>
            <th className="py-1 font-semibold">Notes</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.name}>
              <td className="py-1.5 pr-4 font-mono text-ink">
                {r.name}
                {r.required ? <span className="text-red-700"> *</span> : null}
              </td>
              <td className="py-1.5 pr-4 font-mono text-ink-muted">{typeOf(r.schema)}</td>
              <td className="py-1.5 text-ink-muted">{[r.schema.description, constraints(r.schema)].filter(Boolean).join(" · ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ApiReference({ paths }: { paths: Record<string, Record<string, Operation>> }) {
  const ops = Object.entries(paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  const tags = [...new Set(ops.map((o) => o.op.tags[0] ?? "Other"))];
  return (
    <div className="space-y-10">
      {tags.map((tag) => (
        <section key={tag} className="space-y-4" aria-labelledby={`tag-${tag.replace(/\W+/g, "-")}`}>
          <h2 id={`tag-${tag.replace(/\W+/g, "-")}`} className="text-xl font-semibold text-ink">
            {tag}
          </h2>
          {ops
            .filter((o) => (o.op.tags[0] ?? "Other") === tag)
            .map(({ path, method, op }) => {
              const body = op.requestBody?.content["application/json"].schema;
              return (
                <Card key={`${method} ${path}`}>
                  <CardBody className="space-y-3">
                    <h3 className="flex flex-wrap items-center gap-2 font-mono text-sm">
                      <span className="rounded bg-brand-100 px-2 py-0.5 font-semibold text-brand-800 uppercase">{method}</span>
                      <span className="text-ink">{path}</span>
                    </h3>
                    <p className="text-sm font-medium text-ink">{op.summary}</p>
                    {op.description ? <p className="text-sm whitespace-pre-line text-ink-muted">{op.description}</p> : null}
                    {op.parameters?.length ? (
                      <div>
                        <h4 className="mb-1 text-xs font-semibold tracking-wide text-ink-subtle uppercase">Parameters</h4>
                        <FieldTable rows={op.parameters.map((p) => ({ name: `${p.name} (${p.in})`, schema: p.schema, required: p.required }))} />
                      </div>
                    ) : null}
                    {body?.properties ? (
                      <div>
                        <h4 className="mb-1 text-xs font-semibold tracking-wide text-ink-subtle uppercase">Body</h4>
                        <FieldTable
                          rows={Object.entries(body.properties).map(([name, schema]) => ({ name, schema, required: body.required?.includes(name) ?? false }))}
                        />
                      </div>
                    ) : null}
                    <p className="text-xs text-ink-subtle">
                      Responses: {Object.entries(op.responses).map(([code, r]) => `${code} ${r.description}`).join(" · ")}
                    </p>
                  </CardBody>
                </Card>
              );
            })}
        </section>
      ))}
    </div>
  );
}
