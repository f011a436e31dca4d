/** Webhook engine (stub: the API is fixed, the behaviour follows). */
import type {
	GetPriceRequest,
	GetPriceResult,
	SimWebhooks,
	SyncResult,
	WebhookDelivery,
	WebhookTimeouts,
} from './types';

const notYet = (): never => {
	throw new Error('simulator webhooks: not implemented yet');
};

export class WebhookEngine implements SimWebhooks {
	readonly timeouts: WebhookTimeouts;

	constructor(timeouts: Partial<WebhookTimeouts> = {}) {
		this.timeouts = { notifyMs: 10_000, syncMs: 3_000, ...timeouts };
	}

	fire(_eventType: string, _recordId: number): Promise<WebhookDelivery[]> {
		return Promise.reject(notYet());
	}
	deliveries(): WebhookDelivery[] {
		return [];
	}
	clearDeliveries(): void {}
	idle(): Promise<void> {
		return Promise.resolve();
	}
	waitForDeliveries(): Promise<WebhookDelivery[]> {
		return Promise.reject(notYet());
	}
	getPrice(_request: GetPriceRequest): Promise<GetPriceResult> {
		return Promise.reject(notYet());
	}
	sync(_eventType: string, _body: unknown): Promise<SyncResult> {
		return Promise.reject(notYet());
	}
}
