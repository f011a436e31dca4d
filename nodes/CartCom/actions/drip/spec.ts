import { flag, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const dripSpec: ResourceSpec = {
	value: 'drip',
	name: 'Drip',
	plural: 'drips',
	path: '/drips',
	recordsKey: 'drips',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	nested: ['members', 'events'],
	titleField: 'name',
	description: 'Drip email series',
	fields: [text('name'), flag('is_enabled')],
};
