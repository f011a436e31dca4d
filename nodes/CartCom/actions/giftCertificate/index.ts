import { defineResource } from '../../helpers/resource';
import { giftCertificateSpec } from './spec';

export const giftCertificate = defineResource(giftCertificateSpec);
