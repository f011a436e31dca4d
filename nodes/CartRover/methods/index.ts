import { getOrderSources } from './loadOptions';

export const loadOptions = { getOrderSources };
