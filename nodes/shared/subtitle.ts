import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

const optionsOf = (property: INodeProperties | undefined): INodePropertyOptions[] =>
	(property?.options ?? []).filter(
		(option): option is INodePropertyOptions => 'value' in option && 'name' in option,
	);

/**
 * The node subtitle under the node on the canvas: the names the user picked in the Operation and
 * Resource dropdowns ("Create Shipment: Order"), not their internal values ("createShipment:
 * order"), in n8n's own "operation: resource" order. n8n evaluates the subtitle as an expression
 * in the editor, so the name maps are written into it; an unknown value shows as itself.
 */
export function operationSubtitle(properties: INodeProperties[]): string {
	const resources: Record<string, string> = {};
	for (const option of optionsOf(properties.find((p) => p.name === 'resource')))
		resources[String(option.value)] = option.name;
	const operations: Record<string, string> = {};
	for (const property of properties.filter((p) => p.name === 'operation'))
		for (const option of optionsOf(property)) operations[String(option.value)] ??= option.name;
	const lookup = (names: Record<string, string>, parameter: string) =>
		`(${JSON.stringify(names)}[$parameter.${parameter}] ?? $parameter.${parameter})`;
	return `={{ ${lookup(operations, 'operation')} + ": " + ${lookup(resources, 'resource')} }}`;
}

/**
 * A trigger's subtitle: the names of the chosen event(s) ("New Order"), not their values
 * ("orderCreated"); several are joined with ", ".
 */
export function choiceSubtitle(properties: INodeProperties[], parameter: string): string {
	const property = properties.find((p) => p.name === parameter);
	const names: Record<string, string> = {};
	for (const option of optionsOf(property)) names[String(option.value)] = option.name;
	const map = JSON.stringify(names);
	return property?.type === 'multiOptions'
		? `={{ ((names) => [].concat($parameter.${parameter} ?? []).map((value) => names[value] ?? value).join(", "))(${map}) }}`
		: `={{ ${map}[$parameter.${parameter}] ?? $parameter.${parameter} }}`;
}
