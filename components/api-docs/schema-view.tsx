/** A JSON Schema (as zod-to-openapi writes it) for people: fields, types, required, limits. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
  description?: string;
  format?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
};

/** One line for a schema that is not an object: "string, at most 100 characters", "A | B". */
export function typeText(schema: JsonSchema): string {
  if (schema.$ref) return schema.$ref.split("/").at(-1) ?? "object";
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.map(typeText).join(" or ");
  if (schema.type === "array" && schema.items) return `array of ${typeText(schema.items)}${limits(schema)}`;
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
  return `${type}${schema.format ? ` (${schema.format})` : ""}${limits(schema)}`;
}

function limits(s: JsonSchema): string {
  const parts = [
    s.minLength !== undefined && `at least ${s.minLength} characters`,
    s.maxLength !== undefined && `at most ${s.maxLength} characters`,
    s.minimum !== undefined && `≥ ${s.minimum}`,
    s.exclusiveMinimum !== undefined && `> ${s.exclusiveMinimum}`,
    s.maximum !== undefined && `≤ ${s.maximum}`,
    s.minItems !== undefined && `at least ${s.minItems} items`,
    s.maxItems !== undefined && `at most ${s.maxItems} items`,
    s.default !== undefined && `default ${JSON.stringify(s.default)}`,
  ].filter(Boolean);
  return parts.length ? `, ${parts.join(", ")}` : "";
}

/** Nested fields of an object schema (and of an array of objects), as a definition list. */
export function SchemaView({ schema }: { schema: JsonSchema }) {
  const object = schema.type === "array" && schema.items?.properties ? schema.items : schema;
  if (!object.properties) return <p className="font-mono text-xs text-stone-700">{typeText(schema)}</p>;
  return (
    <div className="space-y-1">
      {object !== schema && <p className="text-xs text-stone-600">An array of:</p>}
      <ul className="space-y-1 border-l border-stone-200 pl-3">
        {Object.entries(object.properties).map(([name, field]) => (
          <li key={name} className="text-xs">
            <code className="font-mono font-medium">{name}</code>
            <span className="text-stone-600">
              {" "}
              {object.required?.includes(name) ? "required" : "optional"}
              {field.items?.properties ? ` · array${limits(field)}` : field.properties ? "" : ` · ${typeText(field)}`}
            </span>
            {field.description && <span className="block text-stone-600">{field.description}</span>}
            {(field.properties || field.items?.properties) && (
              <div className="mt-1">
                <SchemaView schema={field} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
