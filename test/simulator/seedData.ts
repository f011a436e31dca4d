/** Word lists for the seeded store (invented values, realistic shapes). */

export const FIRST_NAMES = [
	'Jane',
	'John',
	'Maria',
	'James',
	'Linda',
	'Robert',
	'Patricia',
	'Michael',
	'Barbara',
	'William',
	'Elizabeth',
	'David',
	'Jennifer',
	'Richard',
	'Susan',
	'Joseph',
	'Jessica',
	'Thomas',
	'Sarah',
	'Carlos',
	'Karen',
	'Daniel',
	'Nancy',
	'Matthew',
	'Lisa',
	'Anthony',
	'Betty',
	'Mark',
	'Sandra',
	'Wei',
	'Ashley',
	'Omar',
	'Kimberly',
	'Luis',
];

export const LAST_NAMES = [
	'Doe',
	'Smith',
	'Johnson',
	'Williams',
	'Brown',
	'Jones',
	'Garcia',
	'Miller',
	'Davis',
	'Rodriguez',
	'Martinez',
	'Hernandez',
	'Lopez',
	'Gonzalez',
	'Wilson',
	'Anderson',
	'Thomas',
	'Taylor',
	'Moore',
	'Jackson',
	'Martin',
	'Lee',
	'Perez',
	'Thompson',
	'White',
	'Harris',
	'Sanchez',
	'Clark',
	'Nguyen',
	"O'Brien",
];

export const COMPANIES = [
	'',
	'',
	'',
	'',
	'Acme Supply',
	'Bluebonnet Retail',
	'Gulf Coast Outfitters',
	'Lone Star Goods',
];

export interface Place {
	city: string;
	state: string;
	stateCode: string;
	postalCode: string;
}

export const PLACES: Place[] = [
	{ city: 'Beaumont', state: 'Texas', stateCode: 'TX', postalCode: '77702' },
	{ city: 'Austin', state: 'Texas', stateCode: 'TX', postalCode: '78701' },
	{ city: 'Chicago', state: 'Illinois', stateCode: 'IL', postalCode: '60601' },
	{ city: 'Denver', state: 'Colorado', stateCode: 'CO', postalCode: '80202' },
	{ city: 'Seattle', state: 'Washington', stateCode: 'WA', postalCode: '98101' },
	{ city: 'Atlanta', state: 'Georgia', stateCode: 'GA', postalCode: '30303' },
	{ city: 'Boston', state: 'Massachusetts', stateCode: 'MA', postalCode: '02108' },
	{ city: 'Phoenix', state: 'Arizona', stateCode: 'AZ', postalCode: '85004' },
	{ city: 'Nashville', state: 'Tennessee', stateCode: 'TN', postalCode: '37203' },
	{ city: 'Portland', state: 'Oregon', stateCode: 'OR', postalCode: '97204' },
	{ city: 'Miami', state: 'Florida', stateCode: 'FL', postalCode: '33131' },
	{ city: 'New York', state: 'New York', stateCode: 'NY', postalCode: '10001' },
];

export const STREETS = [
	'N Bristol Ave',
	'Main St',
	'Oak Ln',
	'Elm St',
	'Calder Ave',
	'Maple Dr',
	'Pine Rd',
	'Cedar Ct',
	'Lakeview Blvd',
];

export const CATEGORY_NAMES = [
	'Apparel',
	'Accessories',
	'Home & Kitchen',
	'Outdoors',
	'Toys',
	'Electronics',
	'T-Shirts',
	'Hoodies',
	'Hats',
	'Bags',
	'Mugs',
	'Camping',
	'Gadgets',
	'Stickers',
	'Posters',
	'Socks',
	'Jackets',
	'Drinkware',
	'Gift Sets',
	'Sale',
];

export const MANUFACTURER_NAMES = [
	'Northwind Apparel',
	'Contoso Goods',
	'Fabrikam',
	'Tailspin Outdoor',
	'Wide World Importers',
	'Adventure Works',
	'Litware',
	'Proseware',
	'Coho Supply',
	'Trey Research',
	'Lucerne Publishing',
	'Margie Travel',
];

export interface ProductKind {
	noun: string;
	code: string;
	minPrice: number;
	maxPrice: number;
	weight: number;
}

