import type { IExecuteFunctions } from 'n8n-workflow';

import { asText, InputProblems } from './problems';

/**
 * A reference that goes into a URL path (cust_ref, SKU, order source), read and checked before any
 * request: required, and not `.` or `..`, which would change the path instead of naming a record.
 */
export function readPathReference(
	ctx: IExecuteFunctions,
	itemIndex: number,
	param: string,
	label: string,
	problems = new InputProblems(),
): string {
	const value = asText(ctx.getNodeParameter(param, itemIndex, ''));
	if (value === undefined) problems.require(label, `Enter the ${label.toLowerCase()}.`);
	else if (value === '.' || value === '..')
		problems.add(label, `"${value}" cannot name a record`, `Enter the ${label.toLowerCase()}.`);
	problems.throwIfAny(ctx, itemIndex);
	return value!;
}

/** Return All (undefined) or a Limit of 1 or more, checked before any request. */
export function checkLimit(
	ctx: IExecuteFunctions,
	itemIndex: number,
	limit: number | undefined,
): number | undefined {
	if (limit === undefined || (Number.isInteger(limit) && limit >= 1)) return limit;
	const problems = new InputProblems();
	problems.add(
		'Limit',
		`${limit} is not a whole number of 1 or more`,
		'Enter how many to return, e.g. 50.',
	);
	problems.throwIfAny(ctx, itemIndex);
	return limit;
}
