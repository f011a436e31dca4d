import { defineResource, defineTaskResource } from '../helpers/resource';
import type { Endpoint, ResourceModule } from '../helpers/types';
import {
	adcodeSpec,
	blacklistedIpSpec,
	blogSpec,
	blogCategorySpec,
	blogPostSpec,
	cartSpec,
	cartItemSpec,
	creditCardSpec,
	customFieldSpec,
	customFieldValueSpec,
	customerAssociationSpec,
	customerPaymentMethodSpec,
	discountActionSpec,
	discountMethodSpec,
	discountRuleSpec,
	dripSpec,
	externalImageWhitelistSpec,
	giftCertificateTransactionSpec,
	linkSpec,
	mailingListSpec,
	microstoreSpec,
	notificationSpec,
	pageSpec,
	paymentMethodSpec,
	priceCalculatorSpec,
	priceCalculatorRuleSpec,
	priceCalculatorRuleModifierSpec,
	productInactiveInStoreSpec,
	productListSpec,
	profileSpec,
	quoteSpec,
	regionSpec,
	shippingRateAdjustmentSpec,
	subscriptionSpec,
	taxRateSpec,
	urlRedirectSpec,
	userSpec,
	wishlistSpec,
} from './generic/specs';
import { addressSpec } from './address/spec';
import { getStateByPostalCode } from './address/getStateByPostalCode.operation';
import { getByName as getAdcodeByName } from './adcode/getByName.operation';
import { getDecryptedCreditCard } from './creditCard/getDecrypted.operation';
import { customerIntegration } from './customer/integration.operation';
import { addMembers, removeMembers } from './drip/members.operation';
import {
	getMicrostoreActiveCatalog,
	updateMicrostoreActiveCatalog,
} from './microstore/activeCatalog.operation';
import { orderIntegration } from './order/integration.operation';
import { processPayment } from './order/processPayment.operation';
import { processPayments } from './order/processPayments.operation';
import { getDecryptedOrderPayment } from './orderPayment/getDecrypted.operation';
import { orderPaymentIntegration } from './orderPayment/integration.operation';
import { orderShipmentIntegration } from './orderShipment/integration.operation';
import { productIntegration } from './product/integration.operation';
import { sessionSpec } from './session/spec';
import { addAlertEmail, getAlertEmails } from './store/alertEmails.operation';
import { getStoreActiveCatalog, updateStoreActiveCatalog } from './store/activeCatalog.operation';
import { pauseItems } from './subscription/pauseItems.operation';
import {
	addCartItems,
	getCartTotals,
	removeCartItems,
	updateCartItems,
} from './cart/items.operations';
import { placeOrder } from './cart/placeOrder.operation';
import {
	getPaymentMethods,
	getShippingRates,
	setCouponCode,
	setShippingEstimate,
	setShippingMethod,
} from './cart/shipping.operations';
import { uploadStoreFile } from './file/upload.operation';
import { importFromFile } from './import/fromFile.operation';
import { importFromUrl } from './import/fromUrl.operation';
import { importMany } from './product/importMany.operation';
import { attributeSpec } from './attribute/spec';
import { attributeGroupSpec } from './attributeGroup/spec';
import { categorySpec } from './category/spec';
import { rebuildTree } from './category/rebuildTree.operation';
import { couponCodeSpec } from './couponCode/spec';
import { customShippingMethodSpec } from './customShippingMethod/spec';
import { customerSpec } from './customer/spec';
import { customerTypeSpec } from './customerType/spec';
import { emailTemplateSpec } from './emailTemplate/spec';
import { sendEmailTemplate } from './emailTemplate/send.operation';
import { giftCertificateSpec } from './giftCertificate/spec';
import { addStock } from './inventory/add.operation';
import { getStock } from './inventory/get.operation';
import { getSettings } from './inventory/getSettings.operation';
import { removeStock } from './inventory/remove.operation';
import { setStock } from './inventory/set.operation';
import { updateSettings } from './inventory/updateSettings.operation';
import { getAllLocations } from './location/getAll.operation';
import { manufacturerSpec } from './manufacturer/spec';
import { orderSpec } from './order/spec';
import { createShipment } from './order/createShipment.operation';
import { updateStatus } from './order/updateStatus.operation';
import { orderAddressSpec } from './orderAddress/spec';
import { createFromStoreLocation } from './orderAddress/createFromStoreLocation.operation';
import { orderItemSpec } from './orderItem/spec';
import { orderPaymentSpec } from './orderPayment/spec';
import { orderShipmentSpec } from './orderShipment/spec';
import { orderStatusSpec } from './orderStatus/spec';
import { productSpec } from './product/spec';
import { findBySku } from './product/findBySku.operation';
import { updatePrice } from './product/updatePrice.operation';
import { upsert } from './product/upsert.operation';
import { productPictureSpec } from './productPicture/spec';
import { productPricingSpec } from './productPricing/spec';
import { productReviewSpec } from './productReview/spec';
import { productStatusSpec } from './productStatus/spec';
import { productVariantSpec } from './productVariant/spec';
import { shippingProviderSpec } from './shippingProvider/spec';
import { shippingProviderServiceSpec } from './shippingProviderService/spec';
import { storeSpec } from './store/spec';
import { storeLocationSpec } from './storeLocation/spec';
import { importTheme } from './theme/import.operation';
import { variantGroupSpec } from './variantGroup/spec';
import { variantInventorySpec } from './variantInventory/spec';
import { warehouseSpec } from './warehouse/spec';
import { webhookSpec } from './webhook/spec';

