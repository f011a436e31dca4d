import type { ResourceModule } from '../../helpers/types';
import { importTheme } from './import.operation';

/** The API offers themes only as an import (POST /themes/import); there is no list or edit. */
export const theme: ResourceModule = {
	value: 'theme',
	name: 'Theme',
	operations: [importTheme],
};
