import { integer, required } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const customerAssociationSpec: ResourceSpec = {
	value: 'customerAssociation',
	name: 'Customer Association',
	plural: 'customer associations',
	path: '/customer_association',
	recordsKey: 'customer_association',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	idField: 'customer_association_id',
	description: 'B2B links between a parent and a child customer',
	filterFields: [integer('parent_customer_id'), integer('child_customer_id')],
	fields: [
		required(integer('association_type_id')),
		required(integer('parent_customer_id')),
		required(integer('child_customer_id')),
	],
};
