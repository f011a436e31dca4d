import { flag, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const urlRedirectSpec: ResourceSpec = {
	value: 'urlRedirect',
	name: 'URL Redirect',
	plural: 'URL redirects',
	path: '/url_redirects',
	recordsKey: 'url_redirects',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	timestamps: true,
	titleField: 'from',
	filterFields: [text('from')],
	fields: [
		required(text('from', { placeholder: 'e.g. /old-page.html' })),
		required(text('to', { placeholder: 'e.g. /new-page' })),
		flag('is_active'),
		text('redirect_type', { placeholder: 'e.g. UrlRewrite' }),
	],
};
