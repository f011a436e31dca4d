import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties as propertiesOf } from '../../shared/node';
import { RESOURCES } from './resources';

/** Resource, each resource's Operation and every operation's parameters. */
export const resourceProperties: INodeProperties[] = propertiesOf(RESOURCES, 'order');
