import type { ResourceModule } from '../helpers/types';
import { order } from './order';
import { orderAddress } from './orderAddress';
import { orderItem } from './orderItem';
import { orderPayment } from './orderPayment';
import { orderShipment } from './orderShipment';
import { orderStatus } from './orderStatus';
import { address } from './address';
import { couponCode } from './couponCode';
import { customer } from './customer';
import { customerType } from './customerType';
import { customShippingMethod } from './customShippingMethod';
import { emailTemplate } from './emailTemplate';
import { GENERIC_RESOURCES } from './generic';
import { giftCertificate } from './giftCertificate';
import { location } from './location';
import { shippingProvider } from './shippingProvider';
import { shippingProviderService } from './shippingProviderService';
import { store } from './store';
import { storeLocation } from './storeLocation';
import { theme } from './theme';
import { warehouse } from './warehouse';
import { webhook } from './webhook';
// Catalog and inventory.
import { attribute } from './attribute';
import { attributeGroup } from './attributeGroup';
import { category } from './category';
import { inventory } from './inventory';
import { manufacturer } from './manufacturer';
import { product } from './product';
import { productPicture } from './productPicture';
import { productPricing } from './productPricing';
import { productReview } from './productReview';
import { productStatus } from './productStatus';
import { productVariant } from './productVariant';
import { variantGroup } from './variantGroup';
import { variantInventory } from './variantInventory';

/** Every resource the node offers; adding one is one import and one entry here. */
export const RESOURCES: ResourceModule[] = [
	order,
	orderAddress,
	orderItem,
	orderPayment,
	orderShipment,
	orderStatus,
	// People, locations, settings and the other store resources.
	address,
	couponCode,
	customer,
	customerType,
	customShippingMethod,
	emailTemplate,
	giftCertificate,
	location,
	shippingProvider,
	shippingProviderService,
	store,
	storeLocation,
	theme,
	warehouse,
	webhook,
	// Catalog and inventory.
	attribute,
	attributeGroup,
	category,
	inventory,
	manufacturer,
	product,
	productPicture,
	productPricing,
	productReview,
	productStatus,
	productVariant,
	variantGroup,
	variantInventory,
	...GENERIC_RESOURCES,
].sort((a, b) => a.name.localeCompare(b.name));
