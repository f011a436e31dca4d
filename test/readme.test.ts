import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { withTable } from '../scripts/operations-table';

describe('README', () => {
	it('lists exactly the resources and operations the node offers', () => {
		const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
		// Regenerate with: npx ts-node --transpile-only scripts/operations-table.ts --write
		expect(readme).toBe(withTable(readme));
	});
});
