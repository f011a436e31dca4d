/**
 * Everything node code needs from CartRover's transport: import from here, never from a file
 * inside. CartRover's protocol lives in this folder; what every service shares comes from
 * nodes/shared/http, and the credential code from credentials/common.
 */
export {
	basicAuthorization,
	CARTROVER_CREDENTIAL,
	CARTROVER_LEVELS,
	CartRoverCredentialError,
	cartRoverSecretsOf,
	CREDENTIAL_TEST_PATHS,
	DEFAULT_CARTROVER_URL,
	parseCartRoverCredentials,
	type CartRoverCredentials,
	type CartRoverLevel,
} from '../../../credentials/common/cartRoverAuth';
export { readEnvelope, type Envelope } from './envelope';
export { cartRoverErrorOf, type CartRoverErrorFields } from './errors';
export {
	cartRoverGetMany,
	DEFAULT_MAX_PAGES,
	iterateCartRoverPages,
	MAX_PAGE_SIZE,
	pathSegment,
	type CartRoverPagesOptions,
} from './paginate';
export { BUCKET_CAPACITY, BUCKET_LEAK_MS, parseHitsRemaining, processIdOf } from './rateLimit';
export {
	cartRoverRequest,
	configureCartRoverTransport,
	getCartRoverConnection,
	readCartRoverAnswer,
	type CartRoverAnswer,
	type CartRoverFunctions,
	type CartRoverRequestOptions,
	type CartRoverTransportSettings,
} from './request';
export {
	isAmbiguousWriteFailure,
	redact,
	resetCallBudgets,
	warnUser,
	type Query,
	type QueryValue,
} from '../../shared/http';
