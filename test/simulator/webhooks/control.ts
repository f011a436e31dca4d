/**
 * `/_control/webhooks/*`: the HTTP twin of `sim.webhooks` for tests that only hold the simulator's
 * URL. No auth and not recorded in `sim.requests`: they are the test's hands, not Cart.com's API.
 */
import type { SimResponse } from '../httpTypes';
import { type WebhookEngine, WebhookControlError } from './engine';
import type { GetPriceRequest } from './types';

const failure = (status: number, error: string): SimResponse => ({ status, body: { error } });

function objectOf(body: unknown): Record<string, unknown> | null {
	return body !== null && typeof body === 'object' && !Array.isArray(body)
		? (body as Record<string, unknown>)
		: null;
}

/** Answers a `/_control/webhooks/...` request; a 404 for any other control path. */
export async function handleWebhookControl(
	engine: WebhookEngine,
	method: string,
	pathname: string,
	body: unknown,
	bodyInvalid: boolean,
): Promise<SimResponse> {
	const route = /^\/_control\/webhooks\/([a-z_]+)\/?$/.exec(pathname)?.[1];
	if (!route) return failure(404, `no control route ${pathname}`);
	if (bodyInvalid) return failure(400, 'the request body is not valid JSON');
	try {
		if (route === 'deliveries') {
			if (method === 'GET') return { status: 200, body: { deliveries: engine.deliveries() } };
			if (method === 'DELETE') {
				engine.clearDeliveries();
				return { status: 204 };
			}
			return failure(405, `${method} not allowed`);
		}
		if (method !== 'POST') return failure(405, `${method} not allowed`);
		const input = objectOf(body);
		if (!input) return failure(400, 'a JSON object body is required');
		if (route === 'fire') {
			const recordId = input.record_id;
			if (typeof input.event_type !== 'string') return failure(400, 'event_type is required');
			if (typeof recordId !== 'number' || !Number.isInteger(recordId))
				return failure(400, 'record_id must be an integer');
			return {
				status: 200,
				body: { deliveries: await engine.fire(input.event_type, recordId) },
			};
		}
		if (route === 'get_price')
			return { status: 200, body: await engine.getPrice(input as unknown as GetPriceRequest) };
		if (route === 'sync') {
			if (typeof input.event_type !== 'string') return failure(400, 'event_type is required');
			if (input.store_id !== undefined && typeof input.store_id !== 'number')
				return failure(400, 'store_id must be a number');
			return {
				status: 200,
				body: await engine.sync(input.event_type, input.body ?? {}, input.store_id),
			};
		}
		return failure(404, `no control route ${pathname}`);
	} catch (error) {
		if (error instanceof WebhookControlError) return failure(error.status, error.message);
		throw error;
	}
}
