import { defineResource } from '../../helpers/resource';
import { webhookSpec } from './spec';

export const webhook = defineResource(webhookSpec);
