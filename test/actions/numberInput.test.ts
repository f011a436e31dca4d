/**
 * Issue 9 (5): numbers are read by one strict rule everywhere. Blank text, lists, hex, exponents and
 * Infinity are refused naming the field, and money and counts must be 0 or more, whole counts within
 * Int32, before any request: a typo must never become a price or a stock figure.
 */
import { parsePlainNumber } from '../../nodes/CartCom/helpers/validation';
import { startStore, type Simulator } from '../helpers/fixtures';
import {
	byId,
	expectInputError,
	plainProduct,
	run,
	variantProduct,
	writesOf,
} from '../helpers/actionKit';

let sim: Simulator;

beforeAll(async () => {
	sim = await startStore({ sizes: { products: 12, variantProducts: 3, orders: 5, customers: 5 } });
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.clearRequests());

/** An expression yielding `value` as it is, e.g. a blank cell or a list from an earlier node. */
const expression = (value: unknown) => `={{ ${JSON.stringify(value)} }}`;

describe('parsePlainNumber', () => {
	it.each([
		[12, 12],
		[-3.5, -3.5],
		['19.99', 19.99],
		[' 7 ', 7],
		['+4', 4],
		['-0.5', -0.5],
		['0012', 12],
	])('reads %j as %j', (input, expected) => {
		expect(parsePlainNumber(input)).toBe(expected);
	});

	it.each([
		[''],
		[' '],
		['0x10'],
		['1e3'],
		['1E3'],
		['Infinity'],
		['NaN'],
		['1,5'],
		['1 000'],
		['.5'],
		['5.'],
		['12abc'],
		[[]],
		[[3]],
		[{}],
		[true],
		[null],
		[undefined],
		[Number.NaN],
		[Number.POSITIVE_INFINITY],
	])('refuses %j', (input) => {
		expect(parsePlainNumber(input)).toBeUndefined();
	});
});

describe('Product → Update: number fields', () => {
	const update = (updateFields: Record<string, unknown>) => ({
		resource: 'product',
		operation: 'update',
		recordId: byId(plainProduct(sim, 0).id),
		updateFields,
	});

	it.each([
		['a blank Retail Price (it used to be sent as 0)', { retail: expression(' ') }, 'Retail Price'],
		['a list as Cost', { cost: expression([]) }, 'Cost'],
		['a hex Price', { price: expression('0x10') }, 'Price'],
		['an exponent Price', { price: expression('1e3') }, 'Price'],
		['Infinity as Price', { price: expression('Infinity') }, 'Price'],
		['a negative Price', { price: -1 }, 'Price'],
		['a negative Retail Price as text', { retail: expression('-0.01') }, 'Retail Price'],
		['a negative Quantity on Hand', { quantityOnHand: -1 }, 'Quantity on Hand'],
		['a Quantity on Hand beyond Int32', { quantityOnHand: 2_147_483_648 }, 'Quantity on Hand'],
		['a fractional Quantity on Hand', { quantityOnHand: expression('2.5') }, 'Quantity on Hand'],
		['true as Weight', { weight: expression(true) }, 'Weight'],
	])('refuses %s before any request', async (_case, updateFields, field) => {
		const product = plainProduct(sim, 0);
		const before = sim.store.get('products', product.id as number);
		const error = await expectInputError(sim, update(updateFields), field);
		expect(error.message).toContain('[item 0]');
		expect(sim.store.get('products', product.id as number)).toEqual(before);
	});

	it('still reads plain decimal text, trimmed', async () => {
		await run(sim, update({ retail: expression(' 24.50 '), quantityOnHand: expression('+12') }));
		expect(writesOf(sim)[0].body).toEqual({ retail: 24.5, quantity_on_hand: 12 });
	});
});

describe('Inventory, Update Price, Create Shipment and Create or Update use the same rule', () => {
	it.each([['0x10'], ['1e3'], [' '], ['2147483648']])(
		'Inventory → Set refuses the quantity %j',
		async (quantity) => {
			const product = plainProduct(sim, 1);
			await expectInputError(
				sim,
				{
					resource: 'inventory',
					operation: 'set',
					identifierType: 'product_id',
					identifierValue: String(product.id),
					quantity: expression(quantity),
				},
				'Quantity',
			);
		},
	);

	it.each([
		['a blank Price', { price: expression(' ') }, 'Price'],
		['a hex Price', { price: expression('0x10') }, 'Price'],
		[
			'an exponent Retail Price',
			{ price: 5, basePriceFields: { retail: expression('1e3') } },
			'Retail Price',
		],
		['a list as Cost', { price: 5, basePriceFields: { cost: expression([1]) } }, 'Cost'],
	])('Product → Update Price refuses %s', async (_case, parameters, field) => {
		const product = plainProduct(sim, 2);
		await expectInputError(
			sim,
			{
				resource: 'product',
				operation: 'updatePrice',
				identifyBy: 'id',
				product: byId(product.id),
				...parameters,
			},
			field,
		);
	});

	it.each([['1e3'], ['0x10'], [' '], ['-1']])(
		'Order → Create Shipment refuses the quantity %j',
		async (quantity) => {
			await expectInputError(
				sim,
				{
					resource: 'order',
					operation: 'createShipment',
					recordId: byId(100001),
					itemsToShip: 'json',
					itemsJson: JSON.stringify([{ sku: 'A', quantity }]),
				},
				'quantity',
			);
		},
	);

	it.each([['0x10'], ['1e3'], [' ']])(
		'Product → Create or Update refuses the variant stock %j',
		async (stock) => {
			const { product } = variantProduct(sim, 0);
			await expectInputError(
				sim,
				{
					resource: 'product',
					operation: 'upsert',
					itemNumber: product.item_number,
					itemName: product.item_name,
					price: product.price,
					variants: JSON.stringify([{ sku: 'NEW-ROW', options: { Color: 'Red' }, stock }]),
				},
				'[0].stock',
			);
		},
	);

	it('Variant Inventory → Create refuses a negative stock', async () => {
		const { product } = variantProduct(sim, 1);
		await expectInputError(
			sim,
			{
				resource: 'variantInventory',
				operation: 'create',
				productId: product.id,
				variants: '[]',
				additionalFields: { inventory: -4 },
			},
			'Stock',
		);
	});
});
