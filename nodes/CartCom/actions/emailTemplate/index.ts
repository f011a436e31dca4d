import { defineResource } from '../../helpers/resource';
import { sendEmailTemplate } from './send.operation';
import { emailTemplateSpec } from './spec';

export const emailTemplate = defineResource(emailTemplateSpec, [sendEmailTemplate]);