export const PRODUCT_KINDS: ProductKind[] = [
	{ noun: 'Tee', code: 'TSHIRT', minPrice: 14, maxPrice: 32, weight: 0.5 },
	{ noun: 'Hoodie', code: 'HOODIE', minPrice: 35, maxPrice: 70, weight: 1.4 },
	{ noun: 'Cap', code: 'CAP', minPrice: 12, maxPrice: 28, weight: 0.3 },
	{ noun: 'Mug', code: 'MUG', minPrice: 9, maxPrice: 22, weight: 0.9 },
	{ noun: 'Tote Bag', code: 'TOTE', minPrice: 11, maxPrice: 30, weight: 0.4 },
	{ noun: 'Water Bottle', code: 'BOTTLE', minPrice: 15, maxPrice: 40, weight: 0.7 },
	{ noun: 'Sticker Pack', code: 'STKR', minPrice: 3, maxPrice: 9, weight: 0.05 },
	{ noun: 'Poster', code: 'POSTER', minPrice: 8, maxPrice: 35, weight: 0.3 },
	{ noun: 'Socks', code: 'SOCKS', minPrice: 7, maxPrice: 18, weight: 0.2 },
	{ noun: 'Backpack', code: 'PACK', minPrice: 40, maxPrice: 120, weight: 2.1 },
	{ noun: 'Lantern', code: 'LANTERN', minPrice: 18, maxPrice: 55, weight: 1.1 },
	{ noun: 'Phone Case', code: 'CASE', minPrice: 12, maxPrice: 38, weight: 0.15 },
];

export const PRODUCT_ADJECTIVES = [
	'Logo',
	'Classic',
	'Vintage',
	'Organic',
	'Heavyweight',
	'Trail',
	'Retro',
	'Everyday',
	'Premium',
	'Limited Edition',
	'Summer',
	'Winter',
	'Coastal',
	'Midnight',
	'Sunset',
	'Urban',
	'Rugged',
	'Travel',
];

export interface VariantOption {
	description: string;
	extension: string;
}

export const COLORS: VariantOption[] = [
	{ description: 'Red', extension: '-RED' },
	{ description: 'Blue', extension: '-BLU' },
	{ description: 'Black', extension: '-BLK' },
	{ description: 'White', extension: '-WHT' },
	{ description: 'Green', extension: '-GRN' },
];

export const SIZES: VariantOption[] = [
	{ description: 'S', extension: '-S' },
	{ description: 'M', extension: '-M' },
	{ description: 'L', extension: '-L' },
	{ description: 'XL', extension: '-XL' },
];

export const ORDER_STATUSES = [
	{ name: 'Pending', color: '#F0AD4E', is_open: true },
	{ name: 'Processing', color: '#5BC0DE', is_open: true },
	{ name: 'Shipped', color: '#65A4E0', is_shipped: true },
	{ name: 'Partially Shipped', color: '#9B59B6', is_open: true, is_partially_shipped: true },
	{ name: 'Cancelled', color: '#D9534F', is_cancelled: true },
	{ name: 'Declined', color: '#8B0000', is_declined: true },
	{ name: 'Refunded', color: '#777777', is_fully_refunded: true },
	{ name: 'Quote', color: '#CCCCCC', is_open: true, is_quote_status: true },
];

/** Status ids used by the seeder (positions in ORDER_STATUSES, 1-based). */
export const STATUS = {
	pending: 1,
	processing: 2,
	shipped: 3,
	partiallyShipped: 4,
	cancelled: 5,
	declined: 6,
	refunded: 7,
};

export const PRODUCT_STATUSES = [
	{ name: 'In Stock', is_unavailable: false, is_back_ordered: false },
	{ name: 'Out of Stock', is_unavailable: true, is_back_ordered: false },
	{ name: 'Back Ordered', is_unavailable: false, is_back_ordered: true },
	{ name: 'Discontinued', is_unavailable: true, is_back_ordered: false },
];

export const SHIPPING_PROVIDERS = [
	{
		name: 'UPS',
		provider_code: 'UPS',
		trackingUrl: 'https://www.ups.com/track?tracknum=',
		services: [
			{ identifier: 'UPS Ground', code: '03' },
			{ identifier: 'UPS 2nd Day Air', code: '02' },
			{ identifier: 'UPS Next Day Air', code: '01' },
		],
	},
	{
		name: 'FedEx',
		provider_code: 'FEDEX',
		trackingUrl: 'https://www.fedex.com/fedextrack/?trknbr=',
		services: [
			{ identifier: 'FedEx Ground', code: 'FEDEX_GROUND' },
			{ identifier: 'FedEx 2Day', code: 'FEDEX_2_DAY' },
		],
	},
	{
		name: 'USPS',
		provider_code: 'USPS',
		trackingUrl: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=',
		services: [
			{ identifier: 'USPS Priority Mail', code: 'Priority' },
			{ identifier: 'USPS First-Class Package', code: 'First-Class' },
		],
	},
];