/**
 * The one registry: every resource the node offers, with its spec and operations.
 * - A spec-driven resource is its spec (path, fields, the standard operations it offers) plus its
 *   own task operations, one `<resource>/<operation>.operation.ts` file each. The spec is in
 *   `<resource>/spec.ts`, or, for the plain "other resources", in the table generic/specs.ts.
 * - A resource without a list (Inventory, Location, Theme) has task operations only.
 * Adding an operation is one file and one entry here; adding a resource is one spec and one line.
 */
export const RESOURCES: ResourceModule[] = [
	defineResource(adcodeSpec, [getAdcodeByName]),
	defineResource(addressSpec, [getStateByPostalCode]),
	defineResource(attributeSpec),
	defineResource(attributeGroupSpec),
	defineResource(blacklistedIpSpec),
	defineResource(blogSpec),
	defineResource(blogCategorySpec),
	defineResource(blogPostSpec),
	defineResource(cartSpec, [
		addCartItems,
		getCartTotals,
		getPaymentMethods,
		getShippingRates,
		placeOrder,
		removeCartItems,
		setCouponCode,
		setShippingEstimate,
		setShippingMethod,
		updateCartItems,
	]),
	defineResource(cartItemSpec),
	defineResource(categorySpec, [rebuildTree]),
	defineResource(couponCodeSpec),
	defineResource(creditCardSpec, [getDecryptedCreditCard]),
	defineResource(customFieldSpec),
	defineResource(customFieldValueSpec),
	defineResource(customShippingMethodSpec),
	defineResource(customerSpec, [customerIntegration]),
	defineResource(customerAssociationSpec),
	defineResource(customerPaymentMethodSpec),
	defineResource(customerTypeSpec),
	defineResource(discountActionSpec),
	defineResource(discountMethodSpec),
	defineResource(discountRuleSpec),
	defineResource(dripSpec, [addMembers, removeMembers]),
	defineResource(emailTemplateSpec, [sendEmailTemplate]),
	defineResource(externalImageWhitelistSpec),
	// `POST /upload` (docs/uploading_files.md): files for pictures, themes and pages.
	defineTaskResource(
		{ value: 'file', name: 'File', description: 'Files in the store (images, theme .zip files)' },
		[uploadStoreFile],
	),
	defineResource(giftCertificateSpec),
	defineResource(giftCertificateTransactionSpec),
	// `POST /import/file|fetch` (docs/resources/import.md): CSV imports run by Cart.com.
	defineTaskResource(
		{ value: 'import', name: 'Import', description: 'CSV imports of products and other records' },
		[importFromFile, importFromUrl],
	),
	// Not a list resource: `/inventory` reads and changes one stock figure per product or variant row.
	defineTaskResource(
		{
			value: 'inventory',
			name: 'Inventory',
			description: 'Stock levels by SKU, GTIN, name or ID, and the store’s inventory settings',
		},
		[addStock, getStock, getSettings, removeStock, setStock, updateSettings],
	),
	defineResource(linkSpec),
	// A read-only view over warehouses and store locations; each has its own resource for writes.
	defineTaskResource(
		{
			value: 'location',
			name: 'Location',
			description: 'Warehouses and store locations in one list',
		},
		[getAllLocations],
	),
	defineResource(mailingListSpec),
	defineResource(manufacturerSpec),
	defineResource(microstoreSpec, [getMicrostoreActiveCatalog, updateMicrostoreActiveCatalog]),
	defineResource(notificationSpec),
	defineResource(orderSpec, [
		createShipment,
		orderIntegration,
		processPayment,
		processPayments,
		updateStatus,
	]),
	defineResource(orderAddressSpec, [createFromStoreLocation]),
	defineResource(orderItemSpec),
	defineResource(orderPaymentSpec, [getDecryptedOrderPayment, orderPaymentIntegration]),
	defineResource(orderShipmentSpec, [orderShipmentIntegration]),
	defineResource(orderStatusSpec),
	defineResource(pageSpec),
	defineResource(paymentMethodSpec),
	defineResource(priceCalculatorSpec),
	defineResource(priceCalculatorRuleSpec),
	defineResource(priceCalculatorRuleModifierSpec),
	defineResource(productSpec, [findBySku, importMany, productIntegration, updatePrice, upsert]),
	defineResource(productInactiveInStoreSpec),
	defineResource(productListSpec),
	defineResource(productPictureSpec),
	defineResource(productPricingSpec),
	defineResource(productReviewSpec),
	defineResource(productStatusSpec),
	defineResource(productVariantSpec),
	defineResource(profileSpec),
	defineResource(quoteSpec),
	defineResource(regionSpec),
	defineResource(shippingProviderSpec),
	defineResource(shippingProviderServiceSpec),
	defineResource(shippingRateAdjustmentSpec),
	defineResource(sessionSpec),
	defineResource(storeSpec, [
		addAlertEmail,
		getAlertEmails,
		getStoreActiveCatalog,
		updateStoreActiveCatalog,
	]),
	defineResource(storeLocationSpec),
	defineResource(subscriptionSpec, [pauseItems]),
	defineResource(taxRateSpec),
	// The API offers themes only as an import (POST /themes/import); there is no list or edit.
	defineTaskResource({ value: 'theme', name: 'Theme' }, [importTheme]),
	defineResource(urlRedirectSpec),
	defineResource(userSpec),
	defineResource(variantGroupSpec),
	defineResource(variantInventorySpec),
	defineResource(warehouseSpec),
	defineResource(webhookSpec),
	defineResource(wishlistSpec),
].sort((a, b) => a.name.localeCompare(b.name));

/** One call one operation can make, named as the node shows it (README table, coverage test). */
export interface OperationEndpoint extends Endpoint {
	/** Resource and operation as the editor shows them, e.g. Order, Update Status. */
	resource: string;
	operation: string;
	/** Their parameter values, e.g. order, updateStatus. */
	resourceValue: string;
	operationValue: string;
}

/** Every call of every operation, in registry order (scripts/operations-table.ts, apiCoverage test). */
export function operationEndpoints(): OperationEndpoint[] {
	return RESOURCES.flatMap((resource) =>
		resource.operations.flatMap((operation) =>
			operation.endpoints.map((endpoint) => ({
				resource: resource.name,
				operation: operation.option.name,
				resourceValue: resource.value,
				operationValue: operation.option.value,
				method: endpoint.method,
				path: endpoint.path,
			})),
		),
	);
}
