import type { ResourceSpec } from '../helpers/types';
import { orderSpec } from './order/spec';
import { orderAddressSpec } from './orderAddress/spec';
import { orderItemSpec } from './orderItem/spec';
import { orderPaymentSpec } from './orderPayment/spec';
import { orderShipmentSpec } from './orderShipment/spec';
import { orderStatusSpec } from './orderStatus/spec';
import { addressSpec } from './address/spec';
import { couponCodeSpec } from './couponCode/spec';
import { customerSpec } from './customer/spec';
import { customerTypeSpec } from './customerType/spec';
import { customShippingMethodSpec } from './customShippingMethod/spec';
import { emailTemplateSpec } from './emailTemplate/spec';
import { GENERIC_SPECS } from './generic/specs';
import { giftCertificateSpec } from './giftCertificate/spec';
import { shippingProviderSpec } from './shippingProvider/spec';
import { shippingProviderServiceSpec } from './shippingProviderService/spec';
import { storeSpec } from './store/spec';
import { storeLocationSpec } from './storeLocation/spec';
import { warehouseSpec } from './warehouse/spec';
import { webhookSpec } from './webhook/spec';
// Catalog.
import { attributeSpec } from './attribute/spec';
import { attributeGroupSpec } from './attributeGroup/spec';
import { categorySpec } from './category/spec';
import { manufacturerSpec } from './manufacturer/spec';
import { productSpec } from './product/spec';
import { productPictureSpec } from './productPicture/spec';
import { productPricingSpec } from './productPricing/spec';
import { productReviewSpec } from './productReview/spec';
import { productStatusSpec } from './productStatus/spec';
import { productVariantSpec } from './productVariant/spec';
import { variantGroupSpec } from './variantGroup/spec';
import { variantInventorySpec } from './variantInventory/spec';

/** Every resource spec: pickers read a resource's path and title field from it, tests its required fields. */
export const SPECS: ResourceSpec[] = [
	orderSpec,
	orderAddressSpec,
	orderItemSpec,
	orderPaymentSpec,
	orderShipmentSpec,
	orderStatusSpec,
	addressSpec,
	couponCodeSpec,
	customerSpec,
	customerTypeSpec,
	customShippingMethodSpec,
	emailTemplateSpec,
	giftCertificateSpec,
	shippingProviderSpec,
	shippingProviderServiceSpec,
	storeSpec,
	storeLocationSpec,
	warehouseSpec,
	webhookSpec,
	// Catalog.
	attributeSpec,
	attributeGroupSpec,
	categorySpec,
	manufacturerSpec,
	productSpec,
	productPictureSpec,
	productPricingSpec,
	productReviewSpec,
	productStatusSpec,
	productVariantSpec,
	variantGroupSpec,
	variantInventorySpec,
	...GENERIC_SPECS,
];

export function findSpec(value: string): ResourceSpec {
	const spec = SPECS.find((candidate) => candidate.value === value);
	if (!spec) throw new Error(`No Cart.com resource "${value}"`);
	return spec;
}
