import fc from 'fast-check';

/** The parts of an OpenAPI 3.0 schema (as @fastify/swagger writes them from zod) the fuzzer reads. */
export interface Schema {
  type?: string;
  enum?: unknown[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}

/** Text a bureau's data never holds but an attacker or a broken client sends. */
export const HOSTILE_STRINGS = [
  "' OR 1=1 --",
  '1; DROP TABLE enterprise; --',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '=HYPERLINK("http://evil.example","点我")',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\u0000',
  'a\u0000b',
  'a\ud800b',
  '\u202e\u200b\ufeff',
  '𠀀𪚥👍'.repeat(50),
  '%s%s%s%n',
  '${7*7}{{7*7}}',
  'x'.repeat(100_000),
  '企'.repeat(20_000),
  ' ',
  '',
  '-1',
  '9'.repeat(40),
  'NaN',
  '1e309',
  '2020-02-30',
  '0000-00-00',
  'null',
  '__proto__',
  'constructor',
];

const hostileString = fc.constantFrom(...HOSTILE_STRINGS);
const wrongType = fc.constantFrom<unknown>(
  null,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  true,
  false,
  [],
  {},
  'x',
  [null],
  {
    __proto__: { admin: true },
  },
);

const CHINESE = '辰溪县科技局企业项目专利特派员湖南怀化有限公司农业推广甲乙丙丁';
const text = (min: number, max: number) =>
  fc.string({
    unit: fc.constantFrom(...CHINESE, 'a', 'Z', '0', '9', ' ', '-'),
    minLength: min,
    maxLength: max,
  });

const date = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Values the schema accepts, roughly: most requests should get past validation into the route. */
function conforming(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => valueFor(s, depth)));
  if (schema.allOf?.length) return valueFor(schema.allOf[0]!, depth);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      if (schema.pattern?.includes('\\d{4}-\\d{2}-\\d{2}') || schema.format === 'date') return date;
      return text(schema.minLength ?? 0, Math.min(schema.maxLength ?? 40, 40));
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? -1000, Number.MIN_SAFE_INTEGER),
        max: Math.min(schema.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER),
      });
    case 'number':
      return fc.double({
        noNaN: true,
        noDefaultInfinity: true,
        min: schema.minimum ?? -1e9,
        max: schema.maximum ?? 1e9,
      });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 3
        ? fc.constant([])
        : fc.array(valueFor(schema.items ?? {}, depth + 1), { maxLength: 4 });
    case 'object': {
      if (depth > 3 || !schema.properties) return fc.constant({});
      const required = new Set(schema.required ?? []);
      const keys = Object.keys(schema.properties);
      return fc.record(
        Object.fromEntries(keys.map((k) => [k, valueFor(schema.properties![k]!, depth + 1)])),
        { requiredKeys: keys.filter((k) => required.has(k)) },
      );
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Mostly well-formed values, with hostile text and wrong types mixed in at every level. */
export function valueFor(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const ok = conforming(schema, depth);
  return fc.oneof(
    { weight: 8, arbitrary: schema.nullable ? fc.option(ok, { nil: null }) : ok },
    { weight: 1, arbitrary: hostileString },
    { weight: 1, arbitrary: wrongType },
  );
}

/** Bodies no schema describes: malformed, deep, huge, not UTF-8, not JSON at all. */
export const RAW_BODIES: { body: string | Uint8Array<ArrayBuffer>; contentType: string }[] = [
  { body: '{"name": ', contentType: 'application/json' },
  { body: `{"a":${'['.repeat(50_000)}${']'.repeat(50_000)}}`, contentType: 'application/json' },
  { body: JSON.stringify({ name: 'x'.repeat(1_100_000) }), contentType: 'application/json' },
  {
    body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x80, 0x22, 0x7d]),
    contentType: 'application/json',
  },
  {
    body: '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}',
    contentType: 'application/json',
  },
  { body: 'name=x&version=1', contentType: 'application/x-www-form-urlencoded' },
  { body: '<xml/>', contentType: 'application/xml' },
  { body: '42', contentType: 'application/json' },
  { body: 'null', contentType: 'application/json' },
  {
    body: '--x\r\nContent-Disposition: form-data; name="file"; filename="../../a.xlsx"\r\n\r\nPK\u0003\u0004\r\n--x--',
    contentType: 'multipart/form-data; boundary=x',
  },
];
