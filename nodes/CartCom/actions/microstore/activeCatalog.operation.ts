import { getActiveCatalogOperation, updateActiveCatalogOperation } from '../generic/activeCatalog';
import { microstoreSpec } from '../generic/specs';

export const getMicrostoreActiveCatalog = getActiveCatalogOperation(microstoreSpec);
export const updateMicrostoreActiveCatalog = updateActiveCatalogOperation(microstoreSpec);
