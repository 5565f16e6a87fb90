/**
 * Jackson `DefaultPrettyPrinter` output (Spring Data REST has INDENT_OUTPUT on), as the orders
 * service sends `GET /orders/<id>` through the front-end's pipe:
 *
 *   {
 *     "customerId" : "57a9…",
 *     "items" : [ {
 *       "itemId" : "…",
 *       "quantity" : 1,
 *       "unitPrice" : 15.0
 *     } ],
 *     "customer" : { … }
 *   }
 *
 * Java float fields print whole numbers as `15.0`; `floatKeys` names them.
 */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const indent = (level: number): string => '  '.repeat(level);

function printNumber(value: number, isFloat: boolean): string {
  if (isFloat && Number.isInteger(value)) return `${value}.0`;
  return JSON.stringify(value);
}

function print(
  value: JsonValue,
  level: number,
  floatKeys: ReadonlySet<string>,
  key: string | null,
): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return printNumber(value, key !== null && floatKeys.has(key));
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[ ]';
    // Arrays are inline in Jackson's default printer and do not add an indentation level.
    return `[ ${value.map((item) => print(item, level, floatKeys, key)).join(', ')} ]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{ }';
  const body = entries
    .map(
      ([k, v]) => `${indent(level + 1)}${JSON.stringify(k)} : ${print(v, level + 1, floatKeys, k)}`,
    )
    .join(',\n');
  return `{\n${body}\n${indent(level)}}`;
}

export function jacksonPretty(
  value: JsonValue,
  floatKeys: ReadonlySet<string> = new Set(),
): string {
  return print(value, 0, floatKeys, null);
}
