/**
 * The outline reference as Markdown, generated from the JSON Schema (itself generated from the
 * zod schema), so the documentation cannot drift from what deckgen accepts.
 */
type Json = { [key: string]: unknown };

const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

function resolve(node: Json, root: Json): Json {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const name = ref.replace('#/definitions/', '');
  return (root.definitions as Record<string, Json>)[name] ?? node;
}

/** A short type description; a schema that refers to itself (nested bullets) is named, not expanded. */
function typeOf(node: Json, root: Json, inside: ReadonlySet<unknown> = new Set()): string {
  if (typeof node.$ref === 'string' && inside.has(node.$ref)) return 'the same (nested)';
  const within = typeof node.$ref === 'string' ? new Set([...inside, node.$ref]) : inside;
  const n = resolve(node, root);
  if (Array.isArray(n.enum)) return n.enum.map((v) => `\`${String(v)}\``).join(', ');
  const alts = (n.anyOf ?? n.oneOf) as Json[] | undefined;
  if (alts) return [...new Set(alts.map((a) => typeOf(a, root, within)))].join(' or ');
  if (n.type === 'array') return `list of ${typeOf((n.items as Json) ?? {}, root, within)}`;
  if (Array.isArray(n.type)) return n.type.join(' or ');
  if (n.type === 'object') return 'mapping';
  return typeof n.type === 'string' ? (n.type === 'string' && n.pattern === '^#?[0-9a-fA-F]{6}$' ? 'colour' : n.type) : 'any';
}

/** The mapping behind a node, looking through lists and alternatives. */
function mappingOf(node: Json, root: Json): Json | undefined {
  const n = resolve(node, root);
  if (isObj(n.properties)) return n;
  if (n.type === 'array' && isObj(n.items)) return mappingOf(n.items, root);
  for (const alt of ((n.anyOf ?? n.oneOf) as Json[] | undefined) ?? []) {
    const m = mappingOf(alt, root);
    if (m) return m;
  }
  return undefined;
}

export function referenceMarkdown(root: Json): string {
  const sections: string[] = [];
  // The same mapping (a citation) appears under many keys: describe it once, where it first appears.
  const seen = new Set<string>();
  const visit = (title: string, node: Json): void => {
    const key = JSON.stringify(node);
    if (seen.has(key)) return;
    seen.add(key);
    const required = new Set((node.required as string[] | undefined) ?? []);
    const rows = Object.entries(node.properties as Record<string, Json>).map(([key, value]) => {
      const v = resolve(value, root);
      const example = Array.isArray(v.examples) && v.examples.length ? `Example: ${v.examples.map((e) => `\`${typeof e === 'object' && e !== null ? JSON.stringify(e) : String(e)}\``).join(', ')}.` : undefined;
      const notes = [v.description as string | undefined, v.default !== undefined ? `Default: \`${JSON.stringify(v.default)}\`.` : undefined, example].filter(Boolean).join(' ');
      return `| \`${key}\`${required.has(key) ? ' (required)' : ''} | ${typeOf(value, root)} | ${notes.replace(/\|/g, '\\|')} |`;
    });
    sections.push(`## ${title}\n\n${(node.description as string | undefined) ?? ''}\n\n| Key | Type | Meaning |\n| --- | --- | --- |\n${rows.join('\n')}\n`);
    for (const [key, value] of Object.entries(node.properties as Record<string, Json>)) {
      const child = mappingOf(value, root);
      if (child) visit(title === 'Outline' ? `\`${key}\`` : `${title} → \`${key}\``, child);
    }
  };
  visit('Outline', root);
  return `# Outline reference\n\nGenerated from \`deck.schema.json\` by \`npm run schema\`; do not edit by hand. See the README for examples of every layout.\n\n${sections.join('\n')}`;
}
