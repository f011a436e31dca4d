/**
 * Offline Cart.com (AmeriCommerce) REST API v1 simulator for tests and benchmarks.
 * See README.md in this folder for behaviour and options.
 */
export { startSimulator } from './server';
export { routerSignature } from './auth';
export { formatStoreTime } from './time';
export type { OAuthOptions, RefreshRotation, SimOAuth } from './oauth';
export type {
	FaultOptions,
	InventorySettings,
	LookupMatching,
	ListQuirks,
	RateLimitOptions,
	RecordedRequest,
	RecordsKeyStyle,
	RouterCredentials,
	ScriptedFault,
	SeedSizes,
	Simulator,
	SimulatorOptions,
	SimulatorSettings,
	SimRecord,
	SimStore,
	TimestampStyle,
} from './types';
export type {
	DeliveryOutcome,
	GetPriceItem,
	GetPriceRequest,
	GetPriceResult,
	SimWebhooks,
	SyncOutcome,
	SyncResult,
	WebhookDelivery,
	WebhookTimeouts,
} from './webhooks/types';
