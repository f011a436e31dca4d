import { getActiveCatalogOperation, updateActiveCatalogOperation } from '../generic/activeCatalog';
import { storeSpec } from './spec';

export const getStoreActiveCatalog = getActiveCatalogOperation(storeSpec);
export const updateStoreActiveCatalog = updateActiveCatalogOperation(storeSpec);
