/**
 * The small part of JSON Schema the live-shape schemas use (test/simulator/liveSchemas): `type`
 * (one or a list, `integer` = a whole number), `required`, `properties`, `pattern` on strings.
 * Hand-written rather than a dependency: thirty lines cover it, and every message names the field.
 */
export interface FieldSchema {
	type: string | string[];
	pattern?: string;
}

export interface RecordSchema {
	required: string[];
	properties: Record<string, FieldSchema>;
}

function typeOf(value: unknown): string[] {
	if (value === null) return ['null'];
	if (Array.isArray(value)) return ['array'];
	if (typeof value === 'number')
		return Number.isInteger(value)
			? ['integer', 'number']
			: Number.isFinite(value)
				? ['number']
				: [];
	return [typeof value];
}

function fieldProblem(name: string, value: unknown, schema: FieldSchema): string | undefined {
	const allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
	if (!typeOf(value).some((type) => allowed.includes(type)))
		return `${name}: ${JSON.stringify(value)} is not ${allowed.join(' or ')}`;
	if (schema.pattern && typeof value === 'string' && !new RegExp(schema.pattern).test(value))
		return `${name}: ${JSON.stringify(value)} does not match ${schema.pattern}`;
	return undefined;
}

/** Every way the record breaks the schema, one message each (empty when it fits). */
export function schemaProblems(record: Record<string, unknown>, schema: RecordSchema): string[] {
	const missing = schema.required
		.filter((name) => !(name in record))
		.map((name) => `${name}: missing`);
	const wrong = Object.entries(schema.properties).flatMap(([name, field]) =>
		name in record ? (fieldProblem(name, record[name], field) ?? []) : [],
	);
	return [...missing, ...wrong];
}
