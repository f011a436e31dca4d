/**
 * Offline CartRover (Extensiv Integration Manager) API simulator for tests, benchmarks and e2e.
 * See README.md in this folder for behaviour and options.
 */
export { startCartRoverSimulator } from './server';
export { formatUtc, extendedAmount, statusDate } from './orders';
export { readDateParam } from './routes';
export { CART_SOURCE, OTHER_SOURCE } from './seed';
export type {
	AdvanceTarget,
	CartRoverErrorCode,
	CartRoverKeys,
	CartRoverLevel,
	CartRoverRecordedRequest,
	CartRoverShipment,
	CartRoverSimLine,
	CartRoverSimOptions,
	CartRoverSimOrder,
	CartRoverSimulator,
	CartRoverStatus,
} from './types';
