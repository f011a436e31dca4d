import { cartRoverApiTest } from './credentialTest';
import { getOrderSources } from './loadOptions';

export const loadOptions = { getOrderSources };

/** Named by `testedBy` in both CartRover nodes' credentials (n8n runs the first node's it finds). */
export const credentialTest = { cartRoverApiTest };
