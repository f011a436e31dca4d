/**
 * The fields live records carry beyond those the seed writes itself, with the value a store shows
 * when nobody filled them in, so that simulated pages are as wide (and as heavy) as live ones.
 *
 * Field names: the record schemas of Cart.com's OpenAPI file (AmeriCommerce/rest-api `acapi.yaml`,
 * `components/schemas/<resource>`, without expand-only collections), plus the few fields only
 * Airbyte's live-read schemas show (airbytehq/airbyte `source-cart/source_cart/manifest.yaml`:
 * customers.sub, order_items.fitment and selected_shipping_*, order_payments.sent_to_spark_pay and
 * token). Values: null where that live read never saw the field set (it is absent from its inferred
 * schema) and for references and dates; otherwise the type's empty value ('' / 0 / false).
 * Generated once from those files; test/simulator/liveSchemas/ holds the check that keeps it so.
 */
import type { SimRecord } from './types';

type Scalar = string | number | boolean | null;

const LIVE_FIELDS: Record<string, Record<string, Scalar>> = {
	customers: {
		search_string: '',
		sales_person: '',
		is_affiliate_customer: false,
		is_contact_information_only: false,
		sales_person_user_id: null,
		tax_rate: null,
		lock_default_address: null,
		reward_tier_id: null,
		use_shared_credit_limit: null,
		override_shared_credit_limit: null,
		default_payment_type_name: null,
		sub: '',
	},
	order_items: {
		height: 0,
		length: 0,
		width: 0,
		size_unit: '',
		admin_comments: '',
		do_not_discount: false,
		line_item_note: '',
		order_shipping_address_id: null,
		gift_message: '',
		delivery_date: null,
		is_subscription_product: false,
		configuration: '',
		status: '',
		shipping_classification_code: null,
		fitment: '',
		selected_shipping_method: '',
		selected_shipping_provider_service: '',
	},
	order_payments: {
		customer_payment_method_id: null,
		payment_method_id: null,
		avs_code: '',
		gift_certificate_id: null,
		gateway_response_code: '',
		cvv_response_code: '',
		payment_ref_num: '',
		store_payment_method_id: null,
		sent_to_spark_pay: false,
		token: '',
	},
	products: {
		bullets: '',
		long_description_2: '',
		long_description_3: '',
		long_description_4: '',
		long_description_5: '',
		sort_order: 0,
		e_product_type: '',
		e_product_url: '',
		e_product_password: '',
		e_product_verification_link_expiration: 0,
		e_product_email: '',
		e_product_allow_multiple_deliveries: 0,
		rate_adjustment_type: '',
		use_tabs: false,
		related_name: '',
		override_theme_use_tabs: false,
		long_description_tab_name_1: '',
		long_description_tab_name_2: '',
		long_description_tab_name_3: '',
		long_description_tab_name_4: '',
		long_description_tab_name_5: '',
		e_product_delivery_action: '',
		long_description_external_url_1: '',
		long_description_external_url_2: '',
		long_description_external_url_3: '',
		long_description_external_url_4: '',
		long_description_external_url_5: '',
		bullets_external_url: '',
		custom_flag_1: false,
		custom_flag_2: false,
		custom_flag_3: false,
		custom_flag_4: false,
		custom_flag_5: false,
		available_region_id: null,
		call_for_shipping_on_whole_order: false,
		break_out_shipping: false,
		shipping_classification_code: '',
		exclude_parent_from_display: false,
		no_price_mask: '',
		starting_quantity: 0,
		use_map_pricing: false,
		last_item_number: '',
		product_rating_dimension_group_override_id: null,
		average_review_rating: null,
		review_count: null,
		exclude_children_from_display: false,
		use_pricing_from_parent: false,
		do_not_discount: false,
		head_tags: '',
		handling_fee: null,
		custom_upsell_url: '',
		e_product_serial_number_file_path: '',
		hide_variant_surcharges: false,
		add_to_cart_message: '',
		is_subscription_product: false,
		subscription_frequency: null,
		subscription_frequency_type: '',
		e_product_generic_username: '',
		e_product_generic_password: '',
		shipping_override: null,
		insurance_cost: null,
		exclude_from_commissions: false,
		days_until_reorder_allowed: 0,
		force_separate_order: false,
		approval_required: false,
		in_stock_notification_email_template_id: null,
		inelligible_for_purchase_by_points: null,
		earns_points: false,
		additional_points_earned: 0,
		allowed_variable_subscription_types: '',
		profile_id: null,
		do_not_send_review_request: false,
		pack_slip_sort_order: null,
		is_enable_variants_on_parent: null,
		is_hide_children_on_parent: null,
		enabled_configurator: '',
		material_code: '',
		product_line_code: '',
		ext_update_date: null,
		additional_attributes: '',
		shipper_hq_shipping_groups: '',
		shipper_hq_dimensional_rule_groups: '',
		shipper_hq_packing_boxes: '',
		freight_class: '',
		coo: null,
		hts: null,
		is_exempt_from_min_order_amount: null,
	},
};

/**
 * Adds the live fields a seeded record lacks (those it has are kept). Values are scalars, so one
 * shared default object is safe to copy from.
 */
export function withLiveFields(resource: string, records: SimRecord[]): SimRecord[] {
	const fields = LIVE_FIELDS[resource];
	if (!fields) return records;
	for (const record of records) {
		for (const name in fields) if (!(name in record)) record[name] = fields[name];
	}
	return records;
}
