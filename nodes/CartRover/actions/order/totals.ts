import type { InputProblems } from '../../helpers/problems';
import { fromCents, showCents, sumCents, toCents } from '../../helpers/money';

/*
 * CartRover's price rules, from the spec page's "Order Charge Field Definitions"
 * (https://versori.com/open-api-spec-library/cartrover-api):
 *   extended_amount = (price − discount) × quantity   (discount is per unit, pre-tax)
 *   sub_total       = Σ extended_amount
 *   sales_tax       = Σ line tax, when lines carry tax
 *   order_discount  = order-level post-tax discount + Σ addl_discount
 *   grand_total     = sub_total + sales_tax + shipping_handling − order_discount
 * "If you do not follow this standard, CartRover cannot guarantee the price information the
 * warehouse receives will be correct": a value given that breaks a rule is refused, naming it; a
 * derived value left empty is computed. All comparisons are in whole cents.
 */

/** One line's amounts as read (undefined = left empty). */
export interface LineAmounts {
	/** How error messages name the line, e.g. "Line 2". */
	label: string;
	quantity: number;
	price?: number;
	discount?: number;
	addlDiscount?: number;
	tax?: number;
	extendedAmount?: number;
}

export interface OrderAmounts {
	subTotal?: number;
	salesTax?: number;
	shippingHandling?: number;
	orderDiscount?: number;
	grandTotal?: number;
}

/** What the rules derive for fields left empty: per line (by index) and for the order. */
export interface DerivedAmounts {
	lineExtendedAmounts: Map<number, number>;
	order: { sub_total?: number; sales_tax?: number; order_discount?: number; grand_total?: number };
}

const given = (value: number | undefined): value is number => value !== undefined;

/** Each line's extended amount in cents (given or derived), or undefined when it has no price. */
function lineExtendedCents(
	lines: LineAmounts[],
	problems: InputProblems,
	derived: DerivedAmounts,
): Array<number | undefined> {
	return lines.map((line, index) => {
		if (!given(line.price))
			return given(line.extendedAmount) ? toCents(line.extendedAmount) : undefined;
		const discount = line.discount ?? 0;
		if (toCents(discount) > toCents(line.price)) {
			problems.add(
				`${line.label} Discount`,
				`${showCents(toCents(discount))} is more than the price ${showCents(toCents(line.price))}`,
				'Discount is per unit and before tax: at most the unit price.',
			);
			return undefined;
		}
		const expected = toCents((line.price - discount) * line.quantity);
		if (!given(line.extendedAmount)) {
			derived.lineExtendedAmounts.set(index, fromCents(expected));
			return expected;
		}
		if (toCents(line.extendedAmount) !== expected) {
			problems.add(
				`${line.label} Extended Amount`,
				`${showCents(toCents(line.extendedAmount))} does not match (price − discount) × quantity = ${showCents(expected)}`,
				'Leave Extended Amount empty to have it computed, or correct the price, discount or quantity.',
			);
		}
		return toCents(line.extendedAmount);
	});
}

/** Checks the amounts given against CartRover's rules and derives the ones left empty. */
export function checkAmounts(
	lines: LineAmounts[],
	order: OrderAmounts,
	problems: InputProblems,
): DerivedAmounts {
	const derived: DerivedAmounts = { lineExtendedAmounts: new Map(), order: {} };
	const extended = lineExtendedCents(lines, problems, derived);

	let subTotal = given(order.subTotal) ? toCents(order.subTotal) : undefined;
	if (extended.every(given) && lines.length) {
		const expected = sumCents(extended as number[]);
		if (subTotal === undefined) {
			subTotal = expected;
			derived.order.sub_total = fromCents(expected);
		} else if (subTotal !== expected) {
			problems.add(
				'Sub Total',
				`${showCents(subTotal)} does not match the sum of the lines’ extended amounts, ${showCents(expected)}`,
				'Leave Sub Total empty to have it computed from the lines, or correct it. Sub Total excludes tax, shipping and the order discount.',
			);
		}
	}

	let salesTax = given(order.salesTax) ? toCents(order.salesTax) : undefined;
	const lineTaxes = lines.filter((line) => given(line.tax)).map((line) => toCents(line.tax!));
	if (lineTaxes.length) {
		const expected = sumCents(lineTaxes);
		if (salesTax === undefined) {
			salesTax = expected;
			derived.order.sales_tax = fromCents(expected);
		} else if (salesTax !== expected) {
			problems.add(
				'Sales Tax',
				`${showCents(salesTax)} does not match the sum of the lines’ tax, ${showCents(expected)}`,
				'When lines carry tax, Sales Tax must be their sum: leave it empty to have it computed.',
			);
		}
	}

	let orderDiscount = given(order.orderDiscount) ? toCents(order.orderDiscount) : undefined;
	const addl = lines.filter((line) => given(line.addlDiscount));
	if (addl.length) {
		const expected = sumCents(addl.map((line) => toCents(line.addlDiscount!)));
		if (orderDiscount === undefined) {
			orderDiscount = expected;
			derived.order.order_discount = fromCents(expected);
		} else if (orderDiscount < expected) {
			problems.add(
				'Order Discount',
				`${showCents(orderDiscount)} is less than the lines’ additional discounts, ${showCents(expected)}`,
				'Order Discount is the order’s own post-tax discount plus every line’s Additional Discount.',
			);
		}
	}

	if (subTotal === undefined) return derived;
	const expectedGrand =
		subTotal +
		(salesTax ?? 0) +
		(given(order.shippingHandling) ? toCents(order.shippingHandling) : 0) -
		(orderDiscount ?? 0);
	if (given(order.grandTotal)) {
		if (toCents(order.grandTotal) !== expectedGrand) {
			problems.add(
				'Grand Total',
				`${showCents(toCents(order.grandTotal))} does not match sub total + sales tax + shipping − order discount = ${showCents(expectedGrand)}`,
				'Leave Grand Total empty to have it computed, or correct it or the amounts it is made of.',
			);
		}
	} else if (expectedGrand < 0) {
		problems.add(
			'Order Discount',
			`${showCents(orderDiscount ?? 0)} makes the grand total negative (${showCents(expectedGrand)})`,
			'The order discount cannot exceed sub total + sales tax + shipping.',
		);
	} else {
		derived.order.grand_total = fromCents(expectedGrand);
	}
	return derived;
}
