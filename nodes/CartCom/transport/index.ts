/**
 * Everything node code needs from Cart.com's transport: import from here, never from a file
 * inside. Cart.com's protocol lives in this folder; what every service shares comes from
 * nodes/shared/http, and the credential code from credentials/common.
 */
export * from '../../../credentials/common/cartComAuth';
export * from './envelope';
export * from './errors';
export * from './filters';
export * from './paginate';
export * from './query';
export * from './rateLimit';
export * from './request';
export {
	budgetFor,
	CallBudget,
	isAmbiguousWriteFailure,
	markAmbiguousWrite,
	monotonicNow,
	parseRetryAfter,
	redact,
	redactJson,
	resetCallBudgets,
	warnUser,
	type CallLimit,
	type MonotonicClock,
} from '../../shared/http';
